import { ruleTester } from '../../test/ruleTester';
import rule from './selinux-options';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      level: "s0:c123,c456"\n  containers:\n    - name: web\n      securityContext:\n        seLinuxOptions:\n          type: container_init_t\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
  ],
  invalid: [
    {
      name: 'custom type on the pod, user and role on a container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seLinuxOptions:\n      type: spc_t\n  containers:\n    - name: web\n      securityContext:\n        seLinuxOptions:\n          user: system_u\n          role: system_r\n          level: s0\n',
      errors: [
        { line: 8, column: 13, message: 'Pod "web" (pod securityContext) sets SELinux type "spc_t": only container_t, container_init_t or container_kvm_t are allowed.' },
        { line: 13, column: 17, message: 'Container "web" sets a custom SELinux user "system_u" explicitly.' },
        { line: 14, column: 17, message: 'Container "web" sets a custom SELinux role "system_r" explicitly.' },
      ],
      output: null,
    },
    {
      name: 'only user: the emptied seLinuxOptions goes too (StatefulSet)',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          securityContext:\n            runAsNonRoot: true\n            seLinuxOptions:\n              user: unconfined_u\n',
      errors: [{ line: 13, column: 21, message: 'Container "db" sets a custom SELinux user "unconfined_u" explicitly.' }],
      output: null,
      suggestions: [{ title: "Remove seLinuxOptions.user", output: "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      containers:\n        - name: db\n          securityContext:\n            runAsNonRoot: true\n" }],
    },
  ],
});

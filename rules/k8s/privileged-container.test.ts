import { ruleTester } from '../../test/ruleTester';
import rule from './privileged-container';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n',
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  privileged: "true"\n' },
    { name: 'odd shapes do not throw', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      securityContext: null\n    - name: b\n      securityContext: [1, 2]\n    - 42\n' },
    {
      name: 'suppressed on the next line',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  containers:\n    - name: agent\n      securityContext:\n        # readiness-lint-disable-next-line k8s/privileged-container -- CNI agent\n        privileged: true\n',
    },
  ],
  invalid: [
    {
      name: 'Pod container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n',
      errors: [{ line: 10, column: 21, message: 'Container "web" turns privileged on explicitly (true): it gets all capabilities and host devices.' }],
      output: null,
      suggestions: [{ title: 'Set privileged: false', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        privileged: false\n' }],
    },
    {
      name: 'Deployment init container and container, multi-document file',
      code:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext: {privileged: true}\n      containers:\n        - name: web\n          securityContext:\n            privileged: true # needed?\n',
      errors: [
        { line: 15, column: 41, message: /^Init container "init" turns privileged on explicitly/ },
        { line: 19, column: 25, message: /^Container "web" turns privileged on explicitly/ },
      ],
      output: null,
      suggestions: [{ title: 'Set privileged: false', output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext: {privileged: false}\n      containers:\n        - name: web\n          securityContext:\n            privileged: true # needed?\n' }],
    },
    {
      name: 'CronJob inside a List',
      code:
        'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: job\n    spec:\n      schedule: "* * * * *"\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  securityContext:\n                    privileged: true\n',
      errors: [{ line: 17, column: 33 }],
      output: null,
      suggestions: [{ title: 'Set privileged: false', output: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: job\n    spec:\n      schedule: "* * * * *"\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  securityContext:\n                    privileged: false\n' }],
    },
  ],
});

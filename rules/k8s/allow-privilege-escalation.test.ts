import { ruleTester } from '../../test/ruleTester';
import rule from './allow-privilege-escalation';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        allowPrivilegeEscalation: false\n',
    { name: 'Windows pods are exempt', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: win\nspec:\n  os:\n    name: windows\n  containers:\n    - name: web\n' },
    { name: 'Service is ignored', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports: [{port: 80}]\n' },
    { name: 'pod spec without containers', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: null\n' },
  ],
  invalid: [
    {
      name: 'unset: reported at the container name',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      errors: [{ line: 7, column: 7, message: 'Container "web" does not set securityContext.allowPrivilegeEscalation: false (privilege escalation is allowed by default).' }],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        allowPrivilegeEscalation: false\n",
    },
    {
      name: 'explicit true: a suggestion, never a fix; a pod-level setting does not count (container-only field)',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      initContainers:\n        - name: init\n          securityContext:\n            allowPrivilegeEscalation: true\n      containers:\n        - name: web\n          securityContext:\n            runAsNonRoot: true\n',
      errors: [
        { line: 13, column: 39, message: 'Init container "init" turns allowPrivilegeEscalation on explicitly (true): set securityContext.allowPrivilegeEscalation to false unless it must run setuid tools.' },
        { line: 16, column: 11, message: /^Container "web" does not set/ },
      ],
      output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      initContainers:\n        - name: init\n          securityContext:\n            allowPrivilegeEscalation: true\n      containers:\n        - name: web\n          securityContext:\n            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n",
      suggestions: [
        {
          title: 'Set allowPrivilegeEscalation: false',
          output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      initContainers:\n        - name: init\n          securityContext:\n            allowPrivilegeEscalation: false\n      containers:\n        - name: web\n          securityContext:\n            runAsNonRoot: true\n",
        },
      ],
    },
    {
      name: 'CronJob in a List, second document: the quoted "true" is explicit too',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: job\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  securityContext: {allowPrivilegeEscalation: "true"}\n',
      errors: [{ line: 20, column: 63, message: /turns allowPrivilegeEscalation on explicitly \("true"\)/ }],
      output: null,
      suggestions: [{ title: 'Set allowPrivilegeEscalation: false', output: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: batch/v1\n    kind: CronJob\n    metadata:\n      name: job\n    spec:\n      jobTemplate:\n        spec:\n          template:\n            spec:\n              containers:\n                - name: job\n                  securityContext: {allowPrivilegeEscalation: false}\n" }],
    },
  ],
});

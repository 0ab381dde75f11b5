import { ruleTester } from '../../test/ruleTester';
import rule from './run-as-non-root';

ruleTester(rule, {
  valid: [
    { name: 'pod level, inherited', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  initContainers:\n    - name: init\n  containers:\n    - name: web\n' },
    { name: 'container level', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        runAsNonRoot: true\n' },
    { name: 'non-zero runAsUser at pod level', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsUser: 10001\n  containers:\n    - name: web\n' },
    { name: 'user namespace', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      name: 'unset everywhere: one finding per container',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n      containers:\n        - name: web\n          securityContext:\n            readOnlyRootFilesystem: true\n',
      errors: [
        { line: 9, column: 11, message: 'Init container "init" may run as root: neither the pod nor the container sets runAsNonRoot: true or a non-zero runAsUser.' },
        { line: 12, column: 11, message: /^Container "web" may run as root/ },
      ],
      output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n      containers:\n        - name: web\n          securityContext:\n            readOnlyRootFilesystem: true\n      securityContext:\n        runAsNonRoot: true\n",
    },
    {
      name: 'container overrides the pod to false',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n    - name: sidecar\n      securityContext:\n        runAsNonRoot: false\n',
      errors: [{ line: 12, column: 23, message: 'Container "sidecar" turns runAsNonRoot off explicitly (false): it may run as root.' }],
      output: null,
      suggestions: [{ title: 'Set runAsNonRoot: true', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n    - name: sidecar\n      securityContext:\n        runAsNonRoot: true\n' }],
    },
    {
      name: 'a sibling overrides to false: the fix goes on the container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: web:1\n    - name: legacy\n      securityContext:\n        runAsNonRoot: false\n',
      errors: [
        { line: 7, column: 7, message: /^Container "web" may run as root/ },
        { line: 11, column: 23, message: /^Container "legacy" turns runAsNonRoot off explicitly \(false\)/ },
      ],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: web:1\n      securityContext:\n        runAsNonRoot: true\n    - name: legacy\n      securityContext:\n        runAsNonRoot: false\n",
    },
    {
      name: 'pod-level false is inherited',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: false\n  containers:\n    - name: web\n',
      errors: [{ line: 7, column: 19, message: 'Container "web" turns runAsNonRoot off explicitly (false, inherited from the pod): it may run as root.' }],
      output: null,
      suggestions: [{ title: 'Set runAsNonRoot: true', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n' }],
    },
    {
      name: 'runAsUser 0 at container level',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        runAsUser: 0\n',
      errors: [{ line: 8, column: 7, message: 'Container "web" runs as UID 0 (root).' }],
      output: null,
    },
  ],
});

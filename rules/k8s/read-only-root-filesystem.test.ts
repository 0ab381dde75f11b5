import { ruleTester } from '../../test/ruleTester';
import rule from './read-only-root-filesystem';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        readOnlyRootFilesystem: true\n',
    { name: 'ephemeral debug containers are skipped', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext: {readOnlyRootFilesystem: true}\n  ephemeralContainers:\n    - name: debug\n' },
    { name: 'no pod spec', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n' },
  ],
  invalid: [
    {
      name: 'explicit false: a suggestion, never a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        readOnlyRootFilesystem: false\n',
      errors: [{ line: 9, column: 33, message: 'Container "web" turns readOnlyRootFilesystem off explicitly (false): its root filesystem is writable. Set it to true and mount an emptyDir where the application writes.' }],
      output: null,
      suggestions: [{ title: 'Set readOnlyRootFilesystem: true', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        readOnlyRootFilesystem: true\n' }],
    },
    {
      name: 'missing: reported at securityContext when it exists, else at name',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext:\n            runAsNonRoot: true\n      containers:\n        - name: job\n',
      errors: [
        { line: 10, column: 11, message: 'Init container "init" does not set securityContext.readOnlyRootFilesystem: true.' },
        { line: 13, column: 11, message: 'Container "job" does not set securityContext.readOnlyRootFilesystem: true.' },
      ],
      output: "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext:\n            runAsNonRoot: true\n            readOnlyRootFilesystem: true\n      containers:\n        - name: job\n          securityContext:\n            readOnlyRootFilesystem: true\n",
    },
    {
      name: 'an empty value is not an explicit one: fixed',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        readOnlyRootFilesystem:\n',
      errors: [{ line: 9, column: 9, message: 'Container "web" does not set securityContext.readOnlyRootFilesystem: true.' }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        readOnlyRootFilesystem: true\n',
    },
  ],
});

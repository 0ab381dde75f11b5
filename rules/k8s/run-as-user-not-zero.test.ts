import { ruleTester } from '../../test/ruleTester';
import rule from './run-as-user-not-zero';

const pod0 = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: web\n';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    runAsUser: 10001\n  containers:\n    - name: web\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
    { name: 'user namespace', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostUsers: false\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      name: 'pod level',
      code: pod0,
      errors: [{ line: 7, column: 16, message: 'Pod "web" sets pod-level runAsUser: 0 (root).' }],
      output: null,
      suggestions: [{ title: /UID 10001/, output: pod0.replace('runAsUser: 0', 'runAsUser: 10001') }],
    },
    {
      name: 'StatefulSet init container and container (string "0")',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: chown\n          securityContext: {runAsUser: 0}\n      containers:\n        - name: db\n          securityContext:\n            runAsUser: "0"\n',
      errors: [
        { line: 10, column: 40, message: 'Init container "chown" sets runAsUser: 0 (root).' },
        { line: 14, column: 24, message: 'Container "db" sets runAsUser: 0 (root).' },
      ],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './no-added-dangerous-capabilities';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE, CHOWN]\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
    { name: 'add is not a list', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          add: SYS_ADMIN\n' },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN and NET_RAW among allowed ones',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vpn\nspec:\n  containers:\n    - name: vpn\n      securityContext:\n        capabilities:\n          add:\n            - NET_BIND_SERVICE\n            - SYS_ADMIN\n            - NET_RAW\n',
      errors: [
        { line: 12, column: 15, message: 'Container "vpn" adds capability SYS_ADMIN explicitly, outside the Pod Security Standards baseline set.' },
        { line: 13, column: 15, message: 'Container "vpn" adds capability NET_RAW explicitly, outside the Pod Security Standards baseline set.' },
      ],
      output: null,
      suggestions: [{ title: "Remove SYS_ADMIN from capabilities.add", output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: vpn\nspec:\n  containers:\n    - name: vpn\n      securityContext:\n        capabilities:\n          add:\n            - NET_BIND_SERVICE\n            - NET_RAW\n" }],
    },
    {
      name: 'ALL in an init container of a ReplicaSet',
      code: 'apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext:\n            capabilities:\n              add: ["ALL"]\n      containers:\n        - name: web\n',
      errors: [{ line: 12, column: 21, message: /^Init container "init" adds capability ALL/ }],
      output: null,
      suggestions: [{ title: "Remove ALL from capabilities.add", output: "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: rs\nspec:\n  template:\n    spec:\n      initContainers:\n        - name: init\n          securityContext: {}\n      containers:\n        - name: web\n" }],
    },
  ],
});

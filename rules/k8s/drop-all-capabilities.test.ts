import { ruleTester } from '../../test/ruleTester';
import rule from './drop-all-capabilities';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n',
    { name: 'lower-case all', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop:\n            - all\n' },
    { name: 'Windows pod', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n  os: {name: windows}\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      name: 'no capabilities at all',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      errors: [{ line: 7, column: 7, message: 'Container "web" keeps the runtime\'s default capabilities: set securityContext.capabilities.drop: ["ALL"].' }],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n",
    },
    {
      name: 'drop list without ALL, and a restricted add',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          securityContext:\n            capabilities:\n              drop:\n                - NET_RAW\n              add: [CHOWN, NET_BIND_SERVICE]\n',
      errors: [
        { line: 12, column: 15, message: 'Container "agent" does not drop ALL capabilities (securityContext.capabilities.drop must include ALL).' },
        { line: 14, column: 21, message: 'Container "agent" adds capability CHOWN: only NET_BIND_SERVICE may be added back after dropping ALL.' },
      ],
      output: "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      containers:\n        - name: agent\n          securityContext:\n            capabilities:\n              drop:\n                - ALL\n              add: [CHOWN, NET_BIND_SERVICE]\n",
    },
    {
      name: 'empty capabilities map in an init container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      securityContext:\n        capabilities: {}\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop: ["ALL"]\n',
      errors: [{ line: 9, column: 9, message: /^Init container "init" keeps/ }],
      output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n    - name: init\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop: [\"ALL\"]\n",
    },
    {
      name: 'explicit add: [ALL]: the edit that replaces it is a suggestion, never a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          add:\n            - ALL\n',
      errors: [{ line: 9, column: 9, message: 'Container "web" adds ALL capabilities explicitly (capabilities.add: ALL) and does not drop them: set securityContext.capabilities to drop: ["ALL"] and add back only what it needs.' }],
      output: null,
      suggestions: [{ title: 'Drop ALL capabilities', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop:\n            - ALL\n' }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './proc-mount';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        procMount: Default\n',
    { name: 'user namespaces allow Unmasked (baseline)', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  hostUsers: false\n  containers:\n    - name: builder\n      securityContext:\n        procMount: Unmasked\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  initContainers:\n    - name: init\n      securityContext: {procMount: Unmasked}\n  containers:\n    - name: builder\n      securityContext:\n        procMount: Unmasked\n',
      errors: [
        { line: 8, column: 36, message: 'Init container "init" sets procMount: Unmasked explicitly: /proc is not masked.' },
        { line: 12, column: 20, message: 'Container "builder" sets procMount: Unmasked explicitly: /proc is not masked.' },
      ],
      output: null,
      suggestions: [{ title: "Set procMount: Default", output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  initContainers:\n    - name: init\n      securityContext: {procMount: Default}\n  containers:\n    - name: builder\n      securityContext:\n        procMount: Unmasked\n" }],
    },
  ],
});

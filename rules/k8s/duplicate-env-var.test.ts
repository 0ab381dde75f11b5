import { ruleTester } from '../../test/ruleTester';
import rule from './duplicate-env-var';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "2"\n',
    { name: 'same name in different containers', code: 'apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n  - {name: init, env: [{name: A, value: x}]}\n  containers:\n  - {name: web, env: [{name: A, value: x}]}\n' },
    { name: 'odd shapes', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env: {A: 1}\n  - name: b\n    env: [null, {value: 1}, {value: 2}]\n' },
  ],
  invalid: [
    {
      name: 'Deployment: remove the earlier entry',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: MODE\n          # the old mode\n          value: a\n        - name: OTHER\n          value: x\n        - name: MODE\n          value: b\n',
      errors: [{ line: 14, column: 17, message: 'Container "web" defines env var "MODE" again (first on line 9); the last definition wins.' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: OTHER\n          value: x\n        - name: MODE\n          value: b\n',
    },
    {
      name: 'three times, init container in a CronJob, multi-document',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: init\n            env:\n            - name: A\n              value: "1"\n            - name: A\n              value: "2"\n            - name: A\n              value: "3"\n',
      errors: [{ line: 18, column: 21, message: /^Init container "init" defines env var "A" again \(first on line 16\)/ }, { line: 20, column: 21, message: /first on line 18/ }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: init\n            env:\n            - name: A\n              value: "3"\n',
    },
    {
      name: 'flow sequence in a List: reported, not fixed',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec:\n    containers:\n    - {name: web, env: [{name: A, value: x}, {name: A, value: y}]}\n',
      errors: [{ line: 8, column: 53 }],
      output: null,
    },
    {
      name: '$(NAME) between the two reads the earlier value: a suggestion, not a fix',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - name: PATH\n      value: /app/bin\n    - name: PATH\n      value: $(PATH):/usr/bin\n',
      errors: [{ line: 9, column: 13, message: 'Container "web" defines env var "PATH" again (first on line 7); the last definition wins, but $(PATH) in the entries up to it reads the earlier value.' }],
      output: null,
      suggestions: [{ title: 'Remove the earlier "PATH" entry (review: $(PATH) refers to it)', output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - name: PATH\n      value: $(PATH):/usr/bin\n' }],
    },
  ],
});

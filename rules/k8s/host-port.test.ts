import { ruleTester } from '../../test/ruleTester';
import rule from './host-port';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      ports:\n        - containerPort: 8080\n',
    { name: 'hostPort 0 means unset', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      ports:\n        - containerPort: 8080\n          hostPort: 0\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ports:\n            - name: http\n              containerPort: 8080\n              hostPort: 80\n            - containerPort: 9090\n',
      errors: [{ line: 13, column: 25, message: 'Container "web" sets hostPort 80 explicitly: it binds that port on the node.' }],
      output: null,
      suggestions: [{ title: "Remove hostPort", output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          ports:\n            - name: http\n              containerPort: 8080\n            - containerPort: 9090\n" }],
    },
    {
      name: 'init container, flow style, string port',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  initContainers:\n    - name: init\n      ports: [{containerPort: 53, hostPort: "53"}]\n  containers:\n    - name: c\n',
      errors: [{ line: 8, column: 45, message: 'Init container "init" sets hostPort 53 explicitly: it binds that port on the node.' }],
      output: null,
    },
  ],
});

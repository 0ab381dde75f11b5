import { ruleTester } from '../../test/ruleTester';
import rule from './host-field-in-probes';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      livenessProbe:\n        httpGet:\n          path: /healthz\n          port: 8080\n          httpHeaders:\n            - name: Host\n              value: example.com\n',
    { name: 'empty host', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      readinessProbe:\n        tcpSocket:\n          host: ""\n          port: 8080\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          readinessProbe:\n            httpGet:\n              host: 169.254.169.254\n              path: /\n              port: 80\n          lifecycle:\n            preStop:\n              tcpSocket:\n                port: 9000\n                host: internal.example\n',
      errors: [
        { line: 12, column: 21, message: 'Container "web" readinessProbe httpGet sets host "169.254.169.254" explicitly: the kubelet connects to that host instead of the pod.' },
        { line: 19, column: 23, message: 'Container "web" lifecycle.preStop tcpSocket sets host "internal.example" explicitly: the kubelet connects to that host instead of the pod.' },
      ],
      output: null,
      suggestions: [{ title: "Remove httpGet.host", output: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          readinessProbe:\n            httpGet:\n              path: /\n              port: 80\n          lifecycle:\n            preStop:\n              tcpSocket:\n                port: 9000\n                host: internal.example\n" }],
    },
  ],
});

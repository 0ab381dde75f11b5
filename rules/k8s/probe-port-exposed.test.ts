import { ruleTester } from '../../test/ruleTester';
import rule from './probe-port-exposed';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ports:\n    - name: http\n      containerPort: 8080\n    readinessProbe:\n      httpGet: {path: /ready, port: http}\n    livenessProbe:\n      tcpSocket: {port: 8080}\n    startupProbe:\n      httpGet: {path: /ready, port: "8080"}\n',
    { name: 'exec probes have no port', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    livenessProbe: {exec: {command: [true]}}\n' },
    { name: 'odd shapes', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ports: null\n    livenessProbe: {httpGet: {port: null}}\n    readinessProbe: [x]\n' },
  ],
  invalid: [
    {
      name: 'unknown port name in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /ready\n            port: web\n',
      errors: [{ line: 14, column: 19, message: 'Container "web" readinessProbe targets port "web", which is not a named port of the container (declared: http, 8080).' }],
    },
    {
      name: 'undeclared numbers, grpc, multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    livenessProbe: {tcpSocket: {port: 9090}}\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: CronJob\n  spec:\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            containers:\n            - name: b\n              ports: [{containerPort: 80}]\n              startupProbe: {grpc: {port: 81}}\n',
      errors: [
        { line: 6, column: 39, message: 'Container "a" livenessProbe targets port 9090, which the container does not declare in ports.' },
        { line: 21, column: 43, message: /port 81.*declared: 80/ },
      ],
    },
  ],
});

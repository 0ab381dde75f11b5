import { ruleTester } from '../../test/ruleTester';
import rule from './probes-identical';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    readinessProbe:\n      httpGet: {path: /ready, port: 80}\n    livenessProbe:\n      httpGet: {path: /healthz, port: 80}\n',
    { name: 'same handler, different thresholds', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    readinessProbe: {httpGet: {path: /h, port: 80}}\n    livenessProbe: {httpGet: {path: /h, port: 80}, failureThreshold: 6}\n' },
    { name: 'only one probe', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    readinessProbe: {httpGet: {path: /h, port: 80}}\n' },
    { name: 'odd shapes', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    readinessProbe: {}\n    livenessProbe: {}\n  - name: b\n    readinessProbe: [1]\n    livenessProbe: [1]\n' },
  ],
  invalid: [
    {
      name: 'Deployment, block and flow styles compared by value',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        readinessProbe:\n          httpGet:\n            path: /health\n            port: 8080\n        livenessProbe: {httpGet: {port: 8080, path: /health}}\n',
      errors: [{ line: 12, column: 9, message: 'Container "web" has a liveness probe identical to its readiness probe (line 9): a slow dependency would restart every replica.' }],
    },
    {
      name: 'CronJob-free multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    readinessProbe: {exec: {command: [true]}}\n    livenessProbe: {exec: {command: [true]}}\n---\nkind: List\napiVersion: v1\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  spec:\n    template:\n      spec:\n        containers:\n        - name: b\n          readinessProbe: {tcpSocket: {port: db}}\n          livenessProbe: {tcpSocket: {port: db}}\n',
      errors: [{ line: 7, column: 5 }, { line: 20, column: 11 }],
    },
  ],
});

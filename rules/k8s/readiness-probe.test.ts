import { ruleTester } from '../../test/ruleTester';
import rule from './readiness-probe';

const deploy = (container: string) => 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n' + container;

ruleTester(rule, {
  valid: [
    deploy('      - name: web\n        readinessProbe:\n          httpGet: {path: /ready, port: 8080}\n'),
    { name: 'Jobs and CronJobs are exempt', code: 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: once\n---\napiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: nightly\n' },
    { name: 'init and ephemeral containers are exempt', code: 'apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n  - name: init\n  containers:\n  - name: web\n    readinessProbe: {tcpSocket: {port: 80}}\n  ephemeralContainers:\n  - name: debug\n' },
  ],
  invalid: [
    {
      name: 'named port: HTTP and TCP suggestions',
      code: deploy('      - name: web\n        ports:\n        - name: http\n          containerPort: 8080\n'),
      errors: [{ line: 9, column: 9, message: 'Container "web" has no readiness probe (readinessProbe).' }],
      suggestions: [
        { title: /HTTP readinessProbe on port http/, output: deploy('      - name: web\n        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /ready  # review: endpoint that answers 200 only when ready to serve\n            port: http\n          periodSeconds: 5\n          failureThreshold: 3\n') },
        { title: /TCP readinessProbe on port http/, output: deploy('      - name: web\n        ports:\n        - name: http\n          containerPort: 8080\n        readinessProbe:\n          tcpSocket:\n            port: http  # review: a listening socket is a weak health signal\n          periodSeconds: 5\n          failureThreshold: 3\n') },
      ],
    },
    {
      name: 'no port: exec placeholder as Polaris',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: worker\n    image: w:1\n',
      errors: [{ line: 5, column: 5 }],
      suggestions: [{ title: /exec/, output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: worker\n    image: w:1\n    readinessProbe:\n      exec:\n        command: [cat, /tmp/healthy]  # review: a command that succeeds only when healthy\n      initialDelaySeconds: 5\n      periodSeconds: 5\n' }],
    },
    {
      name: 'null probe, multi-document, List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    readinessProbe:\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: DaemonSet\n  spec:\n    template:\n      spec:\n        containers:\n        - {name: b, ports: [{containerPort: 9000}]}\n',
      errors: [{ line: 6, column: 5 }, { line: 17, column: 12 }],
    },
  ],
});

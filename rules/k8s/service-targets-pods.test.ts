import { ruleTester } from '../../test/ruleTester';
import rule from './service-targets-pods';

const svc = (sel: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:${extra}
  selector:
    ${sel}
  ports:
    - port: 80
`;
const deploy = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web, tier: front}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

ruleTester(rule, {
  valid: [
    { name: 'selects the deployment in the same file', code: svc('app: web') + '---\n' + deploy },
    { name: 'selects a workload in another file', code: svc('tier: front'), workspace: [{ path: 'deploy.yaml', code: deploy }] },
    { name: 'ExternalName services have no selector semantics', code: svc('app: nothing', '\n  type: ExternalName') },
    { name: 'no selector: endpoints managed by hand', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports: [{port: 5432}]\n' },
  ],
  invalid: [
    {
      name: 'label renamed in the workload only',
      code: svc('app: web-v2'),
      workspace: [{ path: 'deploy.yaml', code: deploy }],
      errors: [{ line: 6, column: 3, message: 'Service "web" selects no pods in the workspace (selector app=web-v2): it has no endpoints. Match it to a workload\'s pod template labels.' }],
    },
    { name: 'a selector key the pods lack', code: svc('app: web\n    version: v2'), workspace: [{ path: 'deploy.yaml', code: deploy }], errors: [{ line: 6, column: 3 }] },
  ],
});

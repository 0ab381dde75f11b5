import { ruleTester } from '../../test/ruleTester';
import rule from './hpa-replicas-conflict';

const deploy = (replicas: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${replicas}  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const hpa = (target = 'web') => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${target}}
  minReplicas: 2
  maxReplicas: 10
`;

ruleTester(rule, {
  valid: [
    { name: 'HPA and no replicas', code: deploy(''), workspace: [{ path: 'hpa.yaml', code: hpa() }] },
    { name: 'replicas without an HPA', code: deploy('  replicas: 3\n') },
    { name: 'HPA for another deployment', code: deploy('  replicas: 3\n'), workspace: [{ path: 'hpa.yaml', code: hpa('api') }] },
  ],
  invalid: [
    {
      name: 'HPA in another file; the explicit replicas: the suggestion removes them and keeps comments',
      code: deploy('  # three for now\n  replicas: 3\n'),
      workspace: [{ path: 'hpa.yaml', code: hpa() }],
      errors: [{ line: 7, column: 3, message: /^Deployment "web" sets spec.replicas explicitly \(3\) but HorizontalPodAutoscaler "web" scales it/ }],
      output: null,
      suggestions: [{ title: 'Remove spec.replicas (the HPA manages it)', output: deploy('  # three for now\n') }],
    },
    { name: 'HPA in the same file', code: deploy('  replicas: 3\n') + '---\n' + hpa(), errors: [{ line: 6, column: 3 }], output: null, suggestions: [{ title: /^Remove spec.replicas/, output: deploy('') + '---\n' + hpa() }] },
  ],
});

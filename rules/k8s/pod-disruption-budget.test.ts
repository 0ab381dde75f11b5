import { ruleTester } from '../../test/ruleTester';
import rule from './pod-disruption-budget';

const deploy = (replicas: number, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
const pdb = (sel: string, ns = '') => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web${ns ? `\n  namespace: ${ns}` : ''}
spec:
  maxUnavailable: 1
  selector:
    matchLabels:
      ${sel}
`;

ruleTester(rule, {
  valid: [
    { name: 'single replica', code: deploy(1) },
    { name: 'PDB in the same file', code: deploy(3) + '---\n' + pdb('app: web') },
    { name: 'PDB in another file of the workspace', code: deploy(3), workspace: [{ path: 'pdb.yaml', code: pdb('tier: front') }] },
    {
      name: 'HPA with minReplicas 1 and no replicas',
      code: deploy(1),
      workspace: [{ path: 'hpa.yaml', code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 5\n' }],
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n' },
  ],
  invalid: [
    {
      name: 'no PDB anywhere; suggestion appends one',
      code: deploy(3),
      errors: [{ line: 4, column: 9, message: 'Deployment "web" runs 3 replicas but no PodDisruptionBudget selects its pods: a node drain can evict them all at once.' }],
      suggestions: [
        {
          title: 'Add a PodDisruptionBudget for Deployment "web" (review maxUnavailable)',
          output:
            deploy(3) +
            '---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-pdb\nspec:\n  maxUnavailable: 1 # review: how many pods may be down at once during node drains\n  selector:\n    matchLabels:\n      app: "web"\n',
        },
      ],
    },
    { name: 'PDB in another namespace does not count', code: deploy(2, 'shop'), workspace: [{ path: 'pdb.yaml', code: pdb('app: web', 'other') }], errors: [{ line: 4, column: 9 }] },
    { name: 'PDB whose selector does not match', code: deploy(2), workspace: [{ path: 'pdb.yaml', code: pdb('app: api') }], errors: [{ line: 4, column: 9 }] },
    {
      name: 'HPA minReplicas counts when it targets the workload',
      code: deploy(1),
      workspace: [{ path: 'hpa.yaml', code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n' }],
      errors: [{ line: 4, column: 9, message: /runs 2 replicas/ }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './min-replicas';

const deploy = (spec: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}  template:\n    spec:\n      containers:\n      - name: web\n`;

ruleTester(rule, {
  valid: [
    deploy('  replicas: 3\n'),
    { name: 'HPA in the same file owns the count', code: deploy('') + '---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n' },
    { name: 'scaled to zero on purpose, templated value', code: deploy('  replicas: 0\n') + '---\n' + deploy('  replicas: "${REPLICAS}"\n') },
    { name: 'other kinds are exempt', code: 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    spec:\n      containers: []\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers: []\n' },
    { name: 'option min', code: deploy('  replicas: 1\n'), options: { min: 1 } },
  ],
  invalid: [
    {
      name: 'one replica',
      code: deploy('  replicas: 1\n'),
      errors: [{ line: 6, column: 13, message: 'Deployment "web" runs 1 replica; run at least 2 so it survives a node drain or crash.' }],
      suggestions: [{ title: 'Set spec.replicas: 3 (review)', output: deploy('  replicas: 3\n') }],
    },
    {
      name: 'missing replicas (Polaris fails too)',
      code: deploy(''),
      errors: [{ line: 5, column: 1, message: /does not set spec.replicas/ }],
      suggestions: [{ title: /Set spec.replicas: 3/, output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n  replicas: 3  # review: replicas needed for availability\n' }],
    },
    {
      name: 'StatefulSet in a List, option min 3',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: StatefulSet\n  metadata: {name: db}\n  spec:\n    replicas: "2"\n',
      options: { min: 3 },
      errors: [{ line: 8, column: 15, message: /StatefulSet "db" runs 2 replicas; run at least 3/ }],
    },
  ],
});

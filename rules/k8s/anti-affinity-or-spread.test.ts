import { ruleTester } from '../../test/ruleTester';
import rule from './anti-affinity-or-spread';

const deploy = (replicas: string, podExtra = '', kind = 'Deployment') =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: web\nspec:\n${replicas}  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n${podExtra}      containers:\n      - name: web\n        image: nginx:1.27\n`;

const spread =
  '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: DoNotSchedule\n        labelSelector:\n          matchLabels:\n            app: web\n';
const anti =
  '      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n          - weight: 100\n            podAffinityTerm:\n              topologyKey: kubernetes.io/hostname\n              labelSelector:\n                matchLabels:\n                  app: web\n';

ruleTester(rule, {
  valid: [
    { name: 'spread constraints', code: deploy('  replicas: 3\n', spread) },
    { name: 'preferred podAntiAffinity', code: deploy('  replicas: 3\n', anti) },
    {
      name: 'required podAntiAffinity on a StatefulSet',
      code: deploy('  replicas: 2\n', '      affinity:\n        podAntiAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n          - topologyKey: kubernetes.io/hostname\n            labelSelector: {matchLabels: {app: web}}\n', 'StatefulSet'),
    },
    { name: 'one replica (absent = 1)', code: deploy('') },
    { name: 'one replica explicit, templated count', code: deploy('  replicas: 1\n') + '---\n' + deploy('  replicas: "${N}"\n') },
    { name: 'other kinds', code: deploy('  replicas: 3\n', '', 'DaemonSet') + '---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: web\n' },
  ],
  invalid: [
    {
      name: 'odd shapes (null affinity and constraints, no labels: no suggestion)',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      affinity: null\n      topologySpreadConstraints: null\n      containers: []\n',
      errors: [{ line: 8, column: 7, message: /^Deployment runs 3 replicas/ }],
      suggestions: [],
    },
    {
      name: 'three replicas, nothing spreads them',
      code: deploy('  replicas: 3\n'),
      errors: [{ line: 14, column: 5, message: 'Deployment "web" runs 3 replicas without podAntiAffinity or topologySpreadConstraints: all of them may land on one node.' }],
      suggestions: [
        {
          title: /topologySpreadConstraints/,
          output: deploy('  replicas: 3\n').replace(
            '        image: nginx:1.27\n',
            '        image: nginx:1.27\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname  # review: add a second constraint on topology.kubernetes.io/zone for zone spread\n        whenUnsatisfiable: ScheduleAnyway  # review: DoNotSchedule makes the spread a hard requirement\n        labelSelector:\n          matchLabels:\n            app: "web"  # review: labels that identify exactly these pods\n',
          ),
        },
      ],
    },
    {
      name: 'empty list (Polaris failure.empty) and a podAffinity only',
      code: deploy('  replicas: 2\n', '      topologySpreadConstraints: []\n'),
      errors: [{ line: 15, column: 7, message: /runs 2 replicas/ }],
      suggestions: [{ title: /topologySpreadConstraints/, output: deploy('  replicas: 2\n', '      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname  # review: add a second constraint on topology.kubernetes.io/zone for zone spread\n        whenUnsatisfiable: ScheduleAnyway  # review: DoNotSchedule makes the spread a hard requirement\n        labelSelector:\n          matchLabels:\n            app: "web"  # review: labels that identify exactly these pods\n') }],
    },
    {
      name: 'affinity without podAntiAffinity, StatefulSet in a multi-document file',
      code: deploy('  replicas: 1\n') + '---\n' + deploy('  replicas: 2\n', '      affinity:\n        podAffinity: {}\n', 'StatefulSet'),
      errors: [{ line: 33, column: 7, message: /StatefulSet "web" runs 2 replicas/ }],
    },
    {
      name: 'HPA minimum in the same file, in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: api}\n  spec:\n    template:\n      metadata: {labels: {app: api}}\n      spec:\n        containers:\n        - name: api\n- apiVersion: autoscaling/v2\n  kind: HorizontalPodAutoscaler\n  metadata: {name: api}\n  spec:\n    scaleTargetRef: {kind: Deployment, name: api}\n    minReplicas: 2\n',
      errors: [{ line: 10, column: 7, message: /Deployment "api" runs 2 replicas/ }],
    },
  ],
});

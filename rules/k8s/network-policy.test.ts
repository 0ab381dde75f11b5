import { ruleTester } from '../../test/ruleTester';
import rule from './network-policy';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: api
  labels:
    app: api
spec:
  containers:
    - name: api
      image: example/api:1.0
`;
const policy = (selector: string, ns = '') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny${ns ? `\n  namespace: ${ns}` : ''}
spec:
  podSelector: ${selector}
  policyTypes: [Ingress]
`;

ruleTester(rule, {
  valid: [
    { name: 'default-deny for the namespace in another file', code: pod, workspace: [{ path: 'netpol.yaml', code: policy('{}') }] },
    { name: 'policyTypes omitted: ingress is implied', code: pod, workspace: [{ path: 'netpol.yaml', code: policy('{}').replace('  policyTypes: [Ingress]\n', '') }] },
    { name: 'policy selecting the pod labels in the same file', code: pod + '---\n' + policy('{matchLabels: {app: api}}') },
    { name: 'matchExpressions', code: pod, workspace: [{ path: 'n.yaml', code: policy('{matchExpressions: [{key: app, operator: In, values: [api, web]}]}') }] },
    { name: 'objects without pods are not concerned', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n' },
  ],
  invalid: [
    {
      name: 'no policy at all; suggestion adds one for the pod labels',
      code: pod,
      errors: [{ line: 4, column: 9, message: 'No NetworkPolicy selects the pods of Pod "api": every pod in the cluster can reach them.' }],
      suggestions: [
        {
          title: 'Add a NetworkPolicy for Pod "api" (review the allowed ingress)',
          output:
            pod +
            '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-netpol\nspec:\n  podSelector:\n    matchLabels:\n      app: "api"\n  policyTypes: [Ingress]\n  ingress: [] # review: allow the sources this workload must accept traffic from\n',
        },
      ],
    },
    { name: 'policy in another namespace', code: pod, workspace: [{ path: 'n.yaml', code: policy('{}', 'other') }], errors: [{ line: 4, column: 9 }] },
    { name: 'policy for other pods', code: pod, workspace: [{ path: 'n.yaml', code: policy('{matchLabels: {app: web}}') }], errors: [{ line: 4, column: 9 }] },
    {
      name: 'an egress-only policy does not keep other pods out',
      code: pod,
      workspace: [{ path: 'n.yaml', code: policy('{}').replace('policyTypes: [Ingress]', 'policyTypes: [Egress]') }],
      errors: [{ line: 4, column: 9 }],
    },
    {
      name: 'a NetworkPolicy without podSelector: fix selects the namespace',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  policyTypes:\n    - Ingress\n',
      errors: [{ line: 6, column: 3, message: /has no spec.podSelector/ }],
      output: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  policyTypes:\n    - Ingress\n  podSelector: {}\n',
    },
  ],
});

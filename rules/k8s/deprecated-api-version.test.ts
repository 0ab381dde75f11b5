import { ruleTester } from '../../test/ruleTester';
import rule from './deprecated-api-version';

const deploy = (apiVersion: string, selector = '') =>
  `apiVersion: ${apiVersion}\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${selector}  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n`;

ruleTester(rule, {
  valid: [
    deploy('apps/v1', '  selector:\n    matchLabels: {app: web}\n'),
    { name: 'current versions of other kinds', code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n---\napiVersion: example.com/v1beta1\nkind: Widget\n' },
    { name: 'deprecated only after the target version', code: 'apiVersion: resource.k8s.io/v1beta1\nkind: ResourceClaim\nmetadata:\n  name: r\n', options: { targetVersion: '1.32' } },
    { name: 'not yet removed for an old target', code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n', options: { targetVersion: 'v1.20.4' } },
  ],
  invalid: [
    {
      name: 'extensions/v1beta1 Deployment with a selector: fixed',
      code: deploy('extensions/v1beta1', '  selector:\n    matchLabels: {app: web}\n'),
      errors: [{ line: 1, column: 13, message: 'Deployment "web" uses extensions/v1beta1, removed in Kubernetes 1.16 (target 1.33): the API server rejects it; use apps/v1.' }],
      output: deploy('apps/v1', '  selector:\n    matchLabels: {app: web}\n'),
    },
    {
      name: 'extensions/v1beta1 Deployment without selector: no fix',
      code: deploy('extensions/v1beta1'),
      errors: [{ line: 1, column: 13, message: /use apps\/v1 \(apps\/v1 also requires spec.selector\)\.$/ }],
      output: null,
    },
    {
      name: 'Ingress needs field changes: no fix; CronJob and PDB fixed; List; quoted scalar',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: i\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: "batch/v1beta1"\n  kind: CronJob\n  metadata: {name: c}\n- {apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: p}}\n',
      errors: [
        { line: 1, column: 13, message: /^Ingress "i" uses extensions\/v1beta1, removed in Kubernetes 1.22/ },
        { line: 9, column: 15, message: /^CronJob "c" uses batch\/v1beta1, removed in Kubernetes 1.25 .*use batch\/v1\.$/ },
        { line: 12, column: 16, message: /^PodDisruptionBudget "p"/ },
      ],
      output: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: i\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: "batch/v1"\n  kind: CronJob\n  metadata: {name: c}\n- {apiVersion: policy/v1, kind: PodDisruptionBudget, metadata: {name: p}}\n',
    },
    {
      name: 'deprecated but not removed for the target; PSP has no replacement',
      code: 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: psp\n',
      options: { targetVersion: '1.22' },
      errors: [
        { line: 1, column: 13, message: 'CronJob "c" uses batch/v1beta1, deprecated since Kubernetes 1.21 and removed in 1.25; use batch/v1.' },
        { line: 6, column: 13, message: /deprecated since Kubernetes 1.21 and removed in 1.25; it has no replacement/ },
      ],
      output: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\n---\napiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: psp\n',
    },
  ],
});

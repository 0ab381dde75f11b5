import { defineRule } from '../types';
import { getIn, getMap, keyNode, nodeRange, type K8sModel, objectLabel } from './language';
import { setPath } from './yaml-edit';
import { indexItem, selects, sameNamespace } from './selectors';
import { appendDocument, labelLines, objectRange, workspaceItems } from './workspace-util';

export default defineRule<K8sModel>({
  id: 'k8s/network-policy',
  title: 'Workloads are selected by a NetworkPolicy',
  level: 'warn',
  controls: ['k8s.network-policy'],
  aliases: {
    kubeLinter: ['non-isolated-pod'],
    polaris: ['missingNetworkPolicy'],
    kubeScore: ['pod-networkpolicy'],
    checkov: ['CKV2_K8S_6'],
    trivy: ['AVD-KSV-0038'],
  },
  needsWorkspace: true,
  hasSuggestions: true,
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the NetworkPolicy is accepted and applies to every pod of its namespace',
  docs: {
    rationale:
      'Pods accept traffic from every other pod in the cluster until a NetworkPolicy selects them. One compromised pod can then reach every database and internal API: network policies are the pod-level firewall.',
    howToFix:
      'Add a NetworkPolicy in the same namespace that selects the pods (a default-deny policy with an empty `podSelector` covers the whole namespace) and allows only the traffic the workload needs.',
    whenNotToUse: 'Clusters whose CNI does not enforce NetworkPolicy, or where policies are managed outside the repository (service mesh authorization, platform-wide policies).',
    examples: { bad: 'kind: Deployment   # no NetworkPolicy selects app=web', good: 'kind: NetworkPolicy\nspec:\n  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]' },
  },
  check(model, ctx) {
    // Only policies that isolate ingress keep other pods out.
    const policies = workspaceItems(ctx).filter((i) => i.kind === 'NetworkPolicy' && i.selector && i.policyTypes?.includes('Ingress'));
    for (const o of model.objects) {
      if (o.kind === 'NetworkPolicy' && !getIn(o.node, ['spec', 'podSelector'])) {
        const spec = getMap(o.node, ['spec']);
        const edits = spec ? setPath(model.index, spec, ['podSelector'], '{}') : null;
        ctx.report({
          range: nodeRange(model.index, keyNode(spec, 'policyTypes') ?? keyNode(o.node, 'spec')) ?? objectRange(model, o),
          message: `${objectLabel(o)} has no spec.podSelector, which the API server requires: use \`podSelector: {}\` to select every pod of the namespace, or match the pods it is meant for.`,
          fix: edits ? { title: 'Add podSelector: {} (every pod of the namespace)', edits } : undefined,
        });
        continue;
      }
      if (!o.podSpec || o.kind === 'PodTemplate') continue;
      const item = indexItem(model, o);
      const labels = item.podLabels ?? {};
      const range = objectRange(model, o);
      const policy = policies.find((p) => sameNamespace(p, item) && selects(p.selector!, labels));
      if (policy) {
        ctx.pass({ range, message: `${objectLabel(o)} is selected by NetworkPolicy "${policy.name}"` });
        continue;
      }
      const ns = o.namespace ? `\n  namespace: ${o.namespace}` : '';
      const selector = Object.keys(labels).length ? `  podSelector:\n    matchLabels:\n${labelLines(labels, '      ')}` : '  podSelector: {}';
      const doc = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${o.name ?? 'workload'}-netpol${ns}\nspec:\n${selector}\n  policyTypes: [Ingress]\n  ingress: [] # review: allow the sources this workload must accept traffic from\n`;
      ctx.report({
        range,
        message: `No NetworkPolicy selects the pods of ${objectLabel(o)}: every pod in the cluster can reach them.`,
        suggestions: [{ title: `Add a NetworkPolicy for ${objectLabel(o)} (review the allowed ingress)`, edits: [appendDocument(model, doc)] }],
      });
    }
  },
});

import { defineRule } from '../types';
import { getIn, scalarAt, stringAt } from './language';
import type { K8sModel, K8sObject } from './language';
import { fixOf, isFalse, objectLabel, objectRange, podRange, podTargets, rangeOf } from './workload-util';
import { isExplicit, writtenText } from './security-context-util';
import { replaceScalar, setPath } from './yaml-edit';

/** A ServiceAccount in the same file that disables automounting for `obj`'s pods. */
function accountDisablesMount(model: K8sModel, obj: K8sObject, saName: string): K8sObject | undefined {
  return model.objects.find(
    (o) => o.kind === 'ServiceAccount' && o.name === saName && (o.namespace ?? null) === (obj.namespace ?? null) && isFalse(scalarAt(o.node, ['automountServiceAccountToken'])),
  );
}

export default defineRule<K8sModel>({
  id: 'k8s/automount-sa-token',
  title: 'Pods do not mount a service account token they do not need',
  level: 'report',
  controls: ['k8s.service-account'],
  aliases: { polaris: ['automountServiceAccountToken'], checkov: ['CKV_K8S_38'], trivy: ['AVD-KSV-0036'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the pod no longer gets a Kubernetes API token mounted',
  hasSuggestions: true,
  docs: {
    rationale:
      'By default every pod gets a token for the Kubernetes API mounted at /var/run/secrets/kubernetes.io/serviceaccount. Most applications never call the API, but an attacker who gets code execution in the pod can use the token to explore or change the cluster.',
    howToFix: 'Set `automountServiceAccountToken: false` in the pod spec (or on its ServiceAccount); pods that call the API keep it and get a dedicated ServiceAccount with minimal RBAC.',
    whenNotToUse: 'Controllers, operators and other workloads that talk to the Kubernetes API (set the field to `true` explicitly to document it, and suppress this rule for them).',
    examples: { bad: 'spec:\n  containers: [...]', good: 'spec:\n  automountServiceAccountToken: false\n  containers: [...]' },
  },
  check(model, ctx) {
    for (const t of podTargets(model)) {
      const { obj, pod } = t;
      const node = getIn(pod.node, ['automountServiceAccountToken']);
      const value = node && 'value' in node ? (node as { value: unknown }).value : undefined;
      if (isFalse(value)) {
        ctx.pass({ range: rangeOf(model, node, podRange(model, t)), message: `${objectLabel(obj)} does not mount a service account token` });
        continue;
      }
      if (isExplicit(node)) {
        // The author asked for the token: never flipped unattended, only offered.
        const change = fixOf('Set automountServiceAccountToken: false', replaceScalar(model.index, node!, 'false'));
        ctx.report({
          range: rangeOf(model, node, podRange(model, t)),
          message: `${objectLabel(obj)} turns automountServiceAccountToken on explicitly (${writtenText(model, node!)}): it mounts its service account token. Set it to false unless the pod calls the Kubernetes API.`,
          suggestions: change ? [change] : undefined,
        });
        continue;
      }
      const saName = stringAt(pod.node, ['serviceAccountName']) ?? stringAt(pod.node, ['serviceAccount']) ?? 'default';
      const sa = accountDisablesMount(model, obj, saName);
      if (sa) {
        ctx.pass({ range: objectRange(model, sa), message: `ServiceAccount "${saName}" of ${objectLabel(obj)} does not mount its token` });
        continue;
      }
      ctx.report({
        range: podRange(model, t),
        message: `${objectLabel(obj)} mounts a service account token by default; set automountServiceAccountToken: false unless the pod calls the Kubernetes API.`,
        fix: fixOf('Set automountServiceAccountToken: false', setPath(model.index, pod.node, ['automountServiceAccountToken'], 'false')),
      });
    }
  },
});

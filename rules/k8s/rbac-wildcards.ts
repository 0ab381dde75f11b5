import { defineRule } from '../types';
import type { K8sModel } from './language';
import { mapItems, objectLabel, objectRange, rangeOf, seqAt } from './workload-util';
import { isScalar } from './language';

const FIELDS = ['apiGroups', 'resources', 'verbs'] as const;

export default defineRule<K8sModel>({
  id: 'k8s/rbac-wildcards',
  title: 'RBAC roles do not grant wildcards',
  level: 'warn',
  controls: ['k8s.service-account'],
  aliases: { kubeLinter: ['wildcard-in-rules'], checkov: ['CKV_K8S_49'], trivy: ['AVD-KSV-0044', 'AVD-KSV-0045', 'AVD-KSV-0046', 'AVD-KSV-0112'] },
  docs: {
    rationale:
      '`*` in a Role grants every verb, resource or API group, including ones added later (CRDs, `escalate`, `impersonate`, secrets). Least privilege cannot be reviewed when the role says "everything".',
    howToFix: 'List the API groups, resources and verbs the workload actually uses (`kubectl auth can-i --list --as=system:serviceaccount:<ns>:<sa>` helps), one rule per group.',
    whenNotToUse: 'Cluster administration roles bound only to operators of the platform.',
    examples: { bad: 'rules:\n- apiGroups: ["*"]\n  resources: ["*"]\n  verbs: ["*"]', good: 'rules:\n- apiGroups: [""]\n  resources: [configmaps]\n  verbs: [get, list, watch]' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'Role' && obj.kind !== 'ClusterRole') continue;
      let found = 0;
      mapItems(seqAt(obj.node, ['rules'])).forEach(({ node: rule }, ruleIndex) => {
        for (const field of FIELDS) {
          for (const item of seqAt(rule, [field])?.items ?? []) {
            if (!isScalar(item) || String(item.value).trim() !== '*') continue;
            found++;
            ctx.report({
              range: rangeOf(model, item, objectRange(model, obj)),
              message: `${objectLabel(obj)} grants "*" in ${field} (rule ${ruleIndex + 1}); list the ${field} it needs.`,
            });
          }
        }
      });
      if (found === 0) ctx.pass({ range: objectRange(model, obj), message: `${objectLabel(obj)} grants no wildcards` });
    }
  },
});

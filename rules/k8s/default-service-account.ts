import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { objectLabel, podRange, podTargets, rangeOf, scalarString } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/default-service-account',
  title: 'Pods run under a dedicated service account',
  level: 'report',
  controls: ['k8s.service-account'],
  aliases: { kubeLinter: ['default-service-account'] },
  docs: {
    rationale:
      'Every pod of a namespace that names no service account shares the `default` one. Any permission granted to it (often by a chart that needed "just one" RoleBinding) is then granted to every workload, and audit logs cannot tell the workloads apart.',
    howToFix: 'Create a ServiceAccount per workload, bind only the roles it needs, and set `serviceAccountName` in the pod spec.',
    whenNotToUse: 'Namespaces where the `default` service account has no permissions and tokens are not mounted (`automountServiceAccountToken: false`).',
    examples: { bad: 'spec:\n  containers: [...]', good: 'spec:\n  serviceAccountName: web\n  containers: [...]' },
  },
  check(model, ctx) {
    for (const t of podTargets(model)) {
      const { obj, pod } = t;
      const node = getIn(pod.node, ['serviceAccountName']) ?? getIn(pod.node, ['serviceAccount']);
      const name = scalarString(node)?.trim() ?? '';
      if (name && name !== 'default') {
        ctx.pass({ range: rangeOf(model, node, podRange(model, t)), message: `${objectLabel(obj)} runs as service account "${name}"` });
      } else if (name === 'default') {
        ctx.report({ range: rangeOf(model, node, podRange(model, t)), message: `${objectLabel(obj)} uses the namespace's "default" service account; give the workload its own.` });
      } else {
        ctx.report({ range: podRange(model, t), message: `${objectLabel(obj)} sets no serviceAccountName, so it runs as the namespace's "default" service account; give the workload its own.` });
      }
    }
  },
});

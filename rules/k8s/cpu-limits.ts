import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkResource } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/cpu-limits',
  title: 'Containers limit CPU',
  level: 'report',
  controls: ['k8s.resources'],
  aliases: { polaris: ['cpuLimitsMissing'], kubeScore: ['container-resources'], checkov: ['CKV_K8S_11'], trivy: ['AVD-KSV-0011'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A CPU limit caps what a container can burn on a shared node. It is a contested practice: limits cause CFS throttling and latency even when the node is idle, so this rule only reports by default and can be turned off on its own.',
    howToFix: 'Set `resources.limits.cpu` when you need hard isolation (multi-tenant nodes, noisy batch jobs); otherwise rely on CPU requests and turn this rule off.',
    whenNotToUse: 'Latency-sensitive services on nodes sized by requests, where throttling costs more than it protects (`k8s/cpu-limits: off`).',
  },
  check(model, ctx) {
    checkResource(model, ctx, 'limits', 'cpu');
  },
});

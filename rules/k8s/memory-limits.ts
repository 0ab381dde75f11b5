import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkResource } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/memory-limits',
  title: 'Containers limit memory',
  level: 'warn',
  controls: ['k8s.resources'],
  aliases: { kubeLinter: ['unset-memory-requirements'], polaris: ['memoryLimitsMissing'], kubeScore: ['container-resources'], checkov: ['CKV_K8S_13'], trivy: ['AVD-KSV-0018'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A container without a memory limit can use all the memory of its node: a leak then takes down its neighbours and triggers node-level OOM kills instead of restarting only the leaking container.',
    howToFix: 'Set `resources.limits.memory` (commonly equal to the request) to the most the container may use before it is restarted.',
    whenNotToUse: 'Namespaces where a LimitRange injects default limits.',
  },
  check(model, ctx) {
    checkResource(model, ctx, 'limits', 'memory');
  },
});

import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkResource } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/memory-requests',
  title: 'Containers request memory',
  level: 'warn',
  controls: ['k8s.resources'],
  aliases: { polaris: ['memoryRequestsMissing'], kubeScore: ['container-resources'], checkov: ['CKV_K8S_12'], trivy: ['AVD-KSV-0016'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a memory request the scheduler overcommits nodes and the pod is among the first evicted under memory pressure.',
    howToFix: 'Set `resources.requests.memory` to the working set the container needs (measure it), usually equal to the memory limit.',
    whenNotToUse: 'Namespaces where a LimitRange injects default requests.',
  },
  check(model, ctx) {
    checkResource(model, ctx, 'requests', 'memory');
  },
});

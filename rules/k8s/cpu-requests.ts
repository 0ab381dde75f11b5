import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkResource } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/cpu-requests',
  title: 'Containers request CPU',
  level: 'warn',
  controls: ['k8s.resources'],
  aliases: { kubeLinter: ['unset-cpu-requirements'], polaris: ['cpuRequestsMissing'], kubeScore: ['container-resources'], checkov: ['CKV_K8S_10'], trivy: ['AVD-KSV-0015'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'The scheduler places pods by their requests. Without a CPU request the pod is scheduled as if it needed nothing, lands on busy nodes and is starved first under contention (BestEffort quality of service).',
    howToFix: 'Set `resources.requests.cpu` to the CPU the container uses under normal load (measure it, e.g. with `kubectl top pod` or a VerticalPodAutoscaler in recommendation mode).',
    whenNotToUse: 'Namespaces where a LimitRange injects default requests.',
  },
  check(model, ctx) {
    checkResource(model, ctx, 'requests', 'cpu');
  },
});

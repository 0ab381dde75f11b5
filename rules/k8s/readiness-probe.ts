import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkProbePresent } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/readiness-probe',
  title: 'Containers declare a readiness probe',
  level: 'warn',
  controls: ['k8s.probes', 'ops.health-endpoint'],
  aliases: { kubeLinter: ['no-readiness-probe'], polaris: ['readinessProbeMissing'], kubeScore: ['pod-probes'], checkov: ['CKV_K8S_9'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a readiness probe a pod receives traffic as soon as its process starts, before it has loaded its configuration or warmed up, and keeps receiving it while it is overloaded or shutting down: every rollout then drops requests.',
    howToFix: 'Add `readinessProbe` (usually `httpGet` on an endpoint that checks what the app needs to serve) to every long-running container. Jobs and CronJobs are exempt.',
    whenNotToUse: 'Workers that receive no traffic through a Service (queue consumers), where readiness has no effect.',
    examples: { bad: 'containers:\n- name: web\n  image: web:1.2', good: 'containers:\n- name: web\n  image: web:1.2\n  readinessProbe:\n    httpGet: {path: /ready, port: http}' },
  },
  check(model, ctx) {
    checkProbePresent(model, ctx, 'readinessProbe');
  },
});

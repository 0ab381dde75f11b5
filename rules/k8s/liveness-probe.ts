import { defineRule } from '../types';
import type { K8sModel } from './language';
import { checkProbePresent } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/liveness-probe',
  title: 'Containers declare a liveness probe',
  level: 'warn',
  controls: ['k8s.probes', 'ops.health-endpoint'],
  aliases: { kubeLinter: ['no-liveness-probe'], polaris: ['livenessProbeMissing'], kubeScore: ['pod-probes'], checkov: ['CKV_K8S_8'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A liveness probe lets the kubelet restart a container that is stuck (deadlock, exhausted pool) but still running. Without one, a hung process keeps its pod Ready-looking and is never replaced.',
    howToFix: 'Add `livenessProbe` checking that the process itself is responsive (not its dependencies), with a generous `failureThreshold`; use a `startupProbe` for slow starts. Jobs and CronJobs are exempt.',
    whenNotToUse: 'Processes that exit on failure by themselves, where a restart is already guaranteed.',
    examples: { bad: 'containers:\n- name: web\n  image: web:1.2', good: 'containers:\n- name: web\n  image: web:1.2\n  livenessProbe:\n    httpGet: {path: /healthz, port: http}' },
  },
  check(model, ctx) {
    checkProbePresent(model, ctx, 'livenessProbe');
  },
});

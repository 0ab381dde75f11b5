import { defineRule } from '../types';
import { getIn, isMap, keyNode, nodeRange } from './language';
import type { K8sModel } from './language';
import { containerLabel, deepEqual, podTargets, toJS } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/probes-identical',
  title: 'Readiness and liveness probes differ',
  level: 'warn',
  controls: ['k8s.probes'],
  aliases: { kubeScore: ['pod-probes-identical'] },
  docs: {
    rationale:
      'When the liveness probe is the readiness probe, a slow dependency or a load spike fails both at once: instead of taking the pod out of rotation for a moment, the kubelet restarts it, and restarts cascade across every replica.',
    howToFix: 'Make the liveness probe cheaper and more tolerant than the readiness probe: a different endpoint that only checks the process (`/healthz` vs `/ready`), or a higher `failureThreshold`/`periodSeconds`.',
    whenNotToUse: 'Simple processes with no dependencies and a single health signal, where a restart is the right answer to any failure.',
    examples: {
      bad: 'readinessProbe: {httpGet: {path: /health, port: 8080}}\nlivenessProbe: {httpGet: {path: /health, port: 8080}}',
      good: 'readinessProbe: {httpGet: {path: /ready, port: 8080}}\nlivenessProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 6}',
    },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        if (c.kind !== 'containers') continue;
        const readiness = getIn(c.node, ['readinessProbe']);
        const liveness = getIn(c.node, ['livenessProbe']);
        if (!isMap(readiness) || !isMap(liveness) || readiness.items.length === 0) continue;
        const range = nodeRange(model.index, keyNode(c.node, 'livenessProbe'))!;
        if (deepEqual(toJS(readiness), toJS(liveness))) {
          const line = model.index.positionAt(readiness.range?.[0] ?? 0).line + 1;
          ctx.report({ range, message: `${containerLabel(c)} has a liveness probe identical to its readiness probe (line ${line}): a slow dependency would restart every replica.` });
        } else ctx.pass({ range, message: `${containerLabel(c)} has distinct liveness and readiness probes` });
      }
    }
  },
});

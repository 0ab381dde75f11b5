import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, fixOf, mapAt, missingRange, podTargets, rangeOf, valueOf, yamlEdit } from './security-context-util';

const HANDLERS: string[][] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];

export default defineRule<K8sModel>({
  id: 'k8s/host-field-in-probes',
  title: 'Probes and lifecycle hooks do not target another host',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { pss: ['hostProbesAndHostLifecycle'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`httpGet.host` or `tcpSocket.host` in a probe or lifecycle hook makes the kubelet connect to an arbitrary address from the node, which can be abused to reach node-local or internal services. The PSS baseline forbids it (v1.34+).',
    howToFix: 'Remove `host` so the kubelet probes the pod\'s own IP; use an `httpHeaders` entry named `Host` to send a virtual host name.',
    whenNotToUse: 'Never in application workloads; only node agents in a privileged namespace with a documented need.',
    examples: { bad: 'livenessProbe:\n  httpGet:\n    host: 10.0.0.1\n    port: 8080', good: 'livenessProbe:\n  httpGet:\n    port: 8080' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        let any = false;
        let bad = false;
        for (const path of HANDLERS) {
          for (const action of ['httpGet', 'tcpSocket']) {
            const handler = mapAt(c.node, [...path, action]);
            if (!handler) continue;
            any = true;
            const node = getIn(handler, ['host']);
            const v = valueOf(node);
            if (!node || v === null || v === undefined || v === '') continue;
            bad = true;
            // Always the author's explicit choice: offered, never applied unattended.
            const change = fixOf(`Remove ${action}.host`, yamlEdit.removeKey(model.index, handler, 'host'));
            ctx.report({
              range: rangeOf(model, node, missingRange(model, c, path)),
              message: `${containerLabel(c)} ${path.join('.')} ${action} sets host "${String(v)}" explicitly: the kubelet connects to that host instead of the pod.`,
              suggestions: change ? [change] : undefined,
            });
          }
        }
        if (any && !bad) ctx.pass({ range: missingRange(model, c, []), message: `${containerLabel(c)} probes only its own pod` });
      }
    }
  },
});

import { defineRule } from '../types';
import { getIn, isMap, isScalar } from './language';
import type { K8sModel } from './language';
import { containerLabel, containerRange, declaredPorts, podTargets, rangeOf, toNumber } from './workload-util';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export default defineRule<K8sModel>({
  id: 'k8s/probe-port-exposed',
  title: 'Probes target a port the container declares',
  level: 'warn',
  controls: ['k8s.probes'],
  aliases: { kubeLinter: ['liveness-port', 'readiness-port', 'startup-port'] },
  docs: {
    rationale:
      'A probe on a port name the container does not declare cannot be resolved and always fails; a probe on an undeclared number usually means the port changed and the probe did not. Either way pods never become ready or are restarted in a loop.',
    howToFix: 'Point the probe at a port listed in the container\'s `ports` (preferably by name, `port: http`), or declare the port the application listens on.',
    whenNotToUse: 'Probes that deliberately target an admin port that is not exposed to the Service and not declared for that reason (declare it anyway: `ports` is only informational for numbers).',
    examples: { bad: 'ports: [{name: http, containerPort: 8080}]\nreadinessProbe: {httpGet: {path: /ready, port: web}}', good: 'ports: [{name: http, containerPort: 8080}]\nreadinessProbe: {httpGet: {path: /ready, port: http}}' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const ports = declaredPorts(c);
        for (const probe of PROBES) {
          const p = getIn(c.node, [probe]);
          if (!isMap(p)) continue;
          for (const h of HANDLERS) {
            const node = getIn(p, [h, 'port']);
            if (!isScalar(node) || node.value === null || node.value === '') continue;
            const range = rangeOf(model, node, containerRange(model, c));
            const num = toNumber(node.value);
            const value = String(node.value);
            const ok = Number.isNaN(num) ? ports.names.has(value) : ports.numbers.has(num);
            if (ok) {
              ctx.pass({ range, message: `${containerLabel(c)} ${probe} targets declared port ${value}` });
              continue;
            }
            const known = [...ports.names, ...[...ports.numbers].map(String)];
            ctx.report({
              range,
              message: Number.isNaN(num)
                ? `${containerLabel(c)} ${probe} targets port "${value}", which is not a named port of the container${known.length ? ` (declared: ${known.join(', ')})` : ''}.`
                : `${containerLabel(c)} ${probe} targets port ${value}, which the container does not declare in ports${known.length ? ` (declared: ${known.join(', ')})` : ''}.`,
            });
          }
        }
      }
    }
  },
});

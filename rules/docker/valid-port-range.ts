import { defineRule } from '../types';
import type { DockerModel } from './language';
import { exposeSpecs } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/valid-port-range',
  title: 'EXPOSE ports are between 0 and 65535',
  level: 'block',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3011'], trivy: ['AVD-DS-0008'] },
  docs: {
    rationale:
      'TCP and UDP ports are 16-bit numbers. An EXPOSE outside 0-65535 (or one that is not a number) fails the build or documents a port the application can never listen on.',
    howToFix: 'Use the port the application actually listens on, for example `EXPOSE 8080`, or a valid range such as `EXPOSE 8000-8010`.',
    whenNotToUse: 'Never needed: such a port cannot exist.',
    examples: { bad: 'FROM alpine:3.20\nEXPOSE 80800', good: 'FROM alpine:3.20\nEXPOSE 8080' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      for (const spec of exposeSpecs(model, instr)) {
        const port = spec.port;
        if (port.value.includes('$')) continue;
        const m = /^(\d+)(?:-(\d+))?$/.exec(port.value);
        if (!m) {
          ctx.report({
            range: model.index.range(port.start, port.end),
            message: `"${port.value || spec.token.value}" is not a valid port; EXPOSE takes a port number (0-65535) or a range such as 8000-8010.`,
          });
          continue;
        }
        const lo = m[1];
        const hi = m[2];
        const bad = [lo, hi].find((n) => n !== undefined && Number(n) > 65535);
        if (bad !== undefined) {
          const offset = bad === lo ? port.start : port.start + lo.length + 1;
          ctx.report({
            range: model.index.range(offset, offset + bad.length),
            message: `Port ${bad} is outside the valid range 0-65535; expose the port the application listens on.`,
          });
        } else if (hi !== undefined && Number(hi) < Number(lo)) {
          ctx.report({
            range: model.index.range(port.start, port.end),
            message: `Port range ${port.value} ends before it starts; write it as ${hi}-${lo}.`,
          });
        }
      }
    }
  },
});

import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { DockerModel } from './language';
import { exposeSpecs } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/expose-invalid-format',
  title: 'EXPOSE lists container ports only',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['ExposeInvalidFormat'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'EXPOSE documents the ports the container listens on. An IP address or a `host:container` mapping belongs to `docker run -p` or the orchestrator; in a Dockerfile it is ignored today and will become a build error.',
    howToFix: 'Keep only the container port (and protocol): `EXPOSE 127.0.0.1:8080:80` becomes `EXPOSE 80`. Publish host ports at run time with `-p`.',
    whenNotToUse: 'Never needed: the host part has no effect in an image.',
    examples: { bad: 'FROM nginx:1.27\nEXPOSE 8080:80', good: 'FROM nginx:1.27\nEXPOSE 80' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      for (const spec of exposeSpecs(model, instr)) {
        if (!spec.mapping) continue;
        const keep = model.text.slice(spec.port.start, spec.token.end);
        const fixable = /^(\d+(-\d+)?|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)(\/[A-Za-z]+)?$/.test(keep);
        ctx.report({
          range: model.index.range(spec.token.start, spec.token.end),
          message: `EXPOSE should not contain an IP address or host-port mapping ("${spec.token.value}"); expose only ${keep ? `the container port ${keep}` : 'the container port'} and publish host ports at run time with -p.`,
          fix: fixable ? { title: `Keep only the container port ${keep}`, edits: [replaceEdit(model.index, spec.token.start, spec.token.end, keep)] } : undefined,
        });
      }
    }
  },
});

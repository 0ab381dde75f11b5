import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { DockerModel } from './language';
import { exposeSpecs } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/expose-proto-casing',
  title: 'EXPOSE protocols are lowercase',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['ExposeProtoCasing'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale: 'Docker expects `tcp`, `udp` or `sctp` in lowercase; other casings are inconsistent with the image metadata and with how tools read EXPOSE.',
    howToFix: 'Write the protocol in lowercase: `EXPOSE 8080/tcp`.',
    whenNotToUse: 'Never needed: the lowercase form means the same.',
    examples: { bad: 'FROM nginx:1.27\nEXPOSE 80/TCP', good: 'FROM nginx:1.27\nEXPOSE 80/tcp' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      for (const spec of exposeSpecs(model, instr)) {
        const proto = spec.proto;
        if (!proto || proto.value.includes('$') || proto.value === proto.value.toLowerCase()) continue;
        const lower = proto.value.toLowerCase();
        ctx.report({
          range: model.index.range(proto.start, proto.end),
          message: `Protocol "${proto.value}" in EXPOSE ${spec.token.value} should be lowercase; write "${lower}".`,
          fix: { title: `Lowercase the protocol to ${lower}`, edits: [replaceEdit(model.index, proto.start, proto.end, lower)] },
        });
      }
    }
  },
});

import { defineRule } from '../types';
import { replaceEdit } from '../text';
import { argsText, type DockerModel } from './language';

export default defineRule<DockerModel>({
  id: 'docker/no-maintainer',
  title: 'No deprecated MAINTAINER instruction',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL4000'], checkov: ['CKV_DOCKER_6'], trivy: ['AVD-DS-0022'], buildkit: ['MaintainerDeprecated'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'MAINTAINER has been deprecated since Docker 1.13. Tools that read image metadata look for the OCI label `org.opencontainers.image.authors`, not the legacy author field.',
    howToFix: 'Replace `MAINTAINER Jane <jane@example.com>` with `LABEL org.opencontainers.image.authors="Jane <jane@example.com>"`.',
    whenNotToUse: 'Never needed for images built today.',
    examples: {
      bad: 'FROM alpine:3.20\nMAINTAINER Jane <jane@example.com>',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"',
    },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'MAINTAINER') continue;
      const raw = argsText(model, instr);
      const value = raw.includes('\n') || raw.includes('\r') ? null : raw.trim();
      const escapable = value !== null && (model.escapeChar === '\\' || !/["\\$`]/.test(value));
      const label = instr.keywordText === instr.keywordText.toLowerCase() ? 'label' : 'LABEL';
      const quoted = value === null ? '' : `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
      ctx.report({
        range: instr.keywordRange,
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="..." instead.',
        fix:
          value && escapable
            ? { title: 'Replace with LABEL org.opencontainers.image.authors', edits: [replaceEdit(model.index, instr.start, instr.end, `${label} org.opencontainers.image.authors=${quoted}`)] }
            : undefined,
      });
    }
  },
});

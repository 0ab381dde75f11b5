import { defineRule } from '../types';
import type { DockerModel } from './language';
import { stageNameTokens } from './instruction-tokens';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule<DockerModel>({
  id: 'docker/reserved-stage-name',
  title: 'Stage names are not reserved words',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
  docs: {
    rationale:
      '`scratch` is the empty base image and `context` names the build context in `COPY --from` and named contexts. A stage with either name makes references to it ambiguous.',
    howToFix: 'Rename the stage, for example `FROM alpine:3.20 AS base`, and update the references to it.',
    whenNotToUse: 'Never needed: any other name works and avoids the ambiguity.',
    examples: { bad: 'FROM alpine:3.20 AS scratch', good: 'FROM alpine:3.20 AS base' },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      if (!stage.name || !RESERVED.has(stage.name)) continue;
      const tokens = stageNameTokens(model, stage);
      ctx.report({
        range: tokens ? model.index.range(tokens.name.start, tokens.name.end) : stage.from.keywordRange,
        message: `Stage name "${stage.name}" is reserved by Docker; rename the stage.`,
      });
    }
  },
});

import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { DockerModel } from './language';
import { isAllUpper, stageNameTokens } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/from-as-casing',
  title: 'AS is written in the same case as FROM',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['FromAsCasing'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale: 'Mixing `FROM` with `as` (or `from` with `AS`) is harder to read and is flagged by BuildKit build checks on every build.',
    howToFix: 'Write `AS` in uppercase after `FROM` and `as` in lowercase after `from`.',
    whenNotToUse: 'Teams that do not use BuildKit build checks and do not mind mixed casing.',
    examples: { bad: 'FROM golang:1.22 as build', good: 'FROM golang:1.22 AS build' },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const tokens = stageNameTokens(model, stage);
      if (!tokens) continue;
      const from = stage.from.keywordText;
      const as = tokens.as.value;
      if (isAllUpper(from) === isAllUpper(as)) continue;
      const wanted = isAllUpper(from) ? 'AS' : 'as';
      ctx.report({
        range: model.index.range(tokens.as.start, tokens.as.end),
        message: `'${as}' does not match the casing of '${from}'; write '${wanted}'.`,
        fix: { title: `Write '${wanted}'`, edits: [replaceEdit(model.index, tokens.as.start, tokens.as.end, wanted)] },
      });
    }
  },
});

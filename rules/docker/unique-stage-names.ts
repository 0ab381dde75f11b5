import { defineRule } from '../types';
import type { DockerModel } from './language';
import { stageNameTokens } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/unique-stage-names',
  title: 'Stage names are unique',
  level: 'block',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3024'], checkov: ['CKV_DOCKER_11'], trivy: ['AVD-DS-0012'], buildkit: ['DuplicateStageName'] },
  docs: {
    rationale:
      'Stage names are how `COPY --from`, `FROM <stage>` and `docker build --target` find a stage. With two stages of the same name (names are case-insensitive) those references silently pick one of them.',
    howToFix: 'Rename one of the stages (`FROM debian:12 AS build-deps`) and update the references to it.',
    whenNotToUse: 'Never needed: a duplicate name is always ambiguous.',
    examples: { bad: 'FROM golang:1.22 AS build\nFROM node:22 AS build', good: 'FROM golang:1.22 AS build-api\nFROM node:22 AS build-web' },
  },
  check(model, ctx) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const first = seen.get(stage.name);
      if (first === undefined) {
        seen.set(stage.name, stage.from.range.start.line);
        continue;
      }
      const tokens = stageNameTokens(model, stage);
      ctx.report({
        range: tokens ? model.index.range(tokens.name.start, tokens.name.end) : stage.from.keywordRange,
        message: `Stage name "${tokens?.name.value ?? stage.name}" is already used on line ${first + 1}; give each stage a unique name.`,
      });
    }
  },
});

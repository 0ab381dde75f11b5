import { defineRule } from '../types';
import type { DockerModel } from './language';
import { reportOverridden } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/single-entrypoint',
  title: 'One ENTRYPOINT per stage',
  level: 'warn',
  controls: ['container.signals'],
  aliases: { hadolint: ['DL4004'], trivy: ['AVD-DS-0007'], buildkit: ['MultipleInstructionsDisallowed'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'Only the last ENTRYPOINT of a stage is used. Earlier ones are dead code and make it unclear which process is PID 1 and receives stop signals.',
    howToFix: 'Delete the earlier ENTRYPOINT instructions and keep the one the image should run.',
    whenNotToUse: 'Never needed: an overridden ENTRYPOINT has no effect.',
    examples: {
      bad: 'FROM alpine:3.20\nENTRYPOINT ["/app/run.sh"]\nENTRYPOINT ["/app/server"]',
      good: 'FROM alpine:3.20\nENTRYPOINT ["/app/server"]',
    },
  },
  check(model, ctx) {
    reportOverridden(model, ctx, 'ENTRYPOINT');
  },
});

import { defineRule } from '../types';
import type { DockerModel } from './language';
import { reportOverridden } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/single-healthcheck',
  title: 'One HEALTHCHECK per stage',
  level: 'warn',
  controls: ['container.healthcheck'],
  aliases: { hadolint: ['DL3012'], trivy: ['AVD-DS-0023'], buildkit: ['MultipleInstructionsDisallowed'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'Only the last HEALTHCHECK of a stage is used. Earlier ones never run, so the probe a reader sees may not be the one Docker executes.',
    howToFix: 'Delete all but the HEALTHCHECK that should probe the application.',
    whenNotToUse: 'Never needed: an overridden HEALTHCHECK has no effect.',
    examples: {
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD /bin/healthcheck',
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD /bin/healthcheck',
    },
  },
  check(model, ctx) {
    reportOverridden(model, ctx, 'HEALTHCHECK');
  },
});

import { defineRule } from '../types';
import type { DockerModel } from './language';
import { reportOverridden } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/single-cmd',
  title: 'One CMD per stage',
  level: 'warn',
  controls: ['container.signals'],
  aliases: { hadolint: ['DL4003'], trivy: ['AVD-DS-0016'], buildkit: ['MultipleInstructionsDisallowed'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'Only the last CMD of a stage is used. Earlier ones are dead code that misleads readers about what the container runs.',
    howToFix: 'Delete the earlier CMD instructions and keep the one the image should run.',
    whenNotToUse: 'Never needed: an overridden CMD has no effect.',
    examples: { bad: 'FROM node:22\nCMD ["npm", "start"]\nCMD ["node", "server.js"]', good: 'FROM node:22\nCMD ["node", "server.js"]' },
  },
  check(model, ctx) {
    reportOverridden(model, ctx, 'CMD');
  },
});

import { defineRule } from '../types';
import type { DockerModel } from './language';
import { commandsNamed } from './package-managers';

const POINTLESS: Record<string, string> = {
  ssh: 'opens a remote session',
  vim: 'is an interactive editor',
  shutdown: 'tries to stop a machine',
  service: 'starts a service that does not survive the build step',
  ps: 'inspects processes of a throwaway build container',
  free: 'inspects the memory of a throwaway build container',
  top: 'is an interactive monitor',
  kill: 'signals processes of a throwaway build container',
  mount: 'changes mounts that do not survive the build step',
  ifconfig: 'inspects the network of a throwaway build container',
};
const NAMES = Object.keys(POINTLESS);

export default defineRule<DockerModel>({
  id: 'docker/no-interactive-commands',
  title: 'No interactive or pointless commands in RUN',
  level: 'report',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3001'] },
  docs: {
    rationale:
      'Each RUN executes once, without a terminal, in a throwaway container. Commands such as `vim`, `ssh`, `top`, `service … start`, `mount` or `shutdown` either wait for input, fail, or change state that is gone when the step ends, and usually mean a manual workflow was copied into the Dockerfile.',
    howToFix: 'Remove the command. Edit files with `sed`/`COPY`, start services in the container\'s ENTRYPOINT/CMD, and fetch remote content with `RUN --mount=type=ssh` plus a non-interactive client.',
    whenNotToUse:
      'Build steps that deliberately use one of these tools non-interactively, such as starting a database with `service` to seed it and stopping it again in the same RUN, or `ssh -o BatchMode=yes` with `--mount=type=ssh`.',
    examples: { bad: 'RUN service nginx start', good: 'CMD ["nginx", "-g", "daemon off;"]' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const { words } of commandsNamed(model, instr, NAMES)) {
        const word = words[0];
        const name = word.value.slice(word.value.lastIndexOf('/') + 1);
        ctx.report({
          range: model.index.range(word.start, word.end),
          message: `\`${name}\` ${POINTLESS[name]} during an image build; remove it from the RUN instruction.`,
        });
      }
    }
  },
});

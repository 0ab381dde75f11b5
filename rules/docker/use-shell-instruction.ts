import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { DockerModel } from './language';
import { commandsNamed, runScriptCommands } from './package-managers';

const SH = new Set(['/bin/sh', '/usr/bin/sh']);

export default defineRule<DockerModel>({
  id: 'docker/use-shell-instruction',
  title: 'Change the build shell with SHELL, not by relinking /bin/sh',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL4005'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Relinking /bin/sh (`ln -sf /bin/bash /bin/sh`) silently changes the shell of every script in the image, including the distribution\'s own maintainer scripts, and hides from readers which shell the RUN lines need. The SHELL instruction states it explicitly and only for the build.',
    howToFix: 'Remove the `ln` and add `SHELL ["/bin/bash", "-c"]` (or `["/bin/bash", "-o", "pipefail", "-c"]`) before the RUN instructions that need bash.',
    whenNotToUse: 'Images whose run-time scripts really require /bin/sh to be another shell (then say so in a comment and suppress the finding).',
    examples: { bad: 'RUN ln -sf /bin/bash /bin/sh', good: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const { words } of commandsNamed(model, instr, ['ln'])) {
        const positional = words.slice(1).filter((w) => !w.value.startsWith('-'));
        const target = positional[positional.length - 1];
        if (positional.length < 2 || !SH.has(target.value.replace(/\/+$/, ''))) continue;
        const source = positional[positional.length - 2].value;
        const only = runScriptCommands(model, instr).length === 1 && !instr.jsonForm && !instr.flags.length && /^\/[\w/.-]+$/.test(source);
        ctx.report({
          range: model.index.range(words[0].start, target.end),
          message: `Do not relink ${target.value} to change the shell; use \`SHELL ["${source}", "-c"]\` instead.`,
          suggestions: only
            ? [{ title: `Replace with SHELL ["${source}", "-c"]`, edits: [replaceEdit(model.index, instr.start, instr.end, `SHELL ["${source}", "-c"]`)] }]
            : undefined,
        });
      }
    }
  },
});

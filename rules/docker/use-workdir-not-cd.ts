import { defineRule, type Fix } from '../types';
import { deleteEdit, insertEdit, replaceEdit } from '../text';
import type { DockerModel } from './language';
import { commandName, positionalArgs } from './shell';
import { insertionPointBefore, runScripts } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/use-workdir-not-cd',
  title: 'WORKDIR instead of cd in RUN',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3003'], trivy: ['AVD-DS-0013'] },
  hasSuggestions: true,
  docs: {
    rationale:
      '`cd` in a RUN only lasts for that RUN, so the directory later steps run in is hidden in shell code. WORKDIR states it once, creates the directory, and applies to RUN, COPY, CMD and ENTRYPOINT alike.',
    howToFix: 'Replace `RUN cd /src && make` with `WORKDIR /src` followed by `RUN make` (later instructions then also run in /src; adjust their relative paths).',
    whenNotToUse: 'Short detours inside one RUN where the rest of the build must stay in the current directory; a `cd` inside a `( ... )` subshell is not reported.',
    examples: { bad: 'FROM debian:12\nRUN cd /src && make', good: 'FROM debian:12\nWORKDIR /src\nRUN make' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      const scripts = runScripts(model, instr);
      for (const [s, script] of scripts.entries()) {
        const index = script.commands.findIndex((c) => commandName(c) === 'cd' && !inSubshell(model.text, c.words[c.nameIndex].start));
        if (index < 0) continue;
        const cmd = script.commands[index];
        const word = cmd.words[cmd.nameIndex];
        const dirs = positionalArgs(cmd);
        const dir = dirs.length === 1 ? dirs[0] : undefined;
        const suggestions: Fix[] = [];
        const plainDir = dir && /^\/[A-Za-z0-9_\-./]*$/.test(model.text.slice(dir.start, dir.end));
        // Only for the leading `cd /abs/dir && ...` of the RUN line itself (not heredoc bodies).
        if (plainDir && s === 0 && index === 0 && scripts.length === 1 && model.shell(instr) === script && cmd.words.length === 2) {
          const at = insertionPointBefore(model, instr);
          const workdir = `${at.indent}WORKDIR ${dir!.value}${model.index.eol}`;
          const next = script.commands[1];
          if (!next) {
            suggestions.push({ title: `Replace the RUN with WORKDIR ${dir!.value}`, edits: [replaceEdit(model.index, instr.start, instr.end, `WORKDIR ${dir!.value}`)] });
          } else if (next.joinedBy === '&&' && next.words.length) {
            suggestions.push({
              title: `Move cd ${dir!.value} into a WORKDIR instruction (later instructions then run there too)`,
              edits: [insertEdit(model.index, at.offset, workdir), deleteEdit(model.index, word.start, next.words[0].start)],
            });
          }
        }
        ctx.report({
          range: model.index.range(word.start, dir ? dir.end : word.end),
          message: 'Use WORKDIR to set the directory instead of cd in RUN; WORKDIR is explicit and applies to every later instruction.',
          suggestions: suggestions.length ? suggestions : undefined,
        });
        break;
      }
    }
  },
});

/** Is the word directly after a `(` (a subshell, whose cd does not leak)? */
function inSubshell(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '(';
}

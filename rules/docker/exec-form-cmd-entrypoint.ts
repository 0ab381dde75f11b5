import { defineRule } from '../types';
import { replaceEdit } from '../text';
import { argsText, type DockerModel, instructionsBefore } from './language';
import { parseShell } from './shell';

/** Characters that make a shell-form command depend on the shell (expansion, quoting, operators, globs). */
const SHELL_SPECIAL = /[^A-Za-z0-9_\-.,/:@%+=^]/;

export default defineRule<DockerModel>({
  id: 'docker/exec-form-cmd-entrypoint',
  title: 'CMD and ENTRYPOINT use the exec (JSON) form',
  level: 'warn',
  controls: ['container.signals'],
  aliases: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the process runs as PID 1 without a shell and gets stop signals directly; an ENTRYPOINT also receives the CMD and docker run arguments',
  hasSuggestions: true,
  docs: {
    rationale:
      'In shell form, `CMD node server.js` runs as `/bin/sh -c "node server.js"`: the shell is PID 1 and does not forward SIGTERM, so the application is killed after the stop timeout instead of shutting down cleanly.',
    howToFix:
      'Write the command as a JSON array: `CMD ["node", "server.js"]`. If it needs shell features (`&&`, pipes, `$VAR`), move them into an entrypoint script and run that script in exec form, or end the script with `exec` so the application replaces the shell.',
    whenNotToUse:
      'Images whose command deliberately runs under a shell chosen with an explicit `SHELL` instruction (this rule then stays silent, as BuildKit does).',
    examples: { bad: 'FROM node:22\nCMD node server.js', good: 'FROM node:22\nCMD ["node", "server.js"]' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
      if (!instr.stage) continue;
      if (instr.jsonForm) {
        if (instr.stage.isFinal) ctx.pass({ range: instr.range, message: `${instr.keyword} uses the exec form, so the process receives stop signals directly.` });
        continue;
      }
      if (instr.argsStart === null) continue;
      // An explicit SHELL earlier in the stage (or a stage it builds on) makes shell form a deliberate choice.
      if (instructionsBefore(instr).some((i) => i.keyword === 'SHELL')) continue;
      const raw = argsText(model, instr);
      if (/^<</.test(raw.trim())) continue;
      const script = parseShell(model.text, instr.argsStart, instr.argsEnd!, model.escapeChar);
      const words = script.commands.length === 1 && script.commands[0].joinedBy === '' ? script.commands[0].words : [];
      const rawWords = words.map((w) => model.text.slice(w.start, w.end));
      const simple =
        words.length > 0 &&
        !raw.includes('#') &&
        rawWords.every((w) => !SHELL_SPECIAL.test(w)) &&
        !rawWords[0].includes('=') &&
        // Nothing but the words and line continuations between them (no comments, no operators).
        script.commands[0].nameIndex === 0;
      const range = model.index.range(instr.argsStart, instr.argsEnd!);
      const message = `Use the JSON exec form for ${instr.keyword} (["executable", "arg"]): in shell form /bin/sh is PID 1 and does not forward SIGTERM to the application.`;
      if (simple) {
        const json = `[${words.map((w) => JSON.stringify(w.value)).join(', ')}]`;
        ctx.report({ range, message, fix: { title: `Convert ${instr.keyword} to exec form`, edits: [replaceEdit(model.index, instr.argsStart, instr.argsEnd!, json)] } });
      } else {
        const joined = joinContinuations(raw, model.escapeChar).trim();
        const json = `["/bin/sh", "-c", ${JSON.stringify(joined)}]`;
        ctx.report({
          range,
          message,
          suggestions: [
            {
              title: `Wrap ${instr.keyword} in ["/bin/sh", "-c", ...] (still a shell; prefer an entrypoint script that ends with exec)`,
              edits: [replaceEdit(model.index, instr.argsStart, instr.argsEnd!, json)],
            },
          ],
        });
      }
    }
  },
});

/** Remove Dockerfile line continuations (escape + newline) and comment lines inside them. */
function joinContinuations(text: string, escapeChar: string): string {
  const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text
    .replace(new RegExp(`${esc}[ \\t]*\\r?\\n`, 'g'), '\n')
    .split('\n')
    .filter((l, i) => i === 0 || !/^\s*#/.test(l))
    .join('')
    .replace(/\s+$/, '');
}

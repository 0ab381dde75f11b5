import { defineRule } from '../types';
import { substituteArgs, type DockerInstruction, type DockerModel, instructionsBefore } from './language';
import { commandsNamed, insertAfterWord, optionMatches } from './package-managers';
import type { ShellWord } from './shell';

/** ARG/ENV defaults visible to a RUN: its stage chain, with global ARGs that a stage re-declares. */
function knownVars(model: DockerModel, instr: DockerInstruction): Map<string, string> {
  const vars = new Map<string, string>();
  for (const i of instructionsBefore(instr)) {
    if ((i.keyword !== 'ARG' && i.keyword !== 'ENV') || i.argsStart === null) continue;
    const args = model.text.slice(i.argsStart, i.argsEnd!);
    for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(=("[^"]*"|'[^']*'|\S+))?/g)) {
      if (m[2] !== undefined) vars.set(m[1], m[3].replace(/^["']|["']$/g, ''));
      else if (i.keyword === 'ARG' && model.globalArgDefaults.has(m[1])) vars.set(m[1], model.globalArgDefaults.get(m[1])!);
    }
  }
  return vars;
}

/** The `-u`/`--uid` option of a useradd call: the words that hold it and its value. */
function uidOption(words: ShellWord[]): { start: number; end: number; value: string } | null {
  for (let k = 1; k < words.length; k++) {
    const v = words[k].value;
    if ((v === '-u' || v === '--uid') && words[k + 1]) return { start: words[k].start, end: words[k + 1].end, value: words[k + 1].value };
    if (v.startsWith('--uid=')) return { start: words[k].start, end: words[k].end, value: v.slice(6) };
    if (/^-u./.test(v)) return { start: words[k].start, end: words[k].end, value: v.slice(2) };
  }
  return null;
}

export default defineRule<DockerModel>({
  id: 'docker/useradd-l-flag',
  title: 'useradd with a large UID uses -l',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3046'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      '`useradd` records every user in the sparse files /var/log/lastlog and /var/log/faillog, sized by the UID. Docker layers do not keep files sparse, so a UID such as 1000000 adds hundreds of megabytes (up to gigabytes) of zeros to the image.',
    howToFix: 'Add `-l` (`--no-log-init`): `useradd -l -u 1000000 app`.',
    whenNotToUse: 'Never needed for containers; the login records are not used there.',
    examples: { bad: 'RUN useradd -u 1000000 app', good: 'RUN useradd -l -u 1000000 app' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const { words } of commandsNamed(model, instr, ['useradd'])) {
        if (words.slice(1).some((w) => optionMatches(w, ['-l', '--no-log-init']))) continue;
        const uid = uidOption(words);
        if (!uid) continue;
        const value = uid.value.includes('$') ? substituteArgs(uid.value, knownVars(model, instr)) : uid.value;
        if (!/^\d+$/.test(value) || Number(value) <= 99999) continue;
        ctx.report({
          range: model.index.range(uid.start, uid.end),
          message: `\`useradd\` with UID ${value} and no \`-l\` writes a huge sparse lastlog into the image; add \`-l\` (\`--no-log-init\`).`,
          fix: { title: 'Add -l', edits: [insertAfterWord(model, instr, words[0], '-l')] },
        });
      }
    }
  },
});

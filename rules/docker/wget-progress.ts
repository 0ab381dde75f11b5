import { defineRule } from '../types';
import { stageLineage } from './language';
import type { DockerInstruction, DockerModel } from './language';
import { commandsNamed, insertAfterWord } from './package-managers';
import type { ShellWord } from './shell';

/** GNU wget short options that take a value: a bundle stops at them. */
const SHORT_WITH_VALUE = 'OPtTUeiBwQlADIXRh';

/** Does this wget option keep the progress output out of the build log? */
function quietOption(v: string): boolean {
  if (v.startsWith('--')) return /^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/.test(v);
  if (!/^-[A-Za-z]/.test(v)) return false;
  for (let i = 1; i < v.length; i++) {
    const c = v[i];
    if (c === 'n') {
      if (v[i + 1] === 'v') return true;
      i++;
      continue;
    }
    if (c === 'q' || c === 'o' || c === 'a') return true;
    if (SHORT_WITH_VALUE.includes(c)) return false;
  }
  return false;
}

/** BusyBox wget (Alpine, BusyBox images) has no `--progress` option. */
function busyboxBase(instr: DockerInstruction): boolean {
  const root = stageLineage(instr.stage)[0];
  return !!root && /alpine|busybox/i.test(root.baseImage);
}

export default defineRule<DockerModel>({
  id: 'docker/wget-progress',
  title: 'wget does not flood the build log with progress bars',
  level: 'report',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3047'] },
  fixable: true,
  fixType: 'safe',
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a terminal, wget prints a progress line for every few kilobytes, so a single download can add thousands of lines to the build log and hide the errors that matter.',
    howToFix: 'Add `--progress=dot:giga` (GNU wget), or `-q` / `-nv` for quieter output. BusyBox wget (Alpine) only knows `-q`.',
    whenNotToUse: 'Interactive debugging builds where the progress output is wanted.',
    examples: { bad: 'RUN wget https://example.com/app.tgz', good: 'RUN wget --progress=dot:giga https://example.com/app.tgz' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const { words } of commandsNamed(model, instr, ['wget'])) {
        const word: ShellWord = words[0];
        if (words.slice(1).some((w) => quietOption(w.value))) continue;
        const busybox = busyboxBase(instr);
        ctx.report({
          range: model.index.range(word.start, word.end),
          message: busybox
            ? '`wget` without `-q` fills the build log with progress output; add `-q`.'
            : '`wget` without `--progress` fills the build log with progress output; add `--progress=dot:giga` (or `-nv`).',
          fix: busybox ? undefined : { title: 'Add --progress=dot:giga', edits: [insertAfterWord(model, instr, word, '--progress=dot:giga')] },
          suggestions: busybox ? [{ title: 'Add -q', edits: [insertAfterWord(model, instr, word, '-q')] }] : undefined,
        });
      }
    }
  },
});

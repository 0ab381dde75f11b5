import { defineRule, type Fix } from '../types';
import { insertEdit } from '../text';
import type { DockerInstruction, DockerModel, Stage } from './language';
import { commandArgs, commandName, type ShellScript } from './shell';
import { insertionPointBefore, jsonTokens, knownShell, runScripts } from './instruction-tokens';

interface ShellState {
  argv: string[];
  pipefail: boolean;
  /** A POSIX-like shell where `|` and `-o pipefail` mean what this rule assumes. */
  posix: boolean;
}

const DEFAULT_SHELL: ShellState = { argv: ['/bin/sh', '-c'], pipefail: false, posix: true };
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

function shellState(argv: string[]): ShellState {
  const name = (argv[0] ?? '').replace(/^.*[\\/]/, '').toLowerCase();
  const pipefail = argv.some((a, i) => a === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(argv[i - 1])) || argv.includes('-opipefail');
  return { argv, pipefail, posix: POSIX_SHELLS.has(name) };
}

function setsPipefail(script: ShellScript): boolean {
  return script.commands.some((c) => commandName(c) === 'set' && commandArgs(c).some((w) => w.value === 'pipefail' || /^-[A-Za-z]*o[A-Za-z]*pipefail$/.test(w.value)));
}

/** Offset of the first `|` pipe operator of a script, or -1. */
function firstPipe(model: DockerModel, script: ShellScript): number {
  for (let k = 1; k < script.commands.length; k++) {
    const cmd = script.commands[k];
    if (cmd.joinedBy !== '|' || !cmd.words.length) continue;
    const prev = script.commands[k - 1];
    const from = prev.words.length ? prev.words[prev.words.length - 1].end : cmd.words[0].start - 1;
    const at = model.text.lastIndexOf('|', cmd.words[0].start);
    if (at >= from) return at;
  }
  return -1;
}

function shellLine(state: ShellState, stage: Stage): string | null {
  const name = (state.argv[0] ?? '').replace(/^.*[\\/]/, '');
  const explicit = state !== DEFAULT_SHELL && state.argv[0];
  if (explicit && name === 'bash') return `SHELL [${JSON.stringify(state.argv[0])}, "-o", "pipefail", "-c"]`;
  if (explicit && name === 'ash') return `SHELL [${JSON.stringify(state.argv[0])}, "-eo", "pipefail", "-c"]`;
  const known = knownShell(stage);
  if (known === 'bash') return 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
  if (known === 'ash') return 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]';
  return null;
}

export default defineRule<DockerModel>({
  id: 'docker/pipefail',
  title: 'Pipes in RUN fail the build when a command fails',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL4006'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'a pipe whose earlier command fails now fails the build, and later shell-form instructions of the stage run in that shell',
  hasSuggestions: true,
  docs: {
    rationale:
      'A pipeline returns the status of its last command only: `RUN curl -fsSL https://x | tar xz` succeeds even when the download fails, and the build produces a broken image instead of stopping.',
    howToFix:
      'Before the first RUN with a pipe, set a shell with pipefail: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (Debian, Ubuntu, RHEL family) or `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]` (Alpine, BusyBox). Starting the RUN with `set -o pipefail &&` also works in shells that support it.',
    whenNotToUse:
      'Pipes whose earlier commands are expected to fail (for example `yes | apt-get ...`), or images whose only shell does not support pipefail (dash as /bin/sh without bash).',
    examples: {
      bad: 'FROM debian:12\nRUN curl -fsSL https://example.com/x.tgz | tar xz',
      good: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar xz',
    },
  },
  check(model, ctx) {
    const endState = new Map<Stage, ShellState>();
    for (const stage of model.stages) {
      let state = (stage.parent && endState.get(stage.parent)) || DEFAULT_SHELL;
      let segmentFirst: DockerInstruction | null = null;
      let shellInstr: DockerInstruction | null = null;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'SHELL' && instr.jsonForm) {
          state = shellState(jsonTokens(model, instr).map((t) => t.value));
          segmentFirst = null;
          shellInstr = instr;
          continue;
        }
        if (instr.keyword !== 'RUN' || state.pipefail || !state.posix) continue;
        const scripts = runScripts(model, instr);
        if (scripts.some(setsPipefail)) continue;
        const piped = scripts.find((s) => s.hasPipe && firstPipe(model, s) >= 0);
        if (!piped) continue;
        const at = firstPipe(model, piped);
        segmentFirst ??= instr;
        const target = insertionPointBefore(model, segmentFirst);
        const line = shellLine(state, stage);
        const where = `line ${segmentFirst.range.start.line + 1}`;
        const make = (text: string, title: string): Fix => ({ title, edits: [insertEdit(model.index, target.offset, `${target.indent}${text}${model.index.eol}`)] });
        let fix: Fix | undefined = line ? make(line, `Set a pipefail SHELL before ${where}`) : undefined;
        // `SHELL ["/bin/bash", "-c"]` in this stage: add the option to it rather than a second SHELL.
        const tokens = shellInstr ? jsonTokens(model, shellInstr) : [];
        if (line && tokens.length === 2 && tokens[1].value === '-c' && /(^|\/)(ba|a)sh$/.test(tokens[0].value)) {
          const option = tokens[0].value.endsWith('bash') ? '"-o", "pipefail", ' : '"-eo", "pipefail", ';
          fix = { title: `Add pipefail to the SHELL on line ${shellInstr!.range.start.line + 1}`, edits: [insertEdit(model.index, tokens[1].start, option)] };
        }
        ctx.report({
          range: model.index.range(at, at + 1),
          message: `This pipe hides failures of the commands before it because the shell lacks pipefail; set ${line ?? 'SHELL ["/bin/bash", "-o", "pipefail", "-c"] (or ["/bin/ash", "-eo", "pipefail", "-c"] on Alpine)'} before this RUN.`,
          fix,
          suggestions: line
            ? undefined
            : [
                make('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', `Set SHELL to bash with pipefail before ${where} (the image must have /bin/bash)`),
                make('SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', `Set SHELL to ash with pipefail before ${where} (Alpine/BusyBox images)`),
              ],
        });
      }
      endState.set(stage, state);
    }
  },
});

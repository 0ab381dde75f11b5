// Package-manager calls inside RUN: which command is apt-get/apt/apk/yum/dnf/microdnf/zypper/pip/
// npm/yarn/gem/go, its subcommand, its option words and its package words, plus the edit helpers
// the package-manager rules share.
import type { TextEdit } from '../types';
import { isJsonElement } from './language';
import { insertEdit } from '../text';
import type { DockerInstruction, DockerModel, Stage } from './language';
import type { ShellCommand, ShellWord } from './shell';

export type Manager = 'apt-get' | 'apt' | 'apk' | 'yum' | 'dnf' | 'microdnf' | 'zypper' | 'pip' | 'npm' | 'yarn' | 'gem' | 'go';

export interface PmCall {
  instr: DockerInstruction;
  /** All shell commands of the RUN (heredoc data removed) and this call's position among them. */
  commands: ShellCommand[];
  index: number;
  manager: Manager;
  /** The word naming the tool (`apt-get`, `pip3`; for `python -m pip` the `pip` word). */
  nameWord: ShellWord;
  /** The subcommand word (`install`), or null when there is none. */
  sub: ShellWord | null;
  /** Subcommand with aliases resolved (`zypper in` -> install, `dup` -> dist-upgrade, `npm i` -> install). */
  subcommand: string;
  /** Option words between the tool and the subcommand. */
  before: ShellWord[];
  /** Option words after the subcommand (values of separate-value options excluded). */
  after: ShellWord[];
  /** Operands after the subcommand (packages), without option values and redirections. */
  operands: ShellWord[];
  /** Option word -> its separate value word (`-o X`). */
  values: Map<ShellWord, ShellWord>;
}

/** Options that take their value as the next word, per tool. */
const VALUE_OPTIONS: Record<Manager, string[]> = {
  'apt-get': ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'],
  apt: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'],
  apk: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--keys-dir', '--repositories-file', '--cache-dir', '--cache-max-age', '--timeout', '--wait'],
  yum: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel', '--repo', '--repoid', '--forcearch', '--downloaddir', '--destdir', '--rpmverbosity', '-R', '--randomwait'],
  dnf: ['-c', '--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '-x', '--exclude', '-d', '--debuglevel', '-e', '--errorlevel', '--repo', '--repoid', '--forcearch', '--downloaddir', '--destdir', '--rpmverbosity', '-R', '--randomwait', '--use-host-config'],
  microdnf: ['--config', '--installroot', '--releasever', '--setopt', '--enablerepo', '--disablerepo', '--exclude', '--repo', '--repoid', '--platform-id'],
  zypper: ['-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from', '-p', '--plus-repo', '--plus-content'],
  pip: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--global-option', '--install-option', '-C', '--config-settings', '--no-binary', '--only-binary', '--report', '--python'],
  npm: ['--prefix', '--registry', '-w', '--workspace', '--tag', '--cache', '--userconfig', '--loglevel', '--omit', '--include', '--install-strategy', '-C'],
  yarn: ['--cwd', '--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--registry'],
  gem: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '--build-root', '--document'],
  go: ['-o', '-ldflags', '-gcflags', '-asmflags', '-tags', '-mod', '-modfile', '-p', '-pkgdir', '-buildmode', '-compiler', '-installsuffix', '-overlay', '-pgo', '-gccgoflags', '-toolexec', '-C'],
};

const SUBCOMMAND_ALIASES: Partial<Record<Manager, Record<string, string>>> = {
  zypper: { in: 'install', rm: 'remove', dup: 'dist-upgrade', up: 'update', ref: 'refresh', si: 'source-install', cc: 'clean' },
  dnf: { in: 'install', rei: 'reinstall', up: 'upgrade', rm: 'remove', mc: 'makecache' },
  yum: { erase: 'remove' },
  npm: { i: 'install', in: 'install', ins: 'install', inst: 'install', insta: 'install', instal: 'install', isnt: 'install', isnta: 'install', isntal: 'install', isntall: 'install', add: 'install' },
};

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'time', 'command', 'exec', 'xargs', 'if', 'elif', 'then', 'else', 'while', 'until', 'do', '!', '{']);
const WRAPPER_VALUE_FLAGS: Record<string, string[]> = {
  sudo: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U'],
  xargs: ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a'],
  nice: ['-n'],
  env: ['-u', '-C', '-S'],
};

const innerCache = new WeakMap<ShellCommand, ShellWord[]>();
const scriptCache = new WeakMap<DockerInstruction, ShellCommand[]>();
const callsCache = new WeakMap<DockerInstruction, PmCall[]>();
const namesCache = new WeakMap<DockerInstruction, Map<string, number[]>>();

/** Words of a command after shell keywords and `sudo`/`env`/`xargs`-style wrappers. */
export function innerWords(cmd: ShellCommand): ShellWord[] {
  let words = innerCache.get(cmd);
  if (!words) {
    words = unwrap(cmd);
    innerCache.set(cmd, words);
  }
  return words;
}

function unwrap(cmd: ShellCommand): ShellWord[] {
  if (cmd.nameIndex < 0) return [];
  let words = cmd.words.slice(cmd.nameIndex);
  for (let guard = 0; guard < 6 && words.length; guard++) {
    const v = words[0].value;
    const name = v.slice(v.lastIndexOf('/') + 1);
    if (!WRAPPERS.has(name)) break;
    // `command -v wget` only looks the tool up.
    if (name === 'command' && words.slice(1).some((w) => w.value === '-v' || w.value === '-V')) return [];
    let k = 1;
    const valueFlags = WRAPPER_VALUE_FLAGS[name] ?? [];
    while (k < words.length && (words[k].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[k].value))) {
      if (valueFlags.includes(words[k].value)) k++;
      k++;
    }
    words = words.slice(k);
  }
  return words;
}

/** The command name after unwrapping (`sudo /usr/bin/apt-get` -> `apt-get`). */
export function innerName(cmd: ShellCommand): string {
  const w = innerWords(cmd)[0];
  return w ? w.value.slice(w.value.lastIndexOf('/') + 1) : '';
}

const SHELLS = /^(\/usr)?(\/bin\/)?(sh|bash|ash|dash|zsh|ksh)$/;

/**
 * The shell commands of a RUN, without the lines of heredocs that are data (`cat <<EOF > file`,
 * `RUN python3 <<EOF`) and without the heredoc marker lines themselves.
 */
export function runScriptCommands(model: DockerModel, instr: DockerInstruction): ShellCommand[] {
  let cached = scriptCache.get(instr);
  if (!cached) {
    cached = scriptCommands(model, instr);
    scriptCache.set(instr, cached);
  }
  return cached;
}

function scriptCommands(model: DockerModel, instr: DockerInstruction): ShellCommand[] {
  const all = model.shell(instr).commands;
  const out: ShellCommand[] = [];
  let skipUntil: string | null = null;
  let stripDelim: string | null = null;
  for (let i = 0; i < all.length; i++) {
    const cmd = all[i];
    if (skipUntil !== null || stripDelim !== null) {
      const only = cmd.words.length === 1 ? cmd.words[0].value.trim() : null;
      if (skipUntil !== null) {
        if (only === skipUntil) skipUntil = null;
        continue;
      }
      if (only === stripDelim) {
        stripDelim = null;
        continue;
      }
    }
    const hd = cmd.words.findIndex((w) => /^<<-?['"]?[A-Za-z_][A-Za-z0-9_]*['"]?$/.test(w.value));
    if (hd >= 0 && !instr.jsonForm) {
      const delim = cmd.words[hd].value.replace(/^<<-?/, '').replace(/['"]/g, '');
      const first = i === 0 && hd === 0;
      // `RUN <<EOF`, `RUN <<EOF bash`, `bash <<EOF`: the body is a shell script; otherwise it is data.
      const shellBody = first
        ? cmd.words.length === 1 || SHELLS.test(cmd.words[1].value)
        : hd >= 1 && SHELLS.test(cmd.words[0].value) && !cmd.words.slice(1, hd).some((w) => w.value === '-c');
      if (shellBody) {
        stripDelim = delim;
        if (!first) out.push(cmd);
        continue;
      }
      skipUntil = delim;
      if (!first) out.push(cmd);
      continue;
    }
    out.push(cmd);
  }
  return out;
}

/**
 * Commands of a RUN whose (unwrapped) command name is one of `names`, in order, with their words
 * after wrappers. The name index is built once per RUN and shared by all rules.
 */
export function commandsNamed(model: DockerModel, instr: DockerInstruction, names: readonly string[]): { cmd: ShellCommand; words: ShellWord[] }[] {
  const commands = runScriptCommands(model, instr);
  const index = nameIndex(model, instr);
  const found: number[] = [];
  for (const n of names) for (const i of index.get(n) ?? []) found.push(i);
  if (names.length > 1) found.sort((a, b) => a - b);
  return found.map((i) => ({ cmd: commands[i], words: innerWords(commands[i]) }));
}

/** Command name -> positions in runScriptCommands(instr); built once per RUN. */
function nameIndex(model: DockerModel, instr: DockerInstruction): Map<string, number[]> {
  let index = namesCache.get(instr);
  if (!index) {
    index = new Map();
    const commands = runScriptCommands(model, instr);
    for (let i = 0; i < commands.length; i++) {
      const name = innerName(commands[i]);
      if (!name) continue;
      const list = index.get(name);
      if (list) list.push(i);
      else index.set(name, [i]);
    }
    namesCache.set(instr, index);
  }
  return index;
}

function managerOf(words: ShellWord[]): { manager: Manager; nameAt: number } | null {
  if (!words.length) return null;
  const v = words[0].value;
  const name = v.slice(v.lastIndexOf('/') + 1);
  switch (name) {
    case 'apt-get':
    case 'apt':
    case 'apk':
    case 'yum':
    case 'dnf':
    case 'microdnf':
    case 'zypper':
    case 'npm':
    case 'yarn':
    case 'gem':
    case 'go':
      return { manager: name, nameAt: 0 };
    case 'dnf5':
    case 'dnf4':
    case 'dnf-3':
      return { manager: 'dnf', nameAt: 0 };
  }
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) return { manager: 'pip', nameAt: 0 };
  if (/^python(\d+(\.\d+)?)?$/.test(name) && words[1]?.value === '-m' && /^pip(\d+(\.\d+)?)?$/.test(words[2]?.value ?? '')) return { manager: 'pip', nameAt: 2 };
  return null;
}

function isRedirection(v: string): boolean {
  return /^(\d*|&)(>>?|<<?|>&|<&|>\|)/.test(v);
}

/** Does an option word match one of `names` (`-y` also inside bundles such as `-qy`; `--x` also as `--x=v`)? */
export function optionMatches(word: ShellWord, names: string[]): boolean {
  const v = word.value;
  for (const n of names) {
    if (n.startsWith('--')) {
      if (v === n || v.startsWith(n + '=')) return true;
    } else if (n.length === 2 && /^-[A-Za-z]+$/.test(v)) {
      if (v.includes(n[1])) return true;
    } else if (v === n) return true;
  }
  return false;
}

function parseCall(instr: DockerInstruction, commands: ShellCommand[], index: number): PmCall | null {
  const words = innerWords(commands[index]);
  const m = managerOf(words);
  if (!m) return null;
  const { manager } = m;
  const nameWord = words[m.nameAt];
  const valueOpts = VALUE_OPTIONS[manager];
  const before: ShellWord[] = [];
  const after: ShellWord[] = [];
  const operands: ShellWord[] = [];
  const values = new Map<ShellWord, ShellWord>();
  let sub: ShellWord | null = null;
  let endOfOptions = false;
  for (let k = m.nameAt + 1; k < words.length; k++) {
    const w = words[k];
    const v = w.value;
    if (isRedirection(v)) {
      if (/^(\d*|&)(>>?|<<?|>&|<&|>\|)$/.test(v)) k++;
      continue;
    }
    if (!endOfOptions && v === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && v.startsWith('-') && v.length > 1) {
      (sub ? after : before).push(w);
      if (valueOpts.includes(v) && k + 1 < words.length) {
        values.set(w, words[k + 1]);
        k++;
      }
      continue;
    }
    if (!sub) sub = w;
    else operands.push(w);
  }
  let subcommand = sub ? sub.value : '';
  subcommand = SUBCOMMAND_ALIASES[manager]?.[subcommand] ?? subcommand;
  if ((manager === 'yum' || manager === 'dnf' || manager === 'zypper') && (subcommand === 'group' || subcommand === 'groups') && operands[0]?.value === 'install') {
    subcommand = 'groupinstall';
    operands.shift();
  }
  return { instr, commands, index, manager, nameWord, sub, subcommand, before, after, operands, values };
}

/** Every package-manager call in the RUN instructions of the given stages (or the whole file). */
export function* pmCalls(model: DockerModel, stages?: Stage[]): Generator<PmCall> {
  const list = stages ? stages.flatMap((s) => s.instructions) : model.instructions;
  for (const instr of list) {
    if (instr.keyword !== 'RUN') continue;
    yield* pmCallsOf(model, instr);
  }
}

export function pmCallsOf(model: DockerModel, instr: DockerInstruction): PmCall[] {
  let cached = callsCache.get(instr);
  if (!cached) {
    cached = parseCalls(model, instr);
    callsCache.set(instr, cached);
  }
  return cached;
}

const MANAGER_NAMES = /^(apt-get|apt|apk|yum|dnf|dnf[45]|dnf-3|microdnf|zypper|npm|yarn|gem|go|pip[\d.]*|python[\d.]*)$/;

function parseCalls(model: DockerModel, instr: DockerInstruction): PmCall[] {
  const commands = runScriptCommands(model, instr);
  const positions: number[] = [];
  for (const [name, list] of nameIndex(model, instr)) if (MANAGER_NAMES.test(name)) for (const i of list) positions.push(i);
  positions.sort((a, b) => a - b);
  const out: PmCall[] = [];
  for (const i of positions) {
    const call = parseCall(instr, commands, i);
    if (call) out.push(call);
  }
  return out;
}

/** Option words before and after the subcommand. */
export function allOptions(call: PmCall): ShellWord[] {
  return [...call.before, ...call.after];
}

export function callHasOption(call: PmCall, names: string[]): boolean {
  return allOptions(call).some((w) => optionMatches(w, names));
}

/** Values given to an option: `-o X`, `-oX`, `--option=X`, `--option X`. */
export function optionValues(call: PmCall, short: string | null, long: string | null): string[] {
  const out: string[] = [];
  for (const w of allOptions(call)) {
    const v = w.value;
    if ((short && v === short) || (long && v === long)) {
      const val = call.values.get(w);
      if (val) out.push(val.value);
    } else if (long && v.startsWith(long + '=')) out.push(v.slice(long.length + 1));
    else if (short && v.startsWith(short) && !v.startsWith('--') && v.length > short.length) out.push(v.slice(short.length));
  }
  return out;
}

/** Same family of tool for cache purposes (`apt` and `apt-get` share their lists). */
export function family(m: Manager): string {
  return m === 'apt' ? 'apt-get' : m;
}

/** Apt family install-type subcommands. */
export const APT_INSTALLS = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep']);

/** `apt-get install -s` and friends only simulate: nothing is installed and nothing prompts. */
export function simulated(call: PmCall): boolean {
  return (call.manager === 'apt-get' || call.manager === 'apt') && callHasOption(call, ['-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act']);
}

/** Insert an option right after a word, in shell form (` -y`) or as a JSON array element (`, "-y"`). */
export function insertAfterWord(model: DockerModel, instr: DockerInstruction, word: ShellWord, option: string): TextEdit {
  const text = isJsonElement(model, instr, word) ? `, ${JSON.stringify(option)}` : ` ${option}`;
  return insertEdit(model.index, word.end, text);
}

/**
 * Offset just after the last word of the `&&`/`||`/`|` chain that contains command `index`, where
 * ` && cleanup` can be appended; null when the chain is backgrounded or the RUN is in JSON form.
 */
export function chainEndOffset(model: DockerModel, instr: DockerInstruction, commands: ShellCommand[], index: number): number | null {
  if (instr.jsonForm) return null;
  let j = index;
  for (;;) {
    const next = commands[j + 1];
    if (!next) break;
    if (next.joinedBy === '&&' || next.joinedBy === '||' || next.joinedBy === '|') {
      j++;
      continue;
    }
    if (next.joinedBy === '&') {
      // `2>&1` is split by the tokenizer into `2>`, `&`, `1...`: treat it as a redirection.
      const last = commands[j].words[commands[j].words.length - 1];
      if (last && /[<>]$/.test(last.value)) {
        j++;
        continue;
      }
      return null;
    }
    break;
  }
  const words = commands[j].words;
  const end = words[words.length - 1].end;
  // A trailing `&` (background) leaves no next command: nothing can be chained after it.
  const tail = model.text.slice(end, instr.end);
  if (/^[ \t]*&(?!&)/.test(tail)) return null;
  return end;
}

/** Cache mounts of a RUN: the `target` of each `--mount=type=cache` (or tmpfs) flag. */
export function cacheMountTargets(instr: DockerInstruction): string[] {
  const out: string[] = [];
  for (const f of instr.flags) {
    if (f.getName().toLowerCase() !== 'mount') continue;
    const opts = new Map<string, string>();
    for (const part of (f.getValue() ?? '').split(',')) {
      const eq = part.indexOf('=');
      if (eq > 0) opts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    const type = opts.get('type');
    if (type !== 'cache' && type !== 'tmpfs') continue;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (target) out.push(target);
  }
  return out;
}

/**
 * Position (in runScriptCommands) of the last `rm` of the RUN that removes a path starting with one
 * of `prefixes`, or -1.
 */
export function lastRemoval(model: DockerModel, instr: DockerInstruction, prefixes: string[]): number {
  const positions = nameIndex(model, instr).get('rm') ?? [];
  const commands = runScriptCommands(model, instr);
  for (let k = positions.length - 1; k >= 0; k--) {
    const words = innerWords(commands[positions[k]]);
    if (words.slice(1).some((w) => prefixes.some((p) => w.value.startsWith(p)))) return positions[k];
  }
  return -1;
}


// ARG/ENV keys with exact offsets, USER resolution in the final image, and whitespace-aware
// deletion of words, flags and list items for fixes.
import { deleteEdit, deleteLinesEdit, insertEdit, replaceEdit } from '../text';
import type { TextEdit } from '../types';
import { substituteArgs, type DockerInstruction, type DockerModel, type Stage, stageLineage } from './language';
import { commandArgs, commandName, unwrapCommands, type ShellCommand, type ShellWord } from './shell';

export interface Span {
  start: number;
  end: number;
}

/** One `name[=value]` of an ARG or ENV instruction, with document offsets. */
export interface KeyRef extends Span {
  name: string;
  value: string | null;
  /** The whole `name=value` pair (or `name value` for the legacy ENV form). */
  pairStart: number;
  pairEnd: number;
}

interface AstProperty {
  getName(): string;
  getValue(): string | null;
  getAssignmentOperator(): string | null;
  getNameRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
  getValueRange(): { start: { line: number; character: number }; end: { line: number; character: number } } | null;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The keys declared by an ARG or ENV instruction (`ARG a b=1` declares two, like BuildKit). */
const keyCache = new WeakMap<DockerInstruction, KeyRef[]>();

export function argEnvKeys(model: DockerModel, instr: DockerInstruction): KeyRef[] {
  if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') return [];
  let keys = keyCache.get(instr);
  if (!keys) {
    keys = readKeys(model, instr);
    keyCache.set(instr, keys);
  }
  return keys;
}

function readKeys(model: DockerModel, instr: DockerInstruction): KeyRef[] {
  const ast = instr.ast as unknown as { getProperties?(): AstProperty[] };
  const props = ast.getProperties?.() ?? [];
  const idx = model.index;
  // dockerfile-ast reads `ARG a b=1` as one key `a` with value `b=1`; BuildKit declares both.
  const args = instr.keyword === 'ARG' && props.length === 1 && props[0].getValue() !== null && !props[0].getAssignmentOperator() ? instr.ast.getArguments() : [];
  if (args.length > 1 && !args[0].getValue().includes('=')) {
    return args.map((a) => {
      const raw = a.getValue();
      const start = idx.offsetAt(a.getRange().start);
      const end = idx.offsetAt(a.getRange().end);
      const eq = raw.indexOf('=');
      const name = eq >= 0 ? raw.slice(0, eq) : raw;
      return { name, value: eq >= 0 ? raw.slice(eq + 1) : null, start, end: start + name.length, pairStart: start, pairEnd: end };
    });
  }
  return props.map((p) => {
    const start = idx.offsetAt(p.getNameRange().start);
    const end = idx.offsetAt(p.getNameRange().end);
    const r = p.getRange();
    const vr = p.getValueRange();
    const pairEnd = Math.max(idx.offsetAt(r.end), vr ? idx.offsetAt(vr.end) : end);
    return { name: p.getName(), value: p.getValue(), start, end, pairStart: start, pairEnd };
  });
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Delete `[start, end)` (one word or several adjacent words) together with the blanks after it, or,
 * when it ends its line, the blanks before it.
 */
export function deleteWords(model: DockerModel, start: number, end: number): TextEdit {
  const t = model.text;
  let e = end;
  while (isBlank(t[e])) e++;
  if (e < t.length && t[e] !== '\n' && t[e] !== '\r') return deleteEdit(model.index, start, e);
  let s = start;
  while (s > 0 && isBlank(t[s - 1])) s--;
  return deleteEdit(model.index, s, end);
}

/**
 * Delete item `i` of a blank-separated list (EXPOSE ports, ENV pairs) that has more than one item,
 * keeping line continuations intact: the separator before the item goes with it, or the one after
 * it for the first item.
 */
export function deleteListItem(model: DockerModel, items: Span[], i: number): TextEdit {
  if (i > 0) return deleteEdit(model.index, items[i - 1].end, items[i].end);
  return deleteEdit(model.index, items[0].start, items[1].start);
}

/** Remove one letter from a short-flag bundle (`-sSkL` -> `-sSL`), or the word when it is the only one. */
export function deleteShortFlag(model: DockerModel, word: ShellWord, letter: string): TextEdit {
  const raw = model.text.slice(word.start, word.end);
  if (raw === `-${letter}`) return deleteWords(model, word.start, word.end);
  const at = raw.indexOf(letter, 1);
  return replaceEdit(model.index, word.start + at, word.start + at + 1, '');
}

/**
 * Find a short flag inside a bundle, stopping at the first letter that takes a value
 * (`-ok` in curl is `-o k`). Returns the word holding it.
 */
export function findShortFlag(cmd: ShellCommand, letter: string, takesValue: string): ShellWord | undefined {
  for (const w of commandArgs(cmd)) {
    const v = w.value;
    if (v === '--') return undefined;
    if (!/^-[A-Za-z0-9#]+$/.test(v)) continue;
    for (const ch of v.slice(1)) {
      if (ch === letter) return w;
      if (takesValue.includes(ch)) break;
    }
  }
  return undefined;
}

/** `python -m pip ...` and `pip3 ...` are both pip. */
export function effectiveName(cmd: ShellCommand): string {
  const name = commandName(cmd);
  if (/^python[0-9.]*$/.test(name)) {
    const args = commandArgs(cmd);
    if (args[0]?.value === '-m' && args[1]) return args[1].value;
  }
  return name;
}

/** The user and group of a USER instruction, with offsets of the user part. */
export interface UserRef extends Span {
  instr: DockerInstruction;
  /** As written, quotes removed. */
  raw: string;
  /** After substituting known ARG defaults. */
  user: string;
  group: string | null;
}

function stripQuotes(s: string): { text: string; offset: number } {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return { text: s.slice(1, -1), offset: 1 };
  return { text: s, offset: 0 };
}

/** ARG defaults visible at `instr`: global defaults plus ARGs declared earlier in the stage. */
export function argsVisibleAt(model: DockerModel, instr: DockerInstruction): Map<string, string> {
  const vars = new Map<string, string>();
  const stage = instr.stage;
  if (!stage) return new Map(model.globalArgDefaults);
  for (const s of stageLineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && i.start >= instr.start) break;
      if (i.keyword !== 'ARG' && i.keyword !== 'ENV') continue;
      for (const k of argEnvKeys(model, i)) {
        if (k.value !== null && !k.value.includes('$')) vars.set(k.name, k.value);
        else if (i.keyword === 'ARG' && k.value === null && model.globalArgDefaults.has(k.name)) vars.set(k.name, model.globalArgDefaults.get(k.name)!);
      }
    }
  }
  return vars;
}

export function userRef(model: DockerModel, instr: DockerInstruction): UserRef | null {
  const args = instr.ast.getArguments();
  if (args.length === 0) return null;
  const a = args[0];
  const start = model.index.offsetAt(a.getRange().start);
  const { text, offset } = stripQuotes(a.getValue());
  const value = text.includes('$') ? substituteArgs(text, argsVisibleAt(model, instr)) : text;
  const colon = value.indexOf(':');
  const rawColon = text.indexOf(':');
  const rawUserLen = rawColon >= 0 ? rawColon : text.length;
  return {
    instr,
    raw: text,
    user: colon >= 0 ? value.slice(0, colon) : value,
    group: colon >= 0 ? value.slice(colon + 1) : null,
    start: start + offset,
    end: start + offset + rawUserLen,
  };
}

/** USER instructions of the final image, in order (stages the final stage is built FROM first). */
export function finalImageUsers(model: DockerModel): UserRef[] {
  const out: UserRef[] = [];
  for (const s of model.finalImageStages) {
    for (const i of s.instructions) {
      if (i.keyword !== 'USER') continue;
      const u = userRef(model, i);
      if (u) out.push(u);
    }
  }
  return out;
}

export function isRootUser(user: string): boolean {
  return user === 'root' || /^0+$/.test(user);
}

/**
 * Suggestion that inserts `USER 10001:10001` into the final stage: before its CMD/ENTRYPOINT when
 * they come after `after` (an offset), else at the end of the file.
 */
export function insertUserLine(model: DockerModel, after: number): TextEdit {
  const stage = model.finalStage!;
  const lastOf = (k: string) => [...stage.instructions].reverse().find((i) => i.keyword === k && i.start >= after);
  const targets = [lastOf('CMD'), lastOf('ENTRYPOINT')].filter((i): i is DockerInstruction => !!i).sort((a, b) => a.start - b.start);
  const eol = model.index.eol;
  if (targets.length) {
    const at = model.index.lineStart(targets[0].range.start.line);
    return insertEdit(model.index, at, `USER 10001:10001${eol}`);
  }
  const t = model.text;
  const needsBreak = t.length > 0 && !t.endsWith('\n') && !t.endsWith('\r');
  return insertEdit(model.index, t.length, `${needsBreak ? eol : ''}USER 10001:10001${eol}`);
}

/** The range of the FROM line of a stage: keyword through the end of its arguments. */
export function fromLineSpan(stage: Stage): Span {
  return { start: stage.from.start, end: stage.from.argsEnd ?? stage.from.end };
}

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'nohup', 'time', 'command', 'exec']);

/** The command and, for `sudo`/`env` wrappers, the wrapped command (no allocation for plain commands). */
export function withWrapped(cmd: ShellCommand): ShellCommand[] {
  return WRAPPERS.has(commandName(cmd)) ? unwrapCommands(cmd) : [cmd];
}

/** Does any argument of the command start with `-`? (Cheap pre-filter for flag checks.) */
export function hasDashArg(cmd: ShellCommand): boolean {
  for (let i = cmd.nameIndex + 1; i < cmd.words.length; i++) if (cmd.words[i].value.charCodeAt(0) === 45) return true;
  return false;
}

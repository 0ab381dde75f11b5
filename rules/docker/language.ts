// Dockerfile domain: detection and a multi-stage-aware model over dockerfile-ast, with exact ranges.
import { DockerfileParser, type Dockerfile, type Instruction, type From, type Flag } from 'dockerfile-ast';
import { LineIndex, deleteLinesEdit } from '../text';
import type { Language, ParsedFile, Range, TextEdit } from '../types';
import { parseShell, type ShellScript, type ShellCommand } from './shell';

export interface DockerInstruction {
  /** Upper-cased keyword (`RUN`, `FROM`, ...). */
  keyword: string;
  /** The keyword as written (for casing rules). */
  keywordText: string;
  ast: Instruction;
  range: Range;
  keywordRange: Range;
  /** Document offsets of the whole instruction. */
  start: number;
  end: number;
  /** Document offsets of the arguments (after the keyword and flags' start), or null when empty. */
  argsStart: number | null;
  argsEnd: number | null;
  /** Stage this instruction belongs to; null for ARGs before the first FROM. */
  stage: Stage | null;
  /** For RUN/CMD/ENTRYPOINT/SHELL: written in JSON (exec) form. */
  jsonForm: boolean;
  /** Flags such as `--mount=...`, `--from=...`, `--chown=...`. */
  flags: Flag[];
}

export interface Stage {
  index: number;
  /** Lower-cased stage name from `FROM x AS name`, if any. */
  name: string | null;
  from: DockerInstruction;
  /** Base image with global ARG defaults substituted (`${X}` stays when unknown). */
  baseImage: string;
  /** The earlier stage this one builds `FROM`, if any. */
  parent: Stage | null;
  instructions: DockerInstruction[];
  isFinal: boolean;
}

export interface DockerComment {
  /** Text after `#`, trimmed. */
  text: string;
  line: number;
  range: Range;
}

export interface DockerModel {
  text: string;
  index: LineIndex;
  ast: Dockerfile;
  escapeChar: string;
  instructions: DockerInstruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: DockerInstruction[];
  stages: Stage[];
  finalStage: Stage | null;
  comments: DockerComment[];
  /** The final stage and the stages it inherits from, oldest first. */
  finalImageStages: Stage[];
  /** Parsed shell of a RUN (shell form or JSON form); cached. */
  shell(instr: DockerInstruction): ShellScript;
  /** Default values of ARGs declared before the first FROM. */
  globalArgDefaults: Map<string, string>;
}

const shellCache = new WeakMap<DockerInstruction, ShellScript>();

export function parseDockerfile(text: string): DockerModel {
  const ast = DockerfileParser.parse(text);
  const index = new LineIndex(text);
  const escapeChar = ast.getEscapeCharacter();

  const instructions: DockerInstruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: DockerInstruction[] = [];
  const globalArgDefaults = new Map<string, string>();
  let current: Stage | null = null;

  for (const ins of ast.getInstructions()) {
    memoizeGetters(ins);
    const range = ins.getRange();
    const argRange = ins.getArgumentsRange();
    const keywordRange = ins.getInstructionRange();
    const keyword = ins.getKeyword().toUpperCase();
    const flags = typeof (ins as { getFlags?: () => Flag[] }).getFlags === 'function' ? (ins as unknown as { getFlags(): Flag[] }).getFlags() : [];
    const jsonIns = ins as unknown as { getOpeningBracket?: () => unknown; getClosingBracket?: () => unknown };
    const jsonForm =
      typeof jsonIns.getOpeningBracket === 'function' && !!jsonIns.getOpeningBracket() && !!jsonIns.getClosingBracket?.();
    const di: DockerInstruction = {
      keyword,
      keywordText: index.text.slice(index.offsetAt(keywordRange.start), index.offsetAt(keywordRange.end)),
      ast: ins,
      range,
      keywordRange,
      start: index.offsetAt(range.start),
      end: index.offsetAt(range.end),
      argsStart: argRange ? index.offsetAt(argRange.start) : null,
      argsEnd: argRange ? index.offsetAt(argRange.end) : null,
      stage: null,
      jsonForm,
      flags,
    };
    if (keyword === 'FROM') {
      const from = ins as From;
      const name = from.getBuildStage();
      const rawImage = from.getImage() ?? '';
      const baseImage = substituteArgs(rawImage, globalArgDefaults);
      const parent = stages.find((s) => s.name !== null && s.name === baseImage.toLowerCase()) ?? null;
      current = { index: stages.length, name: name ? name.toLowerCase() : null, from: di, baseImage, parent, instructions: [], isFinal: false };
      stages.push(current);
    } else if (!current && keyword === 'ARG') {
      globalArgs.push(di);
      for (const p of (ins as unknown as { getProperties(): { getName(): string; getValue(): string | null }[] }).getProperties()) {
        const v = p.getValue();
        if (v !== null) globalArgDefaults.set(p.getName(), v);
      }
    }
    di.stage = current;
    current?.instructions.push(di);
    instructions.push(di);
  }
  if (stages.length) stages[stages.length - 1].isFinal = true;
  const finalStage = stages.length ? stages[stages.length - 1] : null;
  const finalImageStages: Stage[] = [];
  for (let s = finalStage, guard = 0; s && guard < 100; s = s.parent, guard++) finalImageStages.unshift(s);

  const comments: DockerComment[] = ast.getComments().map((c) => {
    const r = c.getRange();
    return { text: (c.getContent() ?? '').trim(), line: r.start.line, range: r };
  });

  return {
    text,
    index,
    ast,
    escapeChar,
    instructions,
    globalArgs,
    stages,
    finalStage,
    comments,
    finalImageStages,
    globalArgDefaults,
    shell(instr) {
      let s = shellCache.get(instr);
      if (!s) {
        s = instr.jsonForm ? jsonShell(instr, index) : instr.argsStart === null ? { commands: [], hasPipe: false } : parseShell(text, instr.argsStart, instr.argsEnd!, escapeChar);
        shellCache.set(instr, s);
      }
      return s;
    },
  };
}

// dockerfile-ast recomputes these from the text on every call, and rules call them often; a parsed
// instruction never changes, so each is computed once per instruction.
const MEMOIZED = ['getRawArguments', 'getArguments', 'getArgumentsRange', 'getFlags', 'getProperties', 'getJSONStrings', 'getVariables', 'getHeredocs'];
function memoizeGetters(ins: object): void {
  const target = ins as Record<string, unknown>;
  for (const name of MEMOIZED) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    let cached: unknown;
    let done = false;
    Object.defineProperty(target, name, {
      configurable: true,
      value: function (this: unknown, ...args: unknown[]) {
        if (args.length) return (original as (...a: unknown[]) => unknown).apply(this, args);
        if (!done) {
          cached = (original as () => unknown).call(this);
          done = true;
        }
        return cached;
      },
    });
  }
}

function jsonShell(instr: DockerInstruction, index: LineIndex): ShellScript {
  const strings = (instr.ast as unknown as { getJSONStrings(): { getValue(): string; getJSONValue(): string; getRange(): Range }[] }).getJSONStrings();
  const words = strings.map((s) => ({ value: s.getJSONValue(), start: index.offsetAt(s.getRange().start), end: index.offsetAt(s.getRange().end) }));
  // `["/bin/sh", "-c", "script"]`: lint the script as shell, offsets inside the JSON string.
  if (words.length === 3 && /(^|\/)(ba|a|z|da)?sh$/.test(words[0].value) && words[1].value === '-c') {
    const inner = parseShell(index.text, words[2].start + 1, words[2].end - 1);
    return inner;
  }
  const cmd: ShellCommand = { words, nameIndex: words.length ? 0 : -1, joinedBy: '' };
  return { commands: words.length ? [cmd] : [], hasPipe: false };
}

/** Replace `$X`, `${X}`, `${X:-d}` and `${X-d}` using known ARG defaults; unknown stay as written. */
export function substituteArgs(value: string, args: Map<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, braced, dflt, bare) => {
    const name = braced ?? bare;
    const v = args.get(name);
    if (v !== undefined && v !== '') return v;
    if (dflt !== undefined) return dflt;
    return m;
  });
}

/** Split an image reference into registry, path, tag and digest. */
export function parseImageRef(image: string): { registry: string | null; name: string; tag: string | null; digest: string | null } {
  let rest = image;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const first = rest.indexOf('/');
  if (first > 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(first + 1);
    }
  }
  return { registry, name: rest, tag, digest };
}

const DOCKER_NAME = /(^|[\\/])(Dockerfile|Containerfile)(\.[^\\/]+)?$|\.(dockerfile|Dockerfile|containerfile)$/;

export const dockerLanguage: Language<DockerModel> = {
  domain: 'docker',
  commentPrefix: '#',
  globs: ['**/Dockerfile', '**/Dockerfile.*', '**/*.Dockerfile', '**/*.dockerfile', '**/Containerfile', '**/Containerfile.*'],
  matches(path, languageId) {
    if (languageId === 'dockerfile') return true;
    return DOCKER_NAME.test(path) && !/\.(md|txt|orig|rej|bak|swp)$/i.test(path);
  },
  statementEnd(model, line) {
    const instr = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return instr ? instr.range.end.line : line;
  },
  statementStart(model, line) {
    const instr = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    return instr ? instr.range.start.line : line;
  },
  parse(text): ParsedFile<DockerModel> {
    const model = parseDockerfile(text);
    const parseErrors: ParsedFile['parseErrors'] = [];
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      parseErrors.push({ range: model.index.range(nul, nul + 1), message: 'This file contains binary data (NUL bytes) and is not a Dockerfile; it was not checked.' });
    } else if (model.instructions.length > 0 && model.stages.length === 0) {
      const first = model.instructions[0];
      parseErrors.push({ range: first.keywordRange, message: 'This Dockerfile has no FROM instruction, so there is no image to check.' });
    }
    return { model, parseErrors };
  },
};

/** Instructions of a keyword in a stage. */
export function ofKeyword(stage: Stage, keyword: string): DockerInstruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}

/** The text of an instruction's arguments as written. */
export function argsText(model: DockerModel, instr: DockerInstruction): string {
  return instr.argsStart === null ? '' : model.text.slice(instr.argsStart, instr.argsEnd!);
}

/** All shell commands of RUN instructions in the given stages (or the whole file). */
export function* runCommands(model: DockerModel, stages?: Stage[]): Generator<{ instr: DockerInstruction; cmd: ShellCommand; script: ShellScript }> {
  const list = stages ? stages.flatMap((s) => s.instructions) : model.instructions;
  for (const instr of list) {
    if (instr.keyword !== 'RUN') continue;
    const script = model.shell(instr);
    for (const cmd of script.commands) yield { instr, cmd, script };
  }
}

/** The stage and the earlier stages it is built `FROM`, oldest first (like `finalImageStages`). */
export function stageLineage(stage: Stage | null): Stage[] {
  const out: Stage[] = [];
  for (let s = stage, guard = 0; s && guard < 100; s = s.parent, guard++) out.unshift(s);
  return out;
}

/** Instructions that take effect before `instr`: earlier ones in its stage and in the stages it inherits from. */
export function instructionsBefore(instr: DockerInstruction): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  for (const s of stageLineage(instr.stage)) {
    for (const i of s.instructions) {
      if (i === instr) return out;
      out.push(i);
    }
  }
  return out;
}

/** Is this word written directly as an element of a JSON (exec-form) array? Editing it must keep the JSON valid. */
export function isJsonElement(model: DockerModel, instr: DockerInstruction, word: { start: number; end: number }): boolean {
  return instr.jsonForm && model.text[word.start] === '"' && model.text[word.end - 1] === '"';
}

/** Delete every line of an instruction. */
export function deleteInstruction(model: DockerModel, instr: DockerInstruction): TextEdit {
  return deleteLinesEdit(model.index, instr.range.start.line, instr.range.end.line);
}

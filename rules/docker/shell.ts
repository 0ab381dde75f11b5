// A small POSIX-shell tokenizer for RUN instructions: enough to find commands, their words and the
// exact document offsets of each word, so rules can point at `-k` in `curl -k` and fixes can delete
// it. It never throws; anything it does not understand stays inside a word.

export interface ShellWord {
  /** Value with quotes removed and escapes resolved (approximately, as the shell would). */
  value: string;
  /** Document offsets of the raw word, quotes included. */
  start: number;
  end: number;
}

export interface ShellCommand {
  /** Words, including leading `VAR=value` assignments. */
  words: ShellWord[];
  /** Index in `words` of the command name (after assignments), or -1 when only assignments. */
  nameIndex: number;
  /** Operator that joins this command to the previous one: '&&', '||', ';', '|', '&', '\n' or ''. */
  joinedBy: string;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** True when a `|` pipe (not `||`) appears between commands. */
  hasPipe: boolean;
}

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '(', ')'];

/**
 * Tokenize `text.slice(start, end)`. `escapeChar` is the Dockerfile escape character: an escape
 * followed by a line break is a line continuation, and comment lines inside continuations are
 * dropped, as Docker does.
 */
export function parseShell(text: string, start: number, end: number, escapeChar = '\\'): ShellScript {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let joinedBy = '';
  let hasPipe = false;

  const flush = (nextJoin: string) => {
    if (words.length) {
      const nameIndex = words.findIndex((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value));
      commands.push({ words, nameIndex, joinedBy });
      words = [];
      joinedBy = nextJoin;
    } else if (nextJoin && nextJoin !== '\n') {
      joinedBy = nextJoin;
    }
  };

  let i = start;
  let atLineStart = true;
  // True while we are on a line reached through a line continuation.
  let continued = false;
  while (i < end) {
    const c = text[i];
    // Line continuation: escape + optional spaces + newline.
    if (c === escapeChar) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && (text[j] === '\n' || text[j] === '\r')) {
        i = skipNewline(text, j);
        atLineStart = true;
        continued = true;
        continue;
      }
    }
    if (c === '\n' || c === '\r') {
      continued = false;
      // A bare newline ends a command (heredoc bodies and JSON-less multi-line scripts).
      flush('\n');
      i = skipNewline(text, i);
      atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#' && (atLineStart || words.length === 0 || /\s/.test(text[i - 1] ?? ' '))) {
      // Comment to end of line. Docker drops whole comment lines inside a continuation, so the
      // command goes on after them.
      const wholeLine = atLineStart && continued;
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
      if (wholeLine && i < end) i = skipNewline(text, i);
      continue;
    }
    atLineStart = false;
    // `&>file` and `&>>file` are redirections, not a background `&`.
    const op = text[i] === '&' && text[i + 1] === '>' ? undefined : OPERATORS.find((o) => text.startsWith(o, i) && i + o.length <= end);
    if (op) {
      if (op === '|') hasPipe = true;
      flush(op === '(' || op === ')' ? ';' : op);
      i += op.length;
      continue;
    }
    // A word: runs until unquoted whitespace or operator.
    const wordStart = i;
    let value = '';
    let depth = 0; // $( ... ) nesting
    while (i < end) {
      const ch = text[i];
      if (ch === escapeChar) {
        let j = i + 1;
        while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
        if (j < end && (text[j] === '\n' || text[j] === '\r')) break; // continuation ends the word
        if (escapeChar === '\\' && i + 1 < end) {
          value += text[i + 1];
          i += 2;
          continue;
        }
      }
      if (depth === 0 && (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r')) break;
      // `2>&1`, `>&2`, `&>file`: the `&` belongs to the redirection.
      if (ch === '&' && (text[i - 1] === '>' || text[i + 1] === '>') && i > wordStart - 1) {
        value += ch;
        i++;
        continue;
      }
      if (depth === 0 && (ch === ';' || ch === '&' || ch === '|' || ch === ')' || ch === '(')) {
        if (ch === '(' && text[i - 1] === '$') {
          depth++;
          value += ch;
          i++;
          continue;
        }
        break;
      }
      if (ch === '(' && text[i - 1] === '$') depth++;
      else if (ch === ')' && depth > 0) depth--;
      if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 || close >= end ? end : close;
        value += text.slice(i + 1, stop);
        i = Math.min(stop + 1, end);
        continue;
      }
      if (ch === '"') {
        i++;
        while (i < end && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < end && '"\\$`'.includes(text[i + 1])) {
            value += text[i + 1];
            i += 2;
            continue;
          }
          value += text[i];
          i++;
        }
        i = Math.min(i + 1, end);
        continue;
      }
      value += ch;
      i++;
    }
    if (i === wordStart) {
      i++; // never loop forever on an unexpected character
      continue;
    }
    words.push({ value, start: wordStart, end: i });
  }
  flush('');
  return { commands, hasPipe };
}

function skipNewline(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** The command name without a path (`/usr/bin/apt-get` -> `apt-get`), or '' for assignments only. */
export function commandName(cmd: ShellCommand): string {
  if (cmd.nameIndex < 0) return '';
  const v = cmd.words[cmd.nameIndex].value;
  return v.slice(v.lastIndexOf('/') + 1);
}

/** Words after the command name. */
export function commandArgs(cmd: ShellCommand): ShellWord[] {
  return cmd.nameIndex < 0 ? [] : cmd.words.slice(cmd.nameIndex + 1);
}

/** Non-flag arguments after the command name (`apt-get -y install x` -> ['install', 'x']). */
export function positionalArgs(cmd: ShellCommand): ShellWord[] {
  return commandArgs(cmd).filter((w) => !w.value.startsWith('-'));
}

/**
 * Does the command have a flag? Matches `--long`, `--long=value`, and short flags inside bundles
 * (`-yq` has `-y`). `names` are given with dashes: ['-y', '--yes', '--assume-yes'].
 */
export function hasFlag(cmd: ShellCommand, names: string[]): boolean {
  return findFlag(cmd, names) !== undefined;
}

export function findFlag(cmd: ShellCommand, names: string[]): ShellWord | undefined {
  for (const w of commandArgs(cmd)) {
    const v = w.value;
    if (v === '--') return undefined;
    for (const n of names) {
      if (n.startsWith('--')) {
        if (v === n || v.startsWith(n + '=')) return w;
      } else if (n.length === 2 && /^-[A-Za-z]+$/.test(v) && v.includes(n[1])) {
        return w;
      } else if (v === n) {
        return w;
      }
    }
  }
  return undefined;
}

/**
 * Split `sudo`/`env`-style wrappers so rules see the real command: `sudo apt-get install` is also
 * seen as `apt-get install`. Returns the command itself plus any wrapped command.
 */
export function unwrapCommands(cmd: ShellCommand): ShellCommand[] {
  const out = [cmd];
  let cur = cmd;
  for (let guard = 0; guard < 4; guard++) {
    const name = commandName(cur);
    if (!['sudo', 'env', 'nice', 'nohup', 'time', 'command', 'exec'].includes(name)) break;
    const rest = cur.words.slice(cur.nameIndex + 1);
    let k = 0;
    while (k < rest.length && (rest[k].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[k].value))) k++;
    if (k >= rest.length) break;
    cur = { words: rest.slice(k), nameIndex: 0, joinedBy: cur.joinedBy };
    out.push(cur);
  }
  return out;
}

// A small tolerant nginx config parser that keeps exact offsets for every token. It follows nginx's
// own tokenizer (ngx_conf_read_token): words end at whitespace, `;` or `{` (a `}` inside a word is
// part of it), `${var}` stays one word, quotes only open a token, `\` escapes the next character,
// `#` starts a comment only at the start of a token. Lua `*_by_lua_block` bodies are skipped as
// opaque text. It never throws: errors are collected and parsing resumes at the next `;` or `}`.

export interface NginxArg {
  /** The value nginx sees: quotes removed, escapes resolved. */
  value: string;
  /** The source text, quotes included. */
  raw: string;
  quote: '"' | "'" | null;
  start: number;
  end: number;
}

export interface NginxDirective {
  name: string;
  args: NginxArg[];
  /** Children of a block directive (`server { ... }`); undefined for a simple directive. */
  block?: NginxDirective[];
  /** Offsets of the name's first character and just past the closing `;` or `}`. */
  start: number;
  end: number;
  nameEnd: number;
  /** Offset of `{` and of `}` (or the end of the text when the block is unclosed). */
  blockOpen?: number;
  blockClose?: number;
  /** Raw body of a Lua block, which is not parsed. */
  rawBody?: string;
  parent: NginxDirective | null;
  /** The file the directive was read from (differs from the linted file for included files). */
  file: string;
  /** 0-based line of the name, kept for directives read from other files' summaries. */
  line: number;
}

export interface NginxComment {
  start: number;
  end: number;
  text: string;
}

export interface ParseError {
  start: number;
  end: number;
  message: string;
}

export interface ParseOutput {
  directives: NginxDirective[];
  comments: NginxComment[];
  errors: ParseError[];
}

type Tok =
  | { kind: 'word'; arg: NginxArg }
  | { kind: ';' | '{' | '}'; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The value of `\` + `n` as nginx copies a word (quoted or not): `\"`, `\'` and `\\` lose the
 * backslash, `\t` `\r` `\n` become control characters, any other keeps the backslash (`\d`, `\.`).
 */
const unescape = (n: string) => (n === '"' || n === "'" || n === '\\' ? n : n === 't' ? '\t' : n === 'r' ? '\r' : n === 'n' ? '\n' : '\\' + n);

class Lexer {
  pos = 0;
  line = 0;
  /** Line of the last token's first character. */
  tokLine = 0;
  readonly comments: NginxComment[] = [];
  readonly errors: ParseError[] = [];

  constructor(readonly text: string) {}

  private advanceTo(pos: number): void {
    for (let i = this.pos; i < pos; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || (c === 13 && this.text.charCodeAt(i + 1) !== 10)) this.line++;
    }
    this.pos = pos;
  }

  next(): Tok {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      while (i < t.length && isSpace(t.charCodeAt(i))) i++;
      if (t[i] === '#') {
        let j = i;
        while (j < t.length && t[j] !== '\n' && t[j] !== '\r') j++;
        this.comments.push({ start: i, end: j, text: t.slice(i, j) });
        i = j;
        continue;
      }
      break;
    }
    this.advanceTo(i);
    this.tokLine = this.line;
    if (i >= t.length) return { kind: 'eof', start: i, end: i };
    const ch = t[i];
    if (ch === ';' || ch === '{' || ch === '}') {
      this.advanceTo(i + 1);
      return { kind: ch, start: i, end: i + 1 };
    }
    if (ch === '"' || ch === "'") return this.quoted(i, ch);
    return this.word(i);
  }

  private quoted(start: number, q: '"' | "'"): Tok {
    const t = this.text;
    let value = '';
    let i = start + 1;
    while (i < t.length && t[i] !== q) {
      if (t[i] === '\\' && i + 1 < t.length) {
        const n = t[i + 1];
        value += unescape(n);
        i += 2;
        continue;
      }
      value += t[i++];
    }
    if (i >= t.length) {
      this.errors.push({ start, end: t.length, message: `Unterminated ${q === '"' ? 'double' : 'single'}-quoted string: nginx reads to the end of the file.` });
      this.advanceTo(t.length);
      return { kind: 'word', arg: { value, raw: t.slice(start), quote: q, start, end: t.length } };
    }
    const end = i + 1;
    const after = t.charCodeAt(end);
    if (end < t.length && !isSpace(after) && t[end] !== ';' && t[end] !== '{' && t[end] !== ')') {
      this.errors.push({ start: end, end: end + 1, message: `Unexpected "${t[end]}" right after a quoted string: nginx needs a space, ";" or "{" there.` });
    }
    this.advanceTo(end);
    return { kind: 'word', arg: { value, raw: t.slice(start, end), quote: q, start, end } };
  }

  private word(start: number): Tok {
    const t = this.text;
    let i = start;
    let value = '';
    let variable = false;
    while (i < t.length) {
      const c = t[i];
      if (c === '{' && variable) {
        value += c;
        i++;
        continue;
      }
      variable = false;
      if (c === '\\' && i + 1 < t.length) {
        value += unescape(t[i + 1]);
        i += 2;
        continue;
      }
      if (c === '$') variable = true;
      if (isSpace(t.charCodeAt(i)) || c === ';' || c === '{') break;
      value += c;
      i++;
    }
    this.advanceTo(i);
    return { kind: 'word', arg: { value, raw: t.slice(start, i), quote: null, start, end: i } };
  }

  /** Skip a Lua block body starting just after `{`; returns the offset of its closing `}`. */
  skipLua(from: number): number {
    const t = this.text;
    let depth = 1;
    let i = from;
    while (i < t.length) {
      const c = t[i];
      if (c === '-' && t[i + 1] === '-') {
        const long = /^--\[(=*)\[/.exec(t.slice(i, i + 64));
        if (long) {
          const close = t.indexOf(']' + long[1] + ']', i + long[0].length);
          i = close < 0 ? t.length : close + long[1].length + 2;
        } else {
          while (i < t.length && t[i] !== '\n') i++;
        }
        continue;
      }
      if (c === '"' || c === "'") {
        i++;
        while (i < t.length && t[i] !== c && t[i] !== '\n') i += t[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === '[') {
        const long = /^\[(=*)\[/.exec(t.slice(i, i + 64));
        if (long) {
          const close = t.indexOf(']' + long[1] + ']', i + long[0].length);
          i = close < 0 ? t.length : close + long[1].length + 2;
          continue;
        }
      }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.advanceTo(i);
        return i;
      }
      i++;
    }
    this.advanceTo(t.length);
    return t.length;
  }
}

/** Deeper nesting is reported as a parse error, so rules never walk absurd depths. */
export const MAX_NESTING = 200;

const LUA_BLOCK = /_by_lua_block$|^lua_block$/;

/**
 * End of a directive's last word (name or argument): where an unterminated directive stops. A word
 * ending in `\` + CR (nginx escapes the CR) would end inside a CRLF pair: stop before the CR.
 */
const wordsEnd = (d: NginxDirective, text: string) => {
  const end = d.args.length ? d.args[d.args.length - 1].end : d.nameEnd;
  return text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === 10 ? end - 1 : end;
};

/** Parse a config text; `file` is recorded on every directive. */
export function parseNginx(text: string, file = ''): ParseOutput {
  const lx = new Lexer(text);
  const directives: NginxDirective[] = [];
  // Explicit stack instead of recursion: deeply nested input must not overflow the call stack.
  const stack: { list: NginxDirective[]; owner: NginxDirective | null }[] = [{ list: directives, owner: null }];
  let current: NginxDirective | null = null;
  let tooDeep = false;

  const top = () => stack[stack.length - 1];
  for (;;) {
    const tok = lx.next();
    if (tok.kind === 'eof') {
      if (current) {
        current.end = wordsEnd(current, text);
        lx.errors.push({ start: current.start, end: current.end, message: `Unexpected end of file: "${current.name}" needs a closing ";".` });
        // Keep the unterminated directive: hovers and outlines still see it.
        top().list.push(current);
        current = null;
      }
      for (let i = stack.length - 1; i > 0; i--) {
        const owner = stack[i].owner!;
        owner.blockClose = text.length;
        owner.end = text.length;
        lx.errors.push({ start: owner.start, end: owner.nameEnd, message: `Unexpected end of file: the "${owner.name}" block opened here is never closed with "}".` });
      }
      break;
    }
    if (tok.kind === 'word') {
      if (!current) {
        current = {
          name: tok.arg.value,
          args: [],
          start: tok.arg.start,
          end: tok.arg.end,
          nameEnd: tok.arg.end,
          parent: top().owner,
          file,
          line: lx.tokLine,
        };
      } else current.args.push(tok.arg);
      continue;
    }
    if (tok.kind === ';') {
      if (!current) {
        lx.errors.push({ start: tok.start, end: tok.end, message: 'Unexpected ";" without a directive before it.' });
        continue;
      }
      current.end = tok.end;
      top().list.push(current);
      current = null;
      continue;
    }
    if (tok.kind === '{') {
      if (!current) {
        lx.errors.push({ start: tok.start, end: tok.end, message: 'Unexpected "{" without a directive name before it.' });
        // Parse the block anyway, under a placeholder, so the rest of the file keeps its structure.
        current = { name: '', args: [], start: tok.start, end: tok.end, nameEnd: tok.start, parent: top().owner, file, line: lx.tokLine };
      }
      current.blockOpen = tok.start;
      current.block = [];
      top().list.push(current);
      if (LUA_BLOCK.test(current.name)) {
        const close = lx.skipLua(tok.end);
        current.rawBody = text.slice(tok.end, close);
        if (close >= text.length) {
          lx.errors.push({ start: current.start, end: current.nameEnd, message: `Unexpected end of file: the "${current.name}" block opened here is never closed with "}".` });
          current.blockClose = text.length;
          current.end = text.length;
        } else {
          lx.next(); // the closing brace
          current.blockClose = close;
          current.end = close + 1;
        }
        current = null;
        continue;
      }
      if (stack.length > MAX_NESTING) {
        // Real configs nest a handful of levels; this deep, the text is not a config we can check.
        if (!tooDeep) lx.errors.push({ start: current.start, end: current.nameEnd, message: `Blocks nest more than ${MAX_NESTING} levels deep here: this is not a config Readiness Lint can check.` });
        tooDeep = true;
      }
      stack.push({ list: current.block, owner: current });
      current = null;
      continue;
    }
    // '}'
    if (current) {
      current.end = wordsEnd(current, text);
      lx.errors.push({ start: current.start, end: current.end, message: `"${current.name}" is not terminated by ";" before "}".` });
      top().list.push(current);
      current = null;
    }
    if (stack.length === 1) {
      lx.errors.push({ start: tok.start, end: tok.end, message: 'Unexpected "}": no block is open here.' });
      continue;
    }
    const owner = stack.pop()!.owner!;
    owner.blockClose = tok.start;
    owner.end = tok.end;
  }
  // A word may end in `\` + CR (nginx escapes the CR): no error range may end inside that CRLF.
  for (const e of lx.errors) if (text.charCodeAt(e.end - 1) === 13 && text.charCodeAt(e.end) === 10 && e.end - 1 > e.start) e.end--;
  return { directives, comments: lx.comments, errors: lx.errors };
}

/** Depth-first walk over directives and their blocks (included files are not followed). */
export function* walkDirectives(list: NginxDirective[]): Generator<NginxDirective> {
  const stack: NginxDirective[] = [...list].reverse();
  while (stack.length) {
    const d = stack.pop()!;
    yield d;
    if (d.block) for (let i = d.block.length - 1; i >= 0; i--) stack.push(d.block[i]);
  }
}

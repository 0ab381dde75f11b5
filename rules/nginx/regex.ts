// nginx regular expressions (PCRE syntax) as data: a small tolerant parser into a tree, and the
// questions the request-handling rules ask of a pattern: which capture groups it has, which
// characters a capture lets the client choose (`[^/]+` lets a client send "\n", `(a|b)` does not),
// what a capture must contain or start with, whether the pattern is anchored, and a few sample
// strings it accepts. nginx matches bytes (no UTF mode), so character sets are sets of 256 bytes.
// Unsupported syntax never throws: `parseRegex` returns null and callers stay silent.

/** A set of bytes. */
export class CharSet {
  readonly bits: Uint8Array;
  constructor(bits?: Uint8Array) {
    this.bits = bits ?? new Uint8Array(256);
  }
  static of(chars: string): CharSet {
    const s = new CharSet();
    for (const c of chars) s.add(c.charCodeAt(0) & 0xff);
    return s;
  }
  static range(lo: number, hi: number): CharSet {
    const s = new CharSet();
    for (let i = lo; i <= hi && i < 256; i++) s.bits[i] = 1;
    return s;
  }
  static all(): CharSet {
    return CharSet.range(0, 255);
  }
  add(code: number): this {
    if (code >= 0 && code < 256) this.bits[code] = 1;
    return this;
  }
  addSet(o: CharSet): this {
    for (let i = 0; i < 256; i++) if (o.bits[i]) this.bits[i] = 1;
    return this;
  }
  has(ch: string | number): boolean {
    const code = typeof ch === 'number' ? ch : ch.charCodeAt(0);
    return code >= 0 && code < 256 && this.bits[code] === 1;
  }
  negate(): CharSet {
    const s = new CharSet();
    for (let i = 0; i < 256; i++) s.bits[i] = this.bits[i] ? 0 : 1;
    return s;
  }
  intersect(o: CharSet): CharSet {
    const s = new CharSet();
    for (let i = 0; i < 256; i++) s.bits[i] = this.bits[i] & o.bits[i];
    return s;
  }
  size(): number {
    let n = 0;
    for (let i = 0; i < 256; i++) n += this.bits[i];
    return n;
  }
  isEmpty(): boolean {
    return this.size() === 0;
  }
  /** Members, in byte order. */
  codes(): number[] {
    const out: number[] = [];
    for (let i = 0; i < 256; i++) if (this.bits[i]) out.push(i);
    return out;
  }
  /** Add the other case of every ASCII letter. */
  foldCase(): CharSet {
    const s = new CharSet(new Uint8Array(this.bits));
    for (let c = 65; c <= 90; c++) if (this.bits[c] || this.bits[c + 32]) s.bits[c] = s.bits[c + 32] = 1;
    return s;
  }
}

export type RegexNode =
  | { t: 'empty' }
  /** One byte from `set`; `literal` when the pattern fixes it (`a`, `\.`, `[.]`; case folding aside). */
  | { t: 'char'; set: CharSet; literal: boolean; any?: boolean }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; branches: RegexNode[] }
  | { t: 'group'; index: number | null; name: string | null; body: RegexNode }
  | { t: 'repeat'; min: number; max: number; body: RegexNode }
  /** Zero-width: `^`, `$`, `\b`, lookarounds (their content is not analysed). */
  | { t: 'assert'; kind: 'start' | 'end' | 'other' }
  | { t: 'backref'; ref: number | string };

export type GroupNode = Extract<RegexNode, { t: 'group' }>;

export interface Regex {
  source: string;
  caseInsensitive: boolean;
  root: RegexNode;
  /** Capturing groups by number (1-based). */
  groups: GroupNode[];
  /** Named groups by name. */
  named: Map<string, GroupNode>;
}

const DIGITS = CharSet.range(48, 57);
const WORD = CharSet.range(48, 57).addSet(CharSet.range(65, 90)).addSet(CharSet.range(97, 122)).add(95);
/** PCRE \s: space, \t \n \v \f \r. */
const SPACE = CharSet.of(' \t\n\v\f\r');
const HSPACE = CharSet.of(' \t').add(0xa0);
const VSPACE = CharSet.of('\n\v\f\r').add(0x85);
const NOT_NEWLINE = CharSet.all();
NOT_NEWLINE.bits[10] = 0;

const POSIX: Record<string, CharSet> = {
  alpha: CharSet.range(65, 90).addSet(CharSet.range(97, 122)),
  digit: DIGITS,
  alnum: CharSet.range(48, 57).addSet(CharSet.range(65, 90)).addSet(CharSet.range(97, 122)),
  upper: CharSet.range(65, 90),
  lower: CharSet.range(97, 122),
  space: SPACE,
  blank: CharSet.of(' \t'),
  punct: CharSet.of('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'),
  xdigit: CharSet.range(48, 57).addSet(CharSet.range(65, 70)).addSet(CharSet.range(97, 102)),
  word: WORD,
  cntrl: CharSet.range(0, 31).add(127),
  print: CharSet.range(32, 126),
  graph: CharSet.range(33, 126),
  ascii: CharSet.range(0, 127),
};

class ParseFail extends Error {}

interface Flags {
  i: boolean;
  s: boolean;
  x: boolean;
}

class Parser {
  pos = 0;
  groups: GroupNode[] = [];
  named = new Map<string, GroupNode>();
  constructor(readonly src: string) {}

  fail(): never {
    throw new ParseFail();
  }
  peek(n = 0): string {
    return this.src[this.pos + n] ?? '';
  }
  eof(): boolean {
    return this.pos >= this.src.length;
  }

  /** alternation := seq ('|' seq)* ; flags set inline (`(?i)`) last to the end of the enclosing group. */
  alternation(flags: Flags): RegexNode {
    const branches: RegexNode[] = [this.sequence(flags)];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.sequence(flags));
    }
    return branches.length === 1 ? branches[0] : { t: 'alt', branches };
  }

  sequence(flags: Flags): RegexNode {
    const items: RegexNode[] = [];
    while (!this.eof() && this.peek() !== '|' && this.peek() !== ')') {
      if (flags.x) {
        if (/\s/.test(this.peek())) {
          this.pos++;
          continue;
        }
        if (this.peek() === '#') {
          while (!this.eof() && this.peek() !== '\n') this.pos++;
          continue;
        }
      }
      const atom = this.atom(flags);
      if (atom === null) continue;
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  }

  quantified(atom: RegexNode): RegexNode {
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d*)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
        if (!m || m[1] === '') return atom; // a literal "{" (PCRE before 10.43 reads "{,n}" literally too)
        min = m[1] === '' ? 0 : Number(m[1]);
        max = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : min;
        this.pos += m[0].length - 1;
      } else return atom;
      this.pos++;
      if (this.peek() === '?' || this.peek() === '+') this.pos++; // lazy / possessive: same language
      if (atom.t === 'assert') continue;
      atom = { t: 'repeat', min, max, body: atom };
    }
  }

  charNode(set: CharSet, flags: Flags, literal: boolean): RegexNode {
    return { t: 'char', set: flags.i ? set.foldCase() : set, literal };
  }

  atom(flags: Flags): RegexNode | null {
    const c = this.src[this.pos++];
    switch (c) {
      case '^':
        return { t: 'assert', kind: 'start' };
      case '$':
        return { t: 'assert', kind: 'end' };
      case '.':
        return { t: 'char', set: flags.s ? CharSet.all() : NOT_NEWLINE, literal: false, any: true };
      case '[':
        return this.charClass(flags);
      case '(':
        return this.group(flags);
      case '\\':
        return this.escape(flags, false) as RegexNode | null;
      case '*':
      case '+':
      case '?':
        return this.fail(); // nothing to repeat
      default:
        return this.charNode(CharSet.of(c), flags, true);
    }
  }

  depth = 0;

  group(flags: Flags): RegexNode | null {
    if (++this.depth > 200) this.fail();
    let index: number | null = null;
    let name: string | null = null;
    let inner: Flags = { ...flags };
    let lookaround = false;
    if (this.peek() === '*') this.fail(); // (*VERB)
    if (this.peek() === '?') {
      this.pos++;
      const rest = this.src.slice(this.pos);
      let m: RegExpExecArray | null;
      if (rest[0] === '#') {
        const end = this.src.indexOf(')', this.pos);
        if (end < 0) this.fail();
        this.pos = end + 1;
        return null;
      } else if ((m = /^(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest))) {
        name = m[1] ?? m[2];
        this.pos += m[0].length;
        index = this.groups.length + 1;
      } else if (/^(?:=|!|<=|<!)/.test(rest)) {
        lookaround = true;
        this.pos += rest[0] === '<' ? 2 : 1;
      } else if (rest[0] === ':' || rest[0] === '>' || rest[0] === '|') {
        this.pos++;
      } else if ((m = /^([imsxJUn-]*)(:|\))/.exec(rest))) {
        let on = true;
        for (const f of m[1]) {
          if (f === '-') on = false;
          else if (f === 'i' || f === 's' || f === 'x') inner[f] = on;
        }
        this.pos += m[0].length;
        if (m[2] === ')') {
          // `(?i)`: applies to the rest of the enclosing group.
          Object.assign(flags, inner);
          return null;
        }
      } else this.fail(); // conditionals, recursion, callouts
    } else index = this.groups.length + 1;
    const node: GroupNode = { t: 'group', index, name, body: { t: 'empty' } };
    if (index !== null) this.groups.push(node);
    if (name) this.named.set(name, node);
    inner = { ...inner };
    node.body = this.alternation(inner);
    if (this.peek() !== ')') this.fail();
    this.pos++;
    this.depth--;
    if (lookaround) return { t: 'assert', kind: 'other' };
    return node;
  }

  /** After a backslash. In a class (`inClass`), returns a CharSet. */
  escape(flags: Flags, inClass: boolean): RegexNode | CharSet | null {
    const c = this.src[this.pos++];
    if (c === undefined) this.fail();
    const set = (s: CharSet, literal = false): RegexNode | CharSet => (inClass ? s : this.charNode(s, flags, literal));
    switch (c) {
      case 'd':
        return set(DIGITS);
      case 'D':
        return set(DIGITS.negate());
      case 'w':
        return set(WORD);
      case 'W':
        return set(WORD.negate());
      case 's':
        return set(SPACE);
      case 'S':
        return set(SPACE.negate());
      case 'h':
        return set(HSPACE);
      case 'H':
        return set(HSPACE.negate());
      case 'v':
        return set(VSPACE);
      case 'V':
        return set(VSPACE.negate());
      case 'N':
        return set(NOT_NEWLINE);
      case 'R':
        return set(VSPACE);
      case 'C':
      case 'X':
        return set(CharSet.all());
      case 'p':
      case 'P': {
        // Unicode properties: without UTF mode, treat as "any byte but newline".
        const m = /^(\{[^}]*\}|\w)/.exec(this.src.slice(this.pos));
        if (!m) this.fail();
        this.pos += m[0].length;
        return set(NOT_NEWLINE);
      }
      case 'n':
        return set(CharSet.of('\n'), true);
      case 'r':
        return set(CharSet.of('\r'), true);
      case 't':
        return set(CharSet.of('\t'), true);
      case 'f':
        return set(CharSet.of('\f'), true);
      case 'e':
        return set(CharSet.of('\x1b'), true);
      case 'a':
        return set(CharSet.of('\x07'), true);
      case 'x': {
        const m = /^(?:\{([0-9a-fA-F]{1,4})\}|([0-9a-fA-F]{1,2}))/.exec(this.src.slice(this.pos));
        const code = m ? parseInt(m[1] ?? m[2], 16) : 0;
        if (m) this.pos += m[0].length;
        return set(new CharSet().add(code & 0xff), true);
      }
      case 'c': {
        const ch = this.src[this.pos++];
        if (ch === undefined) this.fail();
        return set(new CharSet().add(ch.toUpperCase().charCodeAt(0) ^ 0x40), true);
      }
      case 'o': {
        const m = /^\{([0-7]+)\}/.exec(this.src.slice(this.pos));
        if (!m) this.fail();
        this.pos += m[0].length;
        return set(new CharSet().add(parseInt(m[1], 8) & 0xff), true);
      }
      case 'Q': {
        const end = this.src.indexOf('\\E', this.pos);
        const text = this.src.slice(this.pos, end < 0 ? undefined : end);
        this.pos = end < 0 ? this.src.length : end + 2;
        if (inClass) return CharSet.of(text);
        const items = [...text].map((ch) => this.charNode(CharSet.of(ch), flags, true));
        return items.length === 1 ? items[0] : { t: 'seq', items };
      }
      case 'E':
        return inClass ? new CharSet() : null;
      case 'b':
        if (inClass) return CharSet.of('\b');
        return { t: 'assert', kind: 'other' };
      case 'B':
      case 'G':
      case 'K':
        if (inClass) this.fail();
        return { t: 'assert', kind: 'other' };
      case 'A':
        if (inClass) this.fail();
        return { t: 'assert', kind: 'start' };
      case 'z':
      case 'Z':
        if (inClass) this.fail();
        return { t: 'assert', kind: 'end' };
      case 'g':
      case 'k': {
        const m = /^(?:\{(-?\w+)\}|<(\w+)>|'(\w+)'|(-?\d+))/.exec(this.src.slice(this.pos));
        if (!m || inClass) this.fail();
        this.pos += m[0].length;
        const ref = m[1] ?? m[2] ?? m[3] ?? m[4];
        return { t: 'backref', ref: /^\d+$/.test(ref) ? Number(ref) : ref };
      }
      default:
        if (c >= '1' && c <= '9' && !inClass) {
          const m = /^\d*/.exec(this.src.slice(this.pos))!;
          this.pos += m[0].length;
          return { t: 'backref', ref: Number(c + m[0]) };
        }
        if (c >= '0' && c <= '7') {
          const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))!;
          this.pos += m[0].length;
          return set(new CharSet().add(parseInt(c + m[0], 8) & 0xff), true);
        }
        if (/[A-Za-z]/.test(c)) this.fail(); // unknown letter escapes are errors in PCRE
        return set(CharSet.of(c), true);
    }
  }

  charClass(flags: Flags): RegexNode {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const set = new CharSet();
    let first = true;
    for (;;) {
      if (this.eof()) this.fail();
      let c = this.src[this.pos];
      if (c === ']' && !first) {
        this.pos++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        const p = POSIX[posix[2]];
        if (!p) this.fail();
        set.addSet(posix[1] ? p.negate() : p);
        this.pos += posix[0].length;
        continue;
      }
      this.pos++;
      let lo: number | null;
      if (c === '\\') {
        const e = this.escape(flags, true) as CharSet;
        const codes = e.codes();
        if (codes.length !== 1) {
          set.addSet(e);
          continue;
        }
        lo = codes[0];
      } else lo = c.charCodeAt(0);
      // A range `a-z` (a trailing `-` is literal).
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.pos++;
        c = this.src[this.pos++];
        let hi: number;
        if (c === '\\') {
          const e = this.escape(flags, true) as CharSet;
          const codes = e.codes();
          if (codes.length !== 1) {
            set.add(lo).add(45).addSet(e);
            continue;
          }
          hi = codes[0];
        } else hi = c.charCodeAt(0);
        if (hi < lo) this.fail();
        set.addSet(CharSet.range(lo, hi));
        continue;
      }
      set.add(lo);
    }
    let result = flags.i ? set.foldCase() : set;
    if (negated) result = result.negate();
    const n = result.size();
    const literal = n === 1 || (flags.i && n === 2 && isCasePair(result));
    return { t: 'char', set: result, literal };
  }
}

function isCasePair(s: CharSet): boolean {
  const [a, b] = s.codes();
  return b - a === 32 && a >= 65 && a <= 90;
}

const cache = new Map<string, Regex | null>();

/** Parse a PCRE pattern as nginx compiles it (`~*` = caseInsensitive). null when it cannot be read. */
export function parseRegex(source: string, caseInsensitive = false): Regex | null {
  const key = (caseInsensitive ? 'i:' : 's:') + source;
  if (cache.has(key)) return cache.get(key)!;
  let out: Regex | null = null;
  try {
    const p = new Parser(source);
    const root = p.alternation({ i: caseInsensitive, s: false, x: false });
    if (!p.eof()) p.fail(); // an unbalanced ")"
    out = { source, caseInsensitive, root, groups: p.groups, named: p.named };
  } catch {
    // Syntax we do not read (ParseFail), or nesting deep enough to exhaust the stack.
    out = null;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, out);
  return out;
}

/** The group a `$1`..`$9` or `$name` reference names, or null (no such group). */
export function groupOf(re: Regex, ref: string): GroupNode | null {
  if (/^\d$/.test(ref)) return re.groups[Number(ref) - 1] ?? null;
  return re.named.get(ref) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Questions about what a (sub)pattern matches. `backref`s count as "anything the group can be".

/** Can a match of `node` contain `ch` at a position the client chooses (literal characters excluded)? */
export function canContain(node: RegexNode, ch: string, skipLiteral = true): boolean {
  switch (node.t) {
    case 'char':
      return node.set.has(ch) && !(skipLiteral && node.literal);
    case 'seq':
      return node.items.some((n) => canContain(n, ch, skipLiteral));
    case 'alt':
      return node.branches.some((n) => canContain(n, ch, skipLiteral));
    case 'group':
      return canContain(node.body, ch, skipLiteral);
    case 'repeat':
      return node.max > 0 && canContain(node.body, ch, skipLiteral);
    default:
      return false;
  }
}

/** Does every match of `node` contain `ch`? */
export function mustContain(node: RegexNode, ch: string): boolean {
  switch (node.t) {
    case 'char':
      return node.set.size() === 1 && node.set.has(ch);
    case 'seq':
      return node.items.some((n) => mustContain(n, ch));
    case 'alt':
      return node.branches.every((n) => mustContain(n, ch));
    case 'group':
      return mustContain(node.body, ch);
    case 'repeat':
      return node.min > 0 && mustContain(node.body, ch);
    default:
      return false;
  }
}

export interface FirstChars {
  /** Bytes a non-empty match can start with. */
  set: CharSet;
  /** Bytes of that set the client chooses (non-literal positions). */
  chosen: CharSet;
  /** Can the match be empty? */
  nullable: boolean;
}

/** What a match of `node` can start with. */
export function firstChars(node: RegexNode): FirstChars {
  switch (node.t) {
    case 'char':
      return { set: node.set, chosen: node.literal ? new CharSet() : node.set, nullable: false };
    case 'seq': {
      const set = new CharSet();
      const chosen = new CharSet();
      for (const item of node.items) {
        const f = firstChars(item);
        set.addSet(f.set);
        chosen.addSet(f.chosen);
        if (!f.nullable) return { set, chosen, nullable: false };
      }
      return { set, chosen, nullable: true };
    }
    case 'alt': {
      const set = new CharSet();
      const chosen = new CharSet();
      let nullable = false;
      for (const b of node.branches) {
        const f = firstChars(b);
        set.addSet(f.set);
        chosen.addSet(f.chosen);
        nullable ||= f.nullable;
      }
      return { set, chosen, nullable };
    }
    case 'group':
      return firstChars(node.body);
    case 'repeat': {
      if (node.max === 0) return { set: new CharSet(), chosen: new CharSet(), nullable: true };
      const f = firstChars(node.body);
      return { set: f.set, chosen: f.chosen, nullable: f.nullable || node.min === 0 };
    }
    case 'backref':
      return { set: CharSet.all(), chosen: CharSet.all(), nullable: true };
    default:
      return { set: new CharSet(), chosen: new CharSet(), nullable: true };
  }
}

/** Does every match of `node` start with `ch`? */
export function mustStartWith(node: RegexNode, ch: string): boolean {
  const f = firstChars(node);
  return !f.nullable && f.set.size() === 1 && f.set.has(ch);
}

/** Can a match of `node` start with `ch`? */
export function canStartWith(node: RegexNode, ch: string): boolean {
  return firstChars(node).set.has(ch);
}

function startsWithAnchor(n: RegexNode): boolean {
  switch (n.t) {
    case 'assert':
      return n.kind === 'start';
    case 'seq':
      return n.items.length > 0 && startsWithAnchor(n.items[0]);
    case 'alt':
      return n.branches.every(startsWithAnchor);
    case 'group':
      return startsWithAnchor(n.body);
    default:
      return false;
  }
}

function endsWithAnchor(n: RegexNode): boolean {
  switch (n.t) {
    case 'assert':
      return n.kind === 'end';
    case 'seq':
      return n.items.length > 0 && endsWithAnchor(n.items[n.items.length - 1]);
    case 'alt':
      return n.branches.every(endsWithAnchor);
    case 'group':
      return endsWithAnchor(n.body);
    default:
      return false;
  }
}

/** Is every alternative anchored at the start (`^`, `\A`)? */
export function startAnchored(re: Regex): boolean {
  return startsWithAnchor(re.root);
}

/** Is every alternative anchored at the end (`$`, `\z`)? */
export function endAnchored(re: Regex): boolean {
  return endsWithAnchor(re.root);
}

export interface Preceding {
  /** Bytes the character right before the group can be. */
  set: CharSet;
  /** Can the group start the match (nothing of the pattern before it)? */
  atStart: boolean;
}

/** For every capturing group: what can come right before it in a match. */
export function precedingOfGroups(re: Regex): Map<GroupNode, Preceding> {
  const out = new Map<GroupNode, Preceding>();
  const merge = (a: Preceding, b: Preceding): Preceding => ({ set: new CharSet(new Uint8Array(a.set.bits)).addSet(b.set), atStart: a.atStart || b.atStart });
  const walk = (node: RegexNode, before: Preceding): Preceding => {
    switch (node.t) {
      case 'char':
        return { set: node.set, atStart: false };
      case 'seq': {
        let cur = before;
        for (const item of node.items) cur = walk(item, cur);
        return cur;
      }
      case 'alt': {
        let acc: Preceding | null = null;
        for (const b of node.branches) {
          const after = walk(b, before);
          acc = acc ? merge(acc, after) : after;
        }
        return acc ?? before;
      }
      case 'group': {
        const prev = out.get(node);
        out.set(node, prev ? merge(prev, before) : before);
        return walk(node.body, before);
      }
      case 'repeat': {
        if (node.max === 0) return before;
        const once = walk(node.body, before);
        // Repetitions: the body can follow itself.
        const again = node.max > 1 ? walk(node.body, merge(before, once)) : once;
        return node.min === 0 ? merge(before, again) : again;
      }
      case 'backref':
        return { set: CharSet.all(), atStart: before.atStart };
      default:
        return before;
    }
  };
  walk(re.root, { set: new CharSet(), atStart: true });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sample strings a pattern accepts (for judging origin/referrer checks).

export interface SampleOptions {
  /**
   * Where a position lets the client choose this character, use it (a `.` becomes "/"): the
   * samples then show what a lax position lets through.
   */
  prefer: string;
  /** Cap on the number of samples (alternatives multiply). */
  limit?: number;
}

/** Bytes tried, in order, for a position that does not allow `prefer`: plain letters first. */
const FALLBACK = 'abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGHIJKLMNOPQRSTUVWXYZ.~!$&\'()*+,;=:@%/?#[]';

function pick(set: CharSet, prefer: string): string | null {
  if (set.has(prefer)) return prefer;
  for (const c of FALLBACK) if (set.has(c)) return c;
  const codes = set.codes().filter((c) => c > 32 && c < 127);
  return codes.length ? String.fromCharCode(codes[0]) : null;
}

export interface Sample {
  text: string;
  /** The pattern pinned the start (`^`) / the end (`$`) of this sample to the subject's. */
  anchoredStart: boolean;
  anchoredEnd: boolean;
}

const START = '\u0001';
const END = '\u0002';

/**
 * Strings the pattern accepts, one per choice of alternatives and optional parts, each choosing
 * `prefer` wherever the pattern allows it. Samples that need an anchor in the middle (which cannot
 * match) are dropped.
 */
export function samples(re: Regex, opts: SampleOptions): Sample[] {
  const limit = opts.limit ?? 200;
  const gen = (node: RegexNode): string[] => {
    switch (node.t) {
      case 'empty':
        return [''];
      case 'char': {
        const c = pick(node.set, opts.prefer);
        return c === null ? [] : [c];
      }
      case 'seq': {
        let acc = [''];
        for (const item of node.items) {
          const next: string[] = [];
          const parts = gen(item);
          for (const a of acc) for (const p of parts) if (next.length < limit) next.push(a + p);
          acc = next;
        }
        return acc;
      }
      case 'alt':
        return node.branches.flatMap(gen).slice(0, limit);
      case 'group':
        return gen(node.body);
      case 'repeat': {
        const out: string[] = node.min === 0 ? [''] : [];
        if (node.max === 0) return out;
        const n = Math.min(Math.max(node.min, 1), node.max, 8);
        for (const v of gen(node.body)) if (out.length < limit) out.push(v.repeat(n));
        return out;
      }
      case 'assert':
        return node.kind === 'start' ? [START] : node.kind === 'end' ? [END] : [''];
      default:
        return [''];
    }
  };
  const seen = new Set<string>();
  const out: Sample[] = [];
  for (const raw of gen(re.root)) {
    let text = raw;
    const anchoredStart = text.startsWith(START);
    while (text.startsWith(START)) text = text.slice(1);
    const anchoredEnd = text.endsWith(END);
    while (text.endsWith(END)) text = text.slice(0, -1);
    if (text.includes(START) || text.includes(END)) continue;
    const key = `${anchoredStart ? 1 : 0}${anchoredEnd ? 1 : 0}${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, anchoredStart, anchoredEnd });
  }
  return out;
}

/** Every byte a match of `node` can contain (literal ones included). */
export function charsOf(node: RegexNode): CharSet {
  const out = new CharSet();
  const walk = (n: RegexNode): void => {
    switch (n.t) {
      case 'char':
        out.addSet(n.set);
        break;
      case 'seq':
        n.items.forEach(walk);
        break;
      case 'alt':
        n.branches.forEach(walk);
        break;
      case 'group':
        walk(n.body);
        break;
      case 'repeat':
        if (n.max > 0) walk(n.body);
        break;
      case 'backref':
        out.addSet(CharSet.all());
        break;
      default:
        break;
    }
  };
  walk(node);
  return out;
}

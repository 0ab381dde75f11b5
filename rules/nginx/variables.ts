// What an nginx variable can hold at a given directive, as far as a static reading can tell: which
// parts the client controls (request line, headers, arguments, cookies, regex captures of the URI)
// and which characters those parts may contain, how `set`, `map` and regex captures (`location ~`,
// `rewrite`, `if ($x ~ ...)`) pass them on. Anything the config does not show (variables of other
// modules, maps in files we cannot see) is "opaque": not known to be client-controlled, so rules
// stay silent about it.
import type { NginxDirective } from './parser';
import type { NginxModel } from './language';
import { CharSet, canContain, charsOf, firstChars, groupOf, mustContain as reMustContain, parseRegex, type Regex, type RegexNode } from './regex';
import { isDataRow } from './language';

/** A value: literal text, client-controlled text shaped by a pattern, something unknown, or combinations. */
export type Value =
  | { k: 'lit'; text: string }
  | UserValue
  | Opaque
  | { k: 'concat'; parts: Value[] }
  | { k: 'alt'; options: Value[] };

export interface UserValue {
  k: 'user';
  /** The shape of what the client sends (a capture group, or the shape of `$uri`, `$http_*`, ...). */
  node: RegexNode;
  /** Bytes the subject the pattern was applied to can contain (a capture of `$http_referer` never holds "\n"). */
  boundary: CharSet | null;
  /** nginx URI-escapes it where it is used (captures in a redirecting rewrite's replacement). */
  escaped: boolean;
  /** How to name it in a message: `$uri`, `$1`, `$path`. */
  label: string;
  /** Where it comes from, for messages: `location ~ ^/(.*)$`, `the request`. */
  origin: string;
  /** Directives that define it (location, rewrite, if, set, map), innermost last. */
  providers: NginxDirective[];
}

/** Something the config does not show (another module's variable, an unknown map, ...). */
export interface Opaque {
  k: 'opaque';
  name: string;
  /** A variable of nginx known never to hold "/", "?" or "#" (`$scheme`, `$host`, `$server_port`, ...). */
  plain?: boolean;
}

export const lit = (text: string): Value => ({ k: 'lit', text });
const opaque = (name: string): Value => ({ k: 'opaque', name });

/** nginx variables the client does not control (or only within validation) that hold no "/", "?", "#". */
const PLAIN = new Set([
  'scheme',
  'host',
  'hostname',
  'server_name',
  'server_addr',
  'server_port',
  'server_protocol',
  'remote_addr',
  'remote_port',
  'binary_remote_addr',
  'realip_remote_addr',
  'proxy_protocol_addr',
  'request_method',
  'connection',
  'msec',
  'pid',
  'https',
  'nginx_version',
]);

// ---------------------------------------------------------------------------------------------
// Scripts: `"http://$host${uri}x"` -> parts.

export type ScriptPart = { lit: string } | { var: string };

/** Split a directive argument into literal text and variable references, as nginx's script compiler does. */
export function parseScript(s: string): ScriptPart[] {
  const out: ScriptPart[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '$') {
      let name: string | null = null;
      let end = i + 1;
      if (s[i + 1] === '{') {
        const close = s.indexOf('}', i + 2);
        if (close > i + 2 && /^[A-Za-z0-9_]+$/.test(s.slice(i + 2, close))) {
          name = s.slice(i + 2, close);
          end = close + 1;
        }
      } else if (/[1-9]/.test(s[i + 1] ?? '')) {
        name = s[i + 1];
        end = i + 2;
      } else {
        const m = /^[A-Za-z0-9_]+/.exec(s.slice(i + 1));
        if (m) {
          name = m[0];
          end = i + 1 + m[0].length;
        }
      }
      if (name !== null) {
        if (text) out.push({ lit: text });
        text = '';
        out.push({ var: name });
        i = end;
        continue;
      }
    }
    text += s[i++];
  }
  if (text) out.push({ lit: text });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Built-in variables the client controls, and what they can contain.

interface Builtin {
  pattern: string;
  origin: string;
}

/** Exact names. */
const BUILTINS: Record<string, Builtin> = {
  // Decoded and normalised path: "%0d%0a" arrive as CR LF.
  uri: { pattern: '(?s)/.*', origin: 'the decoded request path' },
  document_uri: { pattern: '(?s)/.*', origin: 'the decoded request path' },
  // Raw request target: nginx rejects control characters and spaces in it.
  request_uri: { pattern: '/[\\x21-\\x7e\\x80-\\xff]*', origin: 'the raw request line' },
  args: { pattern: '[\\x21-\\x7e\\x80-\\xff]*', origin: 'the query string' },
  query_string: { pattern: '[\\x21-\\x7e\\x80-\\xff]*', origin: 'the query string' },
  request: { pattern: '[\\x20-\\x7e\\x80-\\xff]*', origin: 'the request line' },
  request_body: { pattern: '(?s).*', origin: 'the request body' },
  content_type: { pattern: '[\\t\\x20-\\x7e\\x80-\\xff]*', origin: 'a request header' },
};

/** Name prefixes. */
const BUILTIN_PREFIXES: [string, Builtin][] = [
  ['arg_', { pattern: '[^\\x00-\\x20\\x7f&]*', origin: 'a query argument' }],
  // Header values: nginx rejects CR, LF and NUL in them.
  ['http_', { pattern: '[\\t\\x20-\\x7e\\x80-\\xff]*', origin: 'a request header' }],
  ['cookie_', { pattern: '[\\t\\x20-\\x3a\\x3c-\\x7e\\x80-\\xff]*', origin: 'a request cookie' }],
];

function builtin(name: string): Value | null {
  const lower = name.toLowerCase();
  const b = BUILTINS[lower] ?? BUILTIN_PREFIXES.find(([p]) => lower.startsWith(p) && lower.length > p.length)?.[1];
  if (!b) return null;
  const re = parseRegex(b.pattern)!;
  return { k: 'user', node: re.root, boundary: null, escaped: false, label: '$' + name, origin: b.origin, providers: [] };
}

/** Does nginx define this variable itself (so `set` cannot redefine it in a way we track)? */
export function isClientVariable(name: string): boolean {
  return builtin(name) !== null;
}

// ---------------------------------------------------------------------------------------------
// Questions about values.

const CONTROL_OR_SPACE = /[\x00-\x20\x7f]/;

/** Can the client put `ch` into the value? */
export function userCan(v: Value, ch: string): boolean {
  return firstUserWith(v, ch) !== null;
}

/** The first client-controlled part that can contain `ch`. */
export function firstUserWith(v: Value, ch: string): UserValue | null {
  switch (v.k) {
    case 'user':
      if (v.boundary && !v.boundary.has(ch)) return null;
      if (v.escaped && (CONTROL_OR_SPACE.test(ch) || ch === '%')) return null;
      return canContain(v.node, ch, true) ? v : null;
    case 'concat':
      for (const p of v.parts) {
        const hit = firstUserWith(p, ch);
        if (hit) return hit;
      }
      return null;
    case 'alt':
      for (const p of v.options) {
        const hit = firstUserWith(p, ch);
        if (hit) return hit;
      }
      return null;
    default:
      return null;
  }
}

/** Does every possible value contain `ch`? */
export function mustContain(v: Value, ch: string): boolean {
  switch (v.k) {
    case 'lit':
      return v.text.includes(ch);
    case 'user':
      return reMustContain(v.node, ch);
    case 'concat':
      return v.parts.some((p) => mustContain(p, ch));
    case 'alt':
      return v.options.length > 0 && v.options.every((p) => mustContain(p, ch));
    default:
      return false;
  }
}

interface Start {
  /** Possible first bytes; null when unknown (opaque). */
  set: CharSet | null;
  nullable: boolean;
}

function startOf(v: Value): Start {
  switch (v.k) {
    case 'lit':
      return v.text ? { set: CharSet.of(v.text[0]), nullable: false } : { set: new CharSet(), nullable: true };
    case 'user': {
      const f = firstChars(v.node);
      return { set: f.set, nullable: f.nullable };
    }
    case 'opaque':
      return { set: null, nullable: true };
    case 'concat': {
      const set = new CharSet();
      for (const p of v.parts) {
        const s = startOf(p);
        if (!s.set) return { set: null, nullable: true };
        set.addSet(s.set);
        if (!s.nullable) return { set, nullable: false };
      }
      return { set, nullable: true };
    }
    case 'alt': {
      const set = new CharSet();
      let nullable = false;
      for (const p of v.options) {
        const s = startOf(p);
        if (!s.set) return { set: null, nullable: true };
        set.addSet(s.set);
        nullable ||= s.nullable;
      }
      return { set, nullable };
    }
  }
}

/** Does every possible value start with `ch`? */
export function mustStartWith(v: Value, ch: string): boolean {
  const s = startOf(v);
  return !!s.set && !s.nullable && s.set.size() === 1 && s.set.has(ch);
}

/** Every byte the value can contain, or null when part of it is unknown. */
function charsOfValue(v: Value): CharSet | null {
  switch (v.k) {
    case 'lit':
      return CharSet.of(v.text);
    case 'user': {
      const c = charsOf(v.node);
      return v.boundary ? c.intersect(v.boundary) : c;
    }
    case 'opaque':
      return null;
    case 'concat':
    case 'alt': {
      const out = new CharSet();
      let userSeen = false;
      for (const p of v.k === 'concat' ? v.parts : v.options) {
        const c = charsOfValue(p);
        if (c) out.addSet(c);
        if (hasUser(p)) userSeen = true;
      }
      return userSeen ? out : null;
    }
  }
}

/** Does the value's tree have at most `cap` nodes? (Stops counting past the cap.) */
function sizeAtMost(v: Value, cap: number): boolean {
  let n = 0;
  const stack: Value[] = [v];
  while (stack.length) {
    const x = stack.pop()!;
    if (++n > cap) return false;
    if (x.k === 'concat') stack.push(...x.parts);
    else if (x.k === 'alt') stack.push(...x.options);
  }
  return true;
}

export function hasUser(v: Value): boolean {
  if (v.k === 'user') return true;
  if (v.k === 'concat') return v.parts.some(hasUser);
  if (v.k === 'alt') return v.options.some(hasUser);
  return false;
}

/** Atoms of one way the value can be built (alternatives expanded, adjacent literals merged). */
export type Atom = { k: 'lit'; text: string } | UserValue | Opaque;

/** The value's possible sequences of atoms (at most `limit`). */
export function sequences(v: Value, limit = 32): Atom[][] {
  const go = (x: Value): Atom[][] => {
    switch (x.k) {
      case 'concat': {
        let acc: Atom[][] = [[]];
        for (const p of x.parts) {
          const next: Atom[][] = [];
          for (const a of acc) for (const b of go(p)) if (next.length < limit) next.push([...a, ...b]);
          acc = next;
        }
        return acc;
      }
      case 'alt':
        return x.options.flatMap(go).slice(0, limit);
      default:
        return [[x]];
    }
  };
  return go(v).map((seq) => {
    const out: Atom[] = [];
    for (const a of seq) {
      const last = out[out.length - 1];
      if (a.k === 'lit' && last?.k === 'lit') out[out.length - 1] = { k: 'lit', text: last.text + a.text };
      else if (!(a.k === 'lit' && !a.text)) out.push(a);
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// `if` conditions.

export interface IfCondition {
  /** `$http_origin` in `if ($http_origin ~* ...)`, or the single operand of `if ($x)` / `if (-f $x)`. */
  variable: string | null;
  operator: string | null;
  /** The right-hand side (a regex for `~` operators). */
  value: string | null;
  /** The argument holding the value (for ranges), when it is a single argument. */
  valueArg: NginxDirective['args'][number] | null;
}

/** Read an `if (...)` condition the way nginx does (parentheses may be separate words or glued on). */
export function parseIfCondition(d: NginxDirective): IfCondition | null {
  if (d.name !== 'if' || !d.args.length) return null;
  const args = d.args.map((a) => ({ ...a }));
  const first = args[0];
  if (!first.value.startsWith('(')) return null;
  first.value = first.value.slice(1);
  const last = args[args.length - 1];
  if (!last.value.endsWith(')')) return null;
  last.value = last.value.slice(0, -1);
  const words = args.filter((a) => a.value !== '' || a.quote);
  if (words.length === 3) return { variable: words[0].value, operator: words[1].value, value: words[2].value, valueArg: words[2] };
  if (words.length === 2) return { variable: words[1].value, operator: words[0].value, value: null, valueArg: null };
  if (words.length === 1) return { variable: words[0].value, operator: null, value: null, valueArg: null };
  return null;
}

const REGEX_OPS = new Set(['~', '~*', '!~', '!~*']);

// ---------------------------------------------------------------------------------------------
// Environments: what every variable holds at a directive.

/** Directives of the rewrite module, which run in order (the others read variables at the end). */
const REWRITE_MODULE = new Set(['set', 'rewrite', 'return', 'if', 'break']);

export class Env {
  private vars = new Map<string, Value>();
  constructor(private readonly globals: Globals) {}

  clone(): Env {
    const e = new Env(this.globals);
    e.vars = new Map(this.vars);
    return e;
  }

  set(name: string, v: Value): void {
    // Values share parts (`set $a "$a$a"`): keep them small so walking one stays cheap.
    this.vars.set(name.toLowerCase(), sizeAtMost(v, 500) ? v : opaque(name));
  }

  get(name: string): Value {
    const own = this.vars.get(name.toLowerCase());
    if (own) return own;
    if (/^[1-9]$/.test(name)) return opaque(name);
    return this.globals.get(name) ?? builtin(name) ?? (PLAIN.has(name.toLowerCase()) ? { k: 'opaque', name, plain: true } : opaque(name));
  }

  /** The value of a script (`"http://$host$1"`) here. */
  evaluate(script: string): Value {
    const parts = parseScript(script).map((p) => ('lit' in p ? lit(p.lit) : this.get(p.var)));
    return parts.length === 1 ? parts[0] : { k: 'concat', parts };
  }

  /** A successful regex match sets `$1`..`$9` and named captures. */
  capture(re: Regex, subject: Value, provider: NginxDirective, origin: string, escaped = false): void {
    const boundary = charsOfValue(subject);
    const make = (label: string, node: RegexNode): Value =>
      boundary === null ? opaque(label.slice(1)) : { k: 'user', node, boundary, escaped, label, origin, providers: [provider] };
    for (let n = 1; n <= 9; n++) {
      const g = groupOf(re, String(n));
      this.set(String(n), g ? make('$' + n, g.body) : lit(''));
    }
    for (const [name, g] of re.named) this.set(name, make('$' + name, g.body));
  }
}

/** `map` variables of the file (evaluated lazily: maps may use other maps). */
class Globals {
  private maps = new Map<string, NginxDirective>();
  private cache = new Map<string, Value>();
  private busy = new Set<string>();
  constructor(model: NginxModel) {
    const visit = (list: NginxDirective[]) => {
      for (const d of list) {
        if (d.name === 'map' && d.block && d.args.length === 2 && d.args[1].value.startsWith('$')) this.maps.set(d.args[1].value.slice(1).toLowerCase(), d);
        if (d.name === 'http' && d.block) visit(d.block);
      }
    };
    visit(model.directives);
  }

  get(name: string): Value | null {
    const key = name.toLowerCase();
    const map = this.maps.get(key);
    if (!map) return null;
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.busy.has(key)) return opaque(name);
    this.busy.add(key);
    const v = this.evaluateMap(map, name);
    this.busy.delete(key);
    this.cache.set(key, v);
    return v;
  }

  private evaluateMap(map: NginxDirective, name: string): Value {
    const base = new Env(this);
    const source = base.evaluate(map.args[0].value);
    const options: Value[] = [];
    let hasDefault = false;
    for (const row of map.block ?? []) {
      if (row.name === 'hostnames' || row.name === 'volatile') continue;
      if (row.name === 'include') {
        options.push(opaque(name));
        continue;
      }
      const valueArg = row.args[0];
      if (!valueArg) continue;
      if (row.name === 'default') hasDefault = true;
      const env = base.clone();
      const key = row.name;
      if (key.startsWith('~')) {
        const re = parseRegex(key.startsWith('~*') ? key.slice(2) : key.slice(1), key.startsWith('~*'));
        if (re) env.capture(re, source, map, `a capture of "${key}" in "map ${map.args[0].value} ${map.args[1].value}"`);
      }
      options.push(env.evaluate(valueArg.value));
    }
    if (!hasDefault) options.push(lit(''));
    return options.length === 1 ? options[0] : { k: 'alt', options };
  }
}

const globalsCache = new WeakMap<NginxModel, Globals>();

function globalsOf(model: NginxModel): Globals {
  let g = globalsCache.get(model);
  if (!g) globalsCache.set(model, (g = new Globals(model)));
  return g;
}

/** `location` modifier and path: `= /x`, `~ re`, `~* re`, `^~ /x`, `/x`, `@name` (also glued: `~^/x`). */
export function locationPattern(loc: NginxDirective): { modifier: '' | '=' | '~' | '~*' | '^~' | '@'; path: string; pathIndex: number } | null {
  if (loc.name !== 'location' || !loc.args.length) return null;
  const a = loc.args.map((x) => x.value);
  if (a.length >= 2 && ['=', '~', '~*', '^~'].includes(a[0])) return { modifier: a[0] as '=' | '~' | '~*' | '^~', path: a[1], pathIndex: 1 };
  const m = /^(~\*|~|\^~|=)(.+)$/.exec(a[0]);
  if (m) return { modifier: m[1] as '=' | '~' | '~*' | '^~', path: m[2], pathIndex: -1 };
  return { modifier: a[0].startsWith('@') ? '@' : '', path: a[0], pathIndex: 0 };
}

/** Is this `location` a regex one? Returns the compiled regex (null when not regex or unreadable). */
export function locationRegex(loc: NginxDirective): Regex | null {
  const p = locationPattern(loc);
  if (!p || (p.modifier !== '~' && p.modifier !== '~*')) return null;
  return parseRegex(p.path, p.modifier === '~*');
}

function enterBlock(env: Env, b: NginxDirective): void {
  if (b.name === 'location') {
    const re = locationRegex(b);
    if (re) env.capture(re, env.get('uri'), b, `a capture of "location ${b.args.map((a) => a.raw).join(' ')}"`);
  } else if (b.name === 'if') {
    const c = parseIfCondition(b);
    if (c && c.operator && REGEX_OPS.has(c.operator) && !c.operator.startsWith('!') && c.value !== null && c.variable) {
      const re = parseRegex(c.value, c.operator === '~*');
      if (re) env.capture(re, env.evaluate(c.variable), b, `a capture of "if (${c.variable} ${c.operator} ${c.value})"`);
    }
  }
}

/** Apply one rewrite-module directive that runs before the point of interest. */
function run(env: Env, c: NginxDirective): void {
  if (c.name === 'set' && c.args.length === 2 && c.args[0].value.startsWith('$')) {
    env.set(c.args[0].value.slice(1), tagProvider(env.evaluate(c.args[1].value), c));
  } else if (c.name === 'rewrite' && c.args.length >= 2) {
    const re = parseRegex(c.args[0].value);
    if (re) env.capture(re, env.get('uri'), c, `a capture of "rewrite ${c.args[0].value}"`);
  } else if (c.name === 'if' && c.block) {
    // Only when the condition holds: what it sets becomes one of two possibilities.
    const inner = env.clone();
    enterBlock(inner, c);
    for (const x of c.block) {
      if (x.name !== 'set' || x.args.length !== 2 || !x.args[0].value.startsWith('$')) continue;
      const name = x.args[0].value.slice(1);
      const before = env.get(name);
      const now = tagProvider(inner.evaluate(x.args[1].value), x);
      inner.set(name, now);
      env.set(name, { k: 'alt', options: [before, now] });
    }
  }
}

function tagProvider(v: Value, d: NginxDirective): Value {
  if (v.k === 'user') return { ...v, providers: [...v.providers, d] };
  if (v.k === 'concat') return { k: 'concat', parts: v.parts.map((p) => tagProvider(p, d)) };
  if (v.k === 'alt') return { k: 'alt', options: v.options.map((p) => tagProvider(p, d)) };
  return v;
}

/**
 * The variables as `d` sees them: maps of the file, then, from the outermost block inwards, the
 * captures of regex locations and of `if` conditions around `d`, and the `set`/`rewrite`
 * directives that run before it (all of a block's for directives that read variables at the end of
 * the rewrite phase, only the earlier ones for rewrite-module directives).
 */
export function envAt(model: NginxModel, d: NginxDirective): Env {
  const env = new Env(globalsOf(model));
  const chain: NginxDirective[] = [];
  for (let p: NginxDirective | null = d; p; p = p.parent) chain.unshift(p);
  let list = model.directives;
  for (let i = 0; i < chain.length; i++) {
    const next = chain[i];
    const isTarget = i === chain.length - 1;
    const ordered = !isTarget || REWRITE_MODULE.has(d.name) || isDataRow(d);
    // Only the list's rewrite-module directives matter: a big http block is asked about once per
    // directive below it, so they are indexed once per list.
    const { rewrites, position } = rewriteIndex(list);
    const at = ordered ? position.get(next) ?? list.indexOf(next) : -1;
    const stop = at < 0 ? Infinity : at;
    for (const c of rewrites) {
      if (c === next) {
        if (ordered) break;
        continue;
      }
      if (position.get(c)! > stop) break;
      run(env, c);
    }
    if (isTarget) break;
    enterBlock(env, next);
    list = next.block ?? [];
  }
  return env;
}

interface RewriteIndex {
  /** The rewrite-module directives of a list, in order. */
  rewrites: NginxDirective[];
  /** Position in the list of each of them and of every block (the ones `envAt` descends into); others are looked up. */
  position: Map<NginxDirective, number>;
}
const rewriteIndexes = new WeakMap<NginxDirective[], RewriteIndex>();

function rewriteIndex(list: NginxDirective[]): RewriteIndex {
  let hit = rewriteIndexes.get(list);
  if (!hit) {
    hit = { rewrites: [], position: new Map() };
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (REWRITE_MODULE.has(c.name)) hit.rewrites.push(c);
      if (REWRITE_MODULE.has(c.name) || c.block) hit.position.set(c, i);
    }
    rewriteIndexes.set(list, hit);
  }
  return hit;
}

/** `$1 (a capture of "location ~ ^/(.*)$", line 3; through set $p at line 4)`. */
export function describe(u: UserValue): string {
  const where: string[] = [];
  const first = u.providers[0];
  let origin = u.origin;
  if (first && first.name !== 'set') origin += `, line ${first.line + 1}`;
  where.push(origin);
  const sets = u.providers.filter((p) => p.name === 'set');
  if (sets.length) where.push('through ' + sets.map((p) => `set ${p.args[0]?.value ?? ''} at line ${p.line + 1}`).join(', '));
  return `${u.label} (${where.join('; ')})`;
}

/** The value of `script` as directive `d` sees it. */
export function valueAt(model: NginxModel, d: NginxDirective, script: string): Value {
  return envAt(model, d).evaluate(script);
}

// Glob matching in time linear in the path (times the pattern's length), whatever the pattern:
// globs come from workspaces (nginx includes, .gitignore, the config's ignore and evidence
// globs), and a regular expression built from `a*a*a*a*b` backtracks for minutes on a long name.
// The pattern is matched as a small automaton, one path character at a time.

export interface GlobOptions {
  /** `**` crosses folders, and `**\/` also matches no folder at all (config and .gitignore globs). */
  globstar?: boolean;
  /** `{a,b}` alternatives. */
  braces?: boolean;
  /** A match of a folder also matches everything below it (`vendor` matches `vendor/x/y`). */
  matchBelow?: boolean;
}

export interface Glob {
  test(path: string): boolean;
}

type Token = { kind: 'char'; ch: string } | { kind: 'one' } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'class'; negate: boolean; ranges: [string, string][] };

/** Bounds that keep a hostile pattern cheap to compile: alternatives after brace and `**\/` expansion. */
const MAX_ALTERNATIVES = 256;

/**
 * Compile a glob: `*` (within a folder name), `?`, `[abc]`, `[a-z]`, `[!a]`, and with the options
 * `**`, `{a,b}` and folder matching. Throws on a character class that cannot match anything as
 * written (`[z-a]`) and on a pattern with more than 256 alternatives (`{a,b}{a,b}...`).
 */
export function compileGlob(glob: string, opts: GlobOptions = {}): Glob {
  const alternatives = (opts.braces ? expandBraces(glob) : [glob]).flatMap((g) => (opts.globstar ? expandDirStars(g) : [g]));
  if (alternatives.length >= MAX_ALTERNATIVES) throw new Error(`too many alternatives (more than ${MAX_ALTERNATIVES} after expanding braces and **/)`);
  const matchers = alternatives.map((g) => matcher(tokenize(g, !!opts.globstar), !!opts.matchBelow));
  return { test: (path) => matchers.some((m) => m(path)) };
}

/**
 * A pattern with at most two stars cannot backtrack badly (a regular expression then takes at most
 * quadratic time on a file name), and V8 runs it far faster than the automaton: use one. Patterns
 * with more stars (`a*a*a*...b`) run on the automaton, linear in the path.
 */
function matcher(tokens: Token[], matchBelow: boolean): (path: string) => boolean {
  const stars = tokens.filter((t) => t.kind === 'star' || t.kind === 'globstar').length;
  if (stars > 2) return (path) => run(tokens, path, matchBelow);
  const re = new RegExp(`^${tokens.map(tokenSource).join('')}${matchBelow ? '(?:/.*)?' : ''}$`, 's');
  return (path) => re.test(path);
}

function tokenSource(t: Token): string {
  if (t.kind === 'char') return t.ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  if (t.kind === 'one') return '[^/]';
  if (t.kind === 'star') return '[^/]*';
  if (t.kind === 'globstar') return '.*';
  const ranges = t.ranges.map(([a, b]) => (a === b ? esc(a) : `${esc(a)}-${esc(b)}`)).join('');
  return t.negate ? `(?!/)[^${ranges}]` : `(?!/)[${ranges}]`;
}

function esc(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&');
}

function tokenize(glob: string, globstar: boolean): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (globstar && glob[i + 1] === '*') {
        while (glob[i + 1] === '*') i++;
        out.push({ kind: 'globstar' });
      } else if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const close = glob.indexOf(']', i + 2);
      let body = glob.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let j = 0; j < body.length; j++) {
        const a = body[j] === '\\' && j + 1 < body.length ? body[++j] : body[j];
        if (body[j + 1] === '-' && j + 2 < body.length) {
          const b = body[j + 2] === '\\' && j + 3 < body.length ? body[j + 3] : body[j + 2];
          j += body[j + 2] === '\\' ? 3 : 2;
          if (b < a) throw new Error(`range out of order in character class (${a}-${b})`);
          ranges.push([a, b]);
        } else ranges.push([a, a]);
      }
      out.push({ kind: 'class', negate, ranges });
      i = close;
    } else if (c === '\\' && i + 1 < glob.length) out.push({ kind: 'char', ch: glob[++i] });
    else out.push({ kind: 'char', ch: c });
  }
  return out;
}

/** Run the automaton: the set of pattern positions reachable after each path character. */
function run(tokens: Token[], path: string, matchBelow: boolean): boolean {
  const m = tokens.length;
  let current = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  current[0] = 1;
  closure(tokens, current);
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (matchBelow && c === '/' && current[m]) return true;
    next.fill(0);
    let any = false;
    for (let s = 0; s < m; s++) {
      if (!current[s]) continue;
      const t = tokens[s];
      if (t.kind === 'star') {
        if (c !== '/') next[s] = 1;
      } else if (t.kind === 'globstar') next[s] = 1;
      else if (t.kind === 'one' ? c !== '/' : t.kind === 'char' ? t.ch === c : c !== '/' && inClass(t, c)) next[s + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    closure(tokens, next);
    [current, next] = [next, current];
  }
  return current[m] === 1;
}

/** Stars may match nothing: a state before a star also stands after it (in order, so chains close). */
function closure(tokens: Token[], states: Uint8Array): void {
  for (let s = 0; s < tokens.length; s++) {
    const t = tokens[s];
    if (states[s] && (t.kind === 'star' || t.kind === 'globstar')) states[s + 1] = 1;
  }
}

function inClass(t: Extract<Token, { kind: 'class' }>, c: string): boolean {
  const hit = t.ranges.some(([a, b]) => a <= c && c <= b);
  return t.negate ? !hit : hit;
}

/** `{a,b}c` -> `ac`, `bc` (nested braces too), bounded. An unclosed brace is a literal. */
function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) {
      close = i;
      break;
    } else if (glob[i] === ',' && depth === 1) commas.push(i);
  }
  if (close < 0) return [glob];
  const bounds = [open, ...commas, close];
  const options = bounds.slice(0, -1).map((b, k) => glob.slice(b + 1, bounds[k + 1]));
  const head = glob.slice(0, open);
  const out: string[] = [];
  for (const tail of expandBraces(glob.slice(close + 1))) {
    for (const o of options) {
      for (const x of expandBraces(o)) {
        out.push(head + x + tail);
        if (out.length >= MAX_ALTERNATIVES) return out;
      }
    }
  }
  return out;
}

/** `**\/x` also matches `x` (no folder): one alternative without each leading `**\/`, bounded. */
function expandDirStars(glob: string): string[] {
  let out = [glob];
  const re = /(^|\/)\*\*\//;
  for (let k = 0; k < 6 && out.some((g) => re.test(g)); k++) {
    out = out.flatMap((g) => {
      const m = re.exec(g);
      return m ? [g.slice(0, m.index + m[1].length) + g.slice(m.index + m[0].length), g.slice(0, m.index + m[1].length) + '\u0000' + g.slice(m.index + m[1].length + 2)] : [g];
    });
    if (out.length > MAX_ALTERNATIVES) break;
  }
  // The placeholder keeps a handled `**/` from matching again; it is a real globstar.
  return out.map((g) => g.replace(/\u0000/g, '**'));
}

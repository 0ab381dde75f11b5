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
  const programs = alternatives.map((g) => tokenize(g, !!opts.globstar));
  return { test: (path) => programs.some((p) => run(p, path, !!opts.matchBelow)) };
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
  let current = closure(tokens, new Set([0]));
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (matchBelow && c === '/' && current.has(m)) return true;
    const next = new Set<number>();
    for (const s of current) {
      if (s === m) continue;
      const t = tokens[s];
      if (t.kind === 'star') {
        if (c !== '/') next.add(s);
      } else if (t.kind === 'globstar') next.add(s);
      else if (t.kind === 'one' ? c !== '/' : t.kind === 'char' ? t.ch === c : c !== '/' && inClass(t, c)) next.add(s + 1);
    }
    if (!next.size) return false;
    current = closure(tokens, next);
  }
  return current.has(m);
}

/** Stars may match nothing: a state before a star also stands after it. */
function closure(tokens: Token[], states: Set<number>): Set<number> {
  for (const s of states) {
    const t = tokens[s];
    if (t && (t.kind === 'star' || t.kind === 'globstar')) states.add(s + 1);
  }
  return states;
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

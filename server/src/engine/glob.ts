// Glob matching for paths relative to a root (`**`, `*`, `?`, `{a,b}`, `[abc]`): the config's ignore
// and evidence globs and .gitignore patterns, where fast-glob's file walking is not needed. The
// matcher (rules/glob.ts) is linear in the path: these globs come from the workspace.
import { compileGlob, type Glob } from '../../../rules/glob';

const compiled = new Map<string, Glob>();

/**
 * A config or .gitignore glob, compiled once: `**` crosses folders, `{a,b}` alternates, and a
 * pattern also matches everything below a matched folder. Matching is linear in the path.
 */
export function configGlob(glob: string): Glob {
  let hit = compiled.get(glob);
  if (!hit) {
    if (compiled.size > 5000) compiled.clear();
    compiled.set(glob, (hit = compileGlob(glob, { globstar: true, braces: true, matchBelow: true })));
  }
  return hit;
}

/** Why a glob cannot be used (a character class such as [z-a] makes no valid pattern), or null. */
export function globProblem(glob: string): string | null {
  try {
    configGlob(glob);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Does any of the globs match the relative, '/'-separated path? */
export function matchesAny(globs: string[], relPath: string): boolean {
  return globs.some((g) => configGlob(g.replace(/^\.\//, '')).test(relPath));
}

/**
 * Is `relPath` (relative to the folder of the .gitignore) ignored by these .gitignore lines?
 * Follows git's rules for the common cases: comments, `!` negation (last match wins), patterns
 * without a slash match at any depth, a leading `/` anchors, a trailing `/` matches folders.
 */
export function gitignoreMatch(lines: string[], relPath: string): { ignored: boolean; line: number } | null {
  let result: { ignored: boolean; line: number } | null = null;
  lines.forEach((raw, lineNo) => {
    let p = raw.replace(/\s+$/, '');
    if (!p || p.startsWith('#')) return;
    const negate = p.startsWith('!');
    if (negate) p = p.slice(1);
    const dirOnly = p.endsWith('/');
    if (dirOnly) p = p.slice(0, -1);
    const anchored = p.startsWith('/') || p.slice(0, -1).includes('/');
    p = p.replace(/^\//, '');
    // A pattern that does not compile matches nothing, as git skips it.
    if (globProblem(anchored ? p : '**/' + p)) return;
    const re = configGlob(anchored ? p : '**/' + p);
    const parts = relPath.split('/');
    // A folder pattern matches when one of the file's parent folders matches.
    const candidates = dirOnly ? parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/')) : [relPath];
    if (candidates.some((c) => re.test(c))) result = { ignored: !negate, line: lineNo };
  });
  return result;
}

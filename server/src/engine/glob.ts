// A small glob matcher for paths relative to a root (`**`, `*`, `?`, `{a,b}`, `[abc]`): used for
// ignore globs and for .gitignore patterns, where fast-glob's file walking is not needed.

export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|') + ')';
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // A pattern also matches everything below a matched folder.
  return new RegExp('^' + re + '(?:/.*)?$');
}

/** Why a glob cannot be used (a character class such as [z-a] makes no valid pattern), or null. */
export function globProblem(glob: string): string | null {
  try {
    globToRegExp(glob);
    return null;
  } catch (e) {
    // "Invalid regular expression: /^[z-a]$/: Range out of order in character class": keep the reason.
    return (e as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '').toLowerCase();
  }
}

/** Does any of the globs match the relative, '/'-separated path? */
export function matchesAny(globs: string[], relPath: string): boolean {
  return globs.some((g) => globToRegExp(g.replace(/^\.\//, '')).test(relPath));
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
    const re = globToRegExp(anchored ? p : '**/' + p);
    const parts = relPath.split('/');
    // A folder pattern matches when one of the file's parent folders matches.
    const candidates = dirOnly ? parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/')) : [relPath];
    if (candidates.some((c) => re.test(c))) result = { ignored: !negate, line: lineNo };
  });
  return result;
}

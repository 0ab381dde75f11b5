import { defineRule, type Fix, type TextEdit } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxArg, NginxDirective } from './parser';
import { childrenOf } from './model';
import { firstChars, groupOf, mustStartWith, precedingOfGroups } from './regex';
import { locationPattern, locationRegex, parseScript } from './variables';

/** `path/` written back into an argument (inside its quotes when quoted). */
function withSlash(a: NginxArg): string {
  return a.quote ? a.raw.slice(0, -1) + '/' + a.quote : a.raw + '/';
}

function nearestLocation(d: NginxDirective): NginxDirective | null {
  for (let p = d.parent; p; p = p.parent) if (p.name === 'location') return p;
  return null;
}

export default defineRule<NginxModel>({
  id: 'nginx/alias-traversal',
  title: '"alias" cannot be walked out of its directory',
  level: 'block',
  controls: ['edge.file-exposure'],
  aliases: { gixy: ['alias_traversal'], semgrep: ['alias-path-traversal'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'requests whose path only starts with the location prefix, without its "/", are no longer served from the alias',
  docs: {
    rationale:
      'nginx replaces the part of the URI the location matched with the `alias` path. In `location /files { alias /home/; }` the request `/files../etc/passwd` also matches the prefix `/files`, and what follows it, `../etc/passwd`, is appended to `/home/`: the classic "off-by-slash" path traversal that reads any file the worker can read. When the alias does not end with `/` either (`alias /home;`), `/files_old/x` maps to `/home_old/x`: every sibling directory whose name starts like the alias is served. Regex locations do the same when a capture that can start with `..` is appended after a `/` in the alias.',
    howToFix: 'End the location with `/` whenever the alias ends with `/` (`location /files/ { alias /home/; }`), or both without: keep them symmetrical. In regex locations, put the `/` in the pattern before the capture (`location ~ ^/files/(.*)$ { alias /home/$1; }`).',
    whenNotToUse: 'Never for an alias that points at data: the fix is free. The request `/files` (without the slash) stops matching the location after the fix; add `location = /files { return 301 /files/; }` if clients use it.',
    examples: { bad: 'location /files {\n    alias /home/;\n}', good: 'location /files/ {\n    alias /home/;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'alias' || d.args.length !== 1) continue;
      const loc = nearestLocation(d);
      if (!loc) continue;
      const p = locationPattern(loc);
      if (!p) continue;
      const alias = d.args[0];
      const label = `location ${loc.args.map((a) => a.raw).join(' ')}`;
      if (p.modifier === '' || p.modifier === '^~') {
        if (p.path.endsWith('/')) {
          ctx.pass({ range: nameRange(model, d), message: `alias ${alias.value} in ${label}: the prefix ends with "/", so the path cannot be walked out of.` });
          continue;
        }
        const slashed = alias.value.endsWith('/');
        const range = p.pathIndex >= 0 ? rangeOf(model, loc.args[p.pathIndex]) : nameRange(model, loc);
        let fix: Fix | undefined;
        const siblings = childrenOf(model, loc.parent);
        const clash = siblings.some((s) => s !== loc && s.name === 'location' && locationPattern(s)?.path === p.path + '/' && locationPattern(s)?.modifier === p.modifier);
        if (p.pathIndex >= 0 && !clash && (slashed || !alias.value.includes('$'))) {
          const edits: TextEdit[] = [{ range: rangeOf(model, loc.args[p.pathIndex]), newText: withSlash(loc.args[p.pathIndex]) }];
          if (!slashed) edits.push({ range: rangeOf(model, alias), newText: withSlash(alias) });
          fix = { title: slashed ? `Add "/" to the location: ${p.path}/` : `End both the location and the alias with "/"`, edits };
        }
        ctx.report({
          range,
          message: slashed
            ? `"${label}" does not end with "/" but its alias "${alias.value}" does: "${p.path}../secret" is served from "${alias.value}../secret", outside the directory (path traversal). End the location with "/": ${p.path}/.`
            : `"${label}" with "alias ${alias.value}" also serves "${p.path}_old/x" from "${alias.value}_old/x": every sibling path starting with "${alias.value}" is exposed. End both the location and the alias with "/".`,
          fix,
        });
        continue;
      }
      if (p.modifier !== '~' && p.modifier !== '~*') continue;
      const re = locationRegex(loc);
      if (!re) continue;
      const parts = parseScript(alias.value);
      const before = precedingOfGroups(re);
      let prefix = '';
      for (const part of parts) {
        if ('lit' in part) {
          prefix += part.lit;
          continue;
        }
        const g = groupOf(re, part.var);
        if (!g) break; // another variable: what precedes the next capture is unknown
        const pre = before.get(g);
        if (!pre || pre.atStart) break;
        const slashBefore = (pre.set.size() === 1 && pre.set.has('/')) || mustStartWith(g.body, '/');
        const dots = firstChars(g.body).chosen.has('.');
        if (!slashBefore && prefix.endsWith('/') && dots) {
          ctx.report({
            range: rangeOf(model, alias),
            message: `"$${part.var}" of "${label}" can start with ".." (the pattern has no "/" right before the capture), and "alias ${alias.value}" appends it after a "/": such a request reads outside the directory (path traversal). Put the "/" in the pattern before the capture.`,
          });
        } else if (!prefix.endsWith('/') && prefix && !mustStartWith(g.body, '/')) {
          const dir = prefix.replace(/\/+$/, '');
          ctx.report({
            range: rangeOf(model, alias),
            message: `"alias ${alias.value}" appends "$${part.var}" of "${label}" right after "${dir}" without a "/": a capture such as "_old/x" reads "${dir}_old/x", so every sibling path starting with "${dir}" is served. Put a "/" before the capture in the alias${slashBefore ? '' : ' and in the pattern'}.`,
          });
        }
        break;
      }
    }
  },
});

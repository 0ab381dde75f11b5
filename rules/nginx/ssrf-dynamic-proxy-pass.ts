import { defineRule, type RuleContext } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { insertLines } from './model';
import { expandedChildren, includerChain } from './includes';
import { describe, envAt, mustStartWith, sequences, userCan, type Atom, type UserValue } from './variables';

/** Directives that send the request to the address in their first argument. */
const PASSES = new Set(['proxy_pass', 'grpc_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass']);

/**
 * The first client-controlled part that can choose the scheme or host of the target: walking the
 * parts, literal text keeps us in the scheme/host until its first "/", "?" or "#" after "://".
 */
export function userTarget(atoms: Atom[]): UserValue | null {
  for (const a of atoms) {
    if (a.k === 'lit') {
      const t = a.text;
      for (let i = 0; i < t.length; i++) {
        if (t.startsWith('://', i)) {
          i += 2;
          continue;
        }
        if (t[i] === '/' || t[i] === '?' || t[i] === '#') return null;
      }
      continue;
    }
    // Something we cannot see may end the host ("/..."), or not: stay silent unless it is known not to.
    if (a.k === 'opaque') {
      if (a.plain) continue;
      return null;
    }
    if (mustStartWith(a, '/')) return null; // it starts the path: the host is already fixed
    if (userCan(a, '.') || userCan(a, ':') || userCan(a, '@')) return a;
  }
  return null;
}

function nearestLocation(d: NginxDirective): NginxDirective | null {
  for (let p = d.parent; p; p = p.parent) if (p.name === 'location') return p;
  return null;
}

/** Is the location internal (or may it be: an include we cannot read)? */
function internalOrUnknown(model: NginxModel, d: NginxDirective, ctx: RuleContext): boolean {
  const loc = nearestLocation(d);
  if (loc) {
    const kids = expandedChildren(loc.block ?? [], ctx);
    return kids.some((k) => k.name === 'internal' || k.name === 'include');
  }
  // A snippet: the location around the include that pulls it in, when the workspace shows it.
  const chain = includerChain(model, ctx);
  const outer = chain ? [...chain.blocks].reverse().find((b) => b.name === 'location') : null;
  if (outer) return (outer.block ?? []).some((k) => k.name === 'internal' || k.name === 'include');
  return model.directives.some((k) => k.name === 'internal');
}

export default defineRule<NginxModel>({
  id: 'nginx/ssrf-dynamic-proxy-pass',
  title: 'Clients cannot choose where nginx proxies to',
  level: 'block',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['ssrf'], semgrep: ['dynamic-proxy-host', 'dynamic-proxy-scheme', 'missing-internal'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'When the scheme or host of `proxy_pass` (or `fastcgi_pass`, `grpc_pass`, ...) comes from the request, through a query argument, a header, a cookie or a capture of the URI, any client can make nginx send requests to a server of its choosing: internal admin services, databases speaking HTTP, the cloud metadata endpoint (169.254.169.254) with nginx\'s network position and credentials. This is server-side request forgery (SSRF).',
    howToFix:
      'Proxy to a fixed upstream and pass the varying part in the path (`proxy_pass http://storage/$1;`). If the target must vary, map the client value to an allow-list (`map $arg_region $backend { eu eu.internal; us us.internal; default eu.internal; }`). A location that only internal redirects reach (X-Accel-Redirect, `error_page`, `try_files`) can be marked `internal;`.',
    whenNotToUse: 'Forward proxies that are meant to fetch arbitrary URLs for authenticated, trusted clients only (then restrict them with `allow`/`deny` and authentication).',
    examples: {
      bad: 'location ~ ^/proxy/(?<target>.+)$ {\n    proxy_pass http://$target;\n}',
      good: 'location ~ ^/proxy/(?<path>.*)$ {\n    proxy_pass http://storage.internal/$path;\n}',
    },
  },
  check(model, ctx) {
    let passes = 0;
    let first: NginxDirective | null = null;
    let found = 0;
    for (const d of allDirectives(model)) {
      if (!PASSES.has(d.name) || d.args.length !== 1) continue;
      passes++;
      first ??= d;
      const arg = d.args[0];
      if (!arg.value.includes('$')) continue;
      const value = envAt(model, d).evaluate(arg.value);
      let hit: UserValue | null = null;
      for (const seq of sequences(value)) if ((hit = userTarget(seq))) break;
      if (!hit || internalOrUnknown(model, d, ctx)) continue;
      found++;
      const loc = nearestLocation(d);
      const suggestions =
        loc && loc.file === model.path && loc.blockOpen !== undefined
          ? [
              {
                title: 'Mark the location internal (only if internal redirects alone reach it)',
                edits: [insertLines(model, loc, ['# review: internal; only fits when X-Accel-Redirect, error_page or try_files alone reach this location', 'internal;'], 'start')],
              },
            ]
          : undefined;
      ctx.report({
        range: rangeOf(model, arg),
        message: `${d.name} takes the scheme or host of its target from ${describe(hit)}: any client can make nginx request a server of its choosing (SSRF: internal services, cloud metadata). Proxy to a fixed upstream, map the value to an allow-list, or mark the location "internal;" if only internal redirects reach it.`,
        suggestions,
      });
    }
    if (passes && !found && first) ctx.pass({ range: nameRange(model, first), message: `${passes} proxy target(s) (first: ${first.name} ${first.args[0]?.value ?? ''}) are not chosen by the client.` });
  },
});

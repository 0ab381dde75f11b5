import { defineRule, type RuleContext } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { enclosing } from './model';
import { effectiveTopContexts } from './includes';
import { accessList, enclosingLocation, expandedOf, lastNamed, named, scopeLabel, scopesAround, type Scope } from './access-helpers';

/** Status pages: stub_status (open source), api and status (NGINX Plus). */
const STATUS = new Set(['stub_status', 'api', 'status']);
const UNIVERSAL = new Set(['all', '0.0.0.0/0', '::/0']);
const AUTH = ['auth_basic', 'auth_request', 'auth_jwt'];

/** The allow/deny list that applies: the nearest scope that has one (nginx does not merge lists). */
function accessRules(scopes: Scope[]): { rules: NginxDirective[]; scope: Scope } | null {
  for (const s of scopes) {
    const rules = accessList(s.children);
    if (rules.length) return { rules, scope: s };
  }
  return null;
}

function nearest(scopes: Scope[], name: string): NginxDirective | null {
  for (const s of scopes) {
    const hit = lastNamed(s.children, name);
    if (hit) return hit;
  }
  return null;
}

/** Does the server only listen on unix sockets or loopback addresses? */
function localOnly(server: NginxDirective | null, ctx: RuleContext): boolean {
  if (!server) return false;
  const listens = named(expandedOf(server.block ?? [], ctx), 'listen');
  if (!listens.length) return false;
  return listens.every((l) => {
    const a = l.args[0]?.value ?? '';
    if (a.startsWith('unix:')) return true;
    const host = /^\[[^\]]+\]/.exec(a)?.[0] ?? (a.includes(':') && !a.startsWith('[') ? a.replace(/:\d+$/, '') : null);
    if (!host) return false;
    return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
  });
}

export default defineRule<NginxModel>({
  id: 'nginx/stub-status-exposed',
  title: 'Status pages are restricted',
  level: 'warn',
  controls: ['edge.file-exposure'],
  aliases: { gixy: ['status_page_exposed'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the status page answers only requests from 127.0.0.1; others get 403',
  docs: {
    rationale:
      '`stub_status` (and NGINX Plus\'s `api`/`status`) publish live connection and request counters; the Plus API can even change upstreams. Reachable by anyone, they help attackers time and measure attacks and leak internal structure.',
    howToFix:
      'Restrict the location to your monitoring hosts: `allow 127.0.0.1;` (plus the scraper\'s address) followed by `deny all;`, or put it behind authentication, or serve it on a server that listens only on 127.0.0.1 or a unix socket. The fix inserts `allow 127.0.0.1; deny all;` before the directive when the location has no access list yet.',
    whenNotToUse: 'Servers reachable only from a private monitoring network through other means (a firewall or a cluster NetworkPolicy).',
    examples: { bad: 'location = /nginx_status {\n    stub_status;\n}', good: 'location = /nginx_status {\n    allow 127.0.0.1;\n    deny all;\n    stub_status;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (!STATUS.has(d.name)) continue;
      // `api`/`status` are Plus directives of a location; `status` elsewhere is another module's (e.g. upstream health checks).
      const loc = enclosingLocation(d.parent);
      if (!loc && !(d.parent === null && effectiveTopContexts(model, ctx).every((c) => c === 'location'))) continue;
      if (enclosing(d, 'stream') || enclosing(d, 'upstream') || enclosing(d, 'match')) continue;
      const { scopes } = scopesAround(d, model, ctx);
      if (scopes.some((s) => s.block?.name === 'location' && named(s.children, 'internal').length > 0)) continue;
      if (localOnly(enclosing(d, 'server') ?? scopes.find((s) => s.block?.name === 'server')?.block ?? null, ctx)) continue;

      const access = accessRules(scopes);
      const firstUniversal = access?.rules.find((r) => UNIVERSAL.has(r.args[0]?.value ?? ''));
      const auth = AUTH.some((n) => {
        const a = nearest(scopes, n);
        return !!a && a.args[0]?.value !== 'off';
      });
      const satisfyAny = nearest(scopes, 'satisfy')?.args[0]?.value === 'any';
      const where = loc ? scopeLabel(loc) : 'this location snippet';
      if (auth && !(satisfyAny && firstUniversal?.name === 'allow')) {
        ctx.pass({ range: nameRange(model, d), message: `${d.name} at ${where} requires authentication` });
        continue;
      }
      if (access && firstUniversal?.name === 'deny') {
        ctx.pass({ range: nameRange(model, d), message: `${d.name} at ${where} limited by allow/deny (${scopeLabel(access.scope.block)})` });
        continue;
      }
      // Before deciding "open", an include we cannot read may hold the access list.
      if (!access && scopes.some((s) => s.unresolved)) continue;

      const fixable = !access && loc !== null && d.parent === loc;
      const reason = !access ? 'no allow/deny list applies' : firstUniversal ? `the list ends with "${firstUniversal.name} ${firstUniversal.args[0].value}"` : 'the allow/deny list has no "deny all"';
      ctx.report({
        range: nameRange(model, d),
        message: `"${d.name}" at ${where} is reachable by anyone (${reason}): it exposes server metrics useful for reconnaissance. Allow only your monitoring hosts and end with "deny all;" (or require authentication).`,
        fix: fixable ? { title: 'Allow only 127.0.0.1 ("allow 127.0.0.1; deny all;")', edits: [insertBefore(model, d, ['allow 127.0.0.1;', 'deny all;'])] } : undefined,
      });
    }
  },
});

/** Insert whole lines before a directive, indented like it. */
function insertBefore(model: NginxModel, d: NginxDirective, lines: string[]) {
  const line = model.index.positionAt(d.start).line;
  const start = model.index.lineStart(line);
  const indent = /^[ \t]*/.exec(model.index.lineText(line))![0];
  const before = model.text.slice(start, d.start);
  const eol = model.index.eol;
  if (/^[ \t]*$/.test(before)) {
    const p = model.index.positionAt(start);
    return { range: { start: p, end: p }, newText: lines.map((l) => indent + l + eol).join('') };
  }
  // `location /s { stub_status; }` on one line: insert in front of the directive on that line.
  const p = model.index.positionAt(d.start);
  return { range: { start: p, end: p }, newText: lines.join(' ') + ' ' };
}

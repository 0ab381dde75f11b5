import { defineRule, type Fix } from '../types';
import { httpServers } from './model';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { addHeaderEdits, effectiveHeaders, HEADER_LEVELS, headerLevel, levelLabel, loopbackOnly, servesTls, whereIs } from './headers';

export const HSTS_LINE = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;';

/** A level inside the server that sets HSTS itself (a location that covers most requests). */
function innerHsts(model: NginxModel, server: NginxDirective, ctx: Parameters<typeof effectiveHeaders>[2]): NginxDirective | null {
  // Depth first in source order, with an explicit stack (deep nesting must not overflow the stack).
  const stack: { list: NginxDirective[]; i: number }[] = [{ list: server.block ?? [], i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const d = top.list[top.i++];
    if (!d.block) continue;
    if (HEADER_LEVELS.has(d.name) && headerLevel(model, d, ctx).own.some((e) => e.lower === 'strict-transport-security')) return d;
    stack.push({ list: d.block, i: 0 });
  }
  return null;
}

export default defineRule<NginxModel>({
  id: 'nginx/hsts-missing',
  title: 'TLS servers send Strict-Transport-Security',
  level: 'warn',
  controls: ['edge.hsts'],
  aliases: { gixy: ['hsts_header'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'browsers use only HTTPS for the host and its subdomains for two years after a visit',
  hasSuggestions: true,
  docs: {
    rationale:
      'Without HSTS a browser that follows an `http://` link or types the bare host name first talks plain HTTP, and an attacker on the network can keep it there (SSL stripping). `Strict-Transport-Security` makes the browser use HTTPS for the host for `max-age` seconds. Mozilla, OWASP and the MDN Observatory all expect it on every TLS site.',
    howToFix: 'Add `add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;` to the TLS server (or the http block), and repeat it in every location that has its own add_header lines.',
    whenNotToUse: 'Hosts that must stay reachable over plain HTTP (HSTS is sticky for max-age), or when a load balancer in front of nginx adds the header.',
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    server_name example.com;\n}',
      good: 'server {\n    listen 443 ssl;\n    server_name example.com;\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n}',
    },
  },
  check(model, ctx) {
    for (const server of httpServers(model)) {
      if (!servesTls(server, ctx) || loopbackOnly(server, ctx)) continue;
      const eff = effectiveHeaders(model, server, ctx);
      const hsts = eff.headers.get('strict-transport-security');
      const label = levelLabel(server);
      if (hsts) {
        ctx.pass({ range: nameRange(model, server), message: `HSTS "${hsts.value}" on ${label} (${hsts.via} at ${whereIs(hsts.directive, model)}).` });
        continue;
      }
      if (eff.unknown) continue;
      const inner = innerHsts(model, server, ctx);
      if (inner) {
        ctx.pass({ range: nameRange(model, server), message: `HSTS is set in ${levelLabel(inner)} of ${label} (line ${inner.line + 1}).` });
        continue;
      }
      const ins = addHeaderEdits(model, server, [{ lower: 'strict-transport-security', line: HSTS_LINE }], ctx);
      const fix: Fix | undefined = ins?.exact ? { title: 'Add Strict-Transport-Security (2 years, includeSubDomains)', edits: ins.edits } : undefined;
      const inherits = eff.source && (!eff.source.inFile || eff.source.includer) ? ` (its add_header lines come from ${levelLabel(eff.source)})` : '';
      ctx.report({
        range: nameRange(model, server),
        message: `TLS ${label} sends no Strict-Transport-Security header${inherits}, so browsers can be kept on plain HTTP (SSL stripping). Add '${HSTS_LINE}'.`,
        fix,
        suggestions: !fix && ins ? [{ title: 'Add Strict-Transport-Security (review the copied add_header lines)', edits: ins.edits }] : undefined,
      });
    }
  },
});

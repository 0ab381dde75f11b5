import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { middlewareConfigs } from './effective';
import { helmetOptionsOf } from './setup';
import { deleteProperty } from './edits';
import { prop, truthiness, writtenInPlace } from './values';
import { typescript } from './ts';

export default defineRule<HelmetModel>({
  id: 'helmet/hsts-no-include-subdomains',
  title: 'HSTS covers subdomains (includeSubDomains)',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: {},
  hasSuggestions: true,
  docs: {
    rationale:
      'Without `includeSubDomains`, HSTS protects only this host name: a subdomain reached over plain HTTP (or a forgotten one an attacker can answer for) can still be used to set cookies for the parent domain or to phish. helmet includes subdomains by default; the HSTS preload list requires it.',
    howToFix: 'Delete `includeSubDomains: false` once every subdomain serves HTTPS.',
    whenNotToUse: 'When some subdomains must still be reachable over plain HTTP (legacy hosts, captive portals) and cannot be moved yet.',
    examples: { bad: 'helmet({ hsts: { includeSubDomains: false } })', good: 'helmet({ hsts: { maxAge: 31536000 } })' },
  },
  check(model, ctx) {
    const ts = typescript();
    for (const use of model.helmet) {
      const c = middlewareConfigs(use.middleware, helmetOptionsOf(use)).find((x) => x.middleware === 'strictTransportSecurity');
      if (!c?.on) continue;
      const p = prop(c.options, 'includeSubDomains');
      if (!p || p.value.kind === 'undefined' || truthiness(p.value) !== false) continue;
      ctx.report({
        range: nodeRange(model, p.own ? p.node : p.value.node),
        message: 'HSTS leaves out subdomains (`includeSubDomains: false`): a subdomain reached over plain HTTP can still set cookies for the whole domain. Delete the option once every subdomain serves HTTPS.',
        suggestions: writtenInPlace(p) && ts.isObjectLiteralElementLike(p.node) ? [{ title: 'Delete `includeSubDomains: false`', edits: [deleteProperty(model, p.node as TS.ObjectLiteralElementLike)] }] : undefined,
      });
    }
  },
});

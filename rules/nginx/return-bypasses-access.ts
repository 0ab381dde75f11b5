import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { accessList, expandedOf, scopeLabel } from './access-helpers';

const restricting = new WeakMap<NginxDirective[], NginxDirective[]>();

/** Does this block hold access rules that restrict something (not only `allow all`)? Once per block's expansion. */
function accessRules(block: NginxDirective, ctx: Parameters<typeof expandedOf>[1]): NginxDirective[] {
  const kids = expandedOf(block.block ?? [], ctx);
  let hit = restricting.get(kids);
  if (!hit) {
    const rules = accessList(kids);
    restricting.set(kids, (hit = rules.some((r) => r.name === 'deny' || r.args[0]?.value !== 'all') ? rules : []));
  }
  return hit;
}

/**
 * The status a `return` answers with: `return 200 text`, `return 301 url`, `return url` (302),
 * `return text`-less codes. Variables make it unknown (null).
 */
function returnCode(d: NginxDirective): number | null {
  const first = d.args[0]?.value ?? '';
  if (/^\d{3}$/.test(first)) return Number(first);
  if (/^(https?:\/\/|\$scheme)/.test(first)) return 302;
  return null;
}

export default defineRule<NginxModel>({
  id: 'nginx/return-bypasses-access',
  title: '"return" does not bypass allow/deny',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['return_bypasses_allow_deny'] },
  docs: {
    rationale:
      '`return` runs in nginx\'s rewrite phase, which comes before the access phase where `allow`/`deny` (and `auth_basic`) are checked. A `return 200 ...` in a block protected by an access list, or in a location nested in it, answers every client: the access list never gets a say.',
    howToFix:
      'Serve the response from a place the access phase runs for: e.g. `try_files /nonexistent @ok;` with `location @ok { return 200 "..."; }`, or keep the `return` but put the check in the rewrite phase too (`if ($allowed = 0) { return 403; }` with `geo $allowed { default 0; 10.0.0.0/8 1; }`).',
    whenNotToUse: 'Health-check or redirect endpoints that are meant to be public even though the surrounding block restricts everything else.',
    examples: {
      bad: 'location /status {\n    allow 10.0.0.0/8;\n    deny all;\n    return 200 "ok";\n}',
      good: 'location /status {\n    allow 10.0.0.0/8;\n    deny all;\n    try_files /nonexistent @status;\n}\nlocation @status {\n    return 200 "ok";\n}',
    },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'return') continue;
      // Error answers (403, 404, 444, ...) and redirects reveal nothing the access list protects.
      const code = returnCode(d);
      if (code === null || code >= 300) continue;
      let guarded: NginxDirective | null = null;
      for (let p = d.parent; p && !guarded; p = p.parent) if (p.name !== 'if' && accessRules(p, ctx).length) guarded = p;
      if (!guarded) continue;
      const what = `return ${d.args[0].raw}`;
      const inner = d.parent && d.parent !== guarded ? ` (in ${scopeLabel(d.parent)})` : '';
      ctx.report({
        range: nameRange(model, d),
        message: `"${what}"${inner} answers before the allow/deny rules of ${scopeLabel(guarded)} are checked, so every client gets this response. Serve it from a named location reached with try_files, or check the address in the rewrite phase (geo + if).`,
      });
    }
  },
});

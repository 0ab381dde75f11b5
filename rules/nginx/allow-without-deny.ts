import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { insertLines } from './model';
import { expandedChildren, includerChain } from './includes';
import { isOpaqueInclude, scopeLabel, scopesAround } from './access-helpers';

const AUTH = ['auth_basic', 'auth_request', 'auth_jwt'];

/**
 * `satisfy any` with an authentication module: an address no `allow` matches falls through to the
 * authentication, so the list needs no closing `deny all` (nginx's "LAN or password" pattern).
 */
function satisfyAnyWithAuth(first: NginxDirective, model: NginxModel, ctx: Parameters<typeof scopesAround>[2]): boolean {
  const { scopes } = scopesAround(first, model, ctx);
  const nearest = (name: string) => {
    for (const s of scopes) {
      const hit = [...s.children].reverse().find((c) => c.name === name);
      if (hit) return hit;
    }
    return null;
  };
  if (nearest('satisfy')?.args[0]?.value !== 'any') return false;
  return AUTH.some((n) => {
    const d = nearest(n);
    return !!d && d.args[0]?.value !== 'off';
  });
}

export default defineRule<NginxModel>({
  id: 'nginx/allow-without-deny',
  title: 'Access lists end with "deny all"',
  level: 'block',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['allow_without_deny'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'addresses not on the allow list get 403',
  docs: {
    rationale:
      'nginx checks `allow` and `deny` in order and lets a request through when no rule matches. A block with only `allow` lines therefore restricts nothing: every address the allow list does not name is allowed as well. The list needs a closing `deny all;` to mean "only these addresses".',
    howToFix: 'Add `deny all;` after the last `allow` of the block. An `allow` in a nested block replaces the outer list entirely, so each block that has its own list needs its own `deny all;`.',
    whenNotToUse:
      'Blocks where `allow` only documents an exception and the default really is "everyone" (write `allow all;` instead to make that explicit). Blocks using `satisfy any` with `auth_basic`/`auth_request` are not reported: there, addresses the list does not name must authenticate.',
    examples: { bad: 'location /admin/ {\n    allow 10.0.0.0/8;\n}', good: 'location /admin/ {\n    allow 10.0.0.0/8;\n    deny all;\n}' },
  },
  check(model, ctx) {
    const blocks = new Map<NginxDirective | null, NginxDirective[]>();
    for (const d of allDirectives(model)) {
      if (d.name !== 'allow' || d.args[0]?.value === 'all') continue;
      const list = blocks.get(d.parent) ?? [];
      list.push(d);
      blocks.set(d.parent, list);
    }
    for (const [block, allows] of blocks) {
      let siblings: NginxDirective[];
      if (block) siblings = expandedChildren(block.block ?? [], ctx);
      else {
        // A file of allow lines is completed by the block that includes it, when we can see that one.
        const chain = includerChain(model, ctx);
        if (!chain || !chain.blocks.length) continue;
        siblings = expandedChildren(chain.blocks[chain.blocks.length - 1].block ?? [], ctx);
      }
      if (siblings.some(isOpaqueInclude)) continue; // an unresolved include may hold the deny
      const denies = siblings.filter((c) => c.name === 'deny');
      const where = block ? scopeLabel(block) : 'the block that includes this file';
      if (denies.length) {
        const last = denies[denies.length - 1];
        if (block && last.file === model.path && last.args[0]?.value === 'all') {
          ctx.pass({ range: nameRange(model, last), message: `allow list at ${where} ends with "deny all"` });
        }
        continue;
      }
      if (satisfyAnyWithAuth(allows[0], model, ctx)) continue;
      const last = allows[allows.length - 1];
      ctx.report({
        range: nameRange(model, allows[0]),
        message: `"allow ${allows[0].args[0]?.raw ?? ''}" at ${where} has no "deny" after it, so every other address is allowed too. Add "deny all;" after the last "allow".`,
        fix: block ? { title: 'Add "deny all;" after the last "allow"', edits: [insertLines(model, block, ['deny all;'], last)] } : undefined,
      });
    }
  },
});

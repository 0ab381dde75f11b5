import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { prop } from './values';
import { typescript } from './ts';

/** Does the file call `reply.helmet(...)` (a handler applying helmet itself)? */
function callsReplyHelmet(model: HelmetModel): boolean {
  const ts = typescript();
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'helmet' && !model.helmet.some((u) => u.node === n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(model.sf);
  return found;
}

export default defineRule<HelmetModel>({
  id: 'helmet/fastify-helmet-disabled-route',
  title: '@fastify/helmet is not switched off for routes',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: {},
  docs: {
    rationale:
      "@fastify/helmet sets helmet's headers in an onRequest hook for every route, unless a route opts out with the route option `helmet: false`, or the plugin is registered with `global: false`, in which case only routes with their own `helmet: { ... }` options (or handlers calling `reply.helmet()`) get any security header.",
    howToFix: 'Give the route its own helmet options instead of `false` (`{ helmet: { contentSecurityPolicy: { directives: { ... } } } }`), and register the plugin globally (drop `global: false`) unless every route that serves browsers opts in.',
    whenNotToUse: 'Routes only machines call (health checks, webhooks, metrics), where the headers carry no benefit.',
    examples: { bad: "fastify.get('/report', { helmet: false }, handler)", good: "fastify.get('/report', { helmet: { contentSecurityPolicy: { directives: { imgSrc: [\"'self'\", 'data:'] } } } }, handler)" },
  },
  check(model, ctx) {
    let routeConfig = false;
    for (const r of model.routes) {
      const p = prop(r.options, 'helmet');
      if (!p) continue;
      routeConfig = true;
      if (p.value.kind !== 'boolean' || p.value.value) continue;
      const where = r.path ? ` ${r.method.toUpperCase()} ${r.path}` : '';
      ctx.report({
        range: nodeRange(model, p.own ? p.node : p.value.node),
        message: `Route${where} switches @fastify/helmet off (\`helmet: false\`): its responses carry no security headers. Fine for health checks and webhooks; for pages and APIs give the route its own helmet options instead.`,
      });
    }
    for (const use of model.helmet) {
      if (use.via !== 'fastify') continue;
      const g = prop(use.options, 'global');
      if (!g || g.value.kind !== 'boolean' || g.value.value || routeConfig || callsReplyHelmet(model)) continue;
      ctx.report({
        range: nodeRange(model, g.own ? g.node : g.value.node),
        message: '@fastify/helmet is registered with `global: false` and no route here sets `helmet:` options or calls reply.helmet(): no response gets security headers. Drop `global: false`, or give each browser-facing route its helmet options.',
      });
    }
  },
});

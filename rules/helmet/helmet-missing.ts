import type { RuleContext } from '../types';
import { defineRule } from '../types';
import type { HelmetModel, HelmetUse } from './analyze';
import { nodeRange } from './analyze';
import { appLabel, at, distinctApps, helmetFiles, installAfterApp, onFastify } from './app-context';
import { inAsyncFunction } from './edits';
import { CSP_REPORT_ONLY, HEADER_OF } from './effective';
import { effectOf, startsUp } from './setup';
import { typescript } from './ts';

/** "helmet() registered at src/main.ts:12; HSTS max-age 31536000; CSP enforced" */
export function helmetEvidence(ctx: RuleContext, model: HelmetModel, use: HelmetUse): string {
  const name = use.via === 'fastify' ? '@fastify/helmet' : use.middleware === 'topLevel' ? 'helmet()' : `helmet.${use.writtenName ?? use.middleware}()`;
  const how = use.registration ? 'registered' : typescript().isExportAssignment(use.statement) ? 'exported for autoload' : 'used';
  const headers = effectOf(use).headers;
  const parts = [`${name} ${how} at ${at(ctx, model, use.node)}`];
  const hsts = headers.get(HEADER_OF.strictTransportSecurity);
  if (hsts) parts.push(`HSTS ${/max-age=\d+/.exec(hsts)?.[0].replace('=', ' ') ?? hsts}`);
  else if (hsts === null) parts.push('HSTS off');
  const csp = headers.get(HEADER_OF.contentSecurityPolicy);
  const reportOnly = headers.get(CSP_REPORT_ONLY);
  if (csp) parts.push('CSP enforced');
  else if (reportOnly) parts.push('CSP report-only');
  else if (csp === null && reportOnly === null) parts.push('CSP off');
  return parts.join('; ');
}

export default defineRule<HelmetModel>({
  id: 'helmet/helmet-missing',
  title: 'Every Node HTTP app registers helmet',
  level: 'warn',
  controls: ['app.security-headers'],
  aliases: {
    njsscan: [
      'helmet_header_check_csp',
      'helmet_header_check_crossdomain',
      'helmet_header_check_expect_ct',
      'helmet_header_feature_policy',
      'helmet_header_frame_guard',
      'helmet_header_dns_prefetch',
      'helmet_header_hsts',
      'helmet_header_ienoopen',
      'helmet_header_nosniff',
      'helmet_header_referrer_policy',
      'helmet_header_xss_filter',
    ],
  },
  hasSuggestions: true,
  needsWorkspace: true,
  docs: {
    rationale:
      'Express, NestJS, Fastify and Koa send no security headers on their own. Without helmet (or @fastify/helmet, koa-helmet) responses lack Strict-Transport-Security, Content-Security-Policy, X-Content-Type-Options, X-Frame-Options and the Cross-Origin policies, and Express announces itself with `X-Powered-By: Express`. helmet 8 sets 13 headers with safe defaults in one line.',
    howToFix:
      'Install helmet and register it right after creating the app, before any route: `app.use(helmet())` (Express, NestJS with Express; `koa-helmet` for Koa) or `await app.register(helmet)` with `@fastify/helmet` (Fastify, NestJS with Fastify). The quick fix adds the import and that line. helmet used in another file of the workspace (a security middleware module) counts.',
    whenNotToUse:
      'Apps that only run behind a proxy that sets every one of these headers itself (nginx `add_header`), or internal services that never answer browsers. Prefer keeping helmet anyway: it is the one place the app guarantees them.',
    examples: { bad: "const app = express();\napp.get('/', handler);", good: "const app = express();\napp.use(helmet());\napp.get('/', handler);" },
  },
  check(model, ctx) {
    if (startsUp(model)) for (const use of model.helmet) ctx.pass({ range: nodeRange(model, use.node), message: helmetEvidence(ctx, model, use) });
    if (!model.apps.length) return;
    // helmet referenced but not called is another rule's finding (helmet/called-without-parens).
    if (model.helmet.length || model.misuse.some((m) => m.kind === 'not-called')) return;
    const elsewhere = helmetFiles(ctx).find((f) => !f.self && f.item.helmetImported);
    if (elsewhere) return;
    for (const app of distinctApps(model)) {
      const fastify = onFastify(app);
      const module = fastify ? '@fastify/helmet' : app.framework === 'koa' ? 'koa-helmet' : 'helmet';
      const receiver = app.receiver ?? 'app';
      const wait = fastify && inAsyncFunction(app.statement) ? 'await ' : '';
      const install = fastify ? `${wait}${receiver}.register(helmet)` : `${receiver}.use(helmet())`;
      const edits = installAfterApp(model, app, module, ['helmet', fastify ? 'fastifyHelmet' : app.framework === 'koa' ? 'koaHelmet' : 'helmetMiddleware'], (local, r) =>
        fastify ? `${wait}${r}.register(${local})` : `${r}.use(${local}())`,
      );
      const others = helmetFiles(ctx).filter((f) => !f.self && f.item.apps.length).length;
      ctx.report({
        range: nodeRange(model, app.node),
        message:
          `This ${appLabel(app)} registers no helmet${others ? ' (nor does any other file of the workspace import it)' : ''}: its responses go out without security headers (HSTS, Content-Security-Policy, X-Content-Type-Options, X-Frame-Options)` +
          `${app.framework === 'express' || (app.framework === 'nest' && !fastify) ? ' and with X-Powered-By: Express' : ''}. Add \`${install}\` (${module}) right after creating the app.`,
        suggestions: edits ? [{ title: `Register ${module} after the app is created`, edits }] : undefined,
      });
    }
  },
});

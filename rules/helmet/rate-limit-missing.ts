import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { AppCreation, HelmetModel } from './analyze';
import { AUTH_ROUTE, nodeRange } from './analyze';
import { appLabel, at, distinctApps, helmetFiles, installAfterApp, onFastify, shortPath } from './app-context';
import { quoted } from './edits';

/** The limiter each framework uses. */
function limiterFor(app: AppCreation): string {
  if (app.framework === 'nest') return '@nestjs/throttler (ThrottlerModule)';
  if (onFastify(app)) return '@fastify/rate-limit';
  if (app.framework === 'koa') return 'koa-ratelimit';
  return 'express-rate-limit';
}

export default defineRule<HelmetModel>({
  id: 'helmet/rate-limit-missing',
  title: 'Requests are rate limited, above all on auth routes',
  level: 'report',
  controls: ['app.rate-limit'],
  aliases: { njsscan: ['rate_limit_control'] },
  needsWorkspace: true,
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a rate limiter one client can try passwords, one-time codes and reset tokens as fast as the server answers, and a single script can exhaust the app. Login, signup, token and password-reset routes need a limit most; a global limit also softens floods before they reach the database.',
    howToFix:
      "Add a limiter: express-rate-limit (`app.use('/auth', rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }))`), @nestjs/throttler (`ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])` plus the ThrottlerGuard), @fastify/rate-limit, or koa-ratelimit. Behind nginx, set `trust proxy` so the limiter sees client addresses, or limit in nginx (`limit_req`).",
    whenNotToUse: 'Services whose rate limiting happens in front of them (API gateway, nginx `limit_req`, a WAF) for every route, auth routes included.',
    examples: { bad: "const app = express();\napp.post('/login', login);", good: "const app = express();\napp.use('/login', rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));\napp.post('/login', login);" },
  },
  check(model, ctx) {
    for (const imp of model.rateLimitImports) ctx.pass({ range: nodeRange(model, imp.node), message: `Rate limiter ${imp.module} imported at ${at(ctx, model, imp.node)}` });
    if (!model.apps.length) return;
    const files = helmetFiles(ctx);
    const limiter = files.find((f) => f.item.rateLimit);
    if (limiter) {
      if (!limiter.self) for (const app of model.apps) ctx.pass({ range: nodeRange(model, app.node), message: `Rate limiter imported in ${shortPath(ctx.filePath, limiter.path)}` });
      return;
    }
    const authHere: { path: string; node: TS.Node } | undefined = [...model.routes, ...model.controllerRoutes]
      .filter((r): r is typeof r & { path: string } => !!r.path && AUTH_ROUTE.test(r.path))
      .sort((a, b) => a.node.pos - b.node.pos)[0];
    const auth = files.flatMap((f) => f.item.authRoutes.map((p) => (f.self ? p : `${p} in ${shortPath(ctx.filePath, f.path)}`)));
    const apps = authHere ? model.apps.slice(0, 1) : distinctApps(model);
    for (const app of apps) {
      const limiterName = limiterFor(app);
      const mount = authHere?.path ?? files.flatMap((f) => f.item.authRoutes)[0];
      const suggestion =
        app.framework === 'express'
          ? installAfterApp(model, app, 'express-rate-limit', ['rateLimit', 'rateLimiter'], (local, r) => `${r}.use(${mount ? quoted(model, mount) + ', ' : ''}${local}({ windowMs: 15 * 60 * 1000, limit: 100 }))`)
          : null;
      ctx.report({
        range: nodeRange(model, authHere?.node ?? app.node),
        message:
          `No rate limiter anywhere in the workspace for this ${appLabel(app)}${auth.length ? `, which has auth routes (${auth.slice(0, 3).join(', ')}${auth.length > 3 ? ', ...' : ''})` : ''}: ` +
          `one client can ${auth.length ? 'try passwords and tokens' : 'send requests'} as fast as the server answers. Add ${limiterName}${auth.length ? ', at least on those routes' : ''}.`,
        suggestions: suggestion ? [{ title: `Limit ${mount ?? 'all requests'} with express-rate-limit (review the window and limit)`, edits: suggestion }] : undefined,
        escalate: auth.length > 0,
      });
    }
  },
});

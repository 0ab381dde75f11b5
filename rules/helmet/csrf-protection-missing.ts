import { defineRule } from '../types';
import type { HelmetModel, SessionUse } from './analyze';
import { nodeRange } from './analyze';
import { at, helmetFiles } from './app-context';
import { flag, sessionCookie } from './session-cookie';

function advice(use: SessionUse): string {
  if (use.kind === 'fastify') return '@fastify/csrf-protection';
  if (use.kind === 'koa') return 'koa-csrf';
  return 'csrf-csrf or csrf-sync (csurf is deprecated)';
}

export default defineRule<HelmetModel>({
  id: 'helmet/csrf-protection-missing',
  title: 'Cookie sessions come with CSRF protection',
  level: 'report',
  controls: ['app.request-protection'],
  aliases: { njsscan: ['anti_csrf_control'], semgrep: ['express-check-csurf-middleware-usage'] },
  needsWorkspace: true,
  docs: {
    rationale:
      "With cookie-based sessions the browser attaches the session cookie to every request to the app, including form posts and fetches started by other sites. Without a CSRF token (or a SameSite=Strict cookie) another site can make a logged-in user's browser change their email, password or anything else the app lets them do.",
    howToFix:
      "Add CSRF protection: csrf-csrf (double-submit cookie) or csrf-sync (synchronizer token) for Express (csurf is deprecated and unmaintained), @fastify/csrf-protection, koa-csrf; or set `sameSite: 'strict'` on the session cookie when no other site needs to link into logged-in pages.",
    whenNotToUse: 'APIs that authenticate with tokens in an Authorization header rather than the session cookie for state-changing requests.',
    examples: { bad: 'app.use(session({ secret }));', good: "app.use(session({ secret, cookie: { sameSite: 'strict' } }));" },
  },
  check(model, ctx) {
    for (const imp of model.csrfImports) ctx.pass({ range: nodeRange(model, imp.node), message: `CSRF protection ${imp.module} imported at ${at(ctx, model, imp.node)}` });
    if (!model.sessions.length || helmetFiles(ctx).some((f) => f.item.csrf)) return;
    for (const use of model.sessions) {
      const c = sessionCookie(use);
      const sameSite = c ? flag(c, 'sameSite') : { state: 'unknown' as const };
      if (sameSite.state === 'unknown') continue;
      if (sameSite.state === 'set' && ((sameSite.value.kind === 'string' && sameSite.value.value.toLowerCase() === 'strict') || (sameSite.value.kind === 'boolean' && sameSite.value.value))) {
        ctx.pass({ range: nodeRange(model, sameSite.value.node), message: `Session cookie is SameSite=Strict at ${at(ctx, model, sameSite.value.node)}` });
        continue;
      }
      ctx.report({
        range: nodeRange(model, use.node),
        message: `${use.module} keeps the login in a cookie and no CSRF protection is imported anywhere in the workspace: another site can make a logged-in user's browser send requests that change data. Add ${advice(use)}, or set sameSite: 'strict' on the session cookie.`,
      });
    }
  },
});

import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { at } from './app-context';
import { quoted, replaceNode } from './edits';
import { absentRange, addFlag, flag, flagName, SESSION_PACKAGES, sessionCookie, writtenProperty } from './session-cookie';
import { truthiness } from './values';

export default defineRule<HelmetModel>({
  id: 'helmet/session-cookie-not-secure',
  title: 'Session cookies are marked Secure',
  level: 'warn',
  controls: ['app.session-cookies'],
  aliases: { njsscan: ['cookie_session_no_secure'], semgrep: ['express-cookie-session-no-secure'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A session cookie without the Secure attribute is also sent over plain HTTP: one request to an http:// URL (a typed address, a downgraded link, a captive portal) hands the session to anyone on the network. express-session and cookie-session do not set Secure unless told to; koa-session only does on direct HTTPS connections.',
    howToFix:
      "Set `cookie: { secure: true }` (express-session, @fastify/session, koa-generic-session) or `secure: true` (cookie-session, koa-session). Behind nginx or another TLS-terminating proxy the app sees plain HTTP: also call `app.set('trust proxy', 1)` (Koa: `app.proxy = true`; Fastify: `trustProxy: true`), or the cookie is never set. `secure: 'auto'` follows the request's protocol.",
    whenNotToUse: 'Local development over plain HTTP: read the flag from the environment (`secure: process.env.NODE_ENV === "production"`), which this rule does not report.',
    examples: { bad: "app.use(session({ secret: process.env.SESSION_SECRET }));", good: "app.set('trust proxy', 1);\napp.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));" },
  },
  check(model, ctx) {
    for (const use of model.sessions) {
      const c = sessionCookie(use);
      if (!c) continue;
      const pkg = SESSION_PACKAGES[use.module];
      const f = flag(c, 'secure');
      const name = flagName(c, 'secure');
      const tail = `browsers also send the session cookie over plain HTTP, where anyone on the network can take over the session. Set ${name}: true; behind nginx or another TLS-terminating proxy also ${pkg.proxyHint}, or the cookie is never set.`;
      if (f.state === 'unknown') continue;
      if (f.state === 'set') {
        const v = f.value;
        if (truthiness(v) !== false) {
          ctx.pass({ range: nodeRange(model, v.node), message: `${c.label} session cookie is Secure (${name}: ${v.kind === 'string' ? quoted(model, v.value) : String(truthiness(v))}) at ${at(ctx, model, v.node)}` });
          continue;
        }
        const written = writtenProperty(model, f.prop);
        ctx.report({
          range: nodeRange(model, v.node),
          message: `${c.label} sets ${name} to ${v.node.getText(model.sf)}: ${tail}`,
          suggestions: written ? [{ title: `Set ${name}: true`, edits: [replaceNode(model, written.initializer, 'true')] }] : undefined,
        });
        continue;
      }
      if (pkg.secureByDefault) continue;
      const q = (s: string) => quoted(model, s);
      const edits = c.where === 'cookie' && !c.flagsLiteral ? addFlag(model, c, `secure: true, httpOnly: true, sameSite: ${q('lax')}`) : addFlag(model, c, 'secure: true');
      ctx.report({
        range: nodeRange(model, absentRange(c)),
        message: `${c.label} does not set ${name}: ${tail}`,
        suggestions: edits ? [{ title: c.where === 'cookie' && !c.flagsLiteral ? 'Add cookie: { secure: true, httpOnly: true, sameSite: lax }' : `Add ${name}: true`, edits }] : undefined,
      });
    }
  },
});

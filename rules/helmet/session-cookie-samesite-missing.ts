import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { quoted, replaceNode } from './edits';
import { absentRange, addFlag, flag, flagName, sessionCookie, writtenProperty } from './session-cookie';

export default defineRule<HelmetModel>({
  id: 'helmet/session-cookie-samesite-missing',
  title: 'Session cookies set SameSite',
  level: 'report',
  controls: ['app.session-cookies'],
  aliases: { njsscan: ['cookie_session_no_samesite'] },
  hasSuggestions: true,
  docs: {
    rationale:
      "SameSite tells the browser not to attach the session cookie to requests started by other sites, the first line of defence against cross-site request forgery. express-session, cookie-session and koa-session send no SameSite attribute unless configured; browsers then apply their own default, which differs between browsers and versions.",
    howToFix: "Set `sameSite: 'lax'` on the session cookie (or `'strict'` when no other site links into logged-in pages). Cross-site embeds that need the cookie must say `'none'` together with `secure: true`.",
    whenNotToUse: "Apps that rely on the browser's default on purpose; say so by writing it out (`sameSite: 'lax'`).",
    examples: { bad: 'session({ secret, cookie: { secure: true } })', good: "session({ secret, cookie: { secure: true, sameSite: 'lax' } })" },
  },
  check(model, ctx) {
    for (const use of model.sessions) {
      const c = sessionCookie(use);
      if (!c) continue;
      const f = flag(c, 'sameSite');
      const name = flagName(c, 'sameSite');
      const lax = quoted(model, 'lax');
      if (f.state === 'absent') {
        const edits = addFlag(model, c, `sameSite: ${lax}`);
        ctx.report({
          range: nodeRange(model, absentRange(c)),
          message: `${c.label} sets no ${name}: the browser decides whether other sites' requests carry the session cookie (cross-site request forgery). Set ${name}: 'lax' (or 'strict').`,
          suggestions: edits ? [{ title: `Add ${name}: 'lax'`, edits }] : undefined,
        });
      } else if (f.state === 'set' && f.value.kind === 'boolean' && !f.value.value) {
        const written = writtenProperty(model, f.prop);
        ctx.report({
          range: nodeRange(model, f.value.node),
          message: `${c.label} sets ${name} to false (no SameSite attribute): the browser decides whether other sites' requests carry the session cookie (cross-site request forgery). Set ${name}: 'lax' (or 'strict').`,
          suggestions: written ? [{ title: `Set ${name}: 'lax'`, edits: [replaceNode(model, written.initializer, lax)] }] : undefined,
        });
      }
    }
  },
});

import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { deleteProperty } from './edits';
import { flag, flagName, sessionCookie, writtenProperty } from './session-cookie';
import { truthiness } from './values';

export default defineRule<HelmetModel>({
  id: 'helmet/session-cookie-httponly-disabled',
  title: 'Session cookies stay HttpOnly',
  level: 'warn',
  controls: ['app.session-cookies'],
  aliases: { njsscan: ['cookie_session_no_httponly'], semgrep: ['express-cookie-session-no-httponly'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'HttpOnly keeps the session cookie away from JavaScript: one XSS bug (an unescaped value, a compromised third-party script) can otherwise read `document.cookie` and send the session to an attacker. Every session package sets HttpOnly by default; `httpOnly: false` turns that off.',
    howToFix: 'Remove `httpOnly: false` (the default is true). If the front end needs to know whether a user is logged in, expose that through an API call or a separate non-secret cookie.',
    whenNotToUse: 'Never for a session cookie.',
    examples: { bad: 'session({ secret, cookie: { httpOnly: false } })', good: 'session({ secret, cookie: { secure: true } })' },
  },
  check(model, ctx) {
    for (const use of model.sessions) {
      const c = sessionCookie(use);
      if (!c) continue;
      const f = flag(c, 'httpOnly');
      if (f.state !== 'set' || truthiness(f.value) !== false) continue;
      const written = writtenProperty(model, f.prop);
      ctx.report({
        range: nodeRange(model, f.value.node),
        message: `${c.label} sets ${flagName(c, 'httpOnly')} to ${f.value.node.getText(model.sf)}: any script on the page (one XSS bug) can read the session cookie and hijack the session. Remove the option; the default is HttpOnly.`,
        suggestions: written ? [{ title: `Remove ${flagName(c, 'httpOnly')}: false (default true)`, edits: [deleteProperty(model, written as TS.ObjectLiteralElementLike)] }] : undefined,
      });
    }
  },
});

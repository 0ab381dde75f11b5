import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { addProperty, parsedCleanly, quoted } from './edits';
import { SESSION_PACKAGES, sessionCookie } from './session-cookie';
import { prop } from './values';

/** Packages whose default cookie name names the stack (`connect.sid` = Express, `koa.sess` = Koa). */
const TELLING = new Set(['express-session', 'koa-session', 'koa-generic-session']);

export default defineRule<HelmetModel>({
  id: 'helmet/session-default-cookie-name',
  title: 'Session cookies have a name of their own',
  level: 'report',
  controls: ['app.session-cookies'],
  aliases: { njsscan: ['cookie_session_default'], semgrep: ['express-cookie-session-default-name'] },
  hasSuggestions: true,
  docs: {
    rationale:
      "express-session names its cookie `connect.sid` and koa-session `koa.sess` unless told otherwise: the name tells every scanner which framework (and which known bugs) to try. It also makes two apps on the same domain overwrite each other's sessions.",
    howToFix: "Give the cookie a neutral name of its own: `session({ name: 'sid', ... })` (koa-session: `key: 'sid'`).",
    whenNotToUse: 'When another component (a proxy, a legacy client) expects the default name.',
    examples: { bad: 'session({ secret })', good: "session({ secret, name: 'sid' })" },
  },
  check(model, ctx) {
    for (const use of model.sessions) {
      if (!TELLING.has(use.module)) continue;
      const c = sessionCookie(use);
      if (!c || c.unknown) continue;
      const pkg = SESSION_PACKAGES[use.module];
      const o = use.options;
      // express-session still reads the old `key` option when `name` is absent.
      const named = o?.kind === 'object' && (prop(o, pkg.nameOption) || prop(o, 'key') || o.open);
      if (named) continue;
      const suggestion = c.optionsLiteral && parsedCleanly(model, c.optionsLiteral) ? addProperty(model, c.optionsLiteral, `${pkg.nameOption}: ${quoted(model, 'sid')}`) : null;
      ctx.report({
        range: nodeRange(model, c.optionsLiteral ?? use.node),
        message: `${use.module} uses its default cookie name "${pkg.defaultName}", which tells scanners the stack. Set ${pkg.nameOption}: 'sid' (or another neutral name).`,
        suggestions: suggestion ? [{ title: `Name the session cookie 'sid' (review: clients that expect "${pkg.defaultName}" lose their session once)`, edits: suggestion }] : undefined,
      });
    }
  },
});

import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { allowedIn, contextOfChildren, directiveSpecs } from './directives';
import { effectiveTopContexts } from './includes';

const CONTEXT_NAMES: Record<string, string> = { main: 'the main (top) level', 'if in location': '"if" in a location', 'stream-server': 'a stream "server"', 'mail-server': 'a mail "server"' };

export default defineRule<NginxModel>({
  id: 'nginx/directive-not-allowed',
  title: 'Directives sit in a context that allows them',
  level: 'block',
  controls: ['edge.config-valid'],
  aliases: {},
  docs: {
    rationale:
      'Each nginx directive is allowed only in some contexts (`server_name` in `server`, `limit_req_zone` in `http`, ...). Anywhere else nginx stops with `[emerg] "X" directive is not allowed here` and the config does not load.',
    howToFix: 'Move the directive into a block that allows it; hover the directive name to see its contexts. A snippet included from several places must only use directives every including context allows.',
    whenNotToUse: 'Never: nginx itself rejects the config.',
    examples: { bad: 'http {\n    listen 80;\n}', good: 'http {\n    server {\n        listen 80;\n    }\n}' },
  },
  check(model, ctx) {
    const tops = effectiveTopContexts(model, ctx);
    for (const d of allDirectives(model)) {
      const specs = directiveSpecs(d.name);
      if (!specs.length) continue;
      // A snippet that could sit in several contexts is wrong only if it is wrong in all of them.
      const wheres = tops.map((top) => contextOfChildren(d.parent, top));
      if (wheres.some((where) => specs.some((s) => allowedIn(s, where)))) continue;
      const where = wheres[0];
      const allowed = [...new Set(specs.flatMap((s) => s.contexts))].join(', ');
      ctx.report({
        range: nameRange(model, d),
        message: `"${d.name}" is not allowed in ${CONTEXT_NAMES[where] ?? `"${where}"`}: nginx will refuse to load this config. It belongs in: ${allowed}.`,
      });
    }
  },
});

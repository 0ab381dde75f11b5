import { defineRule, type Fix } from '../types';
import type { NginxDirective } from './parser';
import { allDirectives, nameRange, type NginxModel } from './language';
import { allowedIn, contextOfChildren, directiveSpecs } from './directives';
import { effectiveTopContexts } from './includes';

const CONTEXT_NAMES: Record<string, string> = { main: 'the main (top) level', 'if in location': '"if" in a location', 'stream-server': 'a stream "server"', 'mail-server': 'a mail "server"' };

/**
 * A simple directive followed by "{": its ";" is missing, so nginx reads the next words as its
 * arguments and stops at the "{" with `directive "X" is not terminated by ";"`.
 */
function unterminatedMessage(model: NginxModel, d: NginxDirective): string {
  const line = model.index.positionAt(d.start).line + 1;
  return `"${d.name}" (line ${line}) is not terminated by ";": nginx reads what follows up to "{" as its arguments and will refuse to load this config. Add ";" after its arguments.`;
}

/** Insert ";" where the directive's own line ends, when its arguments run on to a later line. */
function terminate(model: NginxModel, d: NginxDirective): Fix | undefined {
  const line = model.index.positionAt(d.start).line;
  const own = d.args.filter((a) => model.index.positionAt(a.start).line === line);
  const rest = d.args.length - own.length;
  if (!own.length || !rest) return undefined;
  const end = own[own.length - 1].end;
  return { title: `Add ";" after "${d.name} ${own.map((a) => a.value).join(' ')}"`, edits: [{ range: model.index.range(end, end), newText: ';' }] };
}

export default defineRule<NginxModel>({
  id: 'nginx/directive-not-allowed',
  title: 'Directives sit in a context that allows them',
  level: 'block',
  controls: ['edge.config-valid'],
  aliases: {},
  fixable: true,
  fixType: 'safe',
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
      if (d.block && !specs.some((s) => s.isBlock)) {
        ctx.report({ range: nameRange(model, d), message: unterminatedMessage(model, d), fix: terminate(model, d) });
        continue;
      }
      // Inside a block nginx never opens (see above) the children are not where the author meant them.
      if (d.parent && d.parent.block && directiveSpecs(d.parent.name).length && !directiveSpecs(d.parent.name).some((s) => s.isBlock)) continue;
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

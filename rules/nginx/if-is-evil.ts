import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { effectiveTopContexts, expandedChildren } from './includes';
import { isOpaqueInclude, locationLabel } from './access-helpers';

/** `return`, and `rewrite` that ends processing (`last`, or a redirect), are safe in an `if` in a location. */
function isSafe(d: NginxDirective): boolean {
  if (d.name === 'return') return true;
  if (d.name === 'rewrite') return d.args.length >= 3 && ['last', 'redirect', 'permanent'].includes(d.args[d.args.length - 1].value);
  return false;
}

export default defineRule<NginxModel>({
  id: 'nginx/if-is-evil',
  title: '"if" in a location only returns or rewrites',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['if_is_evil'], nginxLinter: ['if-is-evil'] },
  docs: {
    rationale:
      'An `if` inside a `location` becomes its own nested location when its condition matches: the request is then served by that block, whose configuration is not the one you wrote around it. `try_files` stops working, `add_header`s of the location disappear, `proxy_pass` and `alias` behave unexpectedly, and some combinations have crashed nginx ("If is evil", nginx wiki). Only `return` and `rewrite ... last` (or a redirecting rewrite), which leave the `if` immediately, are safe there.',
    howToFix:
      'Keep only `return` or `rewrite ... last` inside the `if`. Move other directives out: compute values with `map` at http level and use the variable unconditionally (`add_header X $x;` adds nothing when `$x` is empty), or route to a separate `location` / named location with `rewrite ... last` or `error_page`.',
    whenNotToUse: 'Configs whose `if` blocks were tested with the exact nginx version and module set they run on, when a `map` cannot express the condition.',
    examples: {
      bad: 'location / {\n    if ($request_method = POST) {\n        add_header X-Debug 1;\n    }\n    try_files $uri /index.html;\n}',
      good: 'map $request_method $debug_header {\n    POST 1;\n    default "";\n}\n# in the location:\nadd_header X-Debug $debug_header;',
    },
  },
  check(model, ctx) {
    // A snippet's top-level `if` is in a location only when every context it can be included in is one.
    const topIsLocation = () => effectiveTopContexts(model, ctx).every((c) => c === 'location');
    for (const d of allDirectives(model)) {
      if (d.name !== 'if' || !d.block) continue;
      const loc = d.parent ? (d.parent.name === 'location' ? d.parent : null) : null;
      if (!loc && !(d.parent === null && topIsLocation())) continue;
      // Included directives count as written here; an include we cannot read is given the benefit of the doubt.
      const unsafe = expandedChildren(d.block, ctx).filter((c) => !isSafe(c) && !isOpaqueInclude(c));
      if (!unsafe.length) continue;
      const names = [...new Set(unsafe.map((c) => (c.name === 'rewrite' ? `rewrite ... ${c.args[c.args.length - 1]?.value ?? ''}`.trim() : c.name === 'include' ? `include ${c.args[0]?.value ?? ''}` : c.name)))];
      const list = names.map((n) => `"${n}"`).join(', ');
      const where = loc ? `"${locationLabel(loc)}"` : 'this location snippet';
      ctx.report({
        range: nameRange(model, d),
        message: `This "if" in ${where} contains ${list}: only "return" and "rewrite ... last" are safe in an "if" inside a location, anything else may silently not apply. Move ${names.length > 1 ? 'them' : 'it'} out of the "if" (a "map" variable or a separate location).`,
      });
    }
  },
});

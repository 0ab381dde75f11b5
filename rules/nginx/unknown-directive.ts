import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { isKnownDirective, THIRD_PARTY_DIRECTIVE } from './directives';

export default defineRule<NginxModel>({
  id: 'nginx/unknown-directive',
  title: 'Every directive is one nginx knows',
  level: 'block',
  controls: ['edge.config-valid'],
  aliases: {},
  docs: {
    rationale:
      'nginx refuses to start (or to reload) when a config contains a directive no loaded module defines: `nginx: [emerg] unknown directive`. A typo such as `add_heder` or `server_token` takes the whole site down at the next reload.',
    howToFix: 'Correct the spelling, or load the module that provides the directive (`load_module`). Directives of third-party modules can be listed in the rule option `extraDirectives`.',
    whenNotToUse: 'Configs for an nginx build with third-party modules this rule does not know: list their directives in `extraDirectives` rather than turning the rule off.',
    examples: { bad: 'server {\n    server_token off;\n}', good: 'server {\n    server_tokens off;\n}' },
  },
  defaultOptions: { extraDirectives: [] },
  validateOptions(o) {
    const v = o.extraDirectives;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'extraDirectives must be a list of directive names';
  },
  check(model, ctx) {
    const extra = new Set(ctx.options.extraDirectives as string[]);
    const all = allDirectives(model);
    let unknown = 0;
    for (const d of all) {
      if (!d.name || isKnownDirective(d.name) || THIRD_PARTY_DIRECTIVE.test(d.name) || extra.has(d.name)) continue;
      unknown++;
      ctx.report({ range: nameRange(model, d), message: `Unknown directive "${d.name}": nginx will refuse to load this config. Check the spelling, or add it to the rule option extraDirectives if a third-party module provides it.` });
    }
    if (!unknown && all.length) ctx.pass({ range: nameRange(model, all[0]), message: `All ${all.length} directives are ones nginx knows.` });
  },
});

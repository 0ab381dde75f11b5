import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { directiveSpecs } from './directives';

// `if (...)` conditions are split by nginx's tokenizer into several words; their count is free.
const FREE_ARGS = new Set(['if']);

export default defineRule<NginxModel>({
  id: 'nginx/invalid-arguments',
  title: 'Directives have a valid number of arguments',
  level: 'block',
  controls: ['edge.config-valid'],
  aliases: {},
  docs: {
    rationale:
      'nginx checks each directive\'s argument count and on/off flags when it loads the config: `invalid number of arguments in "X" directive` or `it must be "on" or "off"` stop it from starting. A missing quote around a value with spaces is the usual cause.',
    howToFix: 'Give the directive the arguments its syntax documents (hover its name). Quote values that contain spaces.',
    whenNotToUse: 'Never: nginx itself rejects the config.',
    examples: { bad: 'add_header X-Frame-Options;', good: 'add_header X-Frame-Options DENY always;' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      const specs = directiveSpecs(d.name);
      if (!specs.length || FREE_ARGS.has(d.name) || !d.name) continue;
      const n = d.args.length;
      if (!specs.some((s) => s.minArgs <= n && n <= s.maxArgs) && !specs.some((s) => s.minArgs === 0 && s.maxArgs === 0 && s.isBlock)) {
        const lo = Math.min(...specs.map((s) => s.minArgs));
        const hi = Math.max(...specs.map((s) => s.maxArgs));
        const want = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
        ctx.report({ range: nameRange(model, d), message: `"${d.name}" takes ${want} argument(s) but has ${n}: nginx will refuse to load this config.` });
        continue;
      }
      const choices = specs.every((s) => s.choices) ? specs.flatMap((s) => s.choices!) : null;
      const arg = d.args[0];
      if (choices && arg && !arg.value.includes('$') && !choices.includes(arg.value.toLowerCase())) {
        ctx.report({ range: model.index.range(arg.start, arg.end), message: `"${d.name}" must be ${choices.map((c) => `"${c}"`).join(' or ')}, not "${arg.value}": nginx will refuse to load this config.` });
      }
    }
  },
});

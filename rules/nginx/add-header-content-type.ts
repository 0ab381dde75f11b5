import { defineRule, type Fix } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { childrenOf, quoteValue, replaceArgs } from './model';

const DEFAULT_TYPE_CONTEXTS = new Set(['http', 'server', 'location']);

export default defineRule<NginxModel>({
  id: 'nginx/add-header-content-type',
  title: 'Content-Type is set with default_type, not add_header',
  level: 'report',
  controls: ['edge.security-headers'],
  aliases: { gixy: ['add_header_content_type'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'responses carry a single Content-Type, and files whose extension nginx knows get their own type instead of this one',
  docs: {
    rationale:
      '`add_header Content-Type ...` does not replace the type nginx already sets from the file extension or the upstream: the response carries two Content-Type headers, and browsers pick one in ways that differ (a MIME confusion that can defeat X-Content-Type-Options).',
    howToFix: 'Use `default_type text/plain;` (applies when nginx has no type from `types`), or map the extension in a `types { }` block. For proxied responses use `proxy_hide_header Content-Type;` with `add_header`.',
    whenNotToUse: 'When the upstream response is known to carry no Content-Type and you need the header on every status (`always`); suppress with a reason.',
    examples: { bad: 'location /robots.txt {\n    add_header Content-Type text/plain;\n}', good: 'location /robots.txt {\n    default_type text/plain;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'add_header' || d.args.length < 2 || d.args[0].value.toLowerCase() !== 'content-type') continue;
      const value = d.args[1].value;
      const siblings = childrenOf(model, d.parent);
      const context = d.parent ? d.parent.name : model.topContext;
      let fix: Fix | undefined;
      if (value && !value.includes('$') && DEFAULT_TYPE_CONTEXTS.has(context) && !siblings.some((s) => s.name === 'default_type')) {
        fix = {
          title: `Replace with "default_type ${quoteValue(value)};"`,
          edits: [{ range: model.index.range(d.start, d.nameEnd), newText: 'default_type' }, replaceArgs(model, d, quoteValue(value))],
        };
      }
      ctx.report({
        range: nameRange(model, d),
        message: `add_header Content-Type adds a second Content-Type header next to the one nginx already sends. Use "default_type ${value ? quoteValue(value) : '<type>'};" instead.`,
        fix,
      });
    }
  },
});

import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { ALWAYS_HEADERS, headerControls } from './headers';

export default defineRule<NginxModel>({
  id: 'nginx/add-header-missing-always',
  title: 'Security headers are sent with error responses too (always)',
  level: 'warn',
  controls: ['edge.security-headers', 'edge.hsts'],
  aliases: {},
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'error pages also carry the header',
  docs: {
    rationale:
      'Without the `always` parameter nginx adds a header only to responses with status 200, 201, 204, 206, 301, 302, 303, 304, 307 or 308. Error pages (403, 404, 500, ...) and upstream errors then go out without HSTS, CSP or X-Frame-Options, and error pages are a classic place for reflected content and clickjacking.',
    howToFix: 'Add `always` after the header value: `add_header X-Frame-Options "DENY" always;` (nginx 1.7.5 and later).',
    whenNotToUse: 'Headers you deliberately send only with successful responses. Security headers belong on every response.',
    examples: { bad: 'add_header X-Content-Type-Options "nosniff";', good: 'add_header X-Content-Type-Options "nosniff" always;' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'add_header' || d.args.length !== 2) continue;
      const lower = d.args[0].value.toLowerCase();
      if (!ALWAYS_HEADERS.has(lower)) continue;
      const last = d.args[d.args.length - 1];
      ctx.report({
        range: nameRange(model, d),
        message: `add_header ${d.args[0].value} has no "always", so nginx sends it only with 2xx and 3xx responses and error pages go out without it. Add "always" after the value.`,
        fix: { title: 'Add "always"', edits: [{ range: model.index.range(last.end, last.end), newText: ' always' }] },
        controls: headerControls([lower]),
      });
    }
  },
});

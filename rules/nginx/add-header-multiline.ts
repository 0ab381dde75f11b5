import { defineRule, type TextEdit } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxArg } from './parser';
import { moreSetHeaders } from './headers';

/** The header arguments of a directive that may carry a header value (option values of more_set_headers excluded). */
function headerArgs(d: { name: string; args: NginxArg[] }): NginxArg[] {
  if (d.name === 'add_header') return d.args.slice(0, 2);
  const m = moreSetHeaders(d as never);
  return m.headers.map((h) => d.args[h.arg]);
}

/** The argument's source with its line breaks folded into single spaces, or null when that is not a plain edit. */
function joined(a: NginxArg): string | null {
  if (!a.quote || /\\[nr]/.test(a.raw)) return null;
  const q = a.quote;
  const inner = a.raw.slice(1, -1);
  const out = inner
    .replace(/^[ \t]*(\r\n|\n|\r)[ \t\r\n]*/, '')
    .replace(/[ \t\r\n]*(\r\n|\n|\r)[ \t]*$/, '')
    .replace(/[ \t]*(\r\n|\n|\r)[ \t\r\n]*/g, ' ');
  return q + out + q;
}

export default defineRule<NginxModel>({
  id: 'nginx/add-header-multiline',
  title: 'Header values stay on one line',
  level: 'warn',
  controls: ['edge.security-headers'],
  aliases: { gixy: ['add_header_multiline'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'A quoted header value that spans lines is sent with the line breaks in it: obsolete line folding (RFC 7230 section 3.2.4) that clients and proxies reject or cut at the first line break, so a long CSP written over several lines may arrive truncated or make the response invalid.',
    howToFix: 'Write the value on one line (the quick fix joins the lines with single spaces). For long CSPs, build the value with `map` or `set` from shorter pieces.',
    whenNotToUse: 'Never: nginx sends the line breaks as they are.',
    examples: {
      bad: 'add_header Content-Security-Policy "\n    default-src \'self\';\n    object-src \'none\'";',
      good: 'add_header Content-Security-Policy "default-src \'self\'; object-src \'none\'";',
    },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'add_header' && d.name !== 'more_set_headers') continue;
      const bad = headerArgs(d).filter((a) => a && /[\r\n]/.test(a.value));
      if (!bad.length) continue;
      const edits: TextEdit[] = [];
      for (const a of bad) {
        const j = joined(a);
        if (j === null || /[\r\n]/.test(j)) {
          edits.length = 0;
          break;
        }
        edits.push({ range: model.index.range(a.start, a.end), newText: j });
      }
      const name = d.name === 'add_header' ? d.args[0].value : bad.map((a) => a.value.split(':')[0].trim()).join(', ');
      ctx.report({
        range: nameRange(model, d),
        message: `The value of ${d.name} ${name} spans several lines: nginx sends the line breaks, which clients reject or cut off. Write the value on one line.`,
        fix: edits.length ? { title: 'Join the value into one line', edits } : undefined,
      });
    }
  },
});

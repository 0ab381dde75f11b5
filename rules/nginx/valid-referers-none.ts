import { defineRule, type TextEdit } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxDirective } from './parser';

/** Edits that remove every `none` argument (with the whitespace before it, or after it when it leads). */
function removeNone(model: NginxModel, d: NginxDirective): TextEdit[] {
  const a = d.args;
  const firstKept = a.findIndex((x) => x.value !== 'none');
  const edits: TextEdit[] = [];
  if (firstKept > 0) edits.push({ range: model.index.range(a[0].start, a[firstKept].start), newText: '' });
  for (let i = firstKept + 1; i < a.length; i++) if (a[i].value === 'none') edits.push({ range: model.index.range(a[i - 1].end, a[i].end), newText: '' });
  return edits;
}

export default defineRule<NginxModel>({
  id: 'nginx/valid-referers-none',
  title: 'Referer checks do not accept requests without a Referer',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['valid_referers'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`valid_referers none ...` marks requests that carry no Referer header as valid. A Referer check is only worth anything when a missing header fails it: anyone can leave the header out (curl, a `Referrer-Policy: no-referrer` page, privacy extensions, an HTTPS to HTTP hop), so with `none` the protected resources are open to everyone who simply does not send it.',
    howToFix: 'Remove `none` from `valid_referers`. If the resources must really be protected, use a signed URL (`secure_link`) or authentication instead: a Referer only stops casual hotlinking.',
    whenNotToUse:
      'Hotlink protection where direct visits (typing the URL, bookmarks) must keep working: there `none` is deliberate and the check only keeps other sites from embedding the files. Disable the rule for that block with a reason.',
    examples: { bad: 'location /media/ {\n    valid_referers none server_names;\n    if ($invalid_referer) {\n        return 403;\n    }\n}', good: 'location /media/ {\n    valid_referers server_names;\n    if ($invalid_referer) {\n        return 403;\n    }\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'valid_referers') continue;
      const idx = d.args.map((a, i) => (a.value === 'none' ? i : -1)).filter((i) => i >= 0);
      if (!idx.length) {
        if (d.args.length) ctx.pass({ range: nameRange(model, d), message: `valid_referers ${d.args.map((a) => a.value).join(' ')} rejects requests without a Referer.` });
        continue;
      }
      const others = d.args.filter((a) => a.value !== 'none');
      // The author listed "none": removing it is offered, never applied unattended.
      const change = others.length ? { title: 'Remove "none" from valid_referers', edits: removeNone(model, d) } : undefined;
      ctx.report({
        range: rangeOf(model, d.args[idx[0]]),
        message: `valid_referers lists "none" explicitly: it accepts every request that sends no Referer header, and any client can leave it out: the check protects nothing. Remove "none"${others.length ? '' : ' and list the sites that may refer (server_names, *.example.com)'}, or use secure_link or authentication for resources that must stay private.`,
        suggestions: change ? [change] : undefined,
      });
    }
  },
});

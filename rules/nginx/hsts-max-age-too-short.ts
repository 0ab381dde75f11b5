import { defineRule } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxArg, NginxDirective } from './parser';
import { moreSetHeaders, resolveValue } from './headers';
import { quoteValue } from './model';

/** MDN Observatory's floor (180 days); below it HSTS is scored as too short. */
export const HSTS_FLOOR = 15552000;
/** One year: helmet's default and the common recommendation. */
export const HSTS_YEAR = 31536000;
/** Two years: Mozilla's and OWASP's value, and what the fix writes. */
export const HSTS_GOOD = 63072000;

/** 3600 -> "1 hour", 16070400 -> "186 days". */
export function duration(s: number): string {
  const unit = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  if (s >= 86400) return unit(Math.round(s / 86400), 'day');
  if (s >= 3600) return unit(Math.round(s / 3600), 'hour');
  if (s >= 60) return unit(Math.round(s / 60), 'minute');
  return unit(s, 'second');
}

interface Site {
  /** The argument (or map row value) holding the HSTS value. */
  arg: NginxArg;
  /** Where to report. */
  at: NginxDirective;
  /** The header value (without the name for more_set_headers). */
  value: string;
  via: string;
}

function sites(model: NginxModel, ctx: Parameters<typeof resolveValue>[2]): Site[] {
  const out: Site[] = [];
  const seenRows = new Set<NginxDirective>();
  for (const d of allDirectives(model)) {
    if (d.name === 'add_header' && d.args.length >= 2 && d.args[0].value.toLowerCase() === 'strict-transport-security') {
      const v = d.args[1].value;
      if (!v.includes('$')) {
        out.push({ arg: d.args[1], at: d, value: v, via: 'add_header' });
        continue;
      }
      // A map in this file: check (and fix) its rows.
      for (const r of resolveValue(v, model, ctx).values) {
        if (!r.row || r.row.file !== model.path || seenRows.has(r.row) || !r.row.args[0] || !r.value) continue;
        seenRows.add(r.row);
        out.push({ arg: r.row.args[0], at: r.row, value: r.value, via: `map row for ${v}` });
      }
    } else if (d.name === 'more_set_headers') {
      for (const h of moreSetHeaders(d).headers) {
        if (h.name.toLowerCase() === 'strict-transport-security' && !h.value.includes('$')) out.push({ arg: d.args[h.arg], at: d, value: h.value, via: 'more_set_headers' });
      }
    }
  }
  return out;
}

export default defineRule<NginxModel>({
  id: 'nginx/hsts-max-age-too-short',
  title: 'HSTS max-age is at least one year',
  level: 'warn',
  controls: ['edge.hsts'],
  aliases: { gixy: ['hsts_header'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'browsers start enforcing HTTPS-only for the host, for two years',
  hasSuggestions: true,
  docs: {
    rationale:
      'HSTS protects only while the browser remembers it: a short `max-age` expires between visits and leaves the next first request open to SSL stripping. The MDN Observatory scores anything below 180 days (15552000 s) as too short, HSTS preload requires a year, and Mozilla and OWASP recommend two years (63072000 s).',
    howToFix: 'Set `max-age=63072000` (the quick fix does). Roll out gradually (a week, a month, then two years) if you are not yet sure every subdomain serves HTTPS.',
    whenNotToUse: 'During a staged HSTS rollout, on purpose and for a limited time.',
    examples: {
      bad: 'add_header Strict-Transport-Security "max-age=3600" always;',
      good: 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
    },
  },
  check(model, ctx) {
    for (const s of sites(model, ctx)) {
      const m = /max-age\s*=\s*"?(\d+)"?/i.exec(s.value);
      const rawStart = s.arg.start;
      if (!m) {
        // No max-age: browsers ignore the header.
        const value = `max-age=${HSTS_GOOD}; ${s.value.trim()}`.replace(/;\s*$/, '');
        const raw = quoteValue(s.via === 'more_set_headers' ? `Strict-Transport-Security: ${value}` : value);
        ctx.report({
          range: rangeOf(model, s.arg),
          message: `The Strict-Transport-Security value "${s.value}" has no max-age, so browsers ignore the header. Start it with "max-age=${HSTS_GOOD};".`,
          fix: s.value.includes('\\') ? undefined : { title: `Add max-age=${HSTS_GOOD}`, edits: [{ range: rangeOf(model, s.arg), newText: raw }] },
        });
        continue;
      }
      const age = Number(m[1]);
      if (age >= HSTS_YEAR) {
        ctx.pass({ range: nameRange(model, s.at), message: `HSTS max-age=${age} (${duration(age)}) at line ${s.at.line + 1}.` });
        continue;
      }
      const idx = s.arg.raw.indexOf(m[1], s.arg.raw.toLowerCase().indexOf('max-age'));
      const edit = idx >= 0 ? [{ range: model.index.range(rawStart + idx, rawStart + idx + m[1].length), newText: String(HSTS_GOOD) }] : null;
      const days = duration(age);
      let message: string;
      if (age === 0) message = 'HSTS max-age=0 tells browsers to forget HSTS for this host. Remove the header only if that is intended; otherwise set max-age=63072000.';
      else if (age < HSTS_FLOOR) message = `HSTS max-age=${age} (${days}) is set explicitly but below the 180-day minimum (15552000): it expires between visits. Set max-age=${HSTS_GOOD} (two years).`;
      else message = `HSTS max-age=${age} (${days}) is set explicitly but under one year; preload lists and Mozilla's guidelines expect at least 31536000. Consider max-age=${HSTS_GOOD}.`;
      // The author wrote the age: changing it is offered, never applied unattended.
      ctx.report({
        range: rangeOf(model, s.arg),
        message,
        suggestions: edit ? [{ title: `Set max-age=${HSTS_GOOD}`, edits: edit }] : undefined,
      });
    }
  },
});

import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { HEADER_OF, middlewareConfigs } from './effective';
import { effectOf, helmetOptionsOf, startsUp } from './setup';
import { replaceNode } from './edits';
import { prop, writtenInPlace } from './values';
import { typescript } from './ts';

const ONE_YEAR = 31536000;

function duration(seconds: number): string {
  const days = seconds / 86400;
  if (days < 1) return `${seconds} seconds`;
  return days === 1 ? '1 day' : `${Number.isInteger(days) ? days : days.toFixed(1)} days`;
}

export default defineRule<HelmetModel>({
  id: 'helmet/hsts-max-age-too-short',
  title: 'HSTS max-age is at least one year',
  level: 'warn',
  controls: ['app.security-headers'],
  aliases: {},
  fixable: false,
  hasSuggestions: true,
  defaultOptions: { minMaxAge: ONE_YEAR },
  validateOptions(options) {
    const min = options.minMaxAge;
    return min === undefined || (typeof min === 'number' && Number.isInteger(min) && min >= 0) ? undefined : '"minMaxAge" must be a whole number of seconds (31536000 = one year)';
  },
  docs: {
    rationale:
      "Strict-Transport-Security tells browsers to use only HTTPS for the site for `max-age` seconds. A short max-age lets that promise lapse between visits, so a user's next first request can go over plain HTTP again and be intercepted; the HSTS preload list requires at least one year. helmet's default is one year (31536000); Mozilla's guidelines use two years, and the Mozilla Observatory penalises less than six months.",
    howToFix: 'Set `maxAge: 31536000` (or more) in the `strictTransportSecurity`/`hsts` options, or delete `maxAge` to get helmet\'s one-year default. Roll out HSTS with a short max-age first only while checking that every page works over HTTPS, then raise it.',
    whenNotToUse: 'During a staged HSTS roll-out, and on development or staging hosts that still need plain HTTP (better: configure HSTS per environment).',
    examples: { bad: 'helmet({ hsts: { maxAge: 86400 } })', good: 'helmet({ hsts: { maxAge: 31536000 } })' },
  },
  check(model, ctx) {
    const ts = typescript();
    const min = typeof ctx.options.minMaxAge === 'number' ? ctx.options.minMaxAge : ONE_YEAR;
    for (const use of model.helmet) {
      const c = middlewareConfigs(use.middleware, helmetOptionsOf(use)).find((x) => x.middleware === 'strictTransportSecurity');
      if (!c?.on) continue;
      const header = effectOf(use).headers.get(HEADER_OF.strictTransportSecurity);
      const age = typeof header === 'string' ? Number(/max-age=(\d+)/.exec(header)?.[1]) : NaN;
      if (Number.isNaN(age)) continue;
      const written = prop(c.options, 'maxAge');
      const valueNode = written && (written.own && ts.isPropertyAssignment(written.node) ? written.node.initializer : written.value.node);
      const at = valueNode ?? (c.prop?.own ? c.prop.node : use.node);
      const line = model.index.positionAt(at.getStart(model.sf)).line + 1;
      if (age >= min) {
        if (startsUp(model)) ctx.pass({ range: nodeRange(model, at), message: `HSTS max-age ${age}${header!.includes('includeSubDomains') ? ' (includeSubDomains)' : ''} at line ${line}` });
        continue;
      }
      const what = written ? `HSTS max-age is set explicitly to ${age} (${duration(age)})` : `helmet's default HSTS max-age ${age} (${duration(age)}) is used`;
      ctx.report({
        range: nodeRange(model, at),
        message: `${what}, below ${min} (${duration(min)}): ${age === 0 ? 'max-age 0 tells browsers to forget HTTPS-only at once' : 'browsers forget between visits that the site is HTTPS-only'}, so a first request can go over plain HTTP again. Set maxAge to ${min}.`,
        // The author wrote the age: changing it is offered, never applied unattended.
        suggestions: written && writtenInPlace(written) ? [{ title: `Set maxAge to ${min}`, edits: [replaceNode(model, written.value.node, String(min))] }] : undefined,
      });
    }
  },
});

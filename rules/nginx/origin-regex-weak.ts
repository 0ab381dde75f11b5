import { defineRule } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxArg, NginxDirective } from './parser';
import { parseRegex, samples, type Regex } from './regex';
import { parseIfCondition } from './variables';

const CHECKED = new Set(['$http_origin', '$http_referer']);
const REGEX_OPS = new Set(['~', '~*', '!~', '!~*']);

/** The host an attacker controls in the probes. */
const EVIL = 'evil.com';

export interface OriginOptions {
  /** Trusted registrable domains (their subdomains too); empty: any well-formed domain but the attacker's. */
  domains: string[];
  /** Only https:// origins are trusted. */
  httpsOnly: boolean;
}

type Flaw = 'unanchored' | 'unterminated' | 'host' | 'scheme' | 'untrusted';

const FLAW_TEXT: Record<Flaw, [problem: string, fix: string]> = {
  unanchored: ['it is not anchored with "^", so any value that merely contains the text passes', 'start the pattern with "^"'],
  unterminated: ['the host is not terminated, so a longer host such as example.com.evil.com passes', 'end the host with "/" (Referer) or "$" (Origin)'],
  host: ['a "." or a broad class in the host part also matches other characters', 'escape dots as "\\." and use [a-z0-9-]+ for a label'],
  scheme: ['it accepts plain http:// while only https origins are trusted', 'require "^https://"'],
  untrusted: ['it accepts hosts outside the trusted domains (rule option domains)', 'remove the other hosts'],
};

/** Why a URL the check accepts is not a trusted origin, or null when it is one. */
export function judgeUrl(url: string, o: OriginOptions): Flaw | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([/?#].*)?$/.exec(url);
  if (!m) return 'host';
  const scheme = m[1].toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return 'host';
  if (scheme === 'http' && o.httpsOnly) return 'scheme';
  if (m[3]?.startsWith('#')) return 'host';
  const hm = /^([^:@]*)(?::\d*)?$/.exec(m[2]);
  if (!hm) return 'host';
  const host = hm[1].toLowerCase();
  const local = host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  if (!local && !/^([a-z0-9_-]+\.)+[a-z0-9-]{2,}$/.test(host)) return 'host';
  if (host === EVIL || host.endsWith('.' + EVIL)) return 'untrusted';
  const domains = o.domains.map((d) => d.toLowerCase()).filter((d) => d && d !== '*');
  if (domains.length && !domains.some((d) => host === d || host.endsWith('.' + d))) return 'untrusted';
  return null;
}

/**
 * Values the pattern accepts that are not trusted origins: each sample of the pattern (lax
 * positions filled with "/"), with an attacker's prefix where the start is not anchored and an
 * attacker's domain appended where the end is open.
 */
export function weakSamples(re: Regex, o: OriginOptions): { url: string; flaw: Flaw }[] {
  const out: { url: string; flaw: Flaw }[] = [];
  for (const s of samples(re, { prefer: '/' })) {
    let url = s.text;
    let flaw: Flaw | null = null;
    if (!s.anchoredStart) {
      url = `http://${EVIL}/` + url;
      flaw = 'unanchored';
    }
    if (!s.anchoredEnd && !url.endsWith('/')) {
      url += '.' + EVIL;
      flaw ??= 'unterminated';
    }
    const judged = judgeUrl(url, o);
    if (judged) out.push({ url, flaw: flaw ?? judged });
  }
  return out;
}

interface Check {
  variable: string;
  pattern: NginxArg;
  caseInsensitive: boolean;
  directive: NginxDirective;
}

/** `if ($http_origin ~ ...)` conditions and regex rows of `map $http_origin ...` that grant something. */
function checks(model: NginxModel): Check[] {
  const out: Check[] = [];
  for (const d of allDirectives(model)) {
    if (d.name === 'if' && d.block) {
      const c = parseIfCondition(d);
      if (!c || !c.variable || !c.operator || !c.valueArg || !CHECKED.has(c.variable.toLowerCase()) || !REGEX_OPS.has(c.operator)) continue;
      // A positive match that only rejects (a referrer-spam list) is a deny-list: extra matches are harmless.
      const rejects = (d.block ?? []).length > 0 && d.block.every((k) => (k.name === 'return' && /^4\d\d$/.test(k.args[0]?.value ?? '')) || k.name === 'deny');
      if (!c.operator.startsWith('!') && (rejects || !c.value!.includes('//'))) continue;
      out.push({ variable: c.variable, pattern: c.valueArg, caseInsensitive: c.operator.endsWith('*'), directive: d });
    } else if (d.name === 'map' && d.block && d.args.length === 2 && CHECKED.has(d.args[0].value.toLowerCase())) {
      for (const row of d.block) {
        if (!row.name.startsWith('~') || !row.args.length) continue;
        if (/^(|0|off|no|false)$/i.test(row.args[0].value)) continue;
        out.push({ variable: d.args[0].value, pattern: { value: row.name.replace(/^~\*?/, ''), raw: row.name, quote: null, start: row.start, end: row.nameEnd }, caseInsensitive: row.name.startsWith('~*'), directive: row });
      }
    }
  }
  return out;
}

export default defineRule<NginxModel>({
  id: 'nginx/origin-regex-weak',
  title: 'Origin and Referer checks only accept trusted hosts',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['origins'] },
  defaultOptions: { domains: [], httpsOnly: false },
  validateOptions(o) {
    if (o.domains !== undefined && !(Array.isArray(o.domains) && o.domains.every((x) => typeof x === 'string'))) return 'domains must be a list of domain names';
    if (o.httpsOnly !== undefined && typeof o.httpsOnly !== 'boolean') return 'httpsOnly must be true or false';
    return undefined;
  },
  docs: {
    rationale:
      'A regex that decides whether `$http_origin` or `$http_referer` is trusted (CORS, CSRF or clickjacking protection, hotlink checks) is only as strict as its weakest part. Without `^`, `http://evil.com/?https://example.com/` passes; without a `/` or `$` after the host, `https://example.com.evil.com` passes; an unescaped dot in `example.com` also matches `example-com.evil.com`-style hosts an attacker can register; `.*` or `[^.]+` in the host lets anything through.',
    howToFix:
      'Anchor and spell out the whole origin: `^https://([a-z0-9-]+\\.)*example\\.com(:[0-9]+)?$` for Origin, the same followed by `/` for Referer. Escape every dot. List trusted domains in the rule option `domains` (and set `httpsOnly`) to have hosts outside them reported too.',
    whenNotToUse: 'Regexes that only block known-bad referrers (spam lists): the rule already skips `if` blocks that just return 4xx on a match.',
    examples: {
      bad: 'if ($http_origin ~* "https://example.com") {\n    add_header Access-Control-Allow-Origin $http_origin;\n}',
      good: 'if ($http_origin ~* "^https://([a-z0-9-]+\\.)*example\\.com$") {\n    add_header Access-Control-Allow-Origin $http_origin;\n}',
    },
  },
  check(model, ctx) {
    const o: OriginOptions = { domains: (ctx.options.domains as string[] | undefined) ?? [], httpsOnly: ctx.options.httpsOnly === true };
    for (const c of checks(model)) {
      const re = parseRegex(c.pattern.value, c.caseInsensitive);
      if (!re) continue;
      const bad = weakSamples(re, o);
      const name = c.variable.toLowerCase() === '$http_origin' ? 'origin' : 'referrer';
      const range = c.pattern.end > c.pattern.start ? rangeOf(model, c.pattern) : nameRange(model, c.directive);
      if (!bad.length) {
        ctx.pass({ range, message: `The ${name} check ${c.pattern.value} only accepts ${o.httpsOnly ? 'https ' : ''}${o.domains.length ? o.domains.join(', ') : 'the hosts it names'}.` });
        continue;
      }
      const flaws = [...new Set(bad.map((b) => b.flaw))];
      ctx.report({
        range,
        message: `The ${name} check "${c.pattern.value}" accepts "${bad[0].url}" as a trusted ${name}: ${flaws.map((f) => FLAW_TEXT[f][0]).join('; ')}. To fix it, ${flaws.map((f) => FLAW_TEXT[f][1]).join(', ')}.`,
      });
    }
  },
});

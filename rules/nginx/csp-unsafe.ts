import { defineRule } from '../types';
import { allDirectives, rangeOf, type NginxModel } from './language';
import type { NginxArg, NginxDirective } from './parser';
import { moreSetHeaders, parseCsp, resolveValue } from './headers';

const BROAD = new Set(['*', 'http:', 'https:', 'data:']);

export interface CspProblems {
  /** Unsafe script sources and the directive they are in (`'unsafe-inline', https: in default-src`). */
  script: string | null;
  /** Broad default-src sources when object-src is not set. */
  object: string | null;
}

/** What is unsafe in one policy; null when nothing is. */
export function cspProblems(value: string): CspProblems | null {
  const csp = parseCsp(value);
  let script: string | null = null;
  const scriptDirective = csp.has('script-src') ? 'script-src' : csp.has('default-src') ? 'default-src' : null;
  if (scriptDirective) {
    const src = csp.get(scriptDirective)!;
    const bad: string[] = [];
    // With a nonce, a hash or 'strict-dynamic', CSP2+ browsers ignore 'unsafe-inline' (it is the fallback for old ones).
    const neutralised = src.some((s) => /^'(nonce-|sha(256|384|512)-|strict-dynamic')/.test(s));
    if (src.includes("'unsafe-inline'") && !neutralised) bad.push("'unsafe-inline'");
    if (src.includes("'unsafe-eval'")) bad.push("'unsafe-eval'");
    for (const s of src) if (BROAD.has(s) && !bad.includes(s)) bad.push(s);
    if (bad.length) script = `${bad.join(', ')} in ${scriptDirective}`;
  }
  const def = csp.get('default-src');
  const broad = def ? def.filter((s) => BROAD.has(s)) : [];
  const object = !csp.has('object-src') && broad.length ? broad.join(' ') : null;
  return script || object ? { script, object } : null;
}

function describe(p: CspProblems): string {
  const parts: string[] = [];
  if (p.script) parts.push(`allows ${p.script}, so injected scripts can still run: use nonces or hashes instead of 'unsafe-inline' and exact hosts instead of schemes`);
  if (p.object) parts.push(`has no object-src while default-src allows ${p.object}: add object-src 'none'`);
  return parts.join('; it also ');
}

export default defineRule<NginxModel>({
  id: 'nginx/csp-unsafe',
  title: 'The Content-Security-Policy does not allow inline or arbitrary scripts',
  level: 'report',
  controls: ['edge.security-headers'],
  aliases: {},
  docs: {
    rationale:
      "A CSP protects against cross-site scripting only if it blocks the scripts an attacker can inject. `'unsafe-inline'` lets injected `<script>` tags and event handlers run, `'unsafe-eval'` allows string-to-code, and `*`, `http:`, `https:` or `data:` as script sources let the attacker load a script from anywhere. The MDN Observatory scores each of these as a CSP failure. Without `object-src 'none'` a broad default-src also allows plugin content.",
    howToFix:
      "Remove `'unsafe-inline'` and `'unsafe-eval'` from script-src (use nonces or hashes, `'strict-dynamic'`), list exact hosts instead of schemes, and add `object-src 'none'`.",
    whenNotToUse: 'Legacy applications that cannot run without inline scripts yet; keep the finding visible as a reminder rather than suppressing it silently.',
    examples: {
      bad: 'add_header Content-Security-Policy "default-src \'self\' \'unsafe-inline\' https:" always;',
      good: 'add_header Content-Security-Policy "default-src \'self\'; object-src \'none\'; base-uri \'self\'" always;',
    },
  },
  check(model, ctx) {
    const reportedRows = new Set<NginxDirective>();
    const report = (arg: NginxArg, p: CspProblems, via: string) => ctx.report({ range: rangeOf(model, arg), message: `The Content-Security-Policy${via} ${describe(p)}.` });
    for (const d of allDirectives(model)) {
      const values: { value: string; arg: NginxArg }[] = [];
      if (d.name === 'add_header' && d.args.length >= 2 && d.args[0].value.toLowerCase() === 'content-security-policy') values.push({ value: d.args[1].value, arg: d.args[1] });
      else if (d.name === 'more_set_headers') {
        for (const h of moreSetHeaders(d).headers) if (h.name.toLowerCase() === 'content-security-policy') values.push({ value: h.value, arg: d.args[h.arg] });
      }
      for (const { value, arg } of values) {
        if (!value.includes('$')) {
          const p = cspProblems(value);
          if (p) report(arg, p, '');
          continue;
        }
        // A policy chosen by a map: check each value, reporting on the map row when it is in this file.
        const r = resolveValue(value, model, ctx);
        const outside: CspProblems = { script: null, object: null };
        for (const v of r.values) {
          const p = cspProblems(v.value);
          if (!p) continue;
          if (v.row && v.row.file === model.path && v.row.args[0]) {
            if (!reportedRows.has(v.row)) report(v.row.args[0], p, ` value of ${value} for "${v.row.name}"`);
            reportedRows.add(v.row);
          } else {
            outside.script ??= p.script;
            outside.object ??= p.object;
          }
        }
        if (outside.script || outside.object) report(arg, outside, ` in ${value}`);
      }
    }
  },
});

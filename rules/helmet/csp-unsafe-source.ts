import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import type { HelmetUse } from './analyze';
import { nodeRange } from './analyze';
import { cspDirectives, middlewareConfigs, type CspDirective } from './effective';
import { helmetOptionsOf, startsUp } from './setup';
import { get } from './values';

/** Why a source is dangerous in script-src (what an attacker gains). */
const SCRIPT_RISK: Record<string, string> = {
  "'unsafe-inline'": 'any injected inline script or event handler runs, so the policy no longer stops cross-site scripting. Use nonces or hashes (with \'strict-dynamic\') and move inline scripts to files',
  "'unsafe-eval'": 'injected strings run as code through eval(), new Function() and string timers. Remove it and replace the eval-style code',
  '*': 'scripts load from any host, including one an attacker controls. List the hosts the app really uses',
  'http:': 'scripts load from any host over plain HTTP, where anyone on the path can replace them. List the HTTPS hosts the app really uses',
  'https:': 'scripts load from any HTTPS host, including one an attacker controls. List the hosts the app really uses',
  'data:': 'an injected <script src="data:..."> runs attacker code. Remove data: from script sources',
};

const HASH_OR_NONCE = /^'(nonce|sha256|sha384|sha512)-/i;

/** A source entry as written (the string literal, or the directive's whole string value). */
interface WrittenSource {
  source: string;
  node: TS.Node;
}

/** Entries split at whitespace: browsers read `"https: 'unsafe-inline'"` as two sources. */
function writtenSources(d: CspDirective): WrittenSource[] {
  const v = d.value;
  const entries = !v ? [] : v.kind === 'string' ? [v] : v.kind === 'array' ? v.items : [];
  return entries.flatMap((i) => (i.kind === 'string' ? tokens(i.value).map((source) => ({ source, node: i.node })) : []));
}

const tokens = (entry: string) => entry.split(/\s+/).filter(Boolean);

/** Does the app add a nonce to script-src per request? @fastify/helmet does for `enableCSPNonces: true` (exactly true). */
function pluginNonces(use: HelmetUse): boolean {
  const v = get(use.options, 'enableCSPNonces');
  return use.via === 'fastify' && v?.kind === 'boolean' && v.value;
}

export default defineRule<HelmetModel>({
  id: 'helmet/csp-unsafe-source',
  title: "CSP does not allow unsafe script or object sources ('unsafe-inline', 'unsafe-eval', *, http:, https:, data:)",
  level: 'warn',
  controls: ['app.csp'],
  aliases: {},
  docs: {
    rationale:
      "A Content-Security-Policy stops cross-site scripting only if script-src (or default-src, when script-src is absent) is narrow. `'unsafe-inline'` lets injected inline scripts run, `'unsafe-eval'` lets strings become code, and `*`, `http:`, `https:` and `data:` let a script come from anywhere. object-src wider than `'none'`/`'self'` lets plugins load content that bypasses script-src. As in the Mozilla Observatory, `'unsafe-inline'` next to a nonce, a hash or `'strict-dynamic'` is ignored by modern browsers and not reported, and with `'strict-dynamic'` and a nonce or hash, host and scheme sources are ignored too.",
    howToFix:
      "Use per-request nonces (`(req, res) => `'nonce-${res.locals.cspNonce}'``) or hashes for the inline scripts you need, move the rest to files, list the hosts you load scripts from, and set `objectSrc: [\"'none'\"]`.",
    whenNotToUse: 'Legacy pages that cannot yet drop inline scripts (then plan the migration and keep the finding visible at report level), and APIs that serve no HTML.',
    examples: { bad: "helmet({ contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", \"'unsafe-inline'\"] } } })", good: "helmet({ contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", (req, res) => `'nonce-${res.locals.cspNonce}'`] } } })" },
  },
  check(model, ctx) {
    const reported = new Set<TS.Node>();
    for (const use of model.helmet) {
      for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
        if (c.middleware !== 'contentSecurityPolicy' || !c.on) continue;
        const csp = cspDirectives(c.options, [], use.node);
        if (!csp) continue;
        const byName = new Map(csp.directives.map((d) => [d.name, d]));
        let findings = 0;
        const report = (node: TS.Node, message: string) => {
          if (reported.has(node)) return;
          reported.add(node);
          findings++;
          ctx.report({ range: nodeRange(model, node), message });
        };
        const script = byName.get('script-src') ?? byName.get('default-src');
        if (script) {
          const label = script.name === 'script-src' ? 'script-src' : 'default-src (used for scripts: there is no script-src)';
          const sources = script.sources.flatMap((s) => (s === undefined ? [undefined] : tokens(s)));
          const nonceOrHash = pluginNonces(use) || sources.some((s) => s === undefined || HASH_OR_NONCE.test(s));
          const strictDynamic = nonceOrHash && sources.some((s) => s?.toLowerCase() === "'strict-dynamic'");
          for (const w of writtenSources(script)) {
            const s = w.source.toLowerCase();
            const risk = SCRIPT_RISK[s];
            if (!risk) continue;
            // Browsers that know nonces ignore 'unsafe-inline' next to one; with 'strict-dynamic' they ignore hosts and schemes too.
            if (s === "'unsafe-inline'" && nonceOrHash) continue;
            if (strictDynamic && s !== "'unsafe-eval'") continue;
            report(w.node, `CSP ${label} allows ${w.source}: ${risk}.`);
          }
        }
        const object = byName.get('object-src') ?? byName.get('default-src');
        if (object) {
          const label = object.name === 'object-src' ? 'object-src' : 'default-src (used for plugins: there is no object-src)';
          for (const w of writtenSources(object)) {
            const s = w.source.toLowerCase();
            if (s === "'none'" || s === "'self'") continue;
            report(w.node, `CSP ${label} allows ${w.source}: plugins (<object>, <embed>) can load content from there and run script outside script-src. Set objectSrc: ["'none'"].`);
          }
        }
        if (!findings && script && object && !csp.open && startsUp(model)) {
          const line = model.index.positionAt(use.node.getStart(model.sf)).line + 1;
          const show = (d: CspDirective) => `${d.name} ${d.sources.map((s) => s ?? '<per request>').join(' ')}`.trim();
          const shown = script === object ? show(script) : `${show(script)}; ${show(object)}`;
          ctx.pass({ range: nodeRange(model, use.node), message: `CSP restricts scripts and plugins (${shown}) at line ${line}` });
        }
      }
    }
  },
});

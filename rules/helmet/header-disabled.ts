import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { cspDirectives, middlewareConfigs, middlewareNamed, type Middleware } from './effective';
import { helmetOptionsOf, startsUp } from './setup';
import { deleteProperty } from './edits';
import { writtenInPlace } from './values';
import { typescript } from './ts';

/** The headers whose switching off weakens production, and what is lost. */
const LOSS: Partial<Record<Middleware, string>> = {
  strictTransportSecurity: 'browsers may reach the site over plain HTTP (first visits, typed URLs, downgrade attacks), where cookies and pages can be read and changed',
  xFrameOptions: 'and the Content-Security-Policy has no frame-ancestors, so any site can frame these pages (clickjacking)',
  xContentTypeOptions: 'browsers may sniff responses and uploads as scripts or HTML (MIME confusion)',
  referrerPolicy: 'full URLs, with their paths and query strings (tokens, ids), leak to other sites in the Referer header',
  crossOriginOpenerPolicy: 'pages opened from other sites keep a handle on this window (tab-nabbing, cross-site leaks)',
  crossOriginResourcePolicy: 'any site can load these responses into its own pages (cross-site leaks, Spectre-style reads)',
  xDownloadOptions: 'old Internet Explorer opens downloads in the context of the site',
  xPermittedCrossDomainPolicies: 'Adobe Flash/Acrobat clients may load cross-domain policy files from the site',
  originAgentCluster: 'the browser may put this origin in one process with other pages of the same site',
  xDnsPrefetchControl: 'browsers prefetch DNS for every link on the page, telling resolvers which links a user sees',
};

const HEADER_NAME: Partial<Record<Middleware, string>> = {
  strictTransportSecurity: 'Strict-Transport-Security (HSTS)',
  xFrameOptions: 'X-Frame-Options',
  xContentTypeOptions: 'X-Content-Type-Options: nosniff',
  referrerPolicy: 'Referrer-Policy',
  crossOriginOpenerPolicy: 'Cross-Origin-Opener-Policy',
  crossOriginResourcePolicy: 'Cross-Origin-Resource-Policy',
  xDownloadOptions: 'X-Download-Options',
  xPermittedCrossDomainPolicies: 'X-Permitted-Cross-Domain-Policies',
  originAgentCluster: 'Origin-Agent-Cluster',
  xDnsPrefetchControl: 'X-DNS-Prefetch-Control',
};

/** Could an enforced CSP of this file forbid framing (frame-ancestors)? Unknown policies count as yes. */
function mayHaveFrameAncestors(model: HelmetModel): boolean {
  for (const use of model.helmet) {
    for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
      if (c.middleware !== 'contentSecurityPolicy' || c.on === false) continue;
      if (c.on === undefined) return true;
      const csp = cspDirectives(c.options, [], use.node);
      if (!csp || csp.open || csp.reportOnly === undefined) return true;
      if (!csp.reportOnly && csp.directives.some((d) => d.name === 'frame-ancestors')) return true;
    }
  }
  return false;
}

export default defineRule<HelmetModel>({
  id: 'helmet/header-disabled',
  title: 'helmet security headers are not switched off',
  level: 'warn',
  controls: ['app.security-headers'],
  aliases: { njsscan: ['helmet_feature_disabled'] },
  hasSuggestions: true,
  defaultOptions: { allow: [] },
  validateOptions(options) {
    const allow = options.allow ?? [];
    if (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string')) return '"allow" must be a list of helmet option names (e.g. ["crossOriginResourcePolicy"])';
    const unknown = allow.filter((a) => !middlewareNamed(a as string));
    return unknown.length ? `"allow" has names helmet does not know: ${unknown.join(', ')}` : undefined;
  },
  docs: {
    rationale:
      "`helmet()` sends a set of headers that are safe for almost every app. Setting one of them to `false` (`hsts: false`, `frameguard: false`, `noSniff: false`, `referrerPolicy: false`, ...) removes that protection for every response, and the reason is rarely written down. X-XSS-Protection (`xXssProtection: false` is harmless: browsers dropped the XSS auditor), X-Powered-By (its own rule) and Cross-Origin-Embedder-Policy (off by default) are not checked here; X-Frame-Options may be off when the Content-Security-Policy has `frame-ancestors`.",
    howToFix: 'Delete the `false` option so helmet sends its default again, or configure the header instead of removing it (`referrerPolicy: { policy: "strict-origin-when-cross-origin" }`). If a proxy in front of the app sets the header, say so in a suppression comment, or list the option in the rule option `allow`.',
    whenNotToUse: 'When a reverse proxy or CDN sets these headers for every response (then the app duplicating them adds nothing); for HSTS during local development over plain HTTP (configure it per environment instead of removing it in the code).',
    examples: { bad: 'app.use(helmet({ hsts: false, frameguard: false }));', good: 'app.use(helmet());' },
  },
  check(model, ctx) {
    const ts = typescript();
    const allowed = new Set(((ctx.options.allow as string[] | undefined) ?? []).map((a) => middlewareNamed(a)));
    let frameAncestors: boolean | undefined;
    for (const use of model.helmet) {
      if (use.middleware !== 'topLevel') continue;
      let weakened = 0;
      let known = true;
      for (const c of middlewareConfigs('topLevel', helmetOptionsOf(use))) {
        const loss = LOSS[c.middleware];
        if (!loss || allowed.has(c.middleware)) continue;
        if (c.on === undefined) known = false;
        if (c.on !== false || !c.prop) continue;
        if (c.middleware === 'xFrameOptions' && (frameAncestors ??= mayHaveFrameAncestors(model))) continue;
        weakened++;
        const p = c.prop;
        const deletable = writtenInPlace(p) && p.value.node.kind === ts.SyntaxKind.FalseKeyword && ts.isObjectLiteralElementLike(p.node);
        ctx.report({
          range: nodeRange(model, p.own ? p.node : p.value.node),
          message: `\`${p.key}: false\` switches off ${HEADER_NAME[c.middleware]}: ${loss}. Delete the option so helmet sends its default, or configure the header instead of removing it.`,
          suggestions: deletable ? [{ title: `Delete \`${p.key}: false\` (helmet's default comes back)`, edits: [deleteProperty(model, p.node as TS.ObjectLiteralElementLike)] }] : undefined,
        });
      }
      if (!weakened && known && startsUp(model)) {
        const line = model.index.positionAt(use.node.getStart(model.sf)).line + 1;
        const who = use.via === 'fastify' ? '@fastify/helmet' : use.via === 'koa' ? 'koa-helmet' : 'helmet()';
        ctx.pass({ range: nodeRange(model, use.node), message: `${who} at line ${line} keeps its default security headers on` });
      }
    }
  },
});

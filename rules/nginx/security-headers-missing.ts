import { defineRule, type Fix, type RuleContext } from '../types';
import { httpServers } from './model';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { addHeaderEdits, cspHasFrameAncestors, effectiveHeaders, effectiveOf, HEADER_LEVELS, headerLevel, levelLabel, loopbackOnly, type EffectiveHeaders } from './headers';

/** Directives that make a level produce content (static files, proxied or generated responses). */
const CONTENT = new Set(['root', 'alias', 'proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass', 'memcached_pass', 'try_files', 'js_content', 'content_by_lua', 'content_by_lua_block', 'content_by_lua_file', 'index']);

const PROXY = /^(proxy|fastcgi|uwsgi|scgi|grpc|memcached)_pass$/;

interface Need {
  key: string;
  label: string;
  lower: string;
  line: string;
  has(eff: EffectiveHeaders, model: NginxModel, ctx: RuleContext): boolean;
}

const CSP_VALUE = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

const NEEDS: Need[] = [
  {
    key: 'xcto',
    label: 'X-Content-Type-Options',
    lower: 'x-content-type-options',
    line: 'add_header X-Content-Type-Options "nosniff" always;',
    has: (eff) => eff.headers.has('x-content-type-options'),
  },
  {
    key: 'frame',
    label: 'X-Frame-Options (or CSP frame-ancestors)',
    lower: 'x-frame-options',
    line: 'add_header X-Frame-Options "DENY" always;',
    has: (eff, model, ctx) => {
      if (eff.headers.has('x-frame-options')) return true;
      return eff.list.some((e) => e.lower === 'content-security-policy' && cspHasFrameAncestors(e, model, ctx));
    },
  },
  {
    key: 'referrer',
    label: 'Referrer-Policy',
    lower: 'referrer-policy',
    line: 'add_header Referrer-Policy "no-referrer" always;',
    has: (eff) => eff.headers.has('referrer-policy'),
  },
  {
    key: 'csp',
    label: 'Content-Security-Policy',
    lower: 'content-security-policy',
    line: `add_header Content-Security-Policy "${CSP_VALUE}" always;`,
    has: (eff) => eff.headers.has('content-security-policy') || eff.headers.has('content-security-policy-report-only'),
  },
];

/** Does the server answer every request with a redirect or error of its own (server-level return outside any if)? */
function returnsOnly(server: NginxDirective): boolean {
  return (server.block ?? []).some((d) => d.name === 'return' && !/^2\d\d$/.test(d.args[0]?.value ?? ''));
}

function isContent(d: NginxDirective): boolean {
  return CONTENT.has(d.name) || (d.name === 'return' && /^2\d\d$/.test(d.args[0]?.value ?? '') && d.args.length > 1);
}

/**
 * The levels of a server that produce content: the server itself when it has a content directive,
 * and each location (or if) that has one, or that serves files from an inherited root without
 * returning early.
 */
function contentLevels(server: NginxDirective): NginxDirective[] {
  const out: NginxDirective[] = [];
  const serverRoot = (server.block ?? []).some((d) => d.name === 'root' || d.name === 'alias');
  if ((server.block ?? []).some(isContent)) out.push(server);
  // Depth first in source order, with an explicit stack (deep nesting must not overflow the stack).
  const stack: { list: NginxDirective[]; i: number; rooted: boolean }[] = [{ list: server.block ?? [], i: 0, rooted: serverRoot }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const d = top.list[top.i++];
    if (!d.block || !HEADER_LEVELS.has(d.name) || d.name === 'server' || d.name === 'http') continue;
    // ACME HTTP-01 challenges (certbot's webroot on a redirect-only server) are not pages.
    if (d.name === 'location' && d.args.some((a) => a.value.includes('acme-challenge'))) continue;
    const kids = d.block;
    const own = kids.some(isContent);
    const returns = kids.some((k) => k.name === 'return' && !/^2\d\d$/.test(k.args[0]?.value ?? ''));
    const hasRoot = top.rooted || kids.some((k) => k.name === 'root' || k.name === 'alias');
    if (d.name === 'location' && (own || (hasRoot && !returns && !kids.some((k) => k.name === 'internal')))) out.push(d);
    else if (d.name === 'if' && own) out.push(d);
    stack.push({ list: kids, i: 0, rooted: hasRoot });
  }
  return out;
}

export default defineRule<NginxModel>({
  id: 'nginx/security-headers-missing',
  title: 'Servers that serve content send the baseline security headers',
  level: 'warn',
  controls: ['edge.security-headers'],
  aliases: {},
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'Browsers only apply protections a response asks for: `X-Content-Type-Options: nosniff` stops MIME sniffing, `X-Frame-Options` (or CSP `frame-ancestors`) stops clickjacking, `Referrer-Policy` keeps URLs with tokens from leaking to other sites, and a `Content-Security-Policy` limits what injected markup can do. OWASP Secure Headers and the MDN Observatory check all four; nginx sends none by default.',
    howToFix:
      'Add the headers with `always` at the server (or http) level, e.g. `add_header X-Content-Type-Options "nosniff" always;`, `add_header X-Frame-Options "DENY" always;`, `add_header Referrer-Policy "no-referrer" always;` and a CSP written for your pages. Remember that a location with its own add_header must repeat them.',
    whenNotToUse: 'Servers that only proxy an application which sets these headers itself (check a live response), or pure API servers where you decide the browser headers do not apply.',
    examples: {
      bad: 'server {\n    listen 80;\n    root /var/www/html;\n}',
      good:
        'server {\n    listen 80;\n    root /var/www/html;\n    add_header X-Content-Type-Options "nosniff" always;\n    add_header X-Frame-Options "DENY" always;\n    add_header Referrer-Policy "no-referrer" always;\n    add_header Content-Security-Policy "default-src \'self\'; frame-ancestors \'none\'" always;\n}',
    },
  },
  check(model, ctx) {
    for (const server of httpServers(model)) {
      const kids = server.block ?? [];
      if (kids.some((k) => k.name === 'ssl_reject_handshake' && k.args[0]?.value === 'on')) continue;
      if (returnsOnly(server) || loopbackOnly(server, ctx)) continue;
      const levels = contentLevels(server);
      if (!levels.length) continue;
      const missing = new Set<Need>();
      for (const block of levels) {
        const eff = effectiveHeaders(model, block, ctx);
        for (const need of NEEDS) {
          if (missing.has(need) || need.has(eff, model, ctx) || eff.unknown) continue;
          // Present further out and dropped on the way: the inheritance rule reports that.
          let dropped = false;
          for (let l = headerLevel(model, block, ctx).parent; l && !dropped; l = l.parent) dropped = need.has(effectiveOf(l, model, ctx), model, ctx);
          if (!dropped) missing.add(need);
        }
      }
      const label = levelLabel(server);
      if (!missing.size) {
        ctx.pass({ range: nameRange(model, server), message: `${label} sends X-Content-Type-Options, frame protection, Referrer-Policy and a CSP.` });
        continue;
      }
      const list = NEEDS.filter((n) => missing.has(n));
      const names = list.map((n) => n.label);
      const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const ins = addHeaderEdits(
        model,
        server,
        list.map((n) => ({ lower: n.lower, line: n.line })),
        ctx,
        '# review: OWASP baseline values; check the CSP (and framing) against your pages before deploying',
      );
      const suggestions: Fix[] | undefined = ins ? [{ title: `Add ${list.map((n) => n.label.split(' ')[0]).join(', ')} (OWASP values, review before use)`, edits: ins.edits }] : undefined;
      const proxied = levels.every((l) => (l.block ?? []).some((k) => PROXY.test(k.name)));
      ctx.report({
        range: nameRange(model, server),
        message: proxied
          ? `${label} proxies responses without adding ${joined}. Add them with "always" here or at the http level, unless the application behind it sets them.`
          : `${label} serves content without ${joined}. Add them with "always" at the server or http level (a CSP needs values written for your pages).`,
        suggestions,
      });
    }
  },
});

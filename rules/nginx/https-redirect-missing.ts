import { defineRule, type RuleContext } from '../types';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { childIndent, httpServers, indentUnit, isTlsListen } from './model';
import { NGINX_RETURN_308, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, atLeast, inFile, isOpaqueInclude, kidsOf, serverLabel, socketOf, sourceOf, targetOf, validateTargetVersion, viewServers, whereIs } from './tls';

type Scheme = 'https' | 'http' | 'relative';
interface Redirect {
  scheme: Scheme;
  /** Does it apply to every request of its block (return, or rewrite with a catch-all regex)? */
  all: boolean;
  d: NginxDirective;
  url: string;
}

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const CATCH_ALL_REGEX = /^\^?\/?\(?\.\*\)?\$?$|^\^$|^\^\/?\??\(\.\*\)\$?$/;

function schemeOf(url: string): Scheme {
  if (/^https:\/\//i.test(url)) return 'https';
  if (/^(http|\$scheme):\/\//i.test(url)) return 'http';
  return 'relative';
}

/** What a return/rewrite does: a redirect, 'stop' (a return that answers without redirecting), or null (no effect on the response). */
function redirectOf(d: NginxDirective): Redirect | 'stop' | null {
  const v = d.args.map((a) => a.value);
  if (d.name === 'return') {
    if (/^\d+$/.test(v[0] ?? '')) {
      if (REDIRECT_CODES.has(v[0]) && v[1] !== undefined) return { scheme: schemeOf(v[1]), all: true, d, url: v[1] };
      return 'stop';
    }
    return v[0] !== undefined ? { scheme: schemeOf(v[0]), all: true, d, url: v[0] } : 'stop';
  }
  if (d.name === 'rewrite' && v.length >= 2) {
    const scheme = schemeOf(v[1]);
    const flag = v[2];
    if (scheme === 'relative' && flag !== 'redirect' && flag !== 'permanent') return null;
    return { scheme, all: CATCH_ALL_REGEX.test(v[0]), d, url: v[1] };
  }
  return null;
}

/** A redirect that keeps the client on plain HTTP: to http:// or $scheme://, or a rewrite redirect to a relative URL. */
const staysOnHttp = (r: Redirect) => r.scheme === 'http' || (r.scheme === 'relative' && r.d.name === 'rewrite');

type State = 'redirect' | 'content' | 'stop' | 'insecure' | 'unknown';
interface Verdict {
  state: State;
  /** The redirect that makes the block a redirect (or an insecure one). */
  via?: Redirect;
}

/** How the rewrite-phase directives of one level end a request, in nginx's order. */
function levelVerdict(kids: NginxDirective[], ctx: RuleContext, insecure: Redirect[]): Verdict | null {
  for (const k of kids) {
    if (k.name === 'if' && k.block) {
      const inner = kidsOf(k, ctx).map(redirectOf).filter((r): r is Redirect => !!r && r !== 'stop');
      insecure.push(...inner.filter(staysOnHttp));
      // `if ($scheme = http) { return 301 https://... }` and certbot's `if ($host = ...)`: the intent is a redirect.
      const https = inner.find((r) => r.scheme === 'https');
      if (https) return { state: 'redirect', via: https };
      continue;
    }
    const r = redirectOf(k);
    if (!r) continue;
    if (r === 'stop') return { state: 'stop' };
    if (staysOnHttp(r)) insecure.push(r);
    if (!r.all) continue;
    if (r.scheme === 'https') return { state: 'redirect', via: r };
    return { state: r.scheme === 'http' ? 'insecure' : 'content', via: r };
  }
  return null;
}

const isAcme = (loc: NginxDirective) => loc.args.some((a) => /acme-challenge|\.well-known\/?$/.test(a.value));
function isCatchAllLocation(loc: NginxDirective): boolean {
  const v = loc.args.map((a) => a.value);
  if (v.length === 1) return v[0] === '/';
  if (v.length === 2 && v[0] === '^~') return v[1] === '/';
  if (v.length === 2 && (v[0] === '~' || v[0] === '~*')) return CATCH_ALL_REGEX.test(v[1]) || v[1] === '/' || v[1] === '^/';
  return false;
}

function serverVerdict(server: NginxDirective, ctx: RuleContext, insecure: Redirect[]): Verdict {
  const kids = kidsOf(server, ctx);
  if (kids.some(isOpaqueInclude)) return { state: 'unknown' };
  const top = levelVerdict(kids, ctx, insecure);
  if (top) return top;
  const locations = kids.filter((k) => k.name === 'location' && k.block);
  let catchAll: Verdict | null = null;
  let content = false;
  for (const loc of locations) {
    const lk = kidsOf(loc, ctx);
    if (lk.some(isOpaqueInclude)) return { state: 'unknown' };
    const v = levelVerdict(lk, ctx, insecure) ?? { state: 'content' as State };
    if (isCatchAllLocation(loc)) catchAll = v;
    else if (v.state === 'content' && !isAcme(loc)) content = true;
  }
  if (!catchAll || content) return { state: 'content' };
  return catchAll;
}

/** Server names that identify a site (not the catch-all `_`, an empty name, or localhost). */
function namesOf(kids: NginxDirective[]): string[] {
  return kids.filter((k) => k.name === 'server_name').flatMap((k) => k.args.map((a) => a.value.toLowerCase())).filter((n) => n && n !== '_' && n !== 'localhost' && !n.includes('$'));
}

/** A server that only speaks plain HTTP on port 80 (or the default listen). */
function plainPort80(kids: NginxDirective[]): boolean {
  const listens = kids.filter((k) => k.name === 'listen');
  if (kids.some((k) => k.name === 'ssl' && k.args[0]?.value === 'on')) return false;
  if (!listens.length) return true;
  return listens.every((l) => !isTlsListen(l)) && listens.some((l) => socketOf(l).endsWith(':80'));
}

export default defineRule<NginxModel>({
  id: 'nginx/https-redirect-missing',
  title: 'Plain-HTTP servers redirect to HTTPS',
  level: 'warn',
  controls: ['edge.https-redirect'],
  aliases: { semgrep: ['insecure-redirect'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'When a site is served over TLS, its port-80 server should only redirect to HTTPS. If it serves the same pages over plain HTTP, users who type the bare name, follow an old link or are downgraded by an attacker on the network stay on an unencrypted, modifiable connection (and cookies without `Secure` leak). A redirect that points to `http://` (or `$scheme://` inside a plain-HTTP server) keeps them there. The rule compares the names of port-80 servers with the TLS servers of the same config (the file, its resolved includes and the file that includes it) and stays silent when an include it cannot resolve may hold the redirect. ACME challenge locations (`/.well-known/acme-challenge/`) next to a redirecting `location /` are fine.',
    howToFix: `Make the port-80 server only redirect: \`return 308 https://$host$request_uri;\` (Mozilla's generator; 301 works too). The suggestion replaces the server's body with that line, keeping its listen and server_name lines and any ACME challenge location (then wrapped in \`location / { ... }\`). Change redirects to \`http://...\` into \`https://...\`. ${TARGET_VERSION_DOC} With a target older than ${NGINX_RETURN_308} the suggestion uses 301, since \`return 308\` needs ${NGINX_RETURN_308}.`,
    whenNotToUse: 'A plain-HTTP endpoint that must stay reachable without TLS for the same name (a package mirror for clients without TLS, a captive portal check): suppress the finding with a reason.',
    examples: {
      bad: 'server {\n    listen 80;\n    server_name example.com;\n    root /var/www/html;\n}\nserver {\n    listen 443 ssl;\n    server_name example.com;\n    root /var/www/html;\n}',
      good: 'server {\n    listen 80;\n    server_name example.com;\n    return 308 https://$host$request_uri;\n}\nserver {\n    listen 443 ssl;\n    server_name example.com;\n    root /var/www/html;\n}',
    },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    const plain = httpServers(model).filter((s) => plainPort80(kidsOf(s, ctx)));
    if (!plain.length) return;
    let tlsByName: Map<string, NginxDirective> | null = null;
    const twinOf = (names: string[]) => {
      if (!tlsByName) {
        tlsByName = new Map();
        for (const s of viewServers(model, ctx).servers) {
          const kids = kidsOf(s, ctx);
          if (!kids.some(isTlsListen) || kids.some((k) => k.name === 'ssl_reject_handshake' && k.args[0]?.value === 'on')) continue;
          for (const n of namesOf(kids)) if (!tlsByName.has(n)) tlsByName.set(n, s);
        }
      }
      for (const n of names) {
        const hit = tlsByName.get(n);
        if (hit) return { name: n, server: hit };
      }
      return null;
    };
    const code = atLeast(targetOf(ctx), NGINX_RETURN_308) === false ? '301' : '308';
    for (const server of plain) {
      const insecure: Redirect[] = [];
      const verdict = serverVerdict(server, ctx, insecure);
      if (verdict.state === 'redirect' && verdict.via) {
        const via = verdict.via.d;
        ctx.pass({ range: inFile(via, model) ? nameRange(model, via) : nameRange(model, server), message: `${serverLabel(server)} redirects to HTTPS (${via.name} ${via.args.map((a) => a.raw).join(' ')}, ${whereIs(via, model)})` });
      }
      if (verdict.state === 'unknown') continue;
      const twin = twinOf(namesOf(kidsOf(server, ctx)));
      if (!twin) continue;
      const tlsAt = `${serverLabel(twin.server)} (${whereIs(twin.server, model)})`;
      for (const r of insecure) {
        if (!inFile(r.d, model)) continue;
        ctx.report({
          range: nameRange(model, r.d),
          message: `This redirect to "${r.url}" keeps clients on plain HTTP although "${twin.name}" is served over TLS by ${tlsAt}: redirect to an https:// URL instead.`,
        });
      }
      if (verdict.state !== 'content') continue;
      const kids = server.block ?? [];
      const suggestions = kids.some((k) => k.name === 'include') ? undefined : [redirectBody(model, server, code)];
      ctx.report({
        range: nameRange(model, server),
        message: `${serverLabel(server)} serves content over plain HTTP although "${twin.name}" is served over TLS by ${tlsAt}: make it only redirect with "return ${code} https://$host$request_uri;".`,
        suggestions,
      });
    }
  },
});

/** Replace the server's body by its listen/server_name lines, ACME locations, and a redirect. */
function redirectBody(model: NginxModel, server: NginxDirective, code: string) {
  const kids = server.block ?? [];
  const eol = model.index.eol;
  const lineOf = (o: number) => model.index.positionAt(o).line;
  const outer = /^[ \t]*/.exec(model.index.lineText(lineOf(server.start)))![0];
  // A one-line server's children share its line: indent one unit deeper than the server.
  const indent = kids.length && lineOf(kids[0].start) === lineOf(server.blockOpen!) ? outer + indentUnit(model) : childIndent(model, server);
  const keep = kids.filter((k) => k.name === 'listen' || k.name === 'server_name' || (k.name === 'location' && isAcme(k)));
  const acme = keep.some((k) => k.name === 'location');
  const redirect = `return ${code} https://$host$request_uri;`;
  const lines = [
    ...keep.map((k) => sourceOf(model, k)),
    '# review: this server now only redirects to HTTPS; keep anything that must stay reachable over plain HTTP',
    ...(acme ? ['location / {', indentUnit(model) + redirect, '}'] : [redirect]),
  ];
  return {
    title: `Replace the server's body with "${redirect}"`,
    edits: [{ range: model.index.range(server.blockOpen! + 1, server.blockClose!), newText: eol + lines.map((l) => indent + l).join(eol) + eol + outer }],
  };
}

import { defineRule } from '../types';
import { allDirectives, rangeOf, type NginxModel } from './language';
import type { NginxArg, NginxDirective } from './parser';
import { parseRegex } from './regex';
import { describe, envAt, firstUserWith, type UserValue } from './variables';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);
const URL_START = /^(https?:\/\/|\$scheme)/;

interface Sink {
  arg: NginxArg;
  /** What the value becomes: "the X-Uri response header", "the Location header", ... */
  where: string;
  /** Sent to the upstream: only "\n" matters there (servers end header lines at a bare LF). */
  upstream: boolean;
}

/** Where a directive writes a value into a message header or request line. */
function sinkOf(d: NginxDirective): Sink | null {
  const a = d.args;
  switch (d.name) {
    case 'add_header':
    case 'add_trailer':
      return a.length >= 2 ? { arg: a[1], where: `the ${a[0].value} response ${d.name === 'add_trailer' ? 'trailer' : 'header'}`, upstream: false } : null;
    case 'proxy_set_header':
      return a.length >= 2 ? { arg: a[1], where: `the ${a[0].value} header sent to the upstream`, upstream: true } : null;
    case 'proxy_pass':
      return a.length === 1 ? { arg: a[0], where: 'the request line sent to the upstream', upstream: true } : null;
    case 'return':
      if (a.length === 2 && REDIRECT_CODES.has(a[0].value)) return { arg: a[1], where: 'the Location header', upstream: false };
      if (a.length === 1 && URL_START.test(a[0].value)) return { arg: a[0], where: 'the Location header', upstream: false };
      return null;
    case 'rewrite': {
      if (a.length < 2) return null;
      const flag = a[2]?.value;
      const redirect = flag === 'redirect' || flag === 'permanent' || URL_START.test(a[1].value);
      return redirect ? { arg: a[1], where: 'the Location header', upstream: false } : null;
    }
    default:
      return null;
  }
}

/** The first client-controlled part of the directive's value that can hold a line break (and which one). */
export function lineBreakIn(model: NginxModel, d: NginxDirective, sink: Sink): { user: UserValue; char: string } | null {
  const env = envAt(model, d);
  if (d.name === 'rewrite') {
    // The rewrite's own captures: nginx URI-escapes them in a redirect.
    const re = parseRegex(d.args[0].value);
    if (re) env.capture(re, env.get('uri'), d, `a capture of "rewrite ${d.args[0].value}"`, true);
  }
  const value = env.evaluate(sink.arg.value);
  const lf = firstUserWith(value, '\n');
  if (lf) return { user: lf, char: '\\n' };
  const cr = sink.upstream ? null : firstUserWith(value, '\r');
  return cr ? { user: cr, char: '\\r' } : null;
}

export default defineRule<NginxModel>({
  id: 'nginx/http-splitting',
  title: 'No line breaks from the request in headers or upstream requests',
  level: 'block',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['http_splitting'], semgrep: ['header-injection'] },
  docs: {
    rationale:
      'nginx decodes the request path before matching locations, so `%0d%0a` in a URL becomes a real CR LF in `$uri`, `$document_uri` and in regex captures whose pattern allows it (`([^/]+)`, `(\\W*)`, `(.*)` for CR). Written into a response header (`add_header`, the Location of `return 301`/`rewrite ... redirect`), the line break lets a client add headers or a whole response (HTTP response splitting: cookie injection, cache poisoning, XSS). In `proxy_set_header` or `proxy_pass` it splits the request sent to the upstream (request smuggling).',
    howToFix:
      'Use `$request_uri`, which nginx keeps URL-encoded, instead of `$uri`/`$document_uri`; make captures exclude line breaks (`([^/\\r\\n]+)`, `(\\S+)`); for `proxy_pass`, pass the path without a variable when the location is a prefix (`proxy_pass http://backend;` forwards the original, encoded URI).',
    whenNotToUse: 'Never: a config that writes decoded paths into headers is one `%0a` away from header injection.',
    examples: { bad: 'location ~ ^/files/([^/]+)$ {\n    add_header X-File $1;\n}', good: 'location ~ ^/files/([^/\\r\\n]+)$ {\n    add_header X-File $1;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      const sink = sinkOf(d);
      if (!sink || !sink.arg.value.includes('$')) continue;
      const hit = lineBreakIn(model, d, sink);
      if (!hit) continue;
      const builtinPath = /^\$(uri|document_uri)$/i.test(hit.user.label);
      const advice = builtinPath
        ? 'Use $request_uri, which stays URL-encoded'
        : hit.user.label.startsWith('$') && hit.user.providers.some((p) => p.name !== 'set')
          ? `Make the capture exclude line breaks (e.g. [^/\\r\\n]+ or \\S+)`
          : 'Use a value without line breaks (an encoded variable, or a capture that excludes \\r and \\n)';
      ctx.report({
        range: rangeOf(model, sink.arg),
        message: `${describe(hit.user)} can contain "${hit.char}"${/path|capture/.test(hit.user.origin) ? ` (a %${hit.char === '\\n' ? '0a' : '0d'} in the URL decodes to one)` : ''} and goes into ${sink.where}: a client can inject headers or split the ${sink.upstream ? 'request' : 'response'}. ${advice}.`,
      });
    }
  },
});

import { defineRule } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import { replaceArg } from './model';
import { parseScript } from './variables';

/** Headers whose value the backend uses as "the host the client asked for". */
const HOST_HEADERS = new Set(['host', 'x-forwarded-host']);

const HTTP_HOST = /\$\{http_host\}|\$http_host(?![A-Za-z0-9_])/gi;

export default defineRule<NginxModel>({
  id: 'nginx/host-header-spoofing',
  title: 'The Host sent to backends is the one nginx routed by',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['host_spoofing'], semgrep: ['request-host-used'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`proxy_set_header Host $http_host` forwards the raw Host header. nginx chooses the server block by the host of an absolute request line (`GET http://a.example/ HTTP/1.1`) before the Host header, so a client can be routed as `a.example` while the backend receives any Host it likes (with any port). Applications build absolute links, redirects and password-reset URLs from that header: a spoofed value poisons caches and sends reset links to an attacker\'s domain. A Host taken from a query argument (`$arg_host`) is chosen by the client outright.',
    howToFix: 'Send `$host` (the host nginx matched, lower-cased, without port): `proxy_set_header Host $host;`. If the backend needs the port, add it from nginx, not from the client: `$host:$server_port`.',
    whenNotToUse: 'Backends that validate the Host header themselves against an allow-list, or a server block that only answers for one name with a catch-all `default_server` rejecting the rest.',
    examples: { bad: 'location / {\n    proxy_set_header Host $http_host;\n    proxy_pass http://app;\n}', good: 'location / {\n    proxy_set_header Host $host;\n    proxy_pass http://app;\n}' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'proxy_set_header' || d.args.length < 2) continue;
      const header = d.args[0].value;
      if (!HOST_HEADERS.has(header.toLowerCase())) continue;
      const value = d.args[1];
      const vars = parseScript(value.value).flatMap((p) => ('var' in p ? [p.var.toLowerCase()] : []));
      const arg = vars.find((v) => v.startsWith('arg_'));
      const httpHost = vars.includes('http_host');
      if (!arg && !httpHost) {
        if (header.toLowerCase() === 'host' && vars.includes('host')) ctx.pass({ range: nameRange(model, d), message: `proxy_set_header ${header} ${value.value}: backends get the host nginx routed by.` });
        continue;
      }
      if (arg) {
        ctx.report({
          range: rangeOf(model, value),
          message: `proxy_set_header ${header} takes the host from the query argument "$${arg}": any client chooses the host the backend sees (links, redirects, reset e-mails). Use $host.`,
        });
        continue;
      }
      const raw = value.raw.replace(HTTP_HOST, (m) => (m.startsWith('${') ? '${host}' : '$host'));
      // The author chose $http_host (it keeps the port): switching is offered, never applied unattended.
      ctx.report({
        range: rangeOf(model, value),
        message: `proxy_set_header ${header} ${value.value} explicitly forwards the raw Host header, which can differ from the host nginx routed the request by (an absolute request line wins) and may carry any port: the backend trusts a host nginx never checked. Use $host instead.`,
        suggestions: [{ title: 'Use $host instead of $http_host', edits: [replaceArg(model, d, 1, raw)] }],
      });
    }
  },
});

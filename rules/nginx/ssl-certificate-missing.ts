import { defineRule, type RuleContext } from '../types';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { httpServers } from './model';
import { TARGET_VERSION_DOC, TARGET_VERSION_OPTION, effective, inFile, isDefaultListen, isOpaqueInclude, kidsOf, rangeFor, serverLabel, socketOf, sslListens, validateTargetVersion, viewServers, whereIs } from './tls';

/** Per listen socket of the config: its first server and the servers that mark it default_server. */
function socketsOf(model: NginxModel, ctx: RuleContext) {
  const view = viewServers(model, ctx);
  const bySocket = new Map<string, { first: NginxDirective; defaults: Set<NginxDirective> }>();
  let complete = view.complete;
  for (const s of view.servers) {
    const kids = kidsOf(s, ctx);
    // An unresolved include in any server may hold a listen ... default_server.
    if (kids.some(isOpaqueInclude)) complete = false;
    for (const k of kids) {
      if (k.name !== 'listen') continue;
      const sock = socketOf(k);
      let info = bySocket.get(sock);
      if (!info) bySocket.set(sock, (info = { first: s, defaults: new Set() }));
      if (isDefaultListen(k)) info.defaults.add(s);
    }
  }
  return { complete, bySocket };
}

export default defineRule<NginxModel>({
  id: 'nginx/ssl-certificate-missing',
  title: 'TLS servers have a certificate and its key',
  level: 'block',
  controls: ['edge.tls', 'edge.config-valid'],
  aliases: {},
  docs: {
    rationale:
      'nginx refuses to start when the default server of a `listen ... ssl` socket (the first server on that address and port, or the one marked `default_server`) has no `ssl_certificate`: `[emerg] no "ssl_certificate" is defined for the "listen ... ssl" directive`; the deprecated `ssl on;` fails the same way in any server. It also refuses an `ssl_certificate` without a matching `ssl_certificate_key` (`no "ssl_certificate_key" is defined for certificate ...`), wherever the pair is inherited. The rule follows both through the http block, includes and the file\'s includer; a server whose default status or certificates it cannot see (an unresolved include, a fragment nobody includes) is not reported.',
    howToFix: `Add \`ssl_certificate\` and \`ssl_certificate_key\` to the server (or once to the http block for every server). A catch-all server that should refuse TLS for unknown names can use \`ssl_reject_handshake on;\` (nginx 1.19.4) instead of a certificate. ${TARGET_VERSION_DOC} It does not change this rule.`,
    whenNotToUse: 'Never: nginx does not start with this config.',
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    server_name example.com;\n}',
      good: 'server {\n    listen 443 ssl;\n    server_name example.com;\n    ssl_certificate /etc/ssl/example.com.pem;\n    ssl_certificate_key /etc/ssl/example.com.key;\n}',
    },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    let sockets: ReturnType<typeof socketsOf> | null = null;
    const reportedKeys = new Set<NginxDirective>();
    for (const server of httpServers(model)) {
      const certs = effective(model, server, 'ssl_certificate', ctx);
      const keys = effective(model, server, 'ssl_certificate_key', ctx);
      // A certificate without its key fails wherever it is inherited, TLS server or not.
      if (!certs.unknown && !keys.unknown && certs.directives.length > keys.directives.length) {
        const cert = certs.directives[keys.directives.length];
        if (!reportedKeys.has(cert)) {
          reportedKeys.add(cert);
          ctx.report({
            range: rangeFor(model, cert, server),
            message: `No ssl_certificate_key is defined for the certificate "${cert.args[0]?.value ?? ''}" (${whereIs(cert, model)}, used by ${serverLabel(server)}): nginx refuses to start. Add the matching "ssl_certificate_key" next to it.`,
          });
        }
        continue;
      }
      const kids = kidsOf(server, ctx);
      const ssl = sslListens(kids);
      const sslOn = kids.find((k) => k.name === 'ssl' && k.args[0]?.value.toLowerCase() === 'on');
      if (!ssl.length && !sslOn) continue;
      if (certs.unknown) continue;
      if (certs.directives.length) {
        const c = certs.directives[0];
        ctx.pass({ range: rangeFor(model, c, server), message: `Certificate "${c.args[0]?.value ?? ''}" at ${serverLabel(server)} (${whereIs(c, model)})` });
        continue;
      }
      const reject = effective(model, server, 'ssl_reject_handshake', ctx);
      if (reject.unknown || reject.directives.some((r) => r.args[0]?.value.toLowerCase() === 'on')) continue;
      if (sslOn && inFile(sslOn, model)) {
        ctx.report({
          range: nameRange(model, sslOn),
          message: `${serverLabel(server)} has "ssl on" but no ssl_certificate at server or http level: nginx refuses to start ("no ssl_certificate is defined for the ssl directive"). Add ssl_certificate and ssl_certificate_key, and prefer "listen ... ssl" to the deprecated "ssl on".`,
        });
        continue;
      }
      // Only the default server of a socket must have a certificate; find one socket where it is.
      sockets ??= socketsOf(model, ctx);
      const { complete, bySocket } = sockets;
      const defaultFor = ssl.find((l) => {
        if (isDefaultListen(l)) return true;
        const info = bySocket.get(socketOf(l));
        return complete && !!info && info.first === server && info.defaults.size === 0;
      });
      if (!defaultFor || !inFile(defaultFor, model)) continue;
      ctx.report({
        range: nameRange(model, defaultFor),
        message: `${serverLabel(server)} is the default server of "listen ${defaultFor.args.map((a) => a.value).join(' ')}" but no ssl_certificate applies to it (server or http level): nginx refuses to start ("no ssl_certificate is defined for the listen ... ssl directive"). Add ssl_certificate and ssl_certificate_key, or "ssl_reject_handshake on;" for a catch-all server.`,
      });
    }
  },
});

import { defineRule, type RuleContext } from '../types';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { httpServers, insertLines, replaceArg } from './model';
import { NGINX_TICKET_KEY_ROTATION, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, atLeast, effective, inFile, rangeFor, serverLabel, sslInsertPoint, targetOf, validateTargetVersion, whereIs, servesTls } from './tls';

export default defineRule<NginxModel>({
  id: 'nginx/ssl-session-tickets',
  title: 'Session tickets are off on nginx before 1.23.2',
  level: 'report',
  controls: ['edge.tls'],
  aliases: {},
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'clients no longer resume TLS sessions with tickets, only from the session cache or with a full handshake',
  hasSuggestions: true,
  docs: {
    rationale:
      "TLS session tickets are encrypted with a ticket key. Before nginx 1.23.2 that key is generated once at startup and never rotated (unless you rotate `ssl_session_ticket_key` files yourself), so one key protects every resumed session for weeks or months: whoever obtains it can decrypt recorded TLS 1.2 traffic, which defeats forward secrecy. Mozilla's guidelines therefore set `ssl_session_tickets off` for nginx older than 1.23.2, which rotates keys automatically when `ssl_session_cache` is shared. The session cache (`ssl_session_cache shared:MozSSL:10m;`) still gives fast resumption.",
    howToFix: `Add \`ssl_session_tickets off;\` to the TLS server or the http block (the quick fix adds it to the server, or turns an explicit \`on\` off), or rotate \`ssl_session_ticket_key\` files regularly. ${TARGET_VERSION_DOC} This rule only reports when the target is known and older than ${NGINX_TICKET_KEY_ROTATION}: set it (for example "1.22" for Debian 12).`,
    whenNotToUse: `nginx ${NGINX_TICKET_KEY_ROTATION} or later (set targetVersion), or servers whose ticket keys are rotated by other means.`,
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    ssl_session_cache shared:MozSSL:10m;\n}',
      good: 'server {\n    listen 443 ssl;\n    ssl_session_cache shared:MozSSL:10m;\n    ssl_session_tickets off;\n}',
    },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx: RuleContext) {
    const target = targetOf(ctx);
    if (atLeast(target, NGINX_TICKET_KEY_ROTATION) !== false) return;
    const reported = new Set<NginxDirective>();
    for (const server of httpServers(model)) {
      if (!servesTls(server, ctx)) continue;
      const tickets = effective(model, server, 'ssl_session_tickets', ctx);
      const keys = effective(model, server, 'ssl_session_ticket_key', ctx);
      if (tickets.unknown || keys.unknown || keys.directives.length) continue;
      const d = tickets.directives[tickets.directives.length - 1];
      if (d && d.args[0]?.value.toLowerCase() === 'off') {
        ctx.pass({ range: rangeFor(model, d, server), message: `ssl_session_tickets off at ${serverLabel(server)} (${whereIs(d, model)})` });
        continue;
      }
      const why = `nginx ${target} (before ${NGINX_TICKET_KEY_ROTATION}) never rotates the session ticket key, so one key protects every resumed session and undoes forward secrecy`;
      if (d) {
        if (reported.has(d) || !inFile(d, model)) continue;
        reported.add(d);
        // The author wrote it: changing it is offered, never applied unattended.
        ctx.report({
          range: nameRange(model, d),
          message: `ssl_session_tickets is turned on explicitly without ssl_session_ticket_key: ${why}. Set it "off".`,
          suggestions: [{ title: 'Set "ssl_session_tickets off;"', edits: [replaceArg(model, d, 0, 'off')] }],
        });
        continue;
      }
      ctx.report({
        range: nameRange(model, server),
        message: `${serverLabel(server)} keeps session tickets on by default: ${why}. Add "ssl_session_tickets off;".`,
        fix: { title: 'Add "ssl_session_tickets off;"', edits: [insertLines(model, server, ['ssl_session_tickets off;'], sslInsertPoint(model, server))] },
      });
    }
  },
});

import { defineRule } from '../types';
import { nameRange, type NginxModel } from './language';
import { httpServers, insertLines } from './model';
import { MOZILLA_INTERMEDIATE, NGINX_SAFE_PROTOCOL_DEFAULT, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, atLeast, effective, serverLabel, sslInsertPoint, targetOf, validateTargetVersion, servesTls } from './tls';

const GOOD = MOZILLA_INTERMEDIATE.protocols.join(' ');

export default defineRule<NginxModel>({
  id: 'nginx/ssl-protocols-missing',
  title: 'TLS servers set ssl_protocols explicitly on nginx before 1.27.3',
  level: 'report',
  controls: ['edge.tls'],
  aliases: { gixy: ['weak_ssl_tls'], semgrep: ['missing-ssl-version'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'clients limited to TLSv1 or TLSv1.1 can no longer connect',
  docs: {
    rationale:
      'Without `ssl_protocols`, nginx uses its built-in default. Before nginx 1.27.3 that default still enables TLSv1 and TLSv1.1 (deprecated by RFC 8996) next to TLSv1.2 and TLSv1.3; Debian 12 ships 1.22, Ubuntu 24.04 ships 1.24. From 1.27.3 on the default is `TLSv1.2 TLSv1.3`, which matches Mozilla\'s intermediate profile. The rule looks for `ssl_protocols` in the server, the http block, resolved includes and, for a conf.d fragment, the blocks that include it; it stays silent when an include it cannot resolve, or an includer it cannot see, may set it.',
    howToFix: `Add \`ssl_protocols ${GOOD};\` to the http block (for every server) or to the server (the quick fix). ${TARGET_VERSION_DOC} With a target of 1.27.3 or later the default is already safe and the rule reports nothing.`,
    whenNotToUse: 'Configs that only run on nginx 1.27.3 or later: set `targetVersion` instead of disabling the rule.',
    examples: { bad: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/site.pem;\n    ssl_certificate_key /etc/ssl/site.key;\n}', good: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/site.pem;\n    ssl_certificate_key /etc/ssl/site.key;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}' },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    const target = targetOf(ctx);
    const safeDefault = atLeast(target, NGINX_SAFE_PROTOCOL_DEFAULT) === true;
    for (const server of httpServers(model)) {
      if (!servesTls(server, ctx)) continue;
      const set = effective(model, server, 'ssl_protocols', ctx);
      if (set.unknown || set.directives.length) continue;
      if (safeDefault) {
        ctx.pass({ range: nameRange(model, server), message: `nginx default protocols TLSv1.2 TLSv1.3 at ${serverLabel(server)} (target nginx ${target} >= ${NGINX_SAFE_PROTOCOL_DEFAULT})` });
        continue;
      }
      const at = sslInsertPoint(model, server);
      ctx.report({
        range: nameRange(model, server),
        message: `${serverLabel(server)} serves TLS without "ssl_protocols" at any level: nginx before ${NGINX_SAFE_PROTOCOL_DEFAULT} then also enables TLSv1 and TLSv1.1. Add "ssl_protocols ${GOOD};" (or set the rule option targetVersion if the config only runs on nginx ${NGINX_SAFE_PROTOCOL_DEFAULT} or later).`,
        fix: { title: `Add "ssl_protocols ${GOOD};" to the server`, edits: [insertLines(model, server, [`ssl_protocols ${GOOD};`], at)] },
      });
    }
  },
});

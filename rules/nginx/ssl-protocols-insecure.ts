import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import { httpServers, replaceArgs } from './model';
import { MOZILLA_INTERMEDIATE, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, effective, isInsecureProtocol, rangeFor, serverLabel, validateTargetVersion, whereIs, servesTls } from './tls';

const GOOD = MOZILLA_INTERMEDIATE.protocols.join(' ');

export default defineRule<NginxModel>({
  id: 'nginx/ssl-protocols-insecure',
  title: 'ssl_protocols enables only TLSv1.2 and TLSv1.3',
  level: 'block',
  controls: ['edge.tls'],
  aliases: { gixy: ['weak_ssl_tls'], semgrep: ['insecure-ssl-version'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'SSLv2 and SSLv3 are broken (DROWN, POODLE) and TLSv1 / TLSv1.1 were deprecated by RFC 8996: they rely on SHA-1/MD5 and CBC constructions with known attacks (BEAST, Lucky13), and every current browser refuses them. Leaving them enabled only lets an attacker or an old client negotiate a weak connection; PCI DSS forbids them. Mozilla\'s intermediate profile (server-side TLS guidelines 6.0) allows TLSv1.2 and TLSv1.3 only. The same applies to `ssl_protocols` of mail and stream servers.',
    howToFix: `Set \`ssl_protocols ${GOOD};\` (the quick fix replaces the list). Debian's and Ubuntu's packaged nginx.conf sets \`TLSv1 TLSv1.1 TLSv1.2 TLSv1.3\` in the http block: change it there. ${TARGET_VERSION_DOC} It does not change this rule.`,
    whenNotToUse: 'Servers that must keep serving clients that cannot do TLSv1.2 (embedded devices, Windows XP era software) on a dedicated, isolated endpoint: suppress the finding there with a reason.',
    examples: { bad: 'http {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n}', good: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}' },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'ssl_protocols') continue;
      const bad = d.args.map((a) => a.value).filter(isInsecureProtocol);
      if (!bad.length) continue;
      const list = bad.map((p) => `"${p}"`).join(', ');
      // The author wrote it: changing it is offered, never applied unattended.
      ctx.report({
        range: nameRange(model, d),
        message: `ssl_protocols explicitly enables ${list}, which ${bad.length > 1 ? 'are' : 'is'} insecure and refused by current browsers: allow only "${GOOD}".`,
        suggestions: [{ title: `Set "ssl_protocols ${GOOD};"`, edits: [replaceArgs(model, d, GOOD)] }],
      });
    }
    // Evidence: TLS servers whose protocols are set explicitly to safe ones.
    for (const server of httpServers(model)) {
      if (!servesTls(server, ctx)) continue;
      const set = effective(model, server, 'ssl_protocols', ctx);
      const d = set.directives[set.directives.length - 1];
      if (!d || set.unknown) continue;
      const values = d.args.map((a) => a.value);
      if (!values.length || values.some(isInsecureProtocol)) continue;
      ctx.pass({ range: rangeFor(model, d, server), message: `${values.join(' ')} at ${serverLabel(server)} (ssl_protocols, ${whereIs(d, model)})` });
    }
  },
});

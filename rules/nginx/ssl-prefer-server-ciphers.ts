import { defineRule, type Fix } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { replaceArg } from './model';
import { MOZILLA_INTERMEDIATE, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, effective, levelsAt, validateTargetVersion } from './tls';
import type { RuleContext } from '../types';

/** Is every cipher of the list an AEAD suite (GCM, ChaCha20-Poly1305, CCM), as in Mozilla's intermediate list? */
function aeadOnly(value: string): boolean {
  const parts = value.split(/[:, ;]+/).filter(Boolean);
  const adds = parts.filter((p) => !/^[!+-]/.test(p) && !p.startsWith('@'));
  return adds.length > 0 && adds.every((p) => /^[A-Z0-9]+(-[A-Z0-9]+)+$/i.test(p) && /(GCM|CHACHA20|CCM)/i.test(p));
}

/** `ssl_conf_command Options PrioritizeChaCha` at this level or above: server order that still defers to ChaCha clients. */
function prioritizesChaCha(model: NginxModel, block: NginxDirective | null, ctx: RuleContext): boolean {
  for (const level of levelsAt(model, block, ctx)) {
    if (!level) return false;
    if (level.some((d) => d.name === 'ssl_conf_command' && d.args[0]?.value.toLowerCase() === 'options' && d.args.slice(1).some((a) => /prioritizechacha/i.test(a.value)))) return true;
  }
  return false;
}

export default defineRule<NginxModel>({
  id: 'nginx/ssl-prefer-server-ciphers',
  title: 'Clients choose the cipher (ssl_prefer_server_ciphers off)',
  level: 'report',
  controls: ['edge.tls'],
  aliases: { gixy: ['weak_ssl_tls'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      "Mozilla's intermediate profile (guidelines 6.0) sets `ssl_prefer_server_ciphers off`: when every enabled cipher is a strong AEAD suite, letting the client pick lets phones without AES hardware use ChaCha20-Poly1305 instead of a slower AES-GCM. Forcing the server's order was useful when lists mixed strong and weak ciphers; it is a leftover in most configs (Debian's packaged nginx.conf sets it on).",
    howToFix: `Set \`ssl_prefer_server_ciphers off;\` together with an AEAD-only list such as Mozilla's intermediate one. The quick fix is offered for review, never applied unattended, since \`on\` is written explicitly; with a mixed list the server's order may be what keeps clients off CBC suites. To keep server preference, add \`ssl_conf_command Options PrioritizeChaCha;\` (nginx 1.19.4, OpenSSL 1.1.1), which the rule accepts. ${TARGET_VERSION_DOC} It does not change this rule.`,
    whenNotToUse: 'A policy that requires the server to dictate the order (some compliance baselines): suppress with the reason, or add PrioritizeChaCha.',
    examples: { bad: 'ssl_prefer_server_ciphers on;', good: `ssl_ciphers ${MOZILLA_INTERMEDIATE.ciphers};\nssl_prefer_server_ciphers off;` },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'ssl_prefer_server_ciphers') continue;
      if (d.args[0]?.value.toLowerCase() === 'off') ctx.pass({ range: nameRange(model, d), message: `Clients choose the cipher (ssl_prefer_server_ciphers off, line ${d.line + 1})` });
      if (d.args[0]?.value.toLowerCase() !== 'on') continue;
      if (prioritizesChaCha(model, d.parent, ctx)) continue;
      const ciphers = effective(model, d.parent, 'ssl_ciphers', ctx);
      const cipherDirective = ciphers.directives[ciphers.directives.length - 1];
      const strong = !ciphers.unknown && !!cipherDirective && cipherDirective.args.length === 1 && aeadOnly(cipherDirective.args[0].value);
      const change: Fix = { title: 'Set "ssl_prefer_server_ciphers off;"', edits: [replaceArg(model, d, 0, 'off')] };
      ctx.report({
        range: nameRange(model, d),
        message: strong
          ? 'ssl_prefer_server_ciphers is turned on explicitly although every enabled cipher is a strong AEAD suite: set it to "off" (Mozilla intermediate) so clients without AES hardware can pick ChaCha20-Poly1305.'
          : 'ssl_prefer_server_ciphers is turned on explicitly: Mozilla\'s intermediate profile sets it "off" together with an AEAD-only cipher list (GCM, ChaCha20-Poly1305). Switch the list to Mozilla\'s intermediate one, then set this to "off".',
        // The author turned it on: switching it is offered, never applied unattended.
        suggestions: [change],
      });
    }
  },
});

import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxArg } from './parser';
import { replaceArg } from './model';
import { MOZILLA_INTERMEDIATE, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, validateTargetVersion } from './tls';

/** Post-quantum (hybrid) key-exchange groups: only OpenSSL 3.5+ knows them. */
const isPostQuantum = (g: string) => /MLKEM|KYBER/i.test(g);

function rewrite(arg: NginxArg, value: string): string {
  return arg.quote ? `${arg.quote}${value}${arg.quote}` : value;
}

export default defineRule<NginxModel>({
  id: 'nginx/ssl-ecdh-curve-unsupported',
  title: 'ssl_ecdh_curve does not name groups the OpenSSL may not know',
  level: 'block',
  controls: ['edge.tls', 'edge.config-valid'],
  aliases: { gixy: ['ssl_ecdh_curve'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'nginx hands `ssl_ecdh_curve` to OpenSSL\'s SSL_CTX_set1_curves_list(), which rejects the whole list when one group name is unknown; nginx then refuses to start (`[emerg] SSL_CTX_set1_curves_list(...) failed ... group \'X25519MLKEM768\' cannot be set`). Post-quantum hybrids (X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024, the X25519Kyber768Draft00 drafts) exist only in OpenSSL 3.5 and later; Debian 12, Ubuntu 24.04 and RHEL 9 ship OpenSSL 3.0 to 3.2, so a list copied from Mozilla\'s 6.0 generator or a blog post takes the site down there.',
    howToFix: `Two quick fixes are offered for review. Prefix the post-quantum groups with \`?\` (\`?X25519MLKEM768:X25519:...\`): OpenSSL then skips groups it does not know, but the \`?\` syntax itself needs OpenSSL 3.3 or later (on OpenSSL 3.0, as in Debian 12's nginx 1.22, the prefixed list fails the same way). Or drop the post-quantum groups (\`${MOZILLA_INTERMEDIATE.classicCurves}\`), which works with every OpenSSL but gives up post-quantum key exchange where it was available. Neither is applied automatically because the right one depends on the OpenSSL nginx is linked with (\`nginx -V\`). ${TARGET_VERSION_DOC} It does not change this rule.`,
    whenNotToUse: 'Deployments that only ever run with OpenSSL 3.5 or later (check `nginx -V`), for example an image you build yourself.',
    examples: { bad: 'ssl_ecdh_curve X25519MLKEM768:X25519:prime256v1:secp384r1;', good: 'ssl_ecdh_curve X25519:prime256v1:secp384r1;' },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'ssl_ecdh_curve' || d.args.length !== 1) continue;
      const arg = d.args[0];
      if (arg.value.includes('$')) continue;
      const groups = arg.value.split(':').filter(Boolean);
      const risky = groups.filter((g) => !g.startsWith('?') && isPostQuantum(g));
      if (!risky.length) continue;
      const tolerant = groups.map((g) => (risky.includes(g) ? '?' + g : g)).join(':');
      const kept = groups.filter((g) => !isPostQuantum(g.replace(/^\?/, '')));
      const classic = kept.length ? kept.join(':') : MOZILLA_INTERMEDIATE.classicCurves;
      const names = risky.map((g) => `"${g}"`).join(', ');
      ctx.report({
        range: nameRange(model, d),
        message: `ssl_ecdh_curve names the post-quantum group${risky.length > 1 ? 's' : ''} ${names} without the "?" prefix: with OpenSSL older than 3.5 nginx refuses to start. Prefix ${risky.length > 1 ? 'them' : 'it'} with "?" (needs OpenSSL 3.3+) or remove ${risky.length > 1 ? 'them' : 'it'}.`,
        suggestions: [
          { title: `Prefix with "?" (OpenSSL 3.3+ skips unknown groups): ${tolerant}`, edits: [replaceArg(model, d, 0, rewrite(arg, tolerant))] },
          { title: `Remove the post-quantum group${risky.length > 1 ? 's' : ''} (any OpenSSL): ${classic}`, edits: [replaceArg(model, d, 0, rewrite(arg, classic))] },
        ],
      });
    }
  },
});

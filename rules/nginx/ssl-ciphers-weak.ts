import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { httpServers, replaceArgs } from './model';
import { walkDirectives } from './parser';
import { LEGACY_CLASSES, MOZILLA_INTERMEDIATE, TARGET_VERSION_DOC, TARGET_VERSION_OPTION, cipherClassLabel, effective, rangeFor, serverLabel, validateTargetVersion, weakCiphers, whereIs, type WeakCipher, servesTls } from './tls';

/** Does only TLSv1.3 apply at this level and below (ssl_ciphers then configures nothing)? */
function tls13Only(model: NginxModel, d: NginxDirective, ctx: Parameters<typeof effective>[3]): boolean {
  const only13 = (p: NginxDirective | undefined) => !!p && p.args.length > 0 && p.args.every((a) => a.value.toLowerCase() === 'tlsv1.3');
  const here = effective(model, d.parent, 'ssl_protocols', ctx);
  if (here.unknown || !only13(here.directives[0])) return false;
  // A server below may enable TLSv1.2 again and use these ciphers.
  const below = d.parent ? [...walkDirectives(d.parent.block ?? [])] : allDirectives(model);
  return below.every((x) => x.name !== 'ssl_protocols' || only13(x));
}

function weakOf(value: string, legacy: boolean): WeakCipher[] {
  return weakCiphers(value).filter((w) => legacy || !LEGACY_CLASSES.has(w.cls));
}

export default defineRule<NginxModel>({
  id: 'nginx/ssl-ciphers-weak',
  title: 'ssl_ciphers enables no weak ciphers',
  level: 'block',
  controls: ['edge.tls'],
  aliases: { gixy: ['weak_ssl_tls'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'A cipher string that enables RC4, DES/3DES (SWEET32), NULL or EXPORT ciphers (FREAK, Logjam), MD5 MACs or anonymous key exchange (aNULL: no server authentication, trivially intercepted) lets a client or an attacker downgrading the handshake end up on a connection that can be decrypted or forged. Catch-alls such as `ALL` and `DEFAULT` switch many of them on unless the rest of the string removes them. The rule evaluates the string the way OpenSSL does: `!X` removes a family for good, `-X` until it is added again, `+X` only reorders. nginx\'s own default `HIGH:!aNULL:!MD5` passes.',
    howToFix: `Use Mozilla's intermediate list (guidelines 6.0), which the quick fix writes: \`ssl_ciphers "${MOZILLA_INTERMEDIATE.ciphers}";\`, with \`ssl_prefer_server_ciphers off;\`. Or remove the weak families with \`!\` (for example \`!RC4:!3DES:!aNULL\`). ${TARGET_VERSION_DOC} Option \`flagLegacy\` (default false) also reports CAMELLIA and SEED, which are not broken but absent from Mozilla's lists.`,
    whenNotToUse: 'An endpoint that must serve legacy clients (old Java, Windows XP) and is isolated from the main site: suppress the finding there with a reason.',
    examples: { bad: 'ssl_ciphers ALL:!aNULL;', good: `ssl_ciphers "${MOZILLA_INTERMEDIATE.ciphers}";` },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION, flagLegacy: false },
  validateOptions(o) {
    if (o.flagLegacy !== undefined && typeof o.flagLegacy !== 'boolean') return 'flagLegacy must be true or false';
    return validateTargetVersion(o);
  },
  check(model, ctx) {
    const legacy = ctx.options.flagLegacy === true;
    for (const d of allDirectives(model)) {
      if (d.name !== 'ssl_ciphers' || d.args.length !== 1) continue;
      const value = d.args[0].value;
      if (value.includes('$')) continue;
      const weak = weakOf(value, legacy);
      if (!weak.length || tls13Only(model, d, ctx)) continue;
      const byToken = new Map<string, string[]>();
      for (const w of weak) byToken.set(w.token, [...(byToken.get(w.token) ?? []), cipherClassLabel(w.cls)]);
      const list = [...byToken].map(([token, labels]) => `"${token}" enables ${labels.join(', ')}`).join('; ');
      // The author wrote it: changing it is offered, never applied unattended.
      ctx.report({
        range: nameRange(model, d),
        message: `ssl_ciphers explicitly allows weak ciphers (${list}): use Mozilla's intermediate list, or exclude them with "!".`,
        suggestions: [{ title: "Use Mozilla's intermediate cipher list", edits: [replaceArgs(model, d, `"${MOZILLA_INTERMEDIATE.ciphers}"`)] }],
      });
    }
    for (const server of httpServers(model)) {
      if (!servesTls(server, ctx)) continue;
      const set = effective(model, server, 'ssl_ciphers', ctx);
      if (set.unknown) continue;
      const d = set.directives[set.directives.length - 1];
      if (!d) {
        ctx.pass({ range: nameRange(model, server), message: `nginx default ciphers HIGH:!aNULL:!MD5 at ${serverLabel(server)}` });
        continue;
      }
      if (d.args.length !== 1 || d.args[0].value.includes('$') || weakOf(d.args[0].value, legacy).length) continue;
      const mozilla = d.args[0].value === MOZILLA_INTERMEDIATE.ciphers;
      ctx.pass({ range: rangeFor(model, d, server), message: `${mozilla ? "Mozilla intermediate ciphers" : 'No weak ciphers'} at ${serverLabel(server)} (ssl_ciphers, ${whereIs(d, model)})` });
    }
  },
});

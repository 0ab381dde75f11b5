import { defineRule, type Fix, type TextEdit } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { childrenOf, deleteDirective, httpServers, insertLines } from './model';
import { includerChain } from './includes';
import { TARGET_VERSION_DOC, TARGET_VERSION_OPTION, effective, inFile, serverLabel, sslInsertPoint, validateTargetVersion, servesTls } from './tls';
import type { RuleContext } from '../types';

/** certbot's layout (/etc/letsencrypt/live/<name>/...), also under another prefix (/usr/local/etc, containers). */
const isLetsEncrypt = (path: string) => /(^|\/)etc\/letsencrypt\//.test(path);

const staplingCache = new WeakMap<NginxModel, { ws: unknown; users: Map<NginxDirective, NginxDirective[]> }>();

/** For each ssl_stapling directive, the TLS servers it applies to (in config order), worked out once per lint. */
function staplingUsers(model: NginxModel, ctx: RuleContext): Map<NginxDirective, NginxDirective[]> {
  const hit = staplingCache.get(model);
  if (hit && hit.ws === ctx.workspace) return hit.users;
  const users = new Map<NginxDirective, NginxDirective[]>();
  for (const s of httpServers(model)) {
    if (!servesTls(s, ctx)) continue;
    for (const st of new Set(effective(model, s, 'ssl_stapling', ctx).directives)) {
      const list = users.get(st);
      if (list) list.push(s);
      else users.set(st, [s]);
    }
  }
  staplingCache.set(model, { ws: ctx.workspace, users });
  return users;
}

/** The TLS servers whose ssl_stapling is the directive `d`. */
function affectedServers(model: NginxModel, d: NginxDirective, ctx: RuleContext): NginxDirective[] {
  const p = d.parent;
  if (p?.name === 'server') return servesTls(p, ctx) ? [p] : [];
  let servers = staplingUsers(model, ctx).get(d) ?? [];
  if (!p && !servers.length) {
    // A snippet included into a server: judge that server.
    const chain = includerChain(model, ctx);
    const around = chain?.blocks[chain.blocks.length - 1];
    if (around?.name === 'server' && servesTls(around, ctx)) servers = [around];
  }
  return servers;
}

interface CertInfo {
  server: NginxDirective;
  le: string[];
  known: boolean;
}

function certsOf(model: NginxModel, server: NginxDirective, ctx: RuleContext): CertInfo {
  const certs = effective(model, server, 'ssl_certificate', ctx);
  const trusted = effective(model, server, 'ssl_trusted_certificate', ctx);
  const paths = [...certs.directives, ...trusted.directives].map((c) => c.args[0]?.value ?? '');
  return { server, le: [...new Set(paths.filter(isLetsEncrypt))], known: !certs.unknown && certs.directives.length > 0 };
}

export default defineRule<NginxModel>({
  id: 'nginx/ssl-stapling-letsencrypt',
  title: "No OCSP stapling for Let's Encrypt certificates",
  level: 'report',
  controls: ['edge.tls'],
  aliases: { gixy: ['ssl_stapling_letsencrypt'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      "Let's Encrypt stopped putting an OCSP responder URL into its certificates in 2025 and shut its OCSP responders down on 2025-08-06. `ssl_stapling on` for such a certificate staples nothing: nginx logs `\"ssl_stapling\" ignored, no OCSP responder URL in the certificate` at every start and the directives are dead configuration that suggests a revocation check which does not happen. Certificates of CAs that still run OCSP responders are not concerned.",
    howToFix: `Remove \`ssl_stapling\` and \`ssl_stapling_verify\` where they apply only to Let's Encrypt certificates (the quick fix), or add \`ssl_stapling off;\` to the Let's Encrypt servers when the same level also serves certificates of other CAs (the quick fix does that when needed). An \`ssl_trusted_certificate\` kept only for stapling (certbot's chain.pem) can go too. ${TARGET_VERSION_DOC} It does not change this rule.`,
    whenNotToUse: "Certificates stored under /etc/letsencrypt/ that another CA issued (a different ACME CA used through certbot, whose responders still work).",
    examples: {
      bad: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;\n    ssl_stapling on;\n    ssl_stapling_verify on;\n}',
      good: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;\n    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;\n}',
    },
  },
  defaultOptions: { ...TARGET_VERSION_OPTION },
  validateOptions: validateTargetVersion,
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'ssl_stapling' || d.args[0]?.value.toLowerCase() !== 'on') continue;
      const infos = affectedServers(model, d, ctx).map((s) => certsOf(model, s, ctx));
      const le = infos.filter((i) => i.le.length);
      if (!le.length) continue;
      const paths = [...new Set(le.flatMap((i) => i.le))];
      const others = infos.filter((i) => !i.le.length);
      let fix: Fix | undefined;
      if (!others.length && infos.every((i) => i.known && inFile(i.server, model))) {
        // (A snippet judged through its first includer may serve other servers too: no fix then.)
        const level = childrenOf(model, d.parent);
        const lines = level.filter((x) => (x === d || x.name === 'ssl_stapling_verify') && inFile(x, model));
        fix = { title: 'Remove ssl_stapling and ssl_stapling_verify', edits: lines.map((x) => deleteDirective(model, x)) };
      } else if (le.every((i) => inFile(i.server, model))) {
        const edits: TextEdit[] = le.map((i) => insertLines(model, i.server, ['ssl_stapling off;'], sslInsertPoint(model, i.server)));
        fix = { title: `Add "ssl_stapling off;" to the Let's Encrypt server${le.length > 1 ? 's' : ''}`, edits };
      }
      const where = d.parent?.name === 'server' ? '' : ` (${le.map((i) => serverLabel(i.server)).join(', ')})`;
      ctx.report({
        range: nameRange(model, d),
        message: `ssl_stapling is on for the Let's Encrypt certificate${paths.length > 1 ? 's' : ''} ${paths.map((p) => `"${p}"`).join(', ')}${where}, whose OCSP responders were shut down on 2025-08-06: stapling does nothing. Remove ssl_stapling and ssl_stapling_verify${others.length ? ", or turn stapling off in the Let's Encrypt servers" : ''}.`,
        fix,
      });
    }
  },
});

import { defineRule } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import { addressKind } from './access-helpers';

export default defineRule<NginxModel>({
  id: 'nginx/resolver-external',
  title: '"resolver" uses a local DNS server',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { gixy: ['resolver_external'] },
  docs: {
    rationale:
      'nginx\'s resolver is a minimal stub: it sends plain UDP queries and accepts the first answer with a matching ID. Pointed at a public DNS server across the internet, anyone on the path (or spraying spoofed replies) can poison its cache and make nginx proxy requests, and the credentials in them, to a host of their choosing.',
    howToFix:
      'Use a resolver on the host or in the private network: a local caching resolver (`resolver 127.0.0.1;`, systemd-resolved `127.0.0.53`), Docker\'s `127.0.0.11`, the cluster DNS (`kube-dns.kube-system.svc.cluster.local`), or the VPC resolver (e.g. `169.254.169.253` on AWS).',
    whenNotToUse: 'Hosts without any local resolver where the public resolver is reached over a trusted, encrypted link.',
    examples: { bad: 'resolver 8.8.8.8 1.1.1.1 valid=300s;', good: 'resolver 127.0.0.53 valid=300s;' },
  },
  check(model, ctx) {
    for (const d of allDirectives(model)) {
      if (d.name !== 'resolver') continue;
      const addrs = d.args.filter((a) => !a.value.includes('='));
      if (!addrs.length) continue;
      const kinds = addrs.map((a) => addressKind(a.value));
      const external = addrs.filter((_, i) => kinds[i] === 'public');
      if (external.length) {
        const list = external.map((a) => a.value).join(', ');
        ctx.report({
          range: nameRange(model, d),
          message: `"resolver" queries public DNS server${external.length > 1 ? 's' : ''} ${list}: spoofed replies can poison nginx's cache and redirect proxied traffic. Use a local or private resolver (127.0.0.1, 127.0.0.53, the cluster or VPC DNS).`,
        });
      } else if (kinds.every((k) => k === 'local')) {
        ctx.pass({ range: rangeOf(model, d), message: `resolver ${addrs.map((a) => a.value).join(' ')} is local` });
      }
    }
  },
});

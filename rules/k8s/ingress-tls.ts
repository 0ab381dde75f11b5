import { defineRule } from '../types';
import { getIn, getMap, isSeq, keyNode, nodeRange } from './language';
import type { K8sModel } from './language';
import { insertPath, mapItems, objectLabel, objectRange, scalarString, seqAt } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/ingress-tls',
  title: 'Ingresses terminate TLS',
  level: 'warn',
  controls: ['k8s.network-policy'],
  aliases: { polaris: ['tlsSettingsMissing'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'An Ingress without `tls` serves its hosts over plain HTTP: credentials, cookies and data cross the network in clear text and can be read or altered on the way.',
    howToFix: 'Add `spec.tls` listing the hosts and the Secret that holds their certificate (issued, for example, by cert-manager through an annotation such as `cert-manager.io/cluster-issuer`).',
    whenNotToUse: 'Ingress controllers or load balancers that terminate TLS before the Ingress (the rule cannot see that), and internal-only HTTP endpoints.',
    examples: { bad: 'kind: Ingress\nspec:\n  rules:\n  - host: shop.example.com', good: 'kind: Ingress\nspec:\n  tls:\n  - hosts: [shop.example.com]\n    secretName: shop-tls\n  rules:\n  - host: shop.example.com' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'Ingress') continue;
      const spec = getMap(obj.node, ['spec']);
      const tls = getIn(spec, ['tls']);
      if (isSeq(tls) && tls.items.length > 0) {
        ctx.pass({ range: nodeRange(model.index, keyNode(spec, 'tls'))!, message: `${objectLabel(obj)} terminates TLS` });
        continue;
      }
      const hosts = [...new Set(mapItems(seqAt(spec, ['rules'])).map((r) => scalarString(getIn(r.node, ['host']))).filter((h): h is string => !!h))];
      const secret = `${obj.name ?? 'ingress'}-tls`;
      const lines = hosts.length
        ? ['- hosts:', ...hosts.map((h) => `  - ${h}`), `  secretName: ${secret}  # review: Secret with the certificate (e.g. issued by cert-manager)`]
        : [`- secretName: ${secret}  # review: Secret with the certificate (e.g. issued by cert-manager); list the hosts`];
      const edits = spec ? insertPath(model.index, spec, ['tls'], lines) : null;
      ctx.report({
        range: tls ? nodeRange(model.index, keyNode(spec, 'tls'))! : objectRange(model, obj),
        message: `${objectLabel(obj)} has no TLS section: ${hosts.length ? hosts.join(', ') : 'its hosts'} ${hosts.length === 1 ? 'is' : 'are'} served over plain HTTP.`,
        suggestions: edits ? [{ title: `Add spec.tls with Secret "${secret}" (review)`, edits }] : undefined,
      });
    }
  },
});

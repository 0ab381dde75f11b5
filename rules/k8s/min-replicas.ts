import { defineRule } from '../types';
import { getIn, keyNode, nodeRange, stringAt } from './language';
import type { K8sModel, K8sObject } from './language';
import { insertPath, objectLabel, objectRange, toNumber, valueOf } from './workload-util';
import { replaceEdit } from '../text';
import { getMap, isScalar } from './language';

const KINDS = new Set(['Deployment', 'StatefulSet']);

/** An HorizontalPodAutoscaler in the same file that scales `obj` (it owns `spec.replicas`). */
function autoscaler(model: K8sModel, obj: K8sObject): K8sObject | undefined {
  return model.objects.find(
    (o) =>
      o.kind === 'HorizontalPodAutoscaler' &&
      stringAt(o.node, ['spec', 'scaleTargetRef', 'kind']) === obj.kind &&
      stringAt(o.node, ['spec', 'scaleTargetRef', 'name']) === obj.name &&
      (o.namespace ?? null) === (obj.namespace ?? null),
  );
}

export default defineRule<K8sModel>({
  id: 'k8s/min-replicas',
  title: 'Deployments and StatefulSets run more than one replica',
  level: 'warn',
  controls: ['k8s.availability'],
  aliases: { kubeLinter: ['minimum-three-replicas'], polaris: ['deploymentMissingReplicas'], kubeScore: ['deployment-replicas'] },
  hasSuggestions: true,
  defaultOptions: { min: 2 },
  validateOptions(options) {
    const min = options.min;
    return typeof min === 'number' && Number.isInteger(min) && min >= 1 ? undefined : '"min" must be an integer of at least 1';
  },
  docs: {
    rationale:
      'A single replica is down during every node drain, rollout hiccup, eviction and crash: the service has no redundancy. `spec.replicas` left out means exactly one.',
    howToFix: 'Set `spec.replicas` to at least 2 (option `min`), or let a HorizontalPodAutoscaler with `minReplicas` ≥ 2 own the count (then leave `spec.replicas` out).',
    whenNotToUse: 'Singletons by design (leader-only jobs, databases without replication) and development environments.',
    examples: { bad: 'kind: Deployment\nspec:\n  replicas: 1', good: 'kind: Deployment\nspec:\n  replicas: 3' },
  },
  check(model, ctx) {
    const min = typeof ctx.options.min === 'number' ? ctx.options.min : 2;
    for (const obj of model.objects) {
      if (!KINDS.has(obj.kind)) continue;
      const spec = getMap(obj.node, ['spec']);
      if (!spec) continue;
      const node = getIn(spec, ['replicas']);
      const hpa = autoscaler(model, obj);
      if (!node || (isScalar(node) && node.value === null)) {
        if (hpa) {
          ctx.pass({ range: objectRange(model, hpa), message: `${objectLabel(obj)} is scaled by ${objectLabel(hpa)}` });
          continue;
        }
        // 3 replicas keep two serving while one node or zone is lost during a rollout (Polaris adds 3 too).
        const suggested = Math.max(min, 3);
        const edits = node ? null : insertPath(model.index, spec, ['replicas'], `${suggested}  # review: replicas needed for availability`);
        ctx.report({
          range: nodeRange(model.index, keyNode(spec, 'replicas') ?? keyNode(obj.node, 'spec'))!,
          message: `${objectLabel(obj)} does not set spec.replicas, so it runs a single replica; run at least ${min} (or let an HorizontalPodAutoscaler scale it).`,
          suggestions: edits ? [{ title: `Set spec.replicas: ${suggested} (review)`, edits }] : undefined,
        });
        continue;
      }
      const n = toNumber(valueOf(node));
      if (Number.isNaN(n)) continue;
      const range = nodeRange(model.index, node)!;
      if (n >= min) {
        ctx.pass({ range, message: `${objectLabel(obj)} runs ${n} replicas` });
        continue;
      }
      if (n === 0) continue; // scaled to zero on purpose
      ctx.report({
        range,
        message: `${objectLabel(obj)} runs ${n} replica${n === 1 ? '' : 's'}; run at least ${min} so it survives a node drain or crash.`,
        suggestions: node.range ? [{ title: `Set spec.replicas: ${Math.max(min, 3)} (review)`, edits: [replaceEdit(model.index, node.range[0], node.range[1], String(Math.max(min, 3)))] }] : undefined,
      });
    }
  },
});

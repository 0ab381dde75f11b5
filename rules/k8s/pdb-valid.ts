import { defineRule } from '../types';
import { getIn, getMap, isScalar, keyNode, nodeRange, objectLabel, type K8sModel } from './language';
import { fixOf, objectRange, scalarString } from './workload-util';
import { replaceScalar, setPath } from './yaml-edit';

/** `0`, `"0"`, `0%`. */
function isZero(v: string): boolean {
  return /^\s*0+\s*%?\s*$/.test(v);
}

export default defineRule<K8sModel>({
  id: 'k8s/pdb-valid',
  title: 'PodDisruptionBudgets allow voluntary evictions',
  level: 'warn',
  controls: ['k8s.availability'],
  aliases: { kubeLinter: ['pdb-max-unavailable'], kubeScore: ['poddisruptionbudget-has-policy'], polaris: ['pdbDisruptionsIsZero'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A PodDisruptionBudget with `maxUnavailable: 0` or `minAvailable: 100%` forbids every voluntary eviction: node drains, cluster upgrades and autoscaler scale-downs hang on these pods until someone deletes the budget. A budget without `minAvailable` or `maxUnavailable` protects nothing.',
    howToFix: 'Set `maxUnavailable: 1` (or a percentage) or a `minAvailable` below the replica count.',
    whenNotToUse: 'Temporarily, while an operator deliberately freezes a workload during a maintenance window.',
    examples: { bad: 'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 0', good: 'kind: PodDisruptionBudget\nspec:\n  maxUnavailable: 1' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'PodDisruptionBudget') continue;
      const spec = getMap(obj.node, ['spec']);
      const maxNode = getIn(spec, ['maxUnavailable']);
      const minNode = getIn(spec, ['minAvailable']);
      const max = scalarString(maxNode);
      const min = scalarString(minNode);
      let bad = false;
      if (max !== null && isZero(max)) {
        bad = true;
        const s = fixOf('Set maxUnavailable: 1 (review)', replaceScalar(model.index, maxNode!, '1'));
        ctx.report({
          range: nodeRange(model.index, maxNode)!,
          message: `${objectLabel(obj)} sets maxUnavailable: ${max}, which blocks every voluntary eviction: node drains hang on its pods.`,
          suggestions: s ? [s] : undefined,
        });
      }
      if (min !== null && /^\s*100\s*%\s*$/.test(min)) {
        bad = true;
        ctx.report({
          range: nodeRange(model.index, minNode)!,
          message: `${objectLabel(obj)} sets minAvailable: ${min}, which blocks every voluntary eviction: node drains hang on its pods.`,
        });
      }
      if (bad) continue;
      const unset = (n: ReturnType<typeof getIn>) => !n || (isScalar(n) && (n.value === null || n.value === ''));
      if (unset(maxNode) && unset(minNode)) {
        const edits = spec ? setPath(model.index, spec, ['maxUnavailable'], '1  # review: how many pods may be down at once during node drains') : null;
        const s = fixOf('Add maxUnavailable: 1 (review)', edits);
        ctx.report({
          range: nodeRange(model.index, keyNode(obj.node, 'spec')) ?? objectRange(model, obj),
          message: `${objectLabel(obj)} sets neither minAvailable nor maxUnavailable, so it protects nothing.`,
          suggestions: s ? [s] : undefined,
        });
        continue;
      }
      const proof = unset(maxNode) ? minNode : maxNode;
      ctx.pass({ range: nodeRange(model.index, proof)!, message: `${objectLabel(obj)} allows voluntary evictions (${unset(maxNode) ? `minAvailable: ${min}` : `maxUnavailable: ${max}`})` });
    }
  },
});

import { defineRule } from '../types';
import { getIn, getMap, isScalar, keyNode, nodeRange, type K8sModel, objectLabel } from './language';
import { sameNamespace } from './selectors';
import { removeKey } from './yaml-edit';
import { workspaceItems } from './workspace-util';

export default defineRule<K8sModel>({
  id: 'k8s/hpa-replicas-conflict',
  title: 'Workloads scaled by an HPA do not set replicas',
  level: 'warn',
  controls: ['k8s.availability'],
  aliases: { kubeScore: ['deployment-targeted-by-hpa-does-not-have-replicas-configured'] },
  needsWorkspace: true,
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'When a HorizontalPodAutoscaler manages a workload, `spec.replicas` in the manifest fights it: every `kubectl apply` or GitOps sync resets the replica count, scaling the workload down in the middle of a traffic peak.',
    howToFix: 'Remove `spec.replicas` from the Deployment or StatefulSet and let the HPA (`minReplicas`) decide.',
    whenNotToUse: 'Pipelines that apply with server-side apply and a field manager that leaves `replicas` to the HPA.',
    examples: { bad: 'kind: Deployment\nspec:\n  replicas: 3   # an HPA targets this Deployment', good: 'kind: Deployment\nspec:\n  # replicas managed by the HPA' },
  },
  check(model, ctx) {
    const hpas = workspaceItems(ctx).filter((i) => i.kind === 'HorizontalPodAutoscaler' && i.scaleTarget);
    for (const o of model.objects) {
      if (o.kind !== 'Deployment' && o.kind !== 'StatefulSet') continue;
      const spec = getMap(o.node, ['spec']);
      const replicasKey = keyNode(spec, 'replicas');
      if (!spec || !replicasKey) continue;
      const hpa = hpas.find((h) => h.scaleTarget!.kind === o.kind && h.scaleTarget!.name === o.name && sameNamespace(h, o));
      if (!hpa) continue;
      // The author wrote the count: removing it is offered, never applied unattended.
      const edits = removeKey(model.index, spec, 'replicas');
      const value = getIn(spec, ['replicas']);
      const written = value && isScalar(value) && value.range ? ` (${model.text.slice(value.range[0], value.range[1]).trim()})` : '';
      ctx.report({
        range: nodeRange(model.index, replicasKey)!,
        message: `${objectLabel(o)} sets spec.replicas explicitly${written} but HorizontalPodAutoscaler "${hpa.name}" scales it: every apply resets the replica count. Remove spec.replicas.`,
        suggestions: edits ? [{ title: 'Remove spec.replicas (the HPA manages it)', edits }] : undefined,
      });
    }
  },
});

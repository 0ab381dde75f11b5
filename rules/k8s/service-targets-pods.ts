import { defineRule } from '../types';
import { keyNode, getMap, nodeRange, stringAt, type K8sModel, objectLabel } from './language';
import { indexItem, isEmptySelector, selects, sameNamespace } from './selectors';
import { objectRange, workspaceItems } from './workspace-util';

export default defineRule<K8sModel>({
  id: 'k8s/service-targets-pods',
  title: 'Services select the pods of a workload',
  level: 'warn',
  controls: ['k8s.wiring'],
  aliases: { kubeLinter: ['dangling-service'], kubeScore: ['service-targets-pod'] },
  needsWorkspace: true,
  docs: {
    rationale: 'A Service whose selector matches no pod has no endpoints: traffic to it fails, usually because a label was renamed in the workload but not in the Service.',
    howToFix: 'Make `spec.selector` equal to (a subset of) the pod template labels of the workload it fronts, in the same namespace.',
    whenNotToUse: 'Services whose pods are created outside this repository (operators, Helm sub-charts you do not lint): suppress with a reason, or add those manifests to the workspace.',
    examples: { bad: 'kind: Service\nspec:\n  selector: {app: web-v2}   # pods are labelled app: web', good: 'kind: Service\nspec:\n  selector: {app: web}' },
  },
  check(model, ctx) {
    const workloads = workspaceItems(ctx).filter((i) => i.podLabels && i.kind !== 'PodTemplate');
    for (const o of model.objects) {
      if (o.kind !== 'Service' || stringAt(o.node, ['spec', 'type']) === 'ExternalName') continue;
      const item = indexItem(model, o);
      // No selector: endpoints are managed by hand (or by an EndpointSlice controller).
      if (!item.selector || isEmptySelector(item.selector)) continue;
      const target = workloads.find((w) => sameNamespace(w, item) && selects(item.selector!, w.podLabels!));
      const spec = getMap(o.node, ['spec']);
      const range = nodeRange(model.index, keyNode(spec, 'selector')) ?? objectRange(model, o);
      if (target) {
        ctx.pass({ range, message: `${objectLabel(o)} selects the pods of ${objectLabel(target)}` });
        continue;
      }
      const sel = Object.entries(item.selector.matchLabels).map(([k, v]) => `${k}=${v}`).join(', ');
      ctx.report({ range, message: `${objectLabel(o)} selects no pods in the workspace (selector ${sel}): it has no endpoints. Match it to a workload's pod template labels.` });
    }
  },
});

import { isScalar } from 'yaml';
import { defineRule } from '../types';
import { getIn, getMap, keyNode, nodeRange, POD_SPEC_PATHS, type K8sModel, objectLabel } from './language';
import { indexItem, selects } from './selectors';
import { setPath } from './yaml-edit';
import { objectRange } from './workspace-util';

const WITH_SELECTOR = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export default defineRule<K8sModel>({
  id: 'k8s/selector-matches-template',
  title: 'Workload selectors match their pod template labels',
  level: 'block',
  controls: ['k8s.wiring'],
  aliases: {
    kubeLinter: ['mismatching-selector'],
    kubeScore: ['deployment-pod-selector-labels-match-template-metadata-labels', 'statefulset-pod-selector-labels-match-template-metadata-labels'],
  },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale: 'The API server rejects a Deployment, StatefulSet, DaemonSet or ReplicaSet whose `spec.selector` does not select its own pod template: the rollout fails at apply time.',
    howToFix: 'Give the pod template (`spec.template.metadata.labels`) every label of `spec.selector.matchLabels`, or fix the selector. Selectors are immutable after creation, so prefer changing the template labels.',
    whenNotToUse: 'Never: such a workload cannot be created.',
    examples: { bad: 'selector: {matchLabels: {app: web}}\ntemplate:\n  metadata: {labels: {app: website}}', good: 'selector: {matchLabels: {app: web}}\ntemplate:\n  metadata: {labels: {app: web}}' },
  },
  check(model, ctx) {
    for (const o of model.objects) {
      if (!WITH_SELECTOR.has(o.kind)) continue;
      const item = indexItem(model, o);
      if (!item.selector || !item.podLabels) continue;
      const spec = getMap(o.node, ['spec']);
      const range = nodeRange(model.index, keyNode(spec, 'selector')) ?? objectRange(model, o);
      if (selects(item.selector, item.podLabels)) {
        ctx.pass({ range, message: `${objectLabel(o)} selects its own pod template` });
        continue;
      }
      // Fix: add the missing matchLabels to the template labels (only when labels are plain scalars).
      const missing = Object.entries(item.selector.matchLabels).filter(([k, v]) => item.podLabels![k] !== v);
      const templatePath = POD_SPEC_PATHS[o.kind].slice(0, -1);
      const template = getMap(o.node, templatePath);
      const conflicting = missing.some(([k]) => k in item.podLabels!);
      let fix;
      if (template && missing.length && !conflicting && item.selector.matchExpressions.length === 0) {
        const labelsNode = getIn(template, ['metadata', 'labels']);
        const edits = labelsNode && !isScalar(labelsNode)
          ? missing.map(([k, v]) => setPath(model.index, getMap(template, ['metadata'])!, ['labels', k], JSON.stringify(v)))
          : [setPath(model.index, template, ['metadata', 'labels'], missing.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'))];
        if (edits.every((e) => e)) fix = { title: `Add ${missing.map(([k, v]) => `${k}=${v}`).join(', ')} to the pod template labels`, edits: edits.flatMap((e) => e!) };
      }
      ctx.report({
        range,
        message: `${objectLabel(o)}: spec.selector does not match the pod template labels (missing ${missing.map(([k, v]) => `${k}=${v}`).join(', ') || 'a matchExpressions requirement'}); the API server rejects it.`,
        fix,
      });
    }
  },
});

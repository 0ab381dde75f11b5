import { defineRule } from '../types';
import { getIn, getMap, isMap, isScalar, isSeq, keyNode, nodeRange, objectLabel, stringAt, type K8sModel, type K8sObject } from './language';
import { podRange, toNumber, valueOf } from './workload-util';
import { setPath } from './yaml-edit';

const KINDS = new Set(['Deployment', 'StatefulSet']);

/** Replicas the workload runs: spec.replicas (absent = 1), or an HPA minimum in the same file; null when unknown (templated). */
function replicasOf(model: K8sModel, obj: K8sObject): number | null {
  const node = getIn(obj.node, ['spec', 'replicas']);
  if (!node || (isScalar(node) && node.value === null)) {
    const hpa = model.objects.find(
      (o) =>
        o.kind === 'HorizontalPodAutoscaler' &&
        stringAt(o.node, ['spec', 'scaleTargetRef', 'kind']) === obj.kind &&
        stringAt(o.node, ['spec', 'scaleTargetRef', 'name']) === obj.name &&
        (o.namespace ?? null) === (obj.namespace ?? null),
    );
    if (!hpa) return 1;
    const min = toNumber(valueOf(getIn(hpa.node, ['spec', 'minReplicas'])));
    return getIn(hpa.node, ['spec', 'minReplicas']) ? (Number.isNaN(min) ? null : min) : 1;
  }
  const n = toNumber(valueOf(node));
  return Number.isNaN(n) ? null : n;
}

function nonEmptySeq(node: unknown): boolean {
  return isSeq(node) && node.items.length > 0;
}

/** `key: "value"` lines of the pod template labels (else the selector's matchLabels). */
function podLabels(obj: K8sObject, podMeta: ReturnType<typeof getMap>): [string, string][] {
  for (const m of [getMap(podMeta, ['labels']), getMap(obj.node, ['spec', 'selector', 'matchLabels'])]) {
    const out: [string, string][] = [];
    for (const p of m?.items ?? []) {
      if (isScalar(p.key) && isScalar(p.value) && p.value.value !== null) out.push([String(p.key.value), String(p.value.value)]);
    }
    if (out.length) return out;
  }
  return [];
}

function yamlKey(k: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(k) && !/^[-.]/.test(k) ? k : JSON.stringify(k);
}

export default defineRule<K8sModel>({
  id: 'k8s/anti-affinity-or-spread',
  title: 'Multi-replica workloads spread their pods across nodes',
  level: 'warn',
  controls: ['k8s.availability'],
  aliases: {
    kubeLinter: ['no-anti-affinity'],
    kubeScore: ['deployment-has-host-podantiaffinity', 'statefulset-has-host-podantiaffinity'],
    polaris: ['topologySpreadConstraint'],
  },
  hasSuggestions: true,
  docs: {
    rationale:
      'Replicas only protect against a node failure when they run on different nodes. Without podAntiAffinity or topologySpreadConstraints the scheduler may place every replica on the same node, and losing (or draining) that node takes the whole workload down.',
    howToFix:
      'Add `topologySpreadConstraints` on `topologyKey: kubernetes.io/hostname` (and `topology.kubernetes.io/zone` for zone spread) with a labelSelector matching the pod labels, or a `podAntiAffinity` term on the pod labels.',
    whenNotToUse: 'Single-node clusters, or clusters whose scheduler profile sets default topology spread constraints for every workload.',
    examples: {
      bad: 'kind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: [...]',
      good: 'kind: Deployment\nspec:\n  replicas: 3\n  template:\n    spec:\n      topologySpreadConstraints:\n      - maxSkew: 1\n        topologyKey: kubernetes.io/hostname\n        whenUnsatisfiable: ScheduleAnyway\n        labelSelector:\n          matchLabels: {app: web}',
    },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (!KINDS.has(obj.kind) || !obj.podSpec) continue;
      const pod = obj.podSpec;
      const replicas = replicasOf(model, obj);
      if (replicas === null || replicas < 2) continue;
      const spread = getIn(pod.node, ['topologySpreadConstraints']);
      if (nonEmptySeq(spread)) {
        ctx.pass({ range: nodeRange(model.index, keyNode(pod.node, 'topologySpreadConstraints'))!, message: `${objectLabel(obj)} spreads its pods with topologySpreadConstraints` });
        continue;
      }
      const anti = getMap(pod.node, ['affinity', 'podAntiAffinity']);
      if (anti && ['requiredDuringSchedulingIgnoredDuringExecution', 'preferredDuringSchedulingIgnoredDuringExecution'].some((k) => nonEmptySeq(getIn(anti, [k])))) {
        ctx.pass({ range: nodeRange(model.index, keyNode(getMap(pod.node, ['affinity']), 'podAntiAffinity'))!, message: `${objectLabel(obj)} spreads its pods with podAntiAffinity` });
        continue;
      }
      const affinity = getIn(pod.node, ['affinity']);
      const range = spread
        ? nodeRange(model.index, keyNode(pod.node, 'topologySpreadConstraints'))!
        : isMap(affinity)
          ? nodeRange(model.index, keyNode(pod.node, 'affinity'))!
          : podRange(model, { obj, pod });
      const labels = podLabels(obj, pod.metadata);
      let suggestions;
      if (labels.length) {
        const snippet = [
          '- maxSkew: 1',
          '  topologyKey: kubernetes.io/hostname  # review: add a second constraint on topology.kubernetes.io/zone for zone spread',
          '  whenUnsatisfiable: ScheduleAnyway  # review: DoNotSchedule makes the spread a hard requirement',
          '  labelSelector:',
          '    matchLabels:',
          ...labels.map(([k, v], i) => `      ${yamlKey(k)}: ${JSON.stringify(v)}${i === 0 ? '  # review: labels that identify exactly these pods' : ''}`),
        ].join('\n');
        const edits = setPath(model.index, pod.node, ['topologySpreadConstraints'], snippet);
        if (edits && edits.length) suggestions = [{ title: 'Spread pods across nodes with topologySpreadConstraints (review)', edits }];
      }
      ctx.report({
        range,
        message: `${objectLabel(obj)} runs ${replicas} replicas without podAntiAffinity or topologySpreadConstraints: all of them may land on one node.`,
        suggestions,
      });
    }
  },
});

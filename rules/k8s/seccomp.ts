// Seccomp settings of pods and containers (fields and legacy annotations), shared by the rule for
// the restricted standard (a profile is required) and the one for the baseline (no Unconfined).
import type { Node } from 'yaml';
import type { RuleContext } from '../types';
import { getIn, getMap, isScalar } from './language';
import type { K8sModel } from './language';
import type { Container } from './language';
import { containerLabel, isWindowsPod, missingRange, objectLabel, podRange, podTargets, rangeOf, valueOf, type PodTarget } from './security-context-util';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

export interface Setting {
  node: Node;
  value: string;
  ok: boolean;
  legacy: boolean;
}

function fieldSetting(node: Node | null): Setting | null {
  if (!node) return null;
  const v = valueOf(node);
  const value = v === null || v === undefined ? '' : String(v);
  return { node, value, ok: value === 'RuntimeDefault' || value === 'Localhost', legacy: false };
}

function annotationSetting(node: Node | null): Setting | null {
  if (!node || !isScalar(node)) return null;
  const value = node.value === null || node.value === undefined ? '' : String(node.value);
  return { node, value, ok: value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/'), legacy: true };
}


/**
 * Walk every container's effective seccomp setting (container field or legacy annotation, else
 * the pod's). `explicitBad` is called for a profile set to something other than RuntimeDefault/
 * Localhost (what the baseline standard forbids), `unset` for a Linux container with no profile
 * at all (what the restricted standard forbids), `ok` for a good profile.
 */
export function walkSeccomp(
  model: K8sModel,
  ctx: RuleContext,
  on: {
    explicitBad?: (s: Setting, where: { label: string; range: ReturnType<typeof rangeOf>; suggestions: ReturnType<typeof suggestFor> }) => void;
    unset?: (c: Container, pod: PodTarget['pod'], range: ReturnType<typeof missingRange>) => void;
    ok?: (message: string, range: ReturnType<typeof rangeOf>) => void;
  },
): void {
  for (const target of podTargets(model)) {
    const { obj, pod } = target;
    const annotations = getMap(pod.metadata, ['annotations']);
    const podSetting = fieldSetting(getIn(pod.node, ['securityContext', 'seccompProfile', 'type'])) ?? annotationSetting(getIn(annotations, [POD_ANNOTATION]));
    if (podSetting && !podSetting.ok) on.explicitBad?.(podSetting, { label: `${objectLabel(obj)} sets the pod seccomp profile`, range: rangeOf(model, podSetting.node, podRange(model, target)), suggestions: suggestFor(model, podSetting) });
    for (const c of pod.containers) {
      const own = fieldSetting(getIn(c.node, ['securityContext', 'seccompProfile', 'type'])) ?? annotationSetting(getIn(annotations, [CONTAINER_ANNOTATION + c.name]));
      if (own) {
        const range = rangeOf(model, own.node, missingRange(model, c, []));
        if (own.ok) on.ok?.(`${containerLabel(c)} runs with the ${own.value} seccomp profile`, range);
        else on.explicitBad?.(own, { label: `${containerLabel(c)} sets its seccomp profile`, range, suggestions: suggestFor(model, own) });
        continue;
      }
      if (podSetting) {
        if (podSetting.ok) on.ok?.(`${containerLabel(c)} inherits the ${podSetting.value} seccomp profile of the pod`, rangeOf(model, podSetting.node, podRange(model, target)));
        continue;
      }
      if (!isWindowsPod(pod)) on.unset?.(c, pod, missingRange(model, c, ['securityContext', 'seccompProfile']));
    }
  }
}

function suggestFor(model: K8sModel, s: Setting) {
  const r = s.node.range!;
  const text = s.legacy ? 'runtime/default' : 'RuntimeDefault';
  return [{ title: `Use the ${text} seccomp profile (review: the workload may need a system call it blocks)`, edits: [{ range: model.index.range(r[0], r[1]), newText: text }] }];
}

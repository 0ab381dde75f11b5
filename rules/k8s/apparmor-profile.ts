import type { Node } from 'yaml';
import { defineRule } from '../types';
import { getIn, getMap, isScalar } from './language';
import type { K8sModel } from './language';
import { containerLabel, objectLabel, podRange, podTargets, rangeOf, valueOf } from './security-context-util';

const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule<K8sModel>({
  id: 'k8s/apparmor-profile',
  title: 'AppArmor is not disabled or overridden with an unconfined profile',
  level: 'warn',
  controls: ['k8s.kernel-hardening'],
  aliases: { trivy: ['AVD-KSV-0002'], pss: ['appArmorProfile'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'On nodes with AppArmor, the runtime\'s default profile confines every container (no mounts, no raw kernel interfaces). Setting it to `Unconfined` (or `unconfined` in the legacy annotation) removes that layer; the PSS baseline forbids it.',
    howToFix: 'Remove the override, or use `appArmorProfile.type: RuntimeDefault` / `Localhost` (annotation values `runtime/default` / `localhost/<profile>`).',
    whenNotToUse: 'Debugging or node agents that are blocked by the default profile: write a `Localhost` profile instead of running unconfined.',
    examples: { bad: 'securityContext:\n  appArmorProfile:\n    type: Unconfined', good: 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault' },
  },
  check(model, ctx) {
    const suggest = (node: Node, text: string) => {
      const r = node.range!;
      return [{ title: `Use the ${text} AppArmor profile (review: the workload may need more)`, edits: [{ range: model.index.range(r[0], r[1]), newText: text }] }];
    };
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      let bad = false;
      const annotations = getMap(pod.metadata, ['annotations']);
      for (const pair of annotations?.items ?? []) {
        if (!isScalar(pair.key) || !String(pair.key.value).startsWith(ANNOTATION) || !isScalar(pair.value)) continue;
        const v = pair.value.value === null || pair.value.value === undefined ? '' : String(pair.value.value);
        if (v === '' || v === 'runtime/default' || v.startsWith('localhost/')) continue;
        bad = true;
        const name = String(pair.key.value).slice(ANNOTATION.length);
        ctx.report({
          range: rangeOf(model, pair.value as Node, podRange(model, target)),
          message: `${objectLabel(obj)} sets the AppArmor profile of container "${name}" to "${v}": use runtime/default or localhost/<profile>.`,
          suggestions: suggest(pair.value as Node, 'runtime/default'),
        });
      }
      const holders: { node: Node | null; label: string }[] = [
        { node: getIn(pod.node, ['securityContext', 'appArmorProfile', 'type']), label: `${objectLabel(obj)} (pod securityContext)` },
        ...pod.containers.map((c) => ({ node: getIn(c.node, ['securityContext', 'appArmorProfile', 'type']), label: containerLabel(c) })),
      ];
      for (const { node, label } of holders) {
        if (!node) continue;
        const raw = valueOf(node);
        const v = raw === null || raw === undefined ? '' : String(raw);
        if (v === '' || v === 'RuntimeDefault' || v === 'Localhost') continue;
        bad = true;
        ctx.report({
          range: rangeOf(model, node, podRange(model, target)),
          message: `${label} sets appArmorProfile.type to "${v}": use RuntimeDefault or Localhost.`,
          suggestions: suggest(node, 'RuntimeDefault'),
        });
      }
      if (!bad) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} keeps AppArmor confinement` });
    }
  },
});

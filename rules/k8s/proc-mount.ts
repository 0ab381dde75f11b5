import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { usesUserNamespace } from './pod';
import { containerLabel, fixOf, missingRange, podTargets, rangeOf, valueOf, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/proc-mount',
  title: 'Containers keep the default masked /proc',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { kubeLinter: ['unsafe-proc-mount'], polaris: ['procMount'], trivy: ['AVD-KSV-0027'], pss: ['procMount'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`procMount: Unmasked` exposes the parts of `/proc` the runtime normally masks (kernel memory, sysrq triggers, other tasks\' details). The PSS baseline forbids it unless the pod runs in a user namespace (`hostUsers: false`).',
    howToFix: 'Delete `procMount` or set it to `Default`.',
    whenNotToUse: 'Nested container runtimes (building images or running containers inside a pod) that need an unmasked /proc, run with `hostUsers: false`, which this rule accepts.',
    examples: { bad: 'securityContext:\n  procMount: Unmasked', good: 'securityContext:\n  procMount: Default' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      if (usesUserNamespace(pod)) continue;
      for (const c of pod.containers) {
        const node = getIn(c.node, ['securityContext', 'procMount']);
        if (!node) continue;
        const raw = valueOf(node);
        const v = raw === null || raw === undefined ? '' : String(raw);
        if (v === '' || v === 'Default') {
          ctx.pass({ range: rangeOf(model, node, missingRange(model, c, [])), message: `${containerLabel(c)} uses the default masked /proc` });
          continue;
        }
        // Always the author's explicit choice: offered, never applied unattended.
        const change = fixOf('Set procMount: Default', yamlEdit.replaceScalar(model.index, node, 'Default'));
        ctx.report({
          range: rangeOf(model, node, missingRange(model, c, [])),
          message: `${containerLabel(c)} sets procMount: ${v} explicitly: /proc is not masked.`,
          suggestions: change ? [change] : undefined,
        });
      }
    }
  },
});

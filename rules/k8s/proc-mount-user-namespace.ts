import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { usesUserNamespace } from './pod';
import { containerLabel, fixOf, missingRange, podTargets, rangeOf, valueOf, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/proc-mount-user-namespace',
  title: 'Masked /proc even in a user namespace (restricted standard)',
  level: 'report',
  controls: ['k8s.host-isolation'],
  aliases: { pss: ['procMount_restricted'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'The baseline standard lets a pod in a user namespace (`hostUsers: false`) unmask /proc, because the kernel maps its root to an unprivileged user. Since Kubernetes 1.35 the restricted standard forbids it anyway: an unmasked /proc still exposes kernel interfaces that user namespaces do not fully contain. Outside user namespaces, k8s/proc-mount reports it.',
    howToFix: 'Delete `procMount` or set it to `Default`.',
    whenNotToUse: 'Nested container runtimes (image builders, sandboxes) in namespaces that enforce only the baseline standard.',
    examples: { bad: 'hostUsers: false\ncontainers:\n  - securityContext:\n      procMount: Unmasked', good: 'hostUsers: false\ncontainers:\n  - securityContext:\n      procMount: Default' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      if (!usesUserNamespace(pod)) continue;
      for (const c of pod.containers) {
        const node = getIn(c.node, ['securityContext', 'procMount']);
        if (!node) continue;
        const raw = valueOf(node);
        const v = raw === null || raw === undefined ? '' : String(raw);
        if (v === '' || v === 'Default') continue;
        // Always the author's explicit choice: offered, never applied unattended.
        const change = fixOf('Set procMount: Default', yamlEdit.replaceScalar(model.index, node, 'Default'));
        ctx.report({
          range: rangeOf(model, node, missingRange(model, c, [])),
          message: `${containerLabel(c)} sets procMount: ${v} explicitly: the restricted standard requires the default masked /proc even with hostUsers: false.`,
          suggestions: change ? [change] : undefined,
        });
      }
    }
  },
});

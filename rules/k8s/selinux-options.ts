import type { YAMLMap } from 'yaml';
import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, fixOf, mapAt, objectLabel, podRange, podTargets, rangeOf, valueOf, yamlEdit } from './security-context-util';

const ALLOWED_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t']);

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

export default defineRule<K8sModel>({
  id: 'k8s/selinux-options',
  title: 'SELinux options do not override the container user, role or type',
  level: 'warn',
  controls: ['k8s.kernel-hardening'],
  aliases: { trivy: ['AVD-KSV-0025'], pss: ['seLinuxOptions'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'A custom SELinux user or role, or a type other than the container types, can lift the confinement SELinux places on containers (for example `spc_t`, the "super privileged container" type). The PSS baseline forbids them.',
    howToFix: 'Delete `seLinuxOptions.user` and `seLinuxOptions.role`; keep `type` unset or one of `container_t`, `container_init_t`, `container_kvm_t`. Setting only `level` (MCS categories) is fine.',
    whenNotToUse: 'Node agents that need a dedicated SELinux type shipped with the node policy, in a privileged namespace.',
    examples: { bad: 'seLinuxOptions:\n  type: spc_t', good: 'seLinuxOptions:\n  level: "s0:c123,c456"' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      const holders: { sc: YAMLMap | null; label: string }[] = [
        { sc: mapAt(pod.node, ['securityContext']), label: `${objectLabel(obj)} (pod securityContext)` },
        ...pod.containers.map((c) => ({ sc: mapAt(c.node, ['securityContext']), label: containerLabel(c) })),
      ];
      let bad = false;
      for (const { sc, label } of holders) {
        const opts = mapAt(sc, ['seLinuxOptions']);
        if (!sc || !opts) continue;
        const typeNode = getIn(opts, ['type']);
        const type = str(valueOf(typeNode));
        if (type !== '' && !ALLOWED_TYPES.has(type)) {
          bad = true;
          ctx.report({
            range: rangeOf(model, typeNode, podRange(model, target)),
            message: `${label} sets SELinux type "${type}": only container_t, container_init_t or container_kvm_t are allowed.`,
          });
        }
        for (const key of ['user', 'role']) {
          const node = getIn(opts, [key]);
          const v = str(valueOf(node));
          if (v === '') continue;
          bad = true;
          // Always the author's explicit choice: offered, never applied unattended.
          const change = fixOf(`Remove seLinuxOptions.${key}`, yamlEdit.removeKey(model.index, opts, key, { removeEmptyParent: { parent: sc, key: 'seLinuxOptions' } }));
          ctx.report({
            range: rangeOf(model, node, podRange(model, target)),
            message: `${label} sets a custom SELinux ${key} "${v}" explicitly.`,
            suggestions: change ? [change] : undefined,
          });
        }
      }
      if (!bad) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} keeps the default SELinux container confinement` });
    }
  },
});

import type { YAMLMap } from 'yaml';
import { defineRule, type TextEdit } from '../types';
import type { K8sModel } from './language';
import { BASELINE_CAPABILITIES, containerLabel, fixOf, mapAt, missingRange, podTargets, rangeOf, seqAt, stringItems, yamlEdit } from './security-context-util';

/** Remove `capabilities.add`, then `capabilities` and `securityContext` when they would be left empty. */
function removeAdd(model: K8sModel, container: YAMLMap, caps: YAMLMap): TextEdit[] | null {
  const sc = mapAt(container, ['securityContext']);
  if (!sc) return null;
  if (caps.items.length > 1) return yamlEdit.removeKey(model.index, caps, 'add');
  if (sc.items.length > 1) return yamlEdit.removeKey(model.index, sc, 'capabilities');
  // The securityContext would be left empty: keep it as `{}` (as Polaris' fix does) rather than delete it.
  return yamlEdit.setPath(model.index, container, ['securityContext'], '{}');
}

export default defineRule<K8sModel>({
  id: 'k8s/no-added-dangerous-capabilities',
  title: 'Containers do not add dangerous capabilities',
  level: 'block',
  controls: ['k8s.privilege'],
  aliases: {
    polaris: ['dangerousCapabilities'],
    checkov: ['CKV_K8S_25', 'CKV_K8S_39'],
    trivy: ['AVD-KSV-0005', 'AVD-KSV-0022', 'AVD-KSV-0119', 'AVD-KSV-0120'],
    pss: ['capabilities_baseline'],
  },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_MODULE or ALL give a container near-root power over the node (mounting filesystems, loading kernel modules, sniffing or spoofing traffic). The PSS baseline allows adding only the runtime\'s default set.',
    howToFix: 'Remove the capability from `securityContext.capabilities.add`. Allowed additions are AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT.',
    whenNotToUse: 'Network or storage node agents (CNI plugins, CSI drivers, VPN sidecars) that genuinely need the capability, in namespaces labelled for the privileged PSS level.',
    examples: { bad: 'capabilities:\n  add: [SYS_ADMIN]', good: 'capabilities:\n  drop: [ALL]\n  add: [NET_BIND_SERVICE]' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const caps = mapAt(c.node, ['securityContext', 'capabilities']);
        const add = seqAt(caps, ['add']);
        const items = stringItems(add);
        const bad = items.filter((i) => !BASELINE_CAPABILITIES.has(i.value));
        for (const item of bad) {
          const edits = add!.items.length === 1 ? removeAdd(model, c.node, caps!) : yamlEdit.removeSeqItem(model.index, add!, item.index);
          // Always the author's explicit choice: offered, never applied unattended.
          const change = fixOf(`Remove ${item.value} from capabilities.add`, edits);
          ctx.report({
            range: rangeOf(model, item.node, missingRange(model, c, [])),
            message: `${containerLabel(c)} adds capability ${item.value} explicitly, outside the Pod Security Standards baseline set.`,
            suggestions: change ? [change] : undefined,
          });
        }
        if (!bad.length) ctx.pass({ range: rangeOf(model, add, missingRange(model, c, [])), message: `${containerLabel(c)} adds no dangerous capabilities` });
      }
    }
  },
});

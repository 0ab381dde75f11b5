import { defineRule } from '../types';
import { getIn, keyNode } from './language';
import type { K8sModel } from './language';
import { BASELINE_CAPABILITIES, containerLabel, fixOf, isWindowsPod, mapAt, missingRange, podTargets, rangeOf, seqAt, stringItems, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/drop-all-capabilities',
  title: 'Containers drop ALL capabilities',
  level: 'warn',
  controls: ['k8s.privilege'],
  aliases: {
    polaris: ['insecureCapabilities'],
    checkov: ['CKV_K8S_37'],
    trivy: ['AVD-KSV-0003', 'AVD-KSV-0004', 'AVD-KSV-0106'],
    pss: ['capabilities_restricted'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: "the container loses the runtime's default capabilities (CHOWN, NET_RAW, SETUID, ...)",
  hasSuggestions: true,
  docs: {
    rationale:
      'Container runtimes grant a default set of Linux capabilities (CHOWN, DAC_OVERRIDE, NET_RAW, SETUID, ...) that almost no application needs. Dropping ALL and adding back only what is required removes that attack surface; the restricted Pod Security Standard requires `drop: [ALL]` and allows adding only `NET_BIND_SERVICE`.',
    howToFix: 'Set `securityContext.capabilities.drop: ["ALL"]` on each container; add back `NET_BIND_SERVICE` only if the process binds a port below 1024.',
    whenNotToUse: 'Containers that need a specific default capability (for example `CHOWN` in an init container fixing volume ownership); add it back explicitly rather than keeping all defaults. Windows pods are skipped.',
    examples: { bad: 'securityContext:\n  capabilities:\n    drop: [NET_RAW]', good: 'securityContext:\n  capabilities:\n    drop: [ALL]' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      if (isWindowsPod(pod)) continue;
      for (const c of pod.containers) {
        const caps = mapAt(c.node, ['securityContext', 'capabilities']);
        const dropNode = getIn(c.node, ['securityContext', 'capabilities', 'drop']);
        const drop = seqAt(c.node, ['securityContext', 'capabilities', 'drop']);
        const dropsAll = stringItems(drop).find((i) => i.value.toUpperCase() === 'ALL');
        let ok = true;
        if (!dropsAll) {
          ok = false;
          const add = getIn(caps, ['add']);
          // Polaris replaces `capabilities` with {drop: [ALL]}. We keep a specific `add` (NET_BIND_SERVICE
          // is often needed) but not `add: [ALL]`, which undoes the drop and is never legitimate.
          const addsAll = stringItems(seqAt(caps, ['add'])).some((i) => i.value === 'ALL');
          const edits =
            !caps || !add || addsAll
              ? yamlEdit.setPath(model.index, c.node, ['securityContext', 'capabilities'], 'drop:\n  - ALL')
              : yamlEdit.setPath(model.index, caps, ['drop'], '- ALL');
          const change = fixOf('Drop ALL capabilities', edits);
          ctx.report({
            range: dropNode ? rangeOf(model, keyNode(caps, 'drop'), missingRange(model, c, [])) : missingRange(model, c, ['securityContext', 'capabilities', 'drop']),
            message: addsAll
              ? `${containerLabel(c)} adds ALL capabilities explicitly (capabilities.add: ALL) and does not drop them: set securityContext.capabilities to drop: ["ALL"] and add back only what it needs.`
              : dropNode
                ? `${containerLabel(c)} does not drop ALL capabilities (securityContext.capabilities.drop must include ALL).`
                : `${containerLabel(c)} keeps the runtime's default capabilities: set securityContext.capabilities.drop: ["ALL"].`,
            // The edit drops the author's explicit `add: [ALL]`: offered, never applied unattended.
            fix: addsAll ? undefined : change,
            suggestions: addsAll && change ? [change] : undefined,
          });
        }
        // Restricted: only NET_BIND_SERVICE may be added back. Capabilities outside the baseline set are
        // reported by k8s/no-added-dangerous-capabilities.
        for (const item of stringItems(seqAt(caps, ['add']))) {
          if (item.value === 'NET_BIND_SERVICE' || !BASELINE_CAPABILITIES.has(item.value)) continue;
          ok = false;
          ctx.report({
            range: rangeOf(model, item.node, missingRange(model, c, [])),
            message: `${containerLabel(c)} adds capability ${item.value}: only NET_BIND_SERVICE may be added back after dropping ALL.`,
          });
        }
        if (ok) ctx.pass({ range: rangeOf(model, dropsAll?.node, missingRange(model, c, [])), message: `${containerLabel(c)} drops ALL capabilities` });
      }
    }
  },
});

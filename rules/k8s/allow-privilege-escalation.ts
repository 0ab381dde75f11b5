import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, fixOf, isExplicit, isFalse, isWindowsPod, missingRange, podTargets, rangeOf, valueOf, writtenText, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/allow-privilege-escalation',
  title: 'Containers set allowPrivilegeEscalation: false',
  level: 'warn',
  controls: ['k8s.privilege'],
  aliases: {
    kubeLinter: ['privilege-escalation-container'],
    polaris: ['privilegeEscalationAllowed'],
    checkov: ['CKV_K8S_20'],
    trivy: ['AVD-KSV-0001'],
    pss: ['allowPrivilegeEscalation'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'processes can no longer gain privileges through setuid binaries or file capabilities',
  hasSuggestions: true,
  docs: {
    rationale:
      'Unless `allowPrivilegeEscalation` is explicitly `false`, a process can gain more privileges than its parent (setuid binaries, file capabilities). The default is to allow it; the restricted Pod Security Standard requires `false`.',
    howToFix: 'Add `allowPrivilegeEscalation: false` to every container\'s `securityContext`.',
    whenNotToUse: 'Containers that must run setuid tools (for example `sudo` or `ping` on old images) and cannot be rebuilt. Windows pods (`spec.os.name: windows`) are skipped.',
    examples: { bad: 'securityContext:\n  runAsNonRoot: true', good: 'securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      if (isWindowsPod(pod)) continue;
      for (const c of pod.containers) {
        const node = getIn(c.node, ['securityContext', 'allowPrivilegeEscalation']);
        const v = valueOf(node);
        if (isFalse(v)) {
          ctx.pass({ range: rangeOf(model, node, missingRange(model, c, [])), message: `${containerLabel(c)} cannot escalate privileges` });
          continue;
        }
        if (isExplicit(node)) {
          // The author turned it on: never flipped unattended, only offered.
          const change = fixOf('Set allowPrivilegeEscalation: false', yamlEdit.replaceScalar(model.index, node!, 'false'));
          ctx.report({
            range: rangeOf(model, node, missingRange(model, c, [])),
            message: `${containerLabel(c)} turns allowPrivilegeEscalation on explicitly (${writtenText(model, node!)}): set securityContext.allowPrivilegeEscalation to false unless it must run setuid tools.`,
            suggestions: change ? [change] : undefined,
          });
          continue;
        }
        ctx.report({
          range: missingRange(model, c, ['securityContext', 'allowPrivilegeEscalation']),
          message: `${containerLabel(c)} does not set securityContext.allowPrivilegeEscalation: false (privilege escalation is allowed by default).`,
          fix: fixOf('Add allowPrivilegeEscalation: false', yamlEdit.setPath(model.index, c.node, ['securityContext', 'allowPrivilegeEscalation'], 'false')),
        });
      }
    }
  },
});

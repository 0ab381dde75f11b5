import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, fixOf, isFalse, isWindowsPod, missingRange, podTargets, rangeOf, valueOf, yamlEdit } from './security-context-util';

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
        const fix = node
          ? fixOf('Set allowPrivilegeEscalation: false', yamlEdit.replaceScalar(model.index, node, 'false'))
          : fixOf('Add allowPrivilegeEscalation: false', yamlEdit.setPath(model.index, c.node, ['securityContext', 'allowPrivilegeEscalation'], 'false'));
        ctx.report({
          range: node ? rangeOf(model, node, missingRange(model, c, [])) : missingRange(model, c, ['securityContext', 'allowPrivilegeEscalation']),
          message: node
            ? `${containerLabel(c)} allows privilege escalation: set securityContext.allowPrivilegeEscalation to false.`
            : `${containerLabel(c)} does not set securityContext.allowPrivilegeEscalation: false (privilege escalation is allowed by default).`,
          fix,
        });
      }
    }
  },
});

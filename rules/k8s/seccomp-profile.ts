import { defineRule } from '../types';
import type { K8sModel } from './language';
import { containerLabel, fixOf, yamlEdit } from './security-context-util';
import { walkSeccomp } from './seccomp';

export default defineRule<K8sModel>({
  id: 'k8s/seccomp-profile',
  title: 'Pods run with the RuntimeDefault (or a Localhost) seccomp profile',
  level: 'warn',
  controls: ['k8s.kernel-hardening'],
  aliases: {
    kubeScore: ['container-seccomp-profile'],
    checkov: ['CKV_K8S_31'],
    trivy: ['AVD-KSV-0030'],
    pss: ['seccompProfile_restricted'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: "system calls outside the container runtime's default seccomp profile fail",
  docs: {
    rationale:
      'Without a seccomp profile a container runs Unconfined: it can call every system call the kernel offers, including the rarely needed ones behind most container escapes. `RuntimeDefault` blocks them at almost no cost, and the restricted Pod Security Standard requires a profile.',
    howToFix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod spec (containers inherit it), or `Localhost` with a `localhostProfile` of your own.',
    whenNotToUse: "Clusters that enforce only the baseline standard and whose kubelet defaults to RuntimeDefault (`--seccomp-default`). An explicit `Unconfined` is k8s/seccomp-unconfined's finding. Windows pods are not checked.",
    examples: { bad: 'spec:\n  containers: [...]   # no seccompProfile', good: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault' },
  },
  check(model, ctx) {
    walkSeccomp(model, ctx, {
      ok: (message, range) => ctx.pass({ range, message }),
      unset: (c, pod, range) =>
        ctx.report({
          range,
          message: `${containerLabel(c)} runs without a seccomp profile (Unconfined by default): set securityContext.seccompProfile.type: RuntimeDefault on the pod.`,
          fix: fixOf('Set the pod seccomp profile to RuntimeDefault', yamlEdit.setPath(model.index, pod.node, ['securityContext', 'seccompProfile', 'type'], 'RuntimeDefault')),
        }),
    });
  },
});

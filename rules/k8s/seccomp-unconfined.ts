import { defineRule } from '../types';
import type { K8sModel } from './language';
import { walkSeccomp } from './seccomp';

export default defineRule<K8sModel>({
  id: 'k8s/seccomp-unconfined',
  title: 'Seccomp is not turned off (no Unconfined profile)',
  level: 'warn',
  controls: ['k8s.kernel-hardening'],
  aliases: {
    trivy: ['AVD-KSV-0104', 'AVD-KSV-0030'],
    checkov: ['CKV_K8S_31'],
    // An explicit Unconfined fails both levels' seccomp checks.
    pss: ['seccompProfile_baseline', 'seccompProfile_restricted'],
  },
  hasSuggestions: true,
  docs: {
    rationale:
      'An explicit `Unconfined` seccomp profile (or the legacy `unconfined` annotation) turns off the kernel system-call filter even where the cluster would apply RuntimeDefault. The baseline Pod Security Standard forbids it.',
    howToFix: 'Use `RuntimeDefault`, or a `Localhost` profile that allows the extra system calls the workload needs.',
    whenNotToUse: 'Debugging or profiling tools that must trace arbitrary system calls, run in a dedicated namespace: suppress with a reason.',
    examples: { bad: 'securityContext:\n  seccompProfile:\n    type: Unconfined', good: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault' },
  },
  check(model, ctx) {
    walkSeccomp(model, ctx, {
      explicitBad: (s, where) =>
        ctx.report({ range: where.range, message: `${where.label} to "${s.value}": use RuntimeDefault or Localhost.`, suggestions: where.suggestions }),
    });
  },
});

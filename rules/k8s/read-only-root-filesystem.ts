import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, containersOf, fixOf, isExplicit, isTrue, missingRange, podTargets, rangeOf, valueOf, writtenText, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/read-only-root-filesystem',
  title: 'Containers use a read-only root filesystem',
  level: 'warn',
  controls: ['k8s.kernel-hardening'],
  aliases: {
    kubeLinter: ['no-read-only-root-fs'],
    polaris: ['notReadOnlyRootFilesystem'],
    kubeScore: ['container-security-context-readonlyrootfilesystem'],
    checkov: ['CKV_K8S_22'],
    trivy: ['AVD-KSV-0014'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the container can no longer write to its root filesystem',
  hasSuggestions: true,
  docs: {
    rationale:
      'With a writable root filesystem an attacker can drop tools and modify binaries inside the running container, and the container can silently accumulate state that disappears on restart.',
    howToFix:
      'Set `securityContext.readOnlyRootFilesystem: true` on each container and mount an `emptyDir` volume where the application must write (for example `/tmp` or a cache directory).',
    whenNotToUse: 'Software that writes all over its filesystem and cannot be configured otherwise (some legacy images); mount `emptyDir` volumes first before giving up.',
    examples: { bad: 'securityContext:\n  runAsNonRoot: true', good: 'securityContext:\n  readOnlyRootFilesystem: true' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of containersOf(pod, false)) {
        const node = getIn(c.node, ['securityContext', 'readOnlyRootFilesystem']);
        if (isTrue(valueOf(node))) {
          ctx.pass({ range: rangeOf(model, node, missingRange(model, c, [])), message: `${containerLabel(c)} has a read-only root filesystem` });
          continue;
        }
        if (isExplicit(node)) {
          // The author made it writable: never flipped unattended, only offered.
          const change = fixOf('Set readOnlyRootFilesystem: true', yamlEdit.replaceScalar(model.index, node!, 'true'));
          ctx.report({
            range: rangeOf(model, node, missingRange(model, c, [])),
            message: `${containerLabel(c)} turns readOnlyRootFilesystem off explicitly (${writtenText(model, node!)}): its root filesystem is writable. Set it to true and mount an emptyDir where the application writes.`,
            suggestions: change ? [change] : undefined,
          });
          continue;
        }
        ctx.report({
          range: missingRange(model, c, ['securityContext', 'readOnlyRootFilesystem']),
          message: `${containerLabel(c)} does not set securityContext.readOnlyRootFilesystem: true.`,
          fix: fixOf('Add readOnlyRootFilesystem: true', yamlEdit.setPath(model.index, c.node, ['securityContext', 'readOnlyRootFilesystem'], 'true')),
        });
      }
    }
  },
});

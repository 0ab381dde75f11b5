import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, containerRange, fixOf, isTrue, podTargets, rangeOf, valueOf, writtenText, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/privileged-container',
  title: 'Containers do not run privileged',
  level: 'block',
  controls: ['k8s.privilege'],
  aliases: {
    kubeLinter: ['privileged-container'],
    polaris: ['runAsPrivileged'],
    kubeScore: ['container-security-context-privileged'],
    checkov: ['CKV_K8S_16'],
    trivy: ['AVD-KSV-0017'],
    pss: ['privileged'],
  },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      'A privileged container gets every capability and access to all host devices: a compromise of the process is a compromise of the node. The Pod Security Standards baseline forbids it.',
    howToFix: 'Remove `privileged: true` or set `securityContext.privileged: false`; grant only the specific capability the workload needs (for example `NET_BIND_SERVICE`).',
    whenNotToUse: 'Node agents that must manage the host (CNI plugins, storage drivers, some monitoring DaemonSets), in namespaces labelled for the privileged PSS level.',
    examples: { bad: 'securityContext:\n  privileged: true', good: 'securityContext:\n  privileged: false' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const node = getIn(c.node, ['securityContext', 'privileged']);
        if (isTrue(valueOf(node))) {
          // Always the author's explicit choice: offered, never applied unattended.
          const change = fixOf('Set privileged: false', yamlEdit.replaceScalar(model.index, node!, 'false'));
          ctx.report({
            range: rangeOf(model, node, containerRange(model, c)),
            message: `${containerLabel(c)} turns privileged on explicitly (${writtenText(model, node!)}): it gets all capabilities and host devices.`,
            suggestions: change ? [change] : undefined,
          });
        } else {
          ctx.pass({ range: rangeOf(model, node, containerRange(model, c)), message: `${containerLabel(c)} does not run privileged` });
        }
      }
    }
  },
});

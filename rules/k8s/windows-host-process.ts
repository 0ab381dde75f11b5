import type { Node } from 'yaml';
import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, isTrue, objectLabel, podRange, podTargets, rangeOf, valueOf } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/windows-host-process',
  title: 'Windows pods do not run as HostProcess containers',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { polaris: ['hostProcess'], trivy: ['AVD-KSV-0103'], pss: ['windowsHostProcess'] },
  docs: {
    rationale: 'A Windows HostProcess container runs directly on the node with the host\'s network and filesystem, as a node administrator account. The PSS baseline forbids it.',
    howToFix: 'Remove `windowsOptions.hostProcess: true` (and `hostNetwork: true`, which it requires) from the pod and container security contexts.',
    whenNotToUse: 'Windows node agents (CNI, storage, log collection) that must run on the host, in a privileged namespace.',
    examples: { bad: 'securityContext:\n  windowsOptions:\n    hostProcess: true', good: 'securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      const holders: { node: Node | null; label: string }[] = [
        { node: getIn(pod.node, ['securityContext', 'windowsOptions', 'hostProcess']), label: `${objectLabel(obj)} (pod securityContext)` },
        ...pod.containers.map((c) => ({ node: getIn(c.node, ['securityContext', 'windowsOptions', 'hostProcess']), label: containerLabel(c) })),
      ];
      let bad = false;
      for (const { node, label } of holders) {
        if (!isTrue(valueOf(node))) continue;
        bad = true;
        ctx.report({ range: rangeOf(model, node, podRange(model, target)), message: `${label} runs as a Windows HostProcess container, with node administrator access.` });
      }
      if (!bad) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} runs no HostProcess containers` });
    }
  },
});

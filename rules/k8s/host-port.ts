import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, fixOf, mapAt, missingRange, podTargets, rangeOf, seqAt, toNumber, valueOf, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/host-port',
  title: 'Containers do not use hostPort',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { polaris: ['hostPortSet'], checkov: ['CKV_K8S_26'], trivy: ['AVD-KSV-0024'], pss: ['hostPorts'] },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`hostPort` binds a port on the node\'s IP: it bypasses Services and NetworkPolicies, limits where pods can be scheduled (one pod per port per node) and exposes the workload outside the cluster network. The PSS baseline forbids it.',
    howToFix: 'Remove `hostPort` and expose the container port through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress.',
    whenNotToUse: 'Node-level agents that must be reachable on every node\'s address (ingress controllers in host mode, node-local DNS), in a privileged namespace.',
    examples: { bad: 'ports:\n  - containerPort: 8080\n    hostPort: 8080', good: 'ports:\n  - containerPort: 8080' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const ports = seqAt(c.node, ['ports']);
        let ok = true;
        for (let i = 0; i < (ports?.items.length ?? 0); i++) {
          const port = mapAt(ports, [i]);
          const node = getIn(port, ['hostPort']);
          const v = valueOf(node);
          if (!node || v === null || toNumber(v) === 0) continue;
          ok = false;
          // Always the author's explicit choice: offered, never applied unattended.
          const change = fixOf('Remove hostPort', yamlEdit.removeKey(model.index, port!, 'hostPort'));
          ctx.report({
            range: rangeOf(model, node, missingRange(model, c, [])),
            message: `${containerLabel(c)} sets hostPort ${String(v)} explicitly: it binds that port on the node.`,
            suggestions: change ? [change] : undefined,
          });
        }
        if (ok && ports) ctx.pass({ range: missingRange(model, c, ['ports']), message: `${containerLabel(c)} uses no hostPort` });
      }
    }
  },
});

import { defineRule } from '../types';
import { containerLabel, getIn, keyNode, nodeRange, type K8sModel } from './language';
import { containerRange, mapItems, scalarString, seqAt, toNumber, valueOf } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/ssh-port',
  title: 'Containers do not expose an SSH port',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { kubeLinter: ['ssh-port'] },
  docs: {
    rationale:
      'An SSH server in a container is a second, unaudited way in: it bypasses `kubectl exec` (RBAC, audit logs), carries its own credentials, and usually means the image runs more than the application.',
    howToFix: 'Remove port 22 (and the SSH daemon) from the image and the container ports; use `kubectl exec` or ephemeral debug containers for access.',
    whenNotToUse: 'Workloads whose purpose is to serve SSH (Git servers, bastions) — suppress the rule on that object with a reason.',
    examples: { bad: 'ports:\n- containerPort: 22', good: 'ports:\n- containerPort: 8080' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      for (const c of obj.podSpec?.containers ?? []) {
        let found = false;
        for (const { node } of mapItems(seqAt(c.node, ['ports']))) {
          const portNode = getIn(node, ['containerPort']);
          const nameNode = getIn(node, ['name']);
          const name = scalarString(nameNode);
          if (toNumber(valueOf(portNode)) === 22) {
            found = true;
            ctx.report({ range: nodeRange(model.index, portNode)!, message: `${containerLabel(c)} exposes SSH port 22.` });
          } else if (name && name.toLowerCase() === 'ssh') {
            found = true;
            ctx.report({ range: nodeRange(model.index, nameNode)!, message: `${containerLabel(c)} exposes a port named "ssh".` });
          }
        }
        if (!found) {
          const ports = keyNode(c.node, 'ports');
          ctx.pass({ range: ports ? nodeRange(model.index, ports)! : containerRange(model, c), message: `${containerLabel(c)} exposes no SSH port` });
        }
      }
    }
  },
});

import { defineRule } from '../types';
import { keyNode } from './language';
import type { K8sModel } from './language';
import { hostPathVolumes, objectLabel, podRange, podTargets, rangeOf } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/host-path-volume',
  title: 'Pods do not mount hostPath volumes',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: {
    polaris: ['hostPathSet'],
    trivy: ['AVD-KSV-0023', 'AVD-KSV-0121'],
    kubeLinter: ['sensitive-host-mounts', 'writable-host-mount'],
    // A hostPath volume fails both the baseline check and the restricted volume-type check.
    pss: ['hostPathVolumes', 'restrictedVolumes'],
  },
  docs: {
    rationale:
      'A hostPath volume exposes part of the node\'s filesystem to the pod. Writable mounts let a compromised container tamper with the node (kubelet configuration, other pods\' data, binaries); even read-only mounts leak credentials and logs. The PSS baseline forbids hostPath.',
    howToFix: 'Use a PersistentVolumeClaim, `emptyDir`, ConfigMap or Secret volume instead. If a node path is unavoidable, mount it with `readOnly: true` and narrow it to a single file or directory.',
    whenNotToUse: 'Node agents (log shippers, CSI drivers, monitoring DaemonSets) that must read node files, in a namespace labelled for the privileged PSS level.',
    examples: { bad: 'volumes:\n  - name: logs\n    hostPath:\n      path: /var/log', good: 'volumes:\n  - name: logs\n    emptyDir: {}' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      let found = false;
      for (const { vol, index: i, name: volumeName, path } of hostPathVolumes(pod)) {
        found = true;
        const name = volumeName ?? `volumes[${i}]`;
        ctx.report({
          range: rangeOf(model, keyNode(vol, 'hostPath'), podRange(model, target)),
          message: `${objectLabel(obj)} mounts the node path ${path ? `"${path}" ` : ''}through hostPath volume "${name}".`,
        });
      }
      if (!found) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} uses no hostPath volumes` });
    }
  },
});

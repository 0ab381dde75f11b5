import { defineRule } from '../types';
import { getIn, stringAt } from './language';
import type { K8sModel } from './language';
import { hostPathVolumes, objectLabel, podRange, podTargets, rangeOf } from './security-context-util';

/** Container runtime sockets (Docker, containerd, CRI-O, cri-dockerd) and the directories that hold them. */
const SOCKETS = new Set([
  '/var/run/docker.sock', '/run/docker.sock',
  '/var/run/containerd/containerd.sock', '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock', '/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock', '/run/cri-dockerd.sock',
  '/var/run/containerd', '/run/containerd', '/var/run/crio', '/run/crio',
]);

function normalize(p: string): string {
  const s = p.trim().replace(/\/+/g, '/');
  return s.length > 1 ? s.replace(/\/$/, '') : s;
}

export default defineRule<K8sModel>({
  id: 'k8s/docker-socket-mount',
  title: 'Pods do not mount the container runtime socket',
  level: 'block',
  controls: ['k8s.host-isolation'],
  aliases: { kubeLinter: ['docker-sock'], checkov: ['CKV_K8S_27'], trivy: ['AVD-KSV-0006'] },
  docs: {
    rationale:
      'Access to the Docker, containerd or CRI-O socket is root on the node: whoever can talk to it can start a privileged container that mounts the host filesystem.',
    howToFix: 'Remove the hostPath volume. Build images with a daemonless builder (BuildKit rootless, kaniko, buildah) and query workloads through the Kubernetes API instead of the runtime.',
    whenNotToUse: 'Trusted node agents that must talk to the runtime (some monitoring or security agents), isolated in their own namespace.',
    examples: { bad: 'hostPath:\n  path: /var/run/docker.sock', good: 'emptyDir: {}' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      let found = false;
      for (const { vol, index: i, path } of hostPathVolumes(pod)) {
        if (!path || !SOCKETS.has(normalize(path))) continue;
        found = true;
        ctx.report({
          range: rangeOf(model, getIn(vol, ['hostPath', 'path']), podRange(model, target)),
          message: `${objectLabel(obj)} mounts the container runtime socket "${path}" (volume "${stringAt(vol, ['name']) ?? i}"): this is root access to the node.`,
        });
      }
      if (!found) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} does not mount the container runtime socket` });
    }
  },
});

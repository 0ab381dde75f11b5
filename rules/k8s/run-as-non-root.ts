import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { usesUserNamespace } from './pod';
import { containerLabel, fixOf, missingRange, podTargets, rangeOf, toNumber, valueOf, yamlEdit } from './security-context-util';

export default defineRule<K8sModel>({
  id: 'k8s/run-as-non-root',
  title: 'Containers must run as a non-root user',
  level: 'warn',
  controls: ['k8s.non-root'],
  aliases: {
    kubeLinter: ['run-as-non-root'],
    polaris: ['runAsRootAllowed'],
    checkov: ['CKV_K8S_23'],
    trivy: ['AVD-KSV-0012'],
    pss: ['runAsNonRoot'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the kubelet refuses to start a container whose image runs as root',
  hasSuggestions: true,
  docs: {
    rationale:
      'A process running as UID 0 in a container is root on the node as soon as it escapes the container (kernel bug, mounted socket, writable host path). `runAsNonRoot: true` makes the kubelet refuse to start a container whose image would run as root.',
    howToFix:
      'Set `securityContext.runAsNonRoot: true` on the pod spec (containers inherit it) or on each container, and make the image run as a numeric non-root `USER`. A non-zero `runAsUser` also satisfies this rule. A container-level `runAsNonRoot: false` overrides the pod level and fails.',
    whenNotToUse: 'Images that genuinely need root and cannot be changed, ideally run with user namespaces (`hostUsers: false`), which this rule accepts.',
    examples: { bad: 'spec:\n  containers:\n    - name: web\n      image: web:1.0', good: 'spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: web\n      image: web:1.0' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      const podNR = getIn(pod.node, ['securityContext', 'runAsNonRoot']);
      const podUser = getIn(pod.node, ['securityContext', 'runAsUser']);
      const overriddenToFalse = pod.containers.some((c) => valueOf(getIn(c.node, ['securityContext', 'runAsNonRoot'])) === false);
      for (const c of pod.containers) {
        const ownNR = getIn(c.node, ['securityContext', 'runAsNonRoot']);
        const ownUser = getIn(c.node, ['securityContext', 'runAsUser']);
        const nrNode = ownNR ?? podNR;
        const userNode = ownUser ?? podUser;
        const nr = valueOf(nrNode);
        const uid = toNumber(valueOf(userNode));
        const where = missingRange(model, c, []);
        if (usesUserNamespace(pod)) {
          ctx.pass({ range: where, message: `${containerLabel(c)} runs in a user namespace (hostUsers: false)` });
          continue;
        }
        if (nr === false) {
          // As Polaris does, the edit flips the explicit `false` where it is set (the pod's when
          // inherited); the author wrote it, so it is offered, never applied unattended.
          const change = uid === 0 ? undefined : fixOf('Set runAsNonRoot: true', yamlEdit.replaceScalar(model.index, nrNode!, 'true'));
          ctx.report({
            range: rangeOf(model, nrNode, where),
            message: `${containerLabel(c)} turns runAsNonRoot off explicitly (false${nrNode === podNR ? ', inherited from the pod' : ''}): it may run as root.`,
            suggestions: change ? [change] : undefined,
          });
          continue;
        }
        if (nr === true || uid >= 1) {
          ctx.pass({ range: rangeOf(model, nr === true ? nrNode : userNode, where), message: `${containerLabel(c)} runs as a non-root user` });
          continue;
        }
        let fix;
        if (uid !== 0) {
          fix = overriddenToFalse
            ? fixOf('Add runAsNonRoot: true to the container', yamlEdit.setPath(model.index, c.node, ['securityContext', 'runAsNonRoot'], 'true'))
            : fixOf('Add runAsNonRoot: true to the pod securityContext', yamlEdit.setPath(model.index, pod.node, ['securityContext', 'runAsNonRoot'], 'true'));
        }
        ctx.report({
          range: missingRange(model, c, ['securityContext', 'runAsNonRoot']),
          message:
            uid === 0
              ? `${containerLabel(c)} runs as UID 0 (root).`
              : `${containerLabel(c)} may run as root: neither the pod nor the container sets runAsNonRoot: true or a non-zero runAsUser.`,
          fix,
        });
      }
    }
  },
});

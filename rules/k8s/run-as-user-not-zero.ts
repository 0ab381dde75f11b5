import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { usesUserNamespace } from './pod';
import { replaceEdit } from '../text';
import { containerLabel, objectLabel, podRange, podTargets, rangeOf, toNumber, valueOf } from './security-context-util';
import type { Node } from 'yaml';

export default defineRule<K8sModel>({
  id: 'k8s/run-as-user-not-zero',
  title: 'Pods and containers do not set runAsUser: 0',
  level: 'warn',
  controls: ['k8s.non-root'],
  aliases: { trivy: ['AVD-KSV-0105'], pss: ['runAsUser'], kubeLinter: ['run-as-non-root'] },
  hasSuggestions: true,
  docs: {
    rationale: '`runAsUser: 0` explicitly runs the process as root, whatever the image declares. The restricted Pod Security Standard forbids it (except with user namespaces, `hostUsers: false`).',
    howToFix: 'Use a dedicated non-zero UID, for example `runAsUser: 10001`, that owns the files the application needs, and set `runAsNonRoot: true`.',
    whenNotToUse: 'Workloads that must run as root and run in a privileged namespace; prefer `hostUsers: false`, which this rule accepts.',
    examples: { bad: 'securityContext:\n  runAsUser: 0', good: 'securityContext:\n  runAsUser: 10001' },
  },
  check(model, ctx) {
    const suggest = (node: Node) => {
      const r = node.range!;
      return [{ title: 'Run as UID 10001 (review: the image must work as this user)', edits: [replaceEdit(model.index, r[0], r[1], '10001')] }];
    };
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      if (usesUserNamespace(pod)) continue;
      const podUser = getIn(pod.node, ['securityContext', 'runAsUser']);
      if (toNumber(valueOf(podUser)) === 0) {
        ctx.report({ range: rangeOf(model, podUser, podRange(model, target)), message: `${objectLabel(obj)} sets pod-level runAsUser: 0 (root).`, suggestions: suggest(podUser!) });
      } else if (podUser) ctx.pass({ range: rangeOf(model, podUser, podRange(model, target)), message: `${objectLabel(obj)} runs as a non-zero UID` });
      for (const c of pod.containers) {
        const own = getIn(c.node, ['securityContext', 'runAsUser']);
        if (toNumber(valueOf(own)) === 0) {
          ctx.report({ range: rangeOf(model, own, podRange(model, target)), message: `${containerLabel(c)} sets runAsUser: 0 (root).`, suggestions: suggest(own!) });
        } else if (own) ctx.pass({ range: rangeOf(model, own, podRange(model, target)), message: `${containerLabel(c)} runs as a non-zero UID` });
      }
    }
  },
});

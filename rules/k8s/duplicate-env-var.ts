import type { Node } from 'yaml';
import { defineRule } from '../types';
import { getIn, keyNode } from './language';
import type { K8sModel } from './language';
import { containerLabel, containerRange, fixOf, mapItems, podTargets, rangeOf, scalarString, seqAt } from './workload-util';
import { removeSeqItem } from './yaml-edit';

export default defineRule<K8sModel>({
  id: 'k8s/duplicate-env-var',
  title: 'Environment variables are defined once per container',
  level: 'warn',
  controls: ['k8s.secrets'],
  aliases: { kubeLinter: ['duplicate-env-var'], kubeScore: ['environment-variable-key-duplication'] },
  fixable: true,
  docs: {
    rationale:
      'When a container lists the same variable twice, the last entry silently wins. The earlier one looks authoritative to a reviewer and to tools that patch the manifest (Kustomize, Helm values), so a change to it has no effect.',
    howToFix: 'Keep one entry per name. The fix removes the earlier entry, which Kubernetes already ignores, so behaviour does not change.',
    whenNotToUse: 'Never needed: the duplicate has no effect.',
    examples: { bad: 'env:\n- {name: MODE, value: a}\n- {name: MODE, value: b}', good: 'env:\n- {name: MODE, value: b}' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const seq = seqAt(c.node, ['env']);
        if (!seq) continue;
        const last = new Map<string, number>();
        let dup = 0;
        for (const { node, index } of mapItems(seq)) {
          const nameNode = getIn(node, ['name']);
          const name = scalarString(nameNode);
          if (name === null) continue;
          const earlier = last.get(name);
          last.set(name, index);
          if (earlier === undefined) continue;
          dup++;
          const earlierLine = model.index.positionAt((seq.items[earlier] as Node).range?.[0] ?? 0).line + 1;
          ctx.report({
            range: rangeOf(model, nameNode, containerRange(model, c)),
            message: `${containerLabel(c)} defines env var "${name}" again (first on line ${earlierLine}); the last definition wins.`,
            fix: fixOf(`Remove the earlier "${name}" entry`, removeSeqItem(model.index, seq, earlier)),
          });
        }
        if (dup === 0) ctx.pass({ range: rangeOf(model, keyNode(c.node, 'env'), containerRange(model, c)), message: `${containerLabel(c)} defines each env var once` });
      }
    }
  },
});

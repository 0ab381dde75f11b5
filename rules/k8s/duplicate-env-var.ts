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
  fixType: 'safe',
  hasSuggestions: true,
  docs: {
    rationale:
      'When a container lists the same variable twice, the last entry silently wins. The earlier one looks authoritative to a reviewer and to tools that patch the manifest (Kustomize, Helm values), so a change to it has no effect.',
    howToFix: 'Keep one entry per name. The fix removes the earlier entry, which Kubernetes already ignores, so behaviour does not change; when an entry up to the later one refers to the earlier value with `$(NAME)`, the removal is only offered for review.',
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
        const items = mapItems(seq);
        // Entries whose value refers to a variable ($(NAME)), which the kubelet expands with the
        // entries defined before them (usually none or a few).
        const refs = items.flatMap((e) => {
          const v = scalarString(getIn(e.node, ['value']));
          return v !== null && v.includes('$(') ? [{ index: e.index, value: v }] : [];
        });
        for (const { node, index } of items) {
          const nameNode = getIn(node, ['name']);
          const name = scalarString(nameNode);
          if (name === null) continue;
          const earlier = last.get(name);
          last.set(name, index);
          if (earlier === undefined) continue;
          dup++;
          const earlierLine = model.index.positionAt((seq.items[earlier] as Node).range?.[0] ?? 0).line + 1;
          // The kubelet expands $(NAME) with the entries defined so far: an entry up to this one
          // that refers to the name reads the earlier value, so removing it is not a no-op.
          const ref = `$(${name})`;
          const referenced = refs.some((r) => r.index > earlier && r.index <= index && r.value.includes(ref));
          const edit = fixOf(`Remove the earlier "${name}" entry`, removeSeqItem(model.index, seq, earlier));
          ctx.report({
            range: rangeOf(model, nameNode, containerRange(model, c)),
            message: referenced
              ? `${containerLabel(c)} defines env var "${name}" again (first on line ${earlierLine}); the last definition wins, but ${ref} in the entries up to it reads the earlier value.`
              : `${containerLabel(c)} defines env var "${name}" again (first on line ${earlierLine}); the last definition wins.`,
            fix: referenced ? undefined : edit,
            suggestions: referenced && edit ? [{ title: `${edit.title} (review: ${ref} refers to it)`, edits: edit.edits }] : undefined,
          });
        }
        if (dup === 0) ctx.pass({ range: rangeOf(model, keyNode(c.node, 'env'), containerRange(model, c)), message: `${containerLabel(c)} defines each env var once` });
      }
    }
  },
});

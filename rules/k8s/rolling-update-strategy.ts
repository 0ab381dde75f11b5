import { defineRule } from '../types';
import { getIn, getMap, keyNode, nodeRange } from './language';
import type { K8sModel } from './language';
import { objectLabel, objectRange, replaceScalarEdit, scalarString } from './workload-util';

export default defineRule<K8sModel>({
  id: 'k8s/rolling-update-strategy',
  title: 'Deployments roll out without downtime',
  level: 'report',
  controls: ['k8s.availability'],
  aliases: { kubeLinter: ['no-rolling-update-strategy'], kubeScore: ['deployment-strategy'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'With `strategy.type: Recreate` every rollout first stops all old pods, then starts the new ones: the service is down for the whole start-up time, and a broken release leaves nothing running.',
    howToFix: 'Use `strategy.type: RollingUpdate` (the default) with `maxUnavailable`/`maxSurge` sized for the workload; keep readiness probes so traffic only moves to ready pods.',
    whenNotToUse: 'Workloads that must never run two versions at once, or that mount a ReadWriteOnce volume that only one pod can attach.',
    examples: { bad: 'spec:\n  strategy:\n    type: Recreate', good: 'spec:\n  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxUnavailable: 0, maxSurge: 1}' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'Deployment') continue;
      const node = getIn(obj.node, ['spec', 'strategy', 'type']);
      const type = scalarString(node);
      if (type === 'Recreate') {
        const edits = replaceScalarEdit(model.index, node, 'RollingUpdate');
        ctx.report({
          range: nodeRange(model.index, node)!,
          message: `${objectLabel(obj)} uses the Recreate strategy: every rollout stops all pods before starting new ones.`,
          suggestions: edits ? [{ title: 'Use strategy.type: RollingUpdate (check volumes and version skew)', edits }] : undefined,
        });
      } else if (type === null || type === 'RollingUpdate') {
        const range = node ? nodeRange(model.index, node)! : (nodeRange(model.index, keyNode(getMap(obj.node, ['spec']), 'strategy')) ?? objectRange(model, obj));
        ctx.pass({ range, message: `${objectLabel(obj)} uses rolling updates` });
      }
    }
  },
});

import { defineRule } from '../types';
import { getIn, getMap, isScalar, keyNode, nodeRange, objectLabel, type K8sModel, type K8sObject } from './language';
import { fixOf, objectRange, valueOf } from './workload-util';
import { setPath } from './yaml-edit';

/** A Job that a CronJob created (exported from a cluster): its lifetime belongs to the CronJob. */
function ownedByCronJob(obj: K8sObject): boolean {
  const refs = getIn(obj.node, ['metadata', 'ownerReferences']);
  return !!refs && 'items' in refs && Array.isArray(refs.items) && refs.items.some((r) => valueOf(getIn(r as never, ['kind'])) === 'CronJob');
}

function isSet(node: ReturnType<typeof getIn>): boolean {
  return !!node && !(isScalar(node) && (node.value === null || node.value === ''));
}

export default defineRule<K8sModel>({
  id: 'k8s/job-lifecycle',
  title: 'Jobs are cleaned up and CronJobs have a start deadline',
  level: 'report',
  controls: ['k8s.availability'],
  aliases: { kubeLinter: ['job-ttl-seconds-after-finished'], kubeScore: ['cronjob-has-deadline'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Finished Jobs and their pods stay in the cluster until someone deletes them: they pile up, load the API server and hide new runs. `ttlSecondsAfterFinished` lets Kubernetes remove them. A CronJob without `startingDeadlineSeconds` counts every missed schedule since its last run, and after 100 misses (controller downtime, a suspended CronJob) it stops scheduling altogether.',
    howToFix:
      'Set `spec.ttlSecondsAfterFinished` on standalone Jobs (leave it out of CronJob job templates: `successfulJobsHistoryLimit` / `failedJobsHistoryLimit` clean those up). Set `spec.startingDeadlineSeconds` on CronJobs to how late a run may still start.',
    whenNotToUse: 'Jobs whose finished objects an external controller collects (Argo, Tekton, GitOps pruning).',
    examples: {
      bad: 'kind: Job\nspec:\n  template: ...',
      good: 'kind: Job\nspec:\n  ttlSecondsAfterFinished: 3600\n  template: ...',
    },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      const spec = getMap(obj.node, ['spec']);
      if (!spec) continue;
      if (obj.kind === 'Job') {
        if (ownedByCronJob(obj)) continue;
        const ttl = getIn(spec, ['ttlSecondsAfterFinished']);
        if (isSet(ttl)) {
          ctx.pass({ range: nodeRange(model.index, ttl)!, message: `${objectLabel(obj)} is removed ${String(valueOf(ttl))} seconds after it finishes` });
          continue;
        }
        const edits = ttl ? null : setPath(model.index, spec, ['ttlSecondsAfterFinished'], '3600  # review: seconds to keep the finished Job for its logs');
        const s = fixOf('Add ttlSecondsAfterFinished: 3600 (review)', edits);
        ctx.report({
          range: nodeRange(model.index, keyNode(spec, 'ttlSecondsAfterFinished') ?? keyNode(obj.node, 'spec'))!,
          message: `${objectLabel(obj)} sets no ttlSecondsAfterFinished: the finished Job and its pods stay in the cluster until deleted by hand.`,
          suggestions: s ? [s] : undefined,
        });
      } else if (obj.kind === 'CronJob') {
        const deadline = getIn(spec, ['startingDeadlineSeconds']);
        if (isSet(deadline)) {
          ctx.pass({ range: nodeRange(model.index, deadline)!, message: `${objectLabel(obj)} has a starting deadline of ${String(valueOf(deadline))} seconds` });
        } else {
          const edits = deadline ? null : setPath(model.index, spec, ['startingDeadlineSeconds'], '300  # review: how late (seconds) a missed run may still start');
          const s = fixOf('Add startingDeadlineSeconds: 300 (review)', edits);
          ctx.report({
            range: nodeRange(model.index, keyNode(spec, 'startingDeadlineSeconds') ?? keyNode(obj.node, 'spec'))!,
            message: `${objectLabel(obj)} sets no startingDeadlineSeconds: after 100 missed schedules the CronJob stops starting jobs.`,
            suggestions: s ? [s] : undefined,
          });
        }
        const ttlKey = keyNode(getMap(spec, ['jobTemplate', 'spec']), 'ttlSecondsAfterFinished');
        if (ttlKey) {
          ctx.report({
            range: nodeRange(model.index, ttlKey) ?? objectRange(model, obj),
            message: `${objectLabel(obj)} sets ttlSecondsAfterFinished in its job template; leave cleanup to successfulJobsHistoryLimit and failedJobsHistoryLimit.`,
          });
        }
      }
    }
  },
});

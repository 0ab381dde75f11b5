import { ruleTester } from '../../test/ruleTester';
import rule from './job-lifecycle';

const job = (extra: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n${extra}  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n`;
const cron = (extra: string, tpl = '') =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n${extra}  jobTemplate:\n    spec:\n${tpl}      template:\n        spec:\n          containers:\n          - name: backup\n`;

ruleTester(rule, {
  valid: [
    job('  ttlSecondsAfterFinished: 600\n'),
    cron('  startingDeadlineSeconds: 120\n'),
    {
      name: 'Job created by a CronJob (exported from a cluster)',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: nightly-28000\n  ownerReferences:\n  - apiVersion: batch/v1\n    kind: CronJob\n    name: nightly\nspec:\n  template:\n    spec:\n      containers: []\n',
    },
    { name: 'other kinds and odd shapes', code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {}\n---\napiVersion: batch/v1\nkind: Job\nspec: null\n' },
  ],
  invalid: [
    {
      name: 'Job without ttlSecondsAfterFinished',
      code: job(''),
      errors: [{ line: 5, column: 1, message: 'Job "migrate" sets no ttlSecondsAfterFinished: the finished Job and its pods stay in the cluster until deleted by hand.' }],
      suggestions: [
        {
          title: 'Add ttlSecondsAfterFinished: 3600 (review)',
          output: job('') + '  ttlSecondsAfterFinished: 3600  # review: seconds to keep the finished Job for its logs\n',
        },
      ],
    },
    {
      name: 'CronJob without startingDeadlineSeconds',
      code: cron(''),
      errors: [{ line: 5, column: 1, message: 'CronJob "nightly" sets no startingDeadlineSeconds: after 100 missed schedules the CronJob stops starting jobs.' }],
      suggestions: [
        {
          title: 'Add startingDeadlineSeconds: 300 (review)',
          output: cron('') + '  startingDeadlineSeconds: 300  # review: how late (seconds) a missed run may still start\n',
        },
      ],
    },
    {
      name: 'CronJob job template sets ttlSecondsAfterFinished; empty Job ttl; List',
      code: cron('  startingDeadlineSeconds: 60\n', '      ttlSecondsAfterFinished: 100\n') + '---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: Job\n  metadata: {name: j}\n  spec:\n    ttlSecondsAfterFinished:\n    template: {}\n',
      errors: [
        { line: 10, column: 7, message: /CronJob "nightly" sets ttlSecondsAfterFinished in its job template/ },
        { line: 23, column: 5, message: /Job "j" sets no ttlSecondsAfterFinished/ },
      ],
    },
  ],
});

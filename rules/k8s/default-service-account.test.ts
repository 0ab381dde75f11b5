import { ruleTester } from '../../test/ruleTester';
import rule from './default-service-account';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: web\n  containers:\n  - name: web\n',
    { name: 'deprecated serviceAccount field', code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      serviceAccount: web\n      containers: []\n' },
    { name: 'no pod spec', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n' },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n',
      errors: [{ line: 5, column: 1, message: 'Pod "p" sets no serviceAccountName, so it runs as the namespace\'s "default" service account; give the workload its own.' }],
    },
    {
      name: 'explicit default in a CronJob, multi-document and List',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          serviceAccountName: default\n          containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n  spec:\n    template:\n      spec:\n        serviceAccountName: ""\n',
      errors: [
        { line: 10, column: 31, message: 'CronJob "c" uses the namespace\'s "default" service account; give the workload its own.' },
        { line: 21, column: 7, message: /^Deployment "d" sets no serviceAccountName/ },
      ],
    },
  ],
});

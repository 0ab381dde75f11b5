import { ruleTester } from '../../test/ruleTester';
import rule from './deprecated-service-account-field';

const pod = (sa: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${sa}  containers:\n  - name: web\n`;

ruleTester(rule, {
  valid: [
    pod('  serviceAccountName: web\n'),
    pod(''),
    { name: 'empty deprecated field (kube-linter ignores it)', code: pod('  serviceAccount: ""\n') },
    { name: 'not a pod spec', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  serviceAccount: web\n' },
  ],
  invalid: [
    {
      name: 'rename the key',
      code: pod('  serviceAccount: web  # the app account\n'),
      errors: [{ line: 6, column: 3, message: 'Pod "p" uses the deprecated field serviceAccount; use serviceAccountName.' }],
      output: pod('  serviceAccountName: web  # the app account\n'),
    },
    {
      name: 'same value next to serviceAccountName (Deployment template)',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      serviceAccountName: web\n      serviceAccount: web\n      containers:\n      - name: web\n',
      errors: [{ line: 9, column: 7, message: 'The pod template of Deployment "web" sets the deprecated field serviceAccount next to serviceAccountName; remove it.' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      serviceAccountName: web\n      containers:\n      - name: web\n',
    },
    {
      name: 'different values: no fix; CronJob in a multi-document file',
      code: pod('') + '---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          serviceAccount: a\n          serviceAccountName: b\n',
      errors: [{ line: 18, column: 11, message: /CronJob "nightly" sets the deprecated field serviceAccount \("a"\) to a different account than serviceAccountName \("b"\)/ }],
      output: null,
    },
    {
      name: 'JSON manifest keeps its quoting',
      filename: 'pod.json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccount": "web", "containers": []}}\n',
      errors: [{ line: 1, column: 73 }],
      output: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"serviceAccountName": "web", "containers": []}}\n',
    },
  ],
});

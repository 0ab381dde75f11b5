import { ruleTester } from '../../test/ruleTester';
import rule from './automount-sa-token';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers:\n  - name: web\n',
    {
      name: 'disabled on the ServiceAccount in the same file (Polaris success.serviceaccount)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  serviceAccountName: app\n  containers:\n  - name: web\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\nautomountServiceAccountToken: false\n',
    },
    { name: 'objects without pod spec', code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app\n' },
  ],
  invalid: [
    {
      name: 'unset on a Deployment: add the field',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: web:1\n',
      errors: [{ line: 7, column: 5, message: 'Deployment "web" mounts a service account token by default; set automountServiceAccountToken: false unless the pod calls the Kubernetes API.' }],
      output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: web:1\n      automountServiceAccountToken: false\n',
    },
    {
      name: 'true on the pod wins over the ServiceAccount; explicit: a suggestion, never a fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: true\n  containers:\n  - name: web\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n',
      errors: [{ line: 6, column: 33, message: /^Pod "p" turns automountServiceAccountToken on explicitly \(true\): it mounts its service account token/ }],
      output: null,
      suggestions: [{ title: 'Set automountServiceAccountToken: false', output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  automountServiceAccountToken: false\n  containers:\n  - name: web\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n' }],
    },
    {
      name: 'CronJob in a List, ServiceAccount in another namespace',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: c, namespace: a}\n  spec:\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            containers:\n            - name: job\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: default, namespace: b}\n  automountServiceAccountToken: false\n',
      errors: [{ line: 11, column: 11, message: /^CronJob "c"/ }],
      output: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: c, namespace: a}\n  spec:\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            containers:\n            - name: job\n            automountServiceAccountToken: false\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: default, namespace: b}\n  automountServiceAccountToken: false\n',
    },
  ],
});

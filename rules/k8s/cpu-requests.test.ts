import { ruleTester } from '../../test/ruleTester';
import rule from './cpu-requests';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: web:1\n    resources:\n      requests:\n        cpu: 250m\n',
    { name: 'numeric CPU, flow style', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: web, resources: {requests: {cpu: 1}}}\n' },
    { name: 'ephemeral containers cannot set resources', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n  ephemeralContainers:\n  - name: debug\n' },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{port: 80}]\n' },
  ],
  invalid: [
    {
      name: 'no resources at all',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: web:1\n',
      errors: [{ line: 7, column: 5, message: 'Container "web" has no CPU request (resources.requests.cpu).' }],
      suggestions: [
        {
          title: /Add resources.requests.cpu: 100m/,
          output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: web:1\n    resources:\n      requests:\n        cpu: 100m  # review: CPU the workload needs reserved (measure it)\n',
        },
      ],
    },
    {
      name: 'limits only, Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        resources:\n          limits:\n            cpu: 500m\n      # trailing comment\n',
      errors: [{ line: 7, column: 9 }],
      suggestions: [
        {
          title: /Add/,
          output: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        resources:\n          limits:\n            cpu: 500m\n          requests:\n            cpu: 100m  # review: CPU the workload needs reserved (measure it)\n      # trailing comment\n',
        },
      ],
    },
    {
      name: 'empty resources map and init container in a CronJob',
      code: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: init\n            resources: {}\n          containers:\n          - name: job\n            resources:\n              requests:\n                cpu: ""\n',
      errors: [
        { line: 9, column: 13, message: /^Init container "init"/ },
        { line: 15, column: 22, message: /^Container "job"/ },
      ],
      suggestions: [
        {
          title: /Add/,
          output: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: init\n            resources:\n              requests:\n                cpu: 100m  # review: CPU the workload needs reserved (measure it)\n          containers:\n          - name: job\n            resources:\n              requests:\n                cpu: ""\n',
        },
      ],
    },
    {
      name: 'multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  spec:\n    containers:\n    - name: b\n',
      errors: [{ line: 5, column: 5 }, { line: 14, column: 7 }],
    },
  ],
});

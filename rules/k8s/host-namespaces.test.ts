import { ruleTester } from '../../test/ruleTester';
import rule from './host-namespaces';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: false\n  containers:\n    - name: web\n',
    { name: 'fields outside the pod spec are not the pod\'s', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  template:\n    spec:\n      containers:\n        - name: web\n' },
  ],
  invalid: [
    {
      name: 'all three on a Pod',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n  containers:\n    - name: debug\n',
      errors: [
        { line: 6, column: 16, message: 'Pod "debug" turns hostNetwork on explicitly (true) and shares the node\'s network namespace.' },
        { line: 7, column: 12, message: 'Pod "debug" turns hostPID on explicitly (true) and shares the node\'s process namespace.' },
        { line: 8, column: 12, message: 'Pod "debug" turns hostIPC on explicitly (true) and shares the node\'s IPC namespace.' },
      ],
      output: null,
      suggestions: [{ title: "Remove hostNetwork", output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostPID: true\n  hostIPC: true\n  containers:\n    - name: debug\n" }],
    },
    {
      name: 'DaemonSet in the second document',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\nspec:\n  template:\n    spec:\n      hostPID: true # read /proc\n      containers:\n        - name: exporter\n',
      errors: [{ line: 13, column: 16, message: /^DaemonSet "exporter" turns hostPID on explicitly/ }],
      output: null,
      suggestions: [{ title: "Remove hostPID", output: "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: sa\n---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\nspec:\n  template:\n    spec:\n      containers:\n        - name: exporter\n" }],
    },
  ],
});

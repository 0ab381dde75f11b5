import { ruleTester } from '../../test/ruleTester';
import rule from './host-path-volume';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes:\n    - name: tmp\n      emptyDir: {}\n  containers:\n    - name: web\n',
    { name: 'volumes is not a list', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes: {}\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: logs\nspec:\n  template:\n    spec:\n      volumes:\n        - name: tmp\n          emptyDir: {}\n        - name: varlog\n          hostPath:\n            path: /var/log\n      containers:\n        - name: shipper\n',
      errors: [{ line: 12, column: 11, message: 'DaemonSet "logs" mounts the node path "/var/log" through hostPath volume "varlog".' }],
    },
    {
      name: 'Pod in a List',
      code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: p\n    spec:\n      volumes: [{name: root, hostPath: {path: /}}]\n      containers:\n        - name: c\n',
      errors: [{ line: 9, column: 30, message: 'Pod "p" mounts the node path "/" through hostPath volume "root".' }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './restricted-volume-types';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: example/app:1.0
  volumes:
${volumes}`;

ruleTester(rule, {
  valid: [
    pod('    - name: a\n      emptyDir: {}\n    - name: b\n      persistentVolumeClaim: {claimName: b}\n    - name: c\n      projected: {sources: []}\n    - name: d\n      csi: {driver: x}\n'),
    { name: 'hostPath is host-path-volume\'s finding', code: pod('    - name: h\n      hostPath: {path: /var/log}\n') },
    { name: 'no volumes', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "busybox:1.36"}]\n' },
  ],
  invalid: [
    {
      code: pod('    - name: data\n      nfs:\n        server: nfs.local\n        path: /exports\n    - name: repo\n      gitRepo: {repository: "https://example.com/r.git"}\n'),
      errors: [
        { line: 11, column: 7, message: 'Pod "app" mounts volume "data" of type nfs, which the restricted Pod Security Standard does not allow; use a PersistentVolumeClaim or CSI volume instead.' },
        { line: 15, column: 7, message: /type gitRepo/ },
      ],
    },
  ],
});

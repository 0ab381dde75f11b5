import { ruleTester } from '../../test/ruleTester';
import rule from './docker-socket-mount';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  volumes:\n    - name: logs\n      hostPath:\n        path: /var/log\n  containers:\n    - name: web\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ci\nspec:\n  template:\n    spec:\n      volumes:\n        - name: docker\n          hostPath:\n            path: /var/run/docker.sock\n            type: Socket\n      containers:\n        - name: runner\n',
      errors: [{ line: 11, column: 19, message: 'Deployment "ci" mounts the container runtime socket "/var/run/docker.sock" (volume "docker"): this is root access to the node.' }],
    },
    {
      name: 'containerd socket and the CRI-O directory (trailing slash)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  volumes:\n    - name: containerd\n      hostPath: {path: /run/containerd/containerd.sock}\n    - name: crio\n      hostPath:\n        path: "/var/run/crio/"\n  containers:\n    - name: agent\n',
      errors: [
        { line: 8, column: 24, message: /"\/run\/containerd\/containerd.sock"/ },
        { line: 11, column: 15, message: /"\/var\/run\/crio\/"/ },
      ],
    },
  ],
});

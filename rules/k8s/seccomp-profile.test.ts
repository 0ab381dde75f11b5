import { ruleTester } from '../../test/ruleTester';
import rule from './seccomp-profile';

const podUnconfined = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n    - name: web\n';

ruleTester(rule, {
  valid: [
    { name: 'pod level RuntimeDefault is inherited', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  initContainers:\n    - name: init\n  containers:\n    - name: web\n' },
    { name: 'container level Localhost', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        seccompProfile:\n          type: Localhost\n          localhostProfile: profiles/web.json\n' },
    { name: 'legacy pod annotation on a Deployment template', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    spec:\n      containers:\n        - name: web\n' },
    { name: 'an explicit Unconfined is k8s/seccomp-unconfined\'s finding, not this one', code: podUnconfined },
    { name: 'Windows pod without a profile', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n  os:\n    name: windows\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      name: 'unset: pod-level fix',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n    - name: sidecar\n      securityContext:\n        runAsNonRoot: true\n',
      errors: [
        { line: 7, column: 7, message: 'Container "web" runs without a seccomp profile (Unconfined by default): set securityContext.seccompProfile.type: RuntimeDefault on the pod.' },
        { line: 9, column: 7, message: /^Container "sidecar" runs without a seccomp profile/ },
      ],
      output: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n    - name: sidecar\n      securityContext:\n        runAsNonRoot: true\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n',
    },
  ],
});

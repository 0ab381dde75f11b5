import { ruleTester } from '../../test/ruleTester';
import rule from './seccomp-unconfined';

const podUnconfined = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n  containers:\n    - name: web\n';

ruleTester(rule, {
  valid: [
    { name: 'no profile at all is allowed by the baseline standard', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n' },
    { name: 'RuntimeDefault', code: podUnconfined.replace('Unconfined', 'RuntimeDefault') },
    { name: 'Localhost on a container', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      securityContext:\n        seccompProfile: {type: Localhost, localhostProfile: p.json}\n' },
  ],
  invalid: [
    {
      name: 'pod-level Unconfined: one finding, a suggestion, no fix',
      code: podUnconfined,
      errors: [{ line: 8, column: 13, message: 'Pod "web" sets the pod seccomp profile to "Unconfined": use RuntimeDefault or Localhost.' }],
      output: null,
      suggestions: [{ title: /RuntimeDefault/, output: podUnconfined.replace('Unconfined', 'RuntimeDefault') }],
    },
    {
      name: 'container-level Unconfined overrides a good pod profile (CronJob)',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: job\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          securityContext:\n            seccompProfile: {type: RuntimeDefault}\n          containers:\n            - name: job\n              securityContext:\n                seccompProfile:\n                  type: Unconfined\n',
      errors: [{ line: 16, column: 25, message: 'Container "job" sets its seccomp profile to "Unconfined": use RuntimeDefault or Localhost.' }],
      output: null,
    },
    {
      name: 'legacy container annotation unconfined',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.seccomp.security.alpha.kubernetes.io/web: unconfined\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: web\n',
      errors: [{ line: 6, column: 57, message: 'Container "web" sets its seccomp profile to "unconfined": use RuntimeDefault or Localhost.' }],
      output: null,
    },
  ],
});

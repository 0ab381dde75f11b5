import { ruleTester } from '../../test/ruleTester';
import rule from './apparmor-profile';

const annotated = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/web: unconfined\nspec:\n  containers:\n    - name: web\n';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/web: localhost/k8s-web\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n  containers:\n    - name: web\n',
  ],
  invalid: [
    {
      name: 'legacy annotation',
      code: annotated,
      errors: [{ line: 6, column: 57, message: 'Pod "web" sets the AppArmor profile of container "web" to "unconfined": use runtime/default or localhost/<profile>.' }],
      suggestions: [{ title: /runtime\/default/, output: annotated.replace(': unconfined', ': runtime/default') }],
    },
    {
      name: 'field at pod and container level (Deployment template)',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      securityContext:\n        appArmorProfile:\n          type: Unconfined\n      containers:\n        - name: web\n          securityContext:\n            appArmorProfile: {type: Unconfined}\n',
      errors: [
        { line: 10, column: 17, message: 'Deployment "web" (pod securityContext) sets appArmorProfile.type to "Unconfined": use RuntimeDefault or Localhost.' },
        { line: 14, column: 37, message: 'Container "web" sets appArmorProfile.type to "Unconfined": use RuntimeDefault or Localhost.' },
      ],
    },
  ],
});

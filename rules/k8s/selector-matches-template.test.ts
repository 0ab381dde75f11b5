import { ruleTester } from '../../test/ruleTester';
import rule from './selector-matches-template';

const deploy = (sel: string, labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
${sel}
  template:
    metadata:
${labels}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

ruleTester(rule, {
  valid: [
    deploy('      app: web', '      labels:\n        app: web\n        tier: front'),
    { name: 'matchExpressions satisfied', code: deploy('      app: web', '      labels:\n        app: web').replace('    matchLabels:\n      app: web', '    matchExpressions:\n      - {key: app, operator: In, values: [web, api]}') },
    { name: 'objects without selectors', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "busybox:1.36"}]\n' },
  ],
  invalid: [
    {
      name: 'label missing from the template: fix adds it, keeping the other labels',
      code: deploy('      app: web\n      tier: front', '      labels:\n        app: web  # app label'),
      errors: [{ line: 7, column: 3, message: 'Deployment "web": spec.selector does not match the pod template labels (missing tier=front); the API server rejects it.' }],
      output: deploy('      app: web\n      tier: front', '      labels:\n        app: web  # app label\n        tier: "front"'),
    },
    {
      name: 'template without labels: fix creates them',
      code: deploy('      app: web', '      annotations:\n        team: a'),
      errors: [{ line: 7, column: 3 }],
      output: deploy('      app: web', '      annotations:\n        team: a\n      labels:\n        app: "web"'),
    },
    {
      name: 'conflicting value: reported, not fixed (the selector may be the wrong side)',
      code: deploy('      app: web', '      labels:\n        app: website'),
      errors: [{ line: 7, column: 3, message: /missing app=web/ }],
      output: null,
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './ssh-port';

const pod = (containers: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${containers}`;

ruleTester(rule, {
  valid: [
    pod('  containers:\n  - name: web\n    ports:\n    - containerPort: 8080\n      name: http\n'),
    { name: 'no ports, odd shapes', code: pod('  containers:\n  - name: web\n    ports: null\n  - name: b\n    ports: [22x, {containerPort: null}]\n') },
    { name: 'port 2222 and a ConfigMap', code: pod('  containers:\n  - name: web\n    ports: [{containerPort: 2222}]\n') + '---\napiVersion: v1\nkind: ConfigMap\ndata:\n  port: "22"\n' },
  ],
  invalid: [
    {
      name: 'container port 22',
      code: pod('  containers:\n  - name: web\n    ports:\n    - containerPort: 22\n'),
      errors: [{ line: 9, column: 22, message: 'Container "web" exposes SSH port 22.' }],
      output: null,
    },
    {
      name: 'string port in an init container of a CronJob, named ssh port in a Deployment',
      code:
        'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          initContainers:\n          - name: sync\n            ports: [{containerPort: "22"}]\n          containers: []\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: git\n        ports:\n        - name: SSH\n          containerPort: 2022\n',
      errors: [
        { line: 10, column: 37, message: 'Init container "sync" exposes SSH port 22.' },
        { line: 21, column: 17, message: 'Container "git" exposes a port named "ssh".' },
      ],
    },
  ],
});

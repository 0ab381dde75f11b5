import { ruleTester } from '../../test/ruleTester';
import rule from './image-pull-policy';

const pod = (container: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
${container}`;

ruleTester(rule, {
  valid: [
    pod('      image: example/web:1.4\n      imagePullPolicy: Always\n'),
    { name: 'pinned by digest: the pull policy does not matter', code: pod('      image: example/web@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n      imagePullPolicy: IfNotPresent\n') },
  ],
  invalid: [
    {
      name: 'unset: fix adds Always after the other keys',
      code: pod('      image: example/web:1.4\n      ports:\n        - containerPort: 80\n'),
      errors: [{ line: 8, column: 7, message: /imagePullPolicy unset \(IfNotPresent for a tag\)/ }],
      output: pod('      image: example/web:1.4\n      ports:\n        - containerPort: 80\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'IfNotPresent: fix replaces the value',
      code: pod('      image: example/web:1.4\n      imagePullPolicy: IfNotPresent  # cached\n'),
      errors: [{ line: 9, column: 24 }],
      output: pod('      image: example/web:1.4\n      imagePullPolicy: Always  # cached\n'),
    },
  ],
});

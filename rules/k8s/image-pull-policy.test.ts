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

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

ruleTester(rule, {
  valid: [
    pod('      image: example/web:1.4\n      imagePullPolicy: Always\n'),
    { name: 'pinned by digest: the pull policy does not matter', code: pod(`      image: example/web@${DIGEST}\n      imagePullPolicy: IfNotPresent\n`) },
    { name: 'pinned by digest, policy unset', code: pod(`      image: nginx@${DIGEST}\n`) },
    { name: 'tag and digest: the digest wins', code: pod(`      image: nginx:1.27@${DIGEST}\n`) },
  ],
  invalid: [
    {
      name: 'unset with a tag: IfNotPresent by default; fix adds Always after the other keys',
      code: pod('      image: example/web:1.4\n      ports:\n        - containerPort: 80\n'),
      errors: [
        {
          line: 8,
          column: 7,
          message:
            'Container "web" runs example/web:1.4 with imagePullPolicy unset, which Kubernetes defaults to IfNotPresent for a tag other than :latest: a moved tag is not noticed. Pin the image by digest or set imagePullPolicy: Always.',
        },
      ],
      output: pod('      image: example/web:1.4\n      ports:\n        - containerPort: 80\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'nginx:1.27: IfNotPresent by default',
      code: pod('      image: nginx:1.27\n'),
      errors: [{ line: 8, column: 7, message: /^Container "web" runs nginx:1.27 with imagePullPolicy unset, which Kubernetes defaults to IfNotPresent for a tag other than :latest/ }],
      output: pod('      image: nginx:1.27\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'a registry port is not a tag: IfNotPresent for the tag after it',
      code: pod('      image: registry.local:5000/team/api:2.0\n'),
      errors: [{ line: 8, column: 7, message: /defaults to IfNotPresent for a tag other than :latest/ }],
      output: pod('      image: registry.local:5000/team/api:2.0\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'nginx (no tag): Kubernetes defaults to Always',
      code: pod('      image: nginx\n'),
      errors: [
        {
          line: 8,
          column: 7,
          message:
            'Container "web" runs nginx with imagePullPolicy unset: Kubernetes defaults it to Always only because the image has no tag, and to IfNotPresent once a tag is pinned. Set imagePullPolicy: Always, or pin the image by digest.',
        },
      ],
      output: pod('      image: nginx\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'nginx:latest: Kubernetes defaults to Always',
      code: pod('      image: nginx:latest\n'),
      errors: [{ line: 8, column: 7, message: /^Container "web" runs nginx:latest with imagePullPolicy unset: Kubernetes defaults it to Always only because the tag is :latest, and to IfNotPresent once a tag is pinned\./ }],
      output: pod('      image: nginx:latest\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'example/api:latest: Kubernetes defaults to Always',
      code: pod('      image: example/api:latest\n'),
      errors: [{ line: 8, column: 7, message: /^Container "web" runs example\/api:latest with imagePullPolicy unset: Kubernetes defaults it to Always only because the tag is :latest/ }],
      output: pod('      image: example/api:latest\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'a registry port without a tag: Always by default',
      code: pod('      image: registry.local:5000/api\n'),
      errors: [{ line: 8, column: 7, message: /Always only because the image has no tag/ }],
      output: pod('      image: registry.local:5000/api\n      imagePullPolicy: Always\n'),
    },
    {
      name: 'IfNotPresent written by the author: a suggestion, never a fix',
      code: pod('      image: example/web:1.4\n      imagePullPolicy: IfNotPresent  # cached\n'),
      errors: [
        {
          line: 9,
          column: 24,
          message: 'Container "web" sets imagePullPolicy: IfNotPresent explicitly for example/web:1.4: a moved tag is not noticed. Pin the image by digest or set imagePullPolicy: Always.',
        },
      ],
      output: null,
      suggestions: [{ title: 'Set imagePullPolicy: Always', output: pod('      image: example/web:1.4\n      imagePullPolicy: Always  # cached\n') }],
    },
    {
      name: 'Never on :latest: explicit, a suggestion',
      code: pod('      image: nginx:latest\n      imagePullPolicy: Never\n'),
      errors: [{ line: 9, column: 24, message: /^Container "web" sets imagePullPolicy: Never explicitly for nginx:latest/ }],
      output: null,
      suggestions: [{ title: 'Set imagePullPolicy: Always', output: pod('      image: nginx:latest\n      imagePullPolicy: Always\n') }],
    },
  ],
});

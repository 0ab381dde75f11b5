import { ruleTester } from '../../test/ruleTester';
import rule from './image-tag-pinned';

const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    image: ${image}\n`;

ruleTester(rule, {
  valid: [
    pod('nginx:1.27.3'),
    { name: 'digest without tag', code: pod('nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') },
    { name: 'registry with port', code: pod('localhost:5000/team/web:2.0') },
    { name: 'latest tag but digest pinned', code: pod('nginx:latest@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31') },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  image: nginx\n' },
    { name: 'image missing or odd shapes', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  - name: b\n    image: [x]\n  - null\n' },
  ],
  invalid: [
    {
      name: 'untagged',
      code: pod('nginx'),
      errors: [{ line: 8, column: 12, endColumn: 17, message: 'Container "web" uses image "nginx" without a tag, which means :latest; pin a version tag or digest.' }],
    },
    { name: 'latest', code: pod('docker.io/library/nginx:latest'), errors: [{ line: 8, column: 12, message: /:latest tag/ }] },
    { name: 'registry port without tag', code: pod('localhost:5000/team/web'), errors: [{ line: 8, column: 12, message: /without a tag/ }] },
    {
      name: 'CronJob init container, multi-document and List',
      code: [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: c}',
        'spec:',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          initContainers:',
        '          - name: migrate',
        '            image: app',
        '          containers:',
        '          - name: job',
        '            image: app:1.0',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '- apiVersion: apps/v1',
        '  kind: Deployment',
        '  spec:',
        '    template:',
        '      spec:',
        '        containers:',
        '        - {name: web, image: "web:latest"}',
        '',
      ].join('\n'),
      errors: [
        { line: 11, column: 20, message: /^Init container "migrate"/ },
        { line: 25, column: 30, message: /^Container "web" uses the :latest/ },
      ],
    },
  ],
});

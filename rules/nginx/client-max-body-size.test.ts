import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './client-max-body-size';

ruleTester(rule, {
  valid: [
    'http {\n    client_max_body_size 10m;\n}\n',
    { name: 'exactly the threshold', code: 'server {\n    client_max_body_size 100M;\n}\n' },
    { name: 'bytes and kilobytes', code: 'location / {\n    client_max_body_size 1048576;\n    client_max_body_size 512k;\n}\n' },
    { name: 'a larger threshold by option', code: 'location /upload {\n    client_max_body_size 2g;\n}\n', options: { maxSize: '4g' } },
    { name: 'variables/templates are not judged', code: 'server {\n    client_max_body_size ${MAX_BODY};\n}\n' },
  ],
  invalid: [
    {
      name: 'unlimited',
      code: 'http {\n    server {\n        listen 443 ssl;\n        server_name api.example.com;\n        client_max_body_size 0;\n    }\n}\n',
      errors: [{ line: 5, column: 9, message: '"client_max_body_size 0" at server api.example.com :443 accepts request bodies of any size. Set a finite limit (e.g. 10m) and raise it only in the upload location.' }],
      suggestions: [
        {
          title: /10m/,
          output: 'http {\n    server {\n        listen 443 ssl;\n        server_name api.example.com;\n        # review: 10m fits most forms and APIs; raise it only where uploads need more\n        client_max_body_size 10m;\n    }\n}\n',
        },
      ],
    },
    {
      name: 'above the threshold, CRLF, tabs',
      code: 'http {\r\n\tclient_max_body_size 1G;\r\n}\r\n',
      errors: [{ line: 2, column: 2, message: /"client_max_body_size 1G" at http is above 100m/ }],
      suggestions: [{ title: /10m/, output: 'http {\r\n\t# review: 10m fits most forms and APIs; raise it only where uploads need more\r\n\tclient_max_body_size 10m;\r\n}\r\n' }],
    },
    { name: 'a lower threshold by option', code: 'location / {\n    client_max_body_size 20m;\n}\n', options: { maxSize: '10m' }, errors: [{ line: 2, column: 5, message: /above 10m/ }] },
    {
      name: 'multi-line directive',
      code: 'server {\n    client_max_body_size\n        0;\n}\n',
      errors: [{ line: 2, column: 5, endLine: 3 }],
      suggestions: [{ title: /10m/, output: 'server {\n    # review: 10m fits most forms and APIs; raise it only where uploads need more\n    client_max_body_size\n        10m;\n}\n' }],
    },
  ],
});

describe('nginx/client-max-body-size evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'server {\n    client_max_body_size 10m;\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['2 client_max_body_size 10m at server']);
  });
});

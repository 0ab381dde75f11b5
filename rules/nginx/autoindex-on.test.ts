import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './autoindex-on';

ruleTester(rule, {
  valid: [
    'server {\n    autoindex off;\n}\n',
    { name: 'deliberate public listing', code: 'server {\n    location /downloads/ {\n        root /srv;\n        autoindex on;\n    }\n    location ^~ /pub/ {\n        autoindex on;\n    }\n}\n' },
    { name: 'a nested location of a download area', code: 'server {\n    location /mirror/ {\n        location /mirror/debian/ {\n            autoindex on;\n        }\n    }\n}\n' },
    { name: 'variable value is not judged', code: 'location / {\n    autoindex $listing;\n}\n' },
  ],
  invalid: [
    {
      name: 'server level',
      code: 'http {\n    server {\n        listen 80;\n        root /var/www;\n        autoindex on;\n    }\n}\n',
      errors: [{ line: 5, column: 9, endColumn: 22, message: '"autoindex on" is set explicitly at server :80: it lists every file of directories without an index file. Turn it off, or serve deliberate listings from a location named for it (e.g. /downloads/).' }],
      output: null,
      suggestions: [{ title: 'Set "autoindex off"', output: 'http {\n    server {\n        listen 80;\n        root /var/www;\n        autoindex off;\n    }\n}\n' }],
    },
    {
      name: 'location, uppercase value, CRLF; a path that only contains "pub" is not exempt',
      code: 'server {\r\n    location /public-uploads/ {\r\n        autoindex ON;\r\n    }\r\n}\r\n',
      errors: [{ line: 3, column: 9, message: /at location \/public-uploads\// }],
      output: null,
      suggestions: [{ title: 'Set "autoindex off"', output: 'server {\r\n    location /public-uploads/ {\r\n        autoindex off;\r\n    }\r\n}\r\n' }],
    },
    {
      name: 'multi-line directive and a snippet file',
      filename: 'nginx/snippets/listing.conf',
      code: 'autoindex\n    on;\nautoindex_exact_size off;\n',
      errors: [{ line: 1, column: 1, endLine: 2, message: /at the top level/ }],
      output: null,
      suggestions: [{ title: 'Set "autoindex off"', output: 'autoindex\n    off;\nautoindex_exact_size off;\n' }],
    },
  ],
});

describe('nginx/autoindex-on evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'server {\n    autoindex off;\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['2 autoindex off at server']);
  });
});

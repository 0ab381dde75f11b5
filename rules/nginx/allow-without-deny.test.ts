import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './allow-without-deny';

ruleTester(rule, {
  valid: [
    { name: 'gixy allow_without_deny_fp', code: 'location = /test/ {\n    allow 1.1.1.1;\n    deny all;\n}\n' },
    { name: 'allow all re-opens a nested location', code: 'server {\n    deny all;\n    location /public/ {\n        allow all;\n    }\n}\n' },
    { name: 'deny before allow still closes the list', code: 'location / {\n    deny 10.0.0.5;\n    allow 10.0.0.0/8;\n}\n' },
    {
      name: 'satisfy any with auth_basic: other addresses must log in',
      code: 'server {\n    location /admin/ {\n        satisfy any;\n        allow 192.168.1.0/24;\n        auth_basic "admin";\n        auth_basic_user_file /etc/nginx/htpasswd;\n    }\n}\n',
    },
    { name: 'unresolved include may hold the deny', code: 'location /x {\n    allow 10.0.0.0/8;\n    include /etc/nginx/deny.conf;\n}\n' },
    {
      name: 'the deny comes from a resolved include',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        location /x {\n            allow 10.0.0.0/8;\n            include snippets/deny.conf;\n        }\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/deny.conf', code: 'deny all;\n' }],
    },
    { name: 'a lone file of allow lines (the includer is unknown)', filename: 'nginx/snippets/office-ips.conf', code: 'allow 10.0.0.0/8;\nallow 192.168.0.0/16;\n' },
    {
      name: 'a file of allow lines whose includer ends the list',
      filename: 'nginx/snippets/office-ips.conf',
      code: 'allow 10.0.0.0/8;\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    server {\n        location / {\n            include snippets/office-ips.conf;\n            deny all;\n        }\n    }\n}\n' }],
    },
  ],
  invalid: [
    {
      name: 'gixy allow_without_deny',
      code: 'location = /test/ {\n    allow 1.1.1.1;\n}\n',
      errors: [{ line: 2, column: 5, endColumn: 10, message: '"allow 1.1.1.1" at location = /test/ has no "deny" after it, so every other address is allowed too. Add "deny all;" after the last "allow".' }],
      output: 'location = /test/ {\n    allow 1.1.1.1;\n    deny all;\n}\n',
    },
    {
      name: 'several allows, one finding, deny after the last (and its trailing comment)',
      code: 'server {\n\tlisten 80;\n\tlocation /admin/ {\n\t\tallow 10.0.0.0/8;\n\t\tallow 192.168.0.0/16; # office\n\t\tproxy_pass http://admin;\n\t}\n}\n',
      errors: [{ line: 4, column: 3, message: /location \/admin\// }],
      output: 'server {\n\tlisten 80;\n\tlocation /admin/ {\n\t\tallow 10.0.0.0/8;\n\t\tallow 192.168.0.0/16; # office\n\t\tdeny all;\n\t\tproxy_pass http://admin;\n\t}\n}\n',
    },
    {
      name: 'a deny in the parent does not close a nested list; CRLF',
      code: 'server {\r\n    deny all;\r\n    location /x {\r\n        allow 127.0.0.1;\r\n    }\r\n}\r\n',
      errors: [{ line: 4, column: 9 }],
      output: 'server {\r\n    deny all;\r\n    location /x {\r\n        allow 127.0.0.1;\r\n        deny all;\r\n    }\r\n}\r\n',
    },
    {
      name: 'multi-line allow',
      code: 'location /m {\n    allow\n        10.0.0.0/8;\n    proxy_pass http://m;\n}\n',
      errors: [{ line: 2, column: 5, message: /"allow 10\.0\.0\.0\/8"/ }],
      output: 'location /m {\n    allow\n        10.0.0.0/8;\n    deny all;\n    proxy_pass http://m;\n}\n',
    },
    {
      name: 'limit_except and server level',
      code: 'server {\n    allow 10.1.1.1;\n    location / {\n        limit_except GET {\n            allow 192.168.1.0/24;\n        }\n    }\n}\n',
      errors: [{ line: 2, column: 5, message: /at server has no "deny"/ }, { line: 5, column: 13, message: /at limit_except GET has/ }],
      output: 'server {\n    allow 10.1.1.1;\n    deny all;\n    location / {\n        limit_except GET {\n            allow 192.168.1.0/24;\n            deny all;\n        }\n    }\n}\n',
    },
    {
      name: 'a file of allow lines whose includer does not end the list (no fix: the list continues there)',
      filename: 'nginx/snippets/office-ips.conf',
      code: 'allow 10.0.0.0/8;\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    server {\n        location / {\n            include snippets/office-ips.conf;\n        }\n    }\n}\n' }],
      errors: [{ line: 1, column: 1, message: /the block that includes this file/ }],
    },
  ],
});

describe('nginx/allow-without-deny evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'location /admin {\n    allow 10.0.0.0/8;\n    deny all;\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['3 allow list at location /admin ends with "deny all"']);
  });
});

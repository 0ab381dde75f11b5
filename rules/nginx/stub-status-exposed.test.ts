import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './stub-status-exposed';

ruleTester(rule, {
  valid: [
    { name: 'allow + deny all', code: 'server {\n    location = /nginx_status {\n        stub_status;\n        allow 127.0.0.1;\n        deny all;\n    }\n}\n' },
    { name: 'inherited from the server', code: 'server {\n    allow 10.0.0.0/8;\n    deny all;\n    location = /basic_status {\n        stub_status on;\n    }\n}\n' },
    { name: 'deny all alone: nobody can reach it', code: 'server {\n    location /status {\n        deny all;\n        stub_status;\n    }\n}\n' },
    { name: 'authentication', code: 'server {\n    location /status {\n        auth_basic "metrics";\n        auth_basic_user_file /etc/nginx/htpasswd;\n        stub_status;\n    }\n}\n' },
    { name: 'internal location', code: 'server {\n    location /status {\n        internal;\n        stub_status;\n    }\n}\n' },
    { name: 'loopback-only and unix-only servers', code: 'server {\n    listen 127.0.0.1:8080;\n    listen [::1]:8080;\n    location / {\n        stub_status;\n    }\n}\nserver {\n    listen unix:/run/nginx-status.sock;\n    location / {\n        api write=on;\n    }\n}\n' },
    { name: 'unresolved include may restrict it', code: 'server {\n    location /status {\n        include /etc/nginx/monitoring-ips.conf;\n        stub_status;\n    }\n}\n' },
    {
      name: 'access list from a resolved include',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        location /s {\n            include monitoring.conf;\n            stub_status;\n        }\n    }\n}\n',
      workspace: [{ path: 'nginx/monitoring.conf', code: 'allow 10.0.0.9;\ndeny all;\n' }],
    },
    { name: 'status in a health-check match block is not a status page', code: 'http {\n    match ok {\n        status 200;\n    }\n}\n' },
    { name: 'a snippet that may not be a location', filename: 'nginx/snippets/s.conf', code: 'stub_status;\n' },
  ],
  invalid: [
    {
      name: 'open stub_status: fix inserts the access list before it',
      code: 'http {\n    server {\n        listen 80;\n        location = /nginx_status {\n            stub_status;\n            access_log off;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 13, endColumn: 24, message: '"stub_status" at location = /nginx_status is reachable by anyone (no allow/deny list applies): it exposes server metrics useful for reconnaissance. Allow only your monitoring hosts and end with "deny all;" (or require authentication).' }],
      output: 'http {\n    server {\n        listen 80;\n        location = /nginx_status {\n            allow 127.0.0.1;\n            deny all;\n            stub_status;\n            access_log off;\n        }\n    }\n}\n',
    },
    {
      name: 'allow all inherited: no fix (the list is elsewhere)',
      code: 'server {\n    allow all;\n    location /status {\n        stub_status;\n    }\n}\n',
      errors: [{ line: 4, column: 9, message: /the list ends with "allow all"/ }],
      output: null,
    },
    {
      name: 'satisfy any with allow all lets everyone past the auth',
      code: 'server {\n    location /api {\n        satisfy any;\n        allow all;\n        auth_basic "x";\n        api write=on;\n    }\n}\n',
      errors: [{ line: 6, column: 9, message: /"api" at location \/api/ }],
      output: null,
    },
    {
      name: 'one-line location, CRLF',
      code: 'server {\r\n    location /s { stub_status; }\r\n}\r\n',
      errors: [{ line: 2, column: 19 }],
      output: 'server {\r\n    location /s { allow 127.0.0.1; deny all; stub_status; }\r\n}\r\n',
    },
    {
      name: 'a public listen next to a loopback one',
      code: 'server {\n    listen 127.0.0.1:80;\n    listen 8080;\n    location /s {\n        stub_status;\n    }\n}\n',
      errors: [{ line: 5, column: 9 }],
      output: 'server {\n    listen 127.0.0.1:80;\n    listen 8080;\n    location /s {\n        allow 127.0.0.1;\n        deny all;\n        stub_status;\n    }\n}\n',
    },
  ],
});

describe('nginx/stub-status-exposed evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'server {\n    location = /nginx_status {\n        allow 10.0.0.5;\n        deny all;\n        stub_status;\n    }\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['5 stub_status at location = /nginx_status limited by allow/deny (location = /nginx_status)']);
  });
});

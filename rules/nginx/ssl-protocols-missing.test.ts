import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-protocols-missing';

const SERVER = 'http {\n    server {\n        listen 443 ssl;\n        server_name example.com;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n        root /srv;\n    }\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'set at http level', code: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    { name: 'set in the server (even insecure: the other rule judges it)', code: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1 TLSv1.2;\n}\n' },
    { name: 'target nginx 1.27.3 has a safe default', code: SERVER, options: { targetVersion: '1.27.3' } },
    { name: 'plain HTTP server', code: 'http {\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'handshake-rejecting catch-all', code: 'http {\n    server {\n        listen 443 ssl default_server;\n        ssl_reject_handshake on;\n    }\n}\n' },
    { name: 'a conf.d fragment whose includer is unknown (the http block may set it)', filename: 'nginx/conf.d/site.conf', code: 'server {\n    listen 443 ssl;\n}\n' },
    { name: 'unresolved include in the server', code: 'http {\n    server {\n        listen 443 ssl;\n        include snippets/ssl-params.conf;\n    }\n}\n' },
    { name: 'unresolved include at http level', code: 'http {\n    include /etc/nginx/conf.d/ssl.conf;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    {
      name: 'set by a resolved include in the server',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n        include snippets/ssl-params.conf;\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/ssl-params.conf', code: 'ssl_protocols TLSv1.2 TLSv1.3;\n' }],
    },
    {
      name: "set in the includer's http block",
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    include conf.d/*.conf;\n}\n' }],
    },
  ],
  invalid: [
    {
      name: 'unknown target: inserted after the last ssl_* line',
      code: SERVER,
      errors: [{ line: 2, column: 5, message: 'server example.com :443 serves TLS without "ssl_protocols" at any level: nginx before 1.27.3 then also enables TLSv1 and TLSv1.1. Add "ssl_protocols TLSv1.2 TLSv1.3;" (or set the rule option targetVersion if the config only runs on nginx 1.27.3 or later).' }],
      output: SERVER.replace('a.key;\n', 'a.key;\n        ssl_protocols TLSv1.2 TLSv1.3;\n'),
    },
    {
      name: 'target 1.22 (Debian 12), listen-only server, CRLF',
      options: { targetVersion: '1.22' },
      code: 'http {\r\n    server {\r\n        listen 443 ssl;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5 }],
      output: 'http {\r\n    server {\r\n        listen 443 ssl;\r\n        ssl_protocols TLSv1.2 TLSv1.3;\r\n    }\r\n}\r\n',
    },
    {
      name: 'one-line server is broken open, not appended after it',
      code: 'http {\n    server { listen 443 ssl; server_name a; }\n}\n',
      errors: [{ line: 2, column: 5 }],
      output: 'http {\n    server { listen 443 ssl; server_name a;\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
    },
    {
      name: "a conf.d fragment whose includer's http block has none",
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include mime.types;\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 1, column: 1, message: /^server :443 serves TLS/ }],
      output: 'server {\n    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n',
    },
    {
      name: 'port 443 without ssl counts as TLS (model.isTlsServer); only the TLS server is reported',
      code: 'http {\n    server {\n        listen 80;\n    }\n    server {\n        listen 443;\n        ssl_certificate a.pem;\n        ssl_certificate_key a.key;\n    }\n}\n',
      errors: [{ line: 5, column: 5 }],
      output: 'http {\n    server {\n        listen 80;\n    }\n    server {\n        listen 443;\n        ssl_certificate a.pem;\n        ssl_certificate_key a.key;\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
    },
  ],
});

describe('nginx/ssl-protocols-missing evidence', () => {
  it('with a target of 1.27.3 or later, the default is evidence', () => {
    const config = resolveConfig({ rules: { [rule.id]: { options: { targetVersion: '1.28.0' } } } });
    const r = lintText({ path: 'nginx.conf', text: SERVER, onlyRules: [rule], config })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['2 nginx default protocols TLSv1.2 TLSv1.3 at server example.com :443 (target nginx 1.28.0 >= 1.27.3)']);
  });
  it('rejects a malformed targetVersion', () => {
    assert.match(rule.validateOptions!({ targetVersion: 'stable' })!, /targetVersion/);
  });
});

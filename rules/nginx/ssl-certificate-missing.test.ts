import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-certificate-missing';

const CERT = '        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n';

ruleTester(rule, {
  valid: [
    { name: 'certificate and key in the server', code: `http {\n    server {\n        listen 443 ssl;\n${CERT}    }\n}\n` },
    { name: 'certificate and key at http level', code: 'http {\n    ssl_certificate /etc/ssl/a.pem;\n    ssl_certificate_key /etc/ssl/a.key;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    { name: 'certificate at http, key in the server (nginx accepts it)', code: 'http {\n    ssl_certificate /etc/ssl/a.pem;\n    server {\n        listen 443 ssl;\n        ssl_certificate_key /etc/ssl/a.key;\n    }\n}\n' },
    { name: 'ssl_reject_handshake catch-all', code: 'http {\n    server {\n        listen 443 ssl default_server;\n        ssl_reject_handshake on;\n    }\n}\n' },
    { name: 'port 443 without ssl is plain HTTP (no certificate needed)', code: 'http {\n    server {\n        listen 443;\n    }\n}\n' },
    { name: 'a non-default server on a socket whose default server has a certificate', code: `http {\n    server {\n        listen 443 ssl;\n        server_name a;\n${CERT}    }\n    server {\n        listen 443 ssl;\n        server_name b;\n    }\n}\n` },
    { name: 'explicit default_server elsewhere', code: `http {\n    server {\n        listen 443 ssl;\n        server_name b;\n    }\n    server {\n        listen 443 ssl default_server;\n        server_name a;\n${CERT}    }\n}\n` },
    { name: 'an unresolved include in the server may hold the certificate', code: 'http {\n    server {\n        listen 443 ssl;\n        include snippets/ssl-example.com.conf;\n    }\n}\n' },
    { name: 'a conf.d fragment whose includer is unknown', filename: 'nginx/conf.d/site.conf', code: 'server {\n    listen 443 ssl;\n}\n' },
    { name: 'another server has an unresolved include (it may hold "listen 443 ssl default_server")', code: `http {\n    server {\n        listen 443 ssl;\n        server_name a;\n    }\n    server {\n        server_name b;\n        include snippets/listen-default.conf;\n${CERT}    }\n}\n` },
    { name: 'a server after an include that may define the default server first', code: 'http {\n    include sites-enabled/*;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    {
      name: 'the certificate comes from a resolved include',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n        include snippets/cert.conf;\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/cert.conf', code: 'ssl_certificate /etc/ssl/a.pem;\nssl_certificate_key /etc/ssl/a.key;\n' }],
    },
  ],
  invalid: [
    {
      name: 'the only TLS server has no certificate',
      code: 'http {\n    server {\n        listen 443 ssl;\n        server_name example.com;\n    }\n}\n',
      errors: [{ line: 3, column: 9, message: 'server example.com :443 is the default server of "listen 443 ssl" but no ssl_certificate applies to it (server or http level): nginx refuses to start ("no ssl_certificate is defined for the listen ... ssl directive"). Add ssl_certificate and ssl_certificate_key, or "ssl_reject_handshake on;" for a catch-all server.' }],
    },
    {
      name: 'the first server of the socket has none; include of mime.types does not hide servers; CRLF',
      code: 'http {\r\n    include mime.types;\r\n    server {\r\n        listen 443 ssl;\r\n        server_name b;\r\n    }\r\n    server {\r\n        listen 443 ssl;\r\n        server_name a;\r\n        ssl_certificate /etc/ssl/a.pem;\r\n        ssl_certificate_key /etc/ssl/a.key;\r\n    }\r\n}\r\n',
      errors: [{ line: 4, column: 9, message: /^server b :443 is the default server/ }],
    },
    {
      name: 'explicit default_server without certificate, multi-line listen',
      code: `http {\n    server {\n        listen 443 ssl;\n${CERT}    }\n    server {\n        listen 443\n               ssl default_server;\n    }\n}\n`,
      errors: [{ line: 8, column: 9, message: /"listen 443 ssl default_server"/ }],
    },
    {
      name: 'deprecated "ssl on" fails in any server',
      code: `http {\n    server {\n        listen 443 ssl;\n${CERT}    }\n    server {\n        listen 8443;\n        ssl on;\n    }\n}\n`,
      errors: [{ line: 9, column: 9, message: /has "ssl on" but no ssl_certificate/ }],
    },
    {
      name: 'certificate without key (also at http level, for a plain server)',
      code: 'http {\n    ssl_certificate /etc/ssl/a.pem;\n    server {\n        listen 80;\n    }\n}\n',
      errors: [{ line: 2, column: 5, message: 'No ssl_certificate_key is defined for the certificate "/etc/ssl/a.pem" (line 2, used by server :80): nginx refuses to start. Add the matching "ssl_certificate_key" next to it.' }],
    },
    {
      name: 'two certificates (RSA + ECDSA), one key',
      code: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/rsa.pem;\n    ssl_certificate_key /etc/ssl/rsa.key;\n    ssl_certificate /etc/ssl/ecdsa.pem;\n}\n',
      errors: [{ line: 5, column: 5, message: /"\/etc\/ssl\/ecdsa\.pem"/ }],
    },
    {
      name: "a conf.d fragment, alone on its socket in the includer's view",
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n    server_name site.example;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include mime.types;\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 2, column: 5, message: /^server site\.example :443 is the default server/ }],
    },
  ],
});

describe('nginx/ssl-certificate-missing evidence', () => {
  it('names the certificate of each TLS server', () => {
    const r = lintText({ path: 'nginx.conf', text: `http {\n    server {\n        listen 443 ssl;\n        server_name a;\n${CERT}    }\n}\n`, onlyRules: [rule] })!;
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['5 Certificate "/etc/ssl/a.pem" at server a :443 (line 5)']);
  });
});

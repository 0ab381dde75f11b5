import { ruleTester } from '../../test/ruleTester';
import rule from './hsts-missing';

const HSTS = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;';

ruleTester(rule, {
  valid: [
    'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n}\n',
    { name: 'plain HTTP server', code: 'server {\n    listen 80;\n    root /srv;\n}\n' },
    { name: 'ssl_reject_handshake catch-all', code: 'server {\n    listen 443 ssl default_server;\n    ssl_reject_handshake on;\n}\n' },
    { name: 'inherited from http', code: 'http {\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    { name: 'set by a map variable', code: 'http {\n    map $scheme $hsts {\n        https "max-age=63072000";\n    }\n    server {\n        listen 443 ssl;\n        add_header Strict-Transport-Security $hsts always;\n    }\n}\n' },
    { name: 'set with more_set_headers', code: "server {\n    listen 443 ssl;\n    more_set_headers 'Strict-Transport-Security: max-age=63072000';\n}\n" },
    { name: 'set in the location that serves the site', code: 'server {\n    listen 443 ssl;\n    location / {\n        add_header Strict-Transport-Security "max-age=63072000" always;\n        root /srv;\n    }\n}\n' },
    { name: 'an unresolved include may set it', code: 'server {\n    listen 443 ssl;\n    include snippets/ssl-params.conf;\n}\n' },
    { name: 'loopback-only TLS server', code: 'server {\n    listen 127.0.0.1:443 ssl;\n}\n' },
    {
      name: 'set by the http block of the includer',
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: `events {}\nhttp {\n    ${HSTS}\n    include conf.d/*.conf;\n}\n` }],
    },
  ],
  invalid: [
    {
      name: 'TLS server without headers',
      code: 'server {\n    listen 443 ssl;\n    server_name example.com;\n\n    location / {\n        root /srv;\n    }\n}\n',
      errors: [
        {
          line: 1,
          column: 1,
          message: `TLS server example.com sends no Strict-Transport-Security header, so browsers can be kept on plain HTTP (SSL stripping). Add '${HSTS}'.`,
        },
      ],
      output: `server {\n    listen 443 ssl;\n    server_name example.com;\n    ${HSTS}\n\n    location / {\n        root /srv;\n    }\n}\n`,
    },
    {
      name: 'next to the server’s own add_header lines, and repeated in a location with its own',
      code: 'server {\n    listen 443 quic;\n    add_header X-Frame-Options DENY always;\n    location /api/ {\n        add_header Cache-Control no-store;\n        add_header X-Frame-Options DENY always;\n    }\n}\n',
      errors: [{ line: 1, column: 1 }],
      output: `server {\n    listen 443 quic;\n    add_header X-Frame-Options DENY always;\n    ${HSTS}\n    location /api/ {\n        add_header Cache-Control no-store;\n        add_header X-Frame-Options DENY always;\n        ${HSTS}\n    }\n}\n`,
    },
    {
      name: 'a server that inherits add_header lines from http gets copies, so it drops nothing',
      code: 'http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 443 ssl;\n    }\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: `http {\n    add_header X-Frame-Options DENY always;\n    server {\n        listen 443 ssl;\n        add_header X-Frame-Options DENY always;\n        ${HSTS}\n    }\n}\n`,
    },
    {
      name: 'TLS via a listen in a resolved include (CRLF)',
      filename: 'nginx/sites-enabled/site',
      code: 'server {\r\n    include listen/https.conf;\r\n    return 301 https://example.com$request_uri;\r\n}\r\n',
      workspace: [{ path: 'nginx/listen/https.conf', code: 'listen 443 ssl;\n' }],
      errors: [{ line: 1, column: 1, message: /^TLS server sends no/ }],
      output: `server {\r\n    include listen/https.conf;\r\n    return 301 https://example.com$request_uri;\r\n    ${HSTS}\r\n}\r\n`,
    },
    {
      name: 'inherited lines from the includer’s http: a suggestion, not a fix',
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 443 ssl;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    add_header X-Frame-Options "DENY" always;\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 1, column: 1, message: /\(its add_header lines come from the http block of nginx\/nginx.conf\)/ }],
      output: null,
      suggestions: [{ title: /review/, output: `server {\n    listen 443 ssl;\n    add_header X-Frame-Options DENY always;\n    ${HSTS}\n}\n` }],
    },
  ],
});

import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { ruleTester } from '../../test/ruleTester';
import rule from './https-redirect-missing';

const TLS = '    server {\n        listen 443 ssl;\n        server_name example.com;\n        root /srv;\n    }\n';
const wrap = (plain: string) => `http {\n${plain}${TLS}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Mozilla: return 308 https://$host$request_uri', code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        return 308 https://$host$request_uri;\n    }\n') },
    { name: 'return 301 to a fixed https URL', code: wrap('    server {\n        listen 80;\n        server_name example.com www.example.com;\n        return 301 https://example.com$request_uri;\n    }\n') },
    { name: 'catch-all rewrite ... permanent', code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        rewrite ^(.*)$ https://$host$1 permanent;\n    }\n') },
    {
      name: 'certbot: if ($host = ...) redirect, then return 404',
      code: wrap('    server {\n        if ($host = example.com) {\n            return 301 https://$host$request_uri;\n        } # managed by Certbot\n        listen 80;\n        server_name example.com;\n        return 404; # managed by Certbot\n    }\n'),
    },
    {
      name: 'ACME challenge location next to a redirecting location /',
      code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        location /.well-known/acme-challenge/ {\n            root /var/www/certbot;\n        }\n        location / {\n            return 301 https://$host$request_uri;\n        }\n    }\n'),
    },
    { name: 'no TLS server for the name', code: 'http {\n    server {\n        listen 80;\n        server_name other.example;\n        root /srv;\n    }\n' + TLS + '}\n' },
    { name: 'catch-all names do not pair', code: 'http {\n    server {\n        listen 80 default_server;\n        server_name _;\n        root /srv;\n    }\n    server {\n        listen 443 ssl default_server;\n        server_name _;\n        root /srv;\n    }\n}\n' },
    { name: 'an internal port (8080) is not the public HTTP port', code: wrap('    server {\n        listen 8080;\n        server_name example.com;\n        root /srv;\n    }\n') },
    { name: 'an unresolved include may hold the redirect', code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        include snippets/redirect-https.conf;\n    }\n') },
    { name: 'one server for both ports is a TLS server (not judged)', code: 'http {\n    server {\n        listen 80;\n        listen 443 ssl;\n        server_name example.com;\n        root /srv;\n    }\n}\n' },
    { name: 'redirects after the https catch-all never run', code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        return 301 https://$host$request_uri;\n        location /x {\n            rewrite ^ /y permanent;\n        }\n    }\n') },
    { name: 'return 444 answers nothing', code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        return 444;\n    }\n') },
    {
      name: 'the redirect comes from a resolved include',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        listen 80;\n        server_name example.com;\n        include snippets/to-https.conf;\n    }\n' + TLS + '}\n',
      workspace: [{ path: 'nginx/snippets/to-https.conf', code: 'return 301 https://$host$request_uri;\n' }],
    },
  ],
  invalid: [
    {
      name: 'static content on port 80 next to the TLS server',
      code: wrap('    server {\n        listen 80;\n        server_name example.com www.example.com;\n        root /srv;\n        location / {\n            try_files $uri $uri/ =404;\n        }\n    }\n'),
      errors: [{ line: 2, column: 5, message: 'server example.com :80 serves content over plain HTTP although "example.com" is served over TLS by server example.com :443 (line 10): make it only redirect with "return 308 https://$host$request_uri;".' }],
      suggestions: [
        {
          title: 'Replace the server\'s body with "return 308 https://$host$request_uri;"',
          output: wrap('    server {\n        listen 80;\n        server_name example.com www.example.com;\n        # review: this server now only redirects to HTTPS; keep anything that must stay reachable over plain HTTP\n        return 308 https://$host$request_uri;\n    }\n'),
        },
      ],
    },
    {
      name: 'no listen (defaults to port 80), proxied app, ACME location kept; CRLF',
      code: 'http {\r\n    server {\r\n        server_name example.com;\r\n        location ^~ /.well-known/acme-challenge/ {\r\n            root /var/www/certbot;\r\n        }\r\n        location / {\r\n            proxy_pass http://app;\r\n        }\r\n    }\r\n    server {\r\n        listen 443 ssl;\r\n        server_name example.com;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5, message: /^server example\.com serves content over plain HTTP/ }],
      suggestions: [
        {
          title: /return 308/,
          output: 'http {\r\n    server {\r\n        server_name example.com;\r\n        location ^~ /.well-known/acme-challenge/ {\r\n            root /var/www/certbot;\r\n        }\r\n        # review: this server now only redirects to HTTPS; keep anything that must stay reachable over plain HTTP\r\n        location / {\r\n            return 308 https://$host$request_uri;\r\n        }\r\n    }\r\n    server {\r\n        listen 443 ssl;\r\n        server_name example.com;\r\n    }\r\n}\r\n',
        },
      ],
    },
    {
      name: 'semgrep insecure-redirect: redirect to http:// and $scheme://',
      code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        location /old {\n            return 301 http://example.com/new;\n        }\n        location / {\n            rewrite ^ $scheme://$host/app/ permanent;\n        }\n    }\n'),
      errors: [
        { line: 6, column: 13, message: 'This redirect to "http://example.com/new" keeps clients on plain HTTP although "example.com" is served over TLS by server example.com :443 (line 12): redirect to an https:// URL instead.' },
        { line: 9, column: 13, message: /"\$scheme:\/\/\$host\/app\/" keeps clients on plain HTTP/ },
      ],
    },
    {
      name: 'semgrep insecure-redirect: rewrite ... permanent to a relative URL, besides the content finding',
      code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        rewrite ^/old$ /new permanent;\n        root /srv;\n    }\n'),
      errors: [{ line: 2, column: 5, message: /serves content over plain HTTP/ }, { line: 5, column: 9, message: /^This redirect to "\/new" keeps clients on plain HTTP/ }],
    },
    {
      name: 'a location / redirect, but another location serves content',
      code: wrap('    server {\n        listen 80;\n        server_name example.com;\n        location /api/ {\n            proxy_pass http://api;\n        }\n        location / {\n            return 301 https://$host$request_uri;\n        }\n    }\n'),
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'target nginx older than 1.13: the suggestion uses 301; one-line server',
      options: { targetVersion: '1.12.2' },
      code: wrap('    server { listen 80; server_name example.com; root /srv; }\n'),
      errors: [{ line: 2, column: 5, message: /"return 301 https:\/\/\$host\$request_uri;"/ }],
      suggestions: [{ title: /return 301/, output: wrap('    server {\n        listen 80;\n        server_name example.com;\n        # review: this server now only redirects to HTTPS; keep anything that must stay reachable over plain HTTP\n        return 301 https://$host$request_uri;\n    }\n') }],
    },
    {
      name: 'the TLS server is in a sibling conf.d file (includer view)',
      filename: 'nginx/conf.d/http.conf',
      code: 'server {\n    listen 80;\n    server_name shop.example;\n    root /srv/shop;\n}\n',
      workspace: [
        { path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n' },
        { path: 'nginx/conf.d/https.conf', code: 'server {\n    listen 443 ssl;\n    server_name shop.example;\n}\n' },
      ],
      errors: [{ line: 1, column: 1, message: /served over TLS by server shop\.example :443 \(nginx\/conf\.d\/https\.conf:1\)/ }],
    },
  ],
});

describe('nginx/https-redirect-missing evidence', () => {
  it('passes redirecting port-80 servers', () => {
    const text = wrap('    server {\n        listen 80;\n        server_name example.com;\n        return 301 https://$host$request_uri;\n    }\n');
    const r = lintText({ path: 'nginx.conf', text, onlyRules: [rule], config: resolveConfig({}) })!;
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['5 server example.com :80 redirects to HTTPS (return 301 https://$host$request_uri, line 5)']);
  });
});

import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './dotfiles-exposed';

ruleTester(rule, {
  valid: [
    { name: 'h5bp guard', code: 'server {\n    root /var/www;\n    location ~* /\\.(?!well-known\\/) {\n        deny all;\n    }\n}\n' },
    { name: 'generic /\\. guard with return 404', code: 'server {\n    root /var/www;\n    location ~ /\\. {\n        return 404;\n    }\n}\n' },
    { name: 'a .git-only guard (as gixy-ng/brief accept)', code: 'server {\n    root /var/www;\n    location ~ /\\.git {\n        deny all;\n    }\n}\n' },
    { name: 'prefix guard', code: 'server {\n    root /var/www;\n    location ^~ /.git/ {\n        deny all;\n    }\n}\n' },
    { name: 'server-level if guard', code: 'server {\n    root /var/www;\n    if ($request_uri ~ "/\\.") {\n        return 403;\n    }\n}\n' },
    { name: 'server-level if guard with a lookahead, quoted and unquoted', code: 'server {\n    root /var/www;\n    if ($request_uri ~ "/\\.(?!well-known\\/)") {\n        return 403;\n    }\n}\nserver {\n    root /var/www;\n    if ($uri ~* /\\.(?!well-known)) {\n        return 404;\n    }\n}\n' },
    { name: 'root /dev/null serves nothing', code: 'server {\n    listen 80;\n    location / {\n        root /dev/null;\n    }\n}\n' },
    { name: 'proxy only', code: 'server {\n    listen 80;\n    location / {\n        proxy_pass http://app;\n    }\n}\n' },
    { name: 'root but every request proxied', code: 'server {\n    root /var/www;\n    location / {\n        proxy_pass http://app;\n    }\n}\n' },
    { name: 'redirect-only server', code: 'server {\n    listen 80;\n    root /var/www;\n    return 301 https://$host$request_uri;\n}\n' },
    { name: 'unresolved include may hold the guard', code: 'server {\n    root /var/www;\n    include h5bp/basic.conf;\n}\n' },
    {
      name: 'guard from a resolved include chain (h5bp)',
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    root /var/www;\n    include h5bp/basic.conf;\n}\n',
      workspace: [
        { path: 'nginx/h5bp/basic.conf', code: 'include h5bp/location/security_file_access.conf;\n' },
        { path: 'nginx/h5bp/location/security_file_access.conf', code: 'location ~* /\\.(?!well-known\\/) {\n  deny all;\n}\n' },
      ],
    },
    { name: 'no root anywhere (only the compiled-in default)', code: 'server {\n    listen 80;\n    location /x {\n        try_files $uri =404;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'root at server level, no locations',
      code: 'http {\n    server {\n        listen 80;\n        server_name example.com;\n        root /var/www/html;\n    }\n}\n',
      errors: [{ line: 2, column: 5, endColumn: 11, message: 'server example.com :80 serves files from disk but nothing denies hidden files, so /.git/ or /.env would be downloadable. Add "location ~ /\\.(?!well-known/) { deny all; }" before the other locations.' }],
      output: 'http {\n    server {\n        listen 80;\n        server_name example.com;\n        root /var/www/html;\n        location ~ /\\.(?!well-known/) {\n            deny all;\n        }\n    }\n}\n',
    },
    {
      name: 'inserted before the first location; a .ht-only guard is partial',
      code: 'server {\n    root /var/www;\n    index index.php;\n    location / {\n        try_files $uri $uri/ /index.php?$args;\n    }\n    location ~ /\\.ht {\n        deny all;\n    }\n}\n',
      errors: [{ line: 1, column: 1, message: /\(location ~ \/\\\.ht covers only some\)/ }],
      output: 'server {\n    root /var/www;\n    index index.php;\n    location ~ /\\.(?!well-known/) {\n        deny all;\n    }\n    location / {\n        try_files $uri $uri/ /index.php?$args;\n    }\n    location ~ /\\.ht {\n        deny all;\n    }\n}\n',
    },
    {
      name: 'root in a location; tabs; CRLF; first child is a location',
      code: 'server {\r\n\tlocation /static/ {\r\n\t\talias /srv/static/;\r\n\t}\r\n}\r\n',
      errors: [{ line: 1, column: 1 }],
      output: 'server {\r\n\tlocation ~ /\\.(?!well-known/) {\r\n\t\tdeny all;\r\n\t}\r\n\tlocation /static/ {\r\n\t\talias /srv/static/;\r\n\t}\r\n}\r\n',
    },
    {
      name: 'unresolved includes where no guard could hide (a php location, stock fastcgi_params)',
      code: 'server {\n    root /var/www;\n    include snippets/snakeoil.conf;\n    location ~ \\.php$ {\n        include snippets/my-php.conf;\n        fastcgi_pass unix:/run/php.sock;\n    }\n}\n',
      errors: [{ line: 1, column: 1 }],
      output: 'server {\n    root /var/www;\n    include snippets/snakeoil.conf;\n    location ~ /\\.(?!well-known/) {\n        deny all;\n    }\n    location ~ \\.php$ {\n        include snippets/my-php.conf;\n        fastcgi_pass unix:/run/php.sock;\n    }\n}\n',
    },
    {
      name: 'root inherited from http, no catch-all location',
      code: 'http {\n    root /srv/www;\n    server {\n        listen 8080;\n        location /api {\n            proxy_pass http://app;\n        }\n    }\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: 'http {\n    root /srv/www;\n    server {\n        listen 8080;\n        location ~ /\\.(?!well-known/) {\n            deny all;\n        }\n        location /api {\n            proxy_pass http://app;\n        }\n    }\n}\n',
    },
  ],
});

describe('nginx/dotfiles-exposed evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'server {\n    listen 80;\n    server_name example.com;\n    root /var/www;\n    location ~ /\\.(?!well-known/) {\n        deny all;\n    }\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['5 hidden files denied by location ~ /\\.(?!well-known/) in server example.com :80']);
  });
});

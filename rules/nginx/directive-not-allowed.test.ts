import { ruleTester } from '../../test/ruleTester';
import rule from './directive-not-allowed';

ruleTester(rule, {
  valid: [
    'events {}\nhttp {\n    limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;\n    server {\n        listen 80;\n        location / {\n            if ($x) {\n                return 403;\n            }\n        }\n    }\n}\n',
    { name: 'a conf.d fragment of server blocks (http context)', filename: 'conf.d/site.conf', code: 'server {\n    listen 80;\n}\n' },
    { name: 'a snippet that fits both server and location', filename: 'nginx/snippets/cors.conf', code: 'if ($request_method = OPTIONS) {\n    add_header X 1;\n    return 204;\n}\n' },
    { name: 'stream servers', code: 'stream {\n    server {\n        listen 53 udp;\n        proxy_pass dns;\n    }\n}\n' },
    {
      name: 'a fragment whose includer puts it in http',
      filename: 'nginx/conf.d/a.conf',
      code: 'server_tokens off;\nserver {\n    listen 80;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n' }],
    },
  ],
  invalid: [
    {
      name: 'a missing ";" before a block: nginx says the directive is not terminated (not that the block\'s children are misplaced)',
      code: 'events {}\nhttp {\n    server {\n        listen 80\n        location / {\n            root /var/www;\n        }\n    }\n}\n',
      errors: [{ line: 4, column: 9, message: '"listen" (line 4) is not terminated by ";": nginx reads what follows up to "{" as its arguments and will refuse to load this config. Add ";" after its arguments.' }],
      output: 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            root /var/www;\n        }\n    }\n}\n',
    },
    {
      name: 'listen in http',
      code: 'events {}\nhttp {\n    listen 80;\n}\n',
      errors: [{ line: 3, column: 5, message: /"listen" is not allowed in "http".*server/ }],
    },
    {
      name: 'limit_req_zone in a location',
      code: 'http {\n    server {\n        location / {\n            limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;\n        }\n    }\n}\n',
      errors: [{ line: 4, column: 13 }],
    },
    {
      name: 'add_header in an if of a server (only "if in location" allows it)',
      code: 'http {\n    server {\n        listen 80;\n        if ($x) {\n            add_header X 1;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 13, message: /not allowed in "if"/ }],
    },
    {
      name: 'the includer decides: a server-only directive in a file included into http',
      filename: 'nginx/conf.d/a.conf',
      code: 'listen 80;\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 1, column: 1, message: /not allowed in "http"/ }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './return-bypasses-access';

ruleTester(rule, {
  valid: [
    { name: 'access list without return', code: 'location / {\n    allow 127.0.0.1;\n    deny all;\n    proxy_pass http://b;\n}\n' },
    { name: 'error answers reveal nothing', code: 'location /x {\n    deny all;\n    return 404;\n}\n' },
    { name: 'redirects reveal nothing', code: 'server {\n    allow 10.0.0.0/8;\n    deny all;\n    location / {\n        return 301 https://$host$request_uri;\n    }\n}\n' },
    { name: 'only allow all: nothing is restricted', code: 'location /health {\n    allow all;\n    return 200 "ok";\n}\n' },
    { name: 'return in a sibling location', code: 'server {\n    location /admin {\n        allow 10.0.0.0/8;\n        deny all;\n    }\n    location /health {\n        return 200 "ok";\n    }\n}\n' },
    { name: 'an unresolved include: access rules unknown, stay silent', code: 'location /m {\n    include /etc/nginx/acl.conf;\n    return 200 "ok";\n}\n' },
    { name: 'variable status', code: 'location / {\n    deny all;\n    return $status_code;\n}\n' },
  ],
  invalid: [
    {
      name: 'gixy-ng example',
      code: 'location / {\n    allow 127.0.0.1;\n    deny all;\n    return 200 "hi";\n}\n',
      errors: [{ line: 4, column: 5, endColumn: 11, message: '"return 200" answers before the allow/deny rules of location / are checked, so every client gets this response. Serve it from a named location reached with try_files, or check the address in the rewrite phase (geo + if).' }],
    },
    {
      name: 'return in a nested location and in an if, guarded by the server list',
      code: 'server {\n    allow 10.0.0.0/8;\n    deny all;\n    location /health {\n        return 200 "ok";\n    }\n    location / {\n        if ($arg_ping) {\n            return 204;\n        }\n    }\n}\n',
      errors: [
        { line: 5, column: 9, message: /"return 200" \(in location \/health\) answers before the allow\/deny rules of server are checked/ },
        { line: 9, column: 13, message: /"return 204" \(in if \(\$arg_ping\)\)/ },
      ],
    },
    {
      name: 'allow only (allow-without-deny also fires); CRLF, multi-line return',
      code: 'location /s {\r\n    allow 10.0.0.1;\r\n    return 200\r\n        "secret";\r\n}\r\n',
      errors: [{ line: 3, column: 5 }],
    },
    {
      name: 'access list from a resolved include',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        location /m {\n            include acl.conf;\n            return 200 "metrics";\n        }\n    }\n}\n',
      workspace: [{ path: 'nginx/acl.conf', code: 'allow 10.0.0.0/8;\ndeny all;\n' }],
      errors: [{ line: 6, column: 13 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './if-is-evil';

ruleTester(rule, {
  valid: [
    { name: 'gixy if_is_evil_fp: return only', code: 'location /only-one-if {\n    set $true 1;\n\n    if ($true) {\n        return 403;\n    }\n}\n' },
    { name: 'rewrite ... last', code: 'server {\n    location / {\n        if ($request_method = POST) {\n            rewrite ^ /post last;\n        }\n    }\n}\n' },
    { name: 'rewrite ... permanent leaves the if with a redirect', code: 'server {\n    location / {\n        if ($host = old.example) {\n            rewrite ^/(.*)$ https://new.example/$1 permanent;\n        }\n    }\n}\n' },
    { name: 'if at server level is not "if in location"', code: 'server {\n    if ($http_x_forwarded_proto = http) {\n        set $redirect 1;\n    }\n}\n' },
    { name: 'a snippet that may be included in a server is not judged', filename: 'nginx/snippets/x.conf', code: 'if ($x) {\n    add_header X 1;\n}\n' },
    { name: 'an unresolved include inside the if', code: 'server {\n    location / {\n        if ($bad_bot) {\n            include /etc/nginx/deny-bots.conf;\n        }\n    }\n}\n' },
    {
      name: 'a resolved include that only returns',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        location / {\n            if ($bad_bot) {\n                include snippets/forbid.conf;\n            }\n        }\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/forbid.conf', code: 'return 403;\n' }],
    },
    { name: 'empty if', code: 'server {\n    location / {\n        if ($x) {\n        }\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'gixy if_is_evil_add_header: two ifs with add_header (one finding per if)',
      code: 'location /only-one-if {\n    set $true 1;\n\n    if ($true) {\n        add_header X-First 1;\n    }\n\n    if ($true) {\n        add_header X-Second 2;\n    }\n\n    return 204;\n}\n',
      errors: [
        { line: 4, column: 5, message: /"if" in "location \/only-one-if" contains "add_header": only "return" and "rewrite \.\.\. last" are safe/ },
        { line: 8, column: 5 },
      ],
    },
    {
      name: 'rewrite ... break and set, named once each',
      code: 'http {\n    server {\n        location ~ \\.php$ {\n            if ($args ~ x) {\n                set $a 1;\n                rewrite ^ /x break;\n                set $b 2;\n            }\n        }\n    }\n}\n',
      errors: [{ line: 4, column: 13, message: /contains "set", "rewrite \.\.\. break": .* Move them out/ }],
    },
    {
      name: 'multi-line if condition, CRLF',
      code: 'server {\r\n    location / {\r\n        if ($request_method\r\n            = POST) {\r\n            proxy_pass http://b;\r\n        }\r\n    }\r\n}\r\n',
      errors: [{ line: 3, column: 9, message: /"proxy_pass"/ }],
    },
    {
      name: 'a location snippet, by its includer',
      filename: 'nginx/snippets/loc.conf',
      code: 'if ($x) {\n    add_header X 1;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    server {\n        location / {\n            include snippets/loc.conf;\n        }\n    }\n}\n' }],
      errors: [{ line: 1, column: 1, message: /this location snippet/ }],
    },
    {
      name: 'a resolved include that adds headers',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        location / {\n            if ($cors) {\n                include snippets/cors.conf;\n            }\n        }\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/cors.conf', code: 'add_header Access-Control-Allow-Origin *;\n' }],
      errors: [{ line: 5, column: 13, message: /contains "add_header"/ }],
    },
    {
      name: 'if in a nested location',
      code: 'server {\n    location / {\n        location /a {\n            if ($x) {\n                expires 1d;\n            }\n        }\n    }\n}\n',
      errors: [{ line: 4, column: 13, message: /"location \/a" contains "expires"/ }],
    },
  ],
});

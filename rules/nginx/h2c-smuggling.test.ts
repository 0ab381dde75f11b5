import { ruleTester } from '../../test/ruleTester';
import rule from './h2c-smuggling';

ruleTester(rule, {
  valid: [
    {
      name: 'the standard WebSocket map',
      code: 'http {\n    map $http_upgrade $connection_upgrade {\n        default upgrade;\n        "" close;\n    }\n    server {\n        location /ws {\n            proxy_http_version 1.1;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n            proxy_pass http://app;\n        }\n    }\n}\n',
    },
    { name: 'nginx.org WebSocket example (literal "upgrade")', code: 'location /chat/ {\n    proxy_pass http://backend;\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection "upgrade";\n}\n' },
    { name: 'HTTP/1.0 to the backend (the default): no upgrade possible', code: 'location / {\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection $http_connection;\n    proxy_pass http://app;\n}\n' },
    { name: 'proxy_http_version 1.0 overrides the server', code: 'server {\n    proxy_http_version 1.1;\n    location / {\n        proxy_http_version 1.0;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $http_connection;\n    }\n}\n' },
    { name: 'only Upgrade is forwarded', code: 'location / {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_pass http://app;\n}\n' },
    { name: 'conditional on a websocket upgrade', code: 'location / {\n    proxy_http_version 1.1;\n    if ($http_upgrade = websocket) {\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $http_connection;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'semgrep possible-h2c-smuggling.conf',
      code: 'server {\n   listen 443 ssl;\n   server_name localhost;\n\n   location / {\n            proxy_pass http://service:8080;\n            proxy_set_header Upgrade $http_upgrade;\n            proxy_http_version 1.1;\n            proxy_set_header Connection $http_connection;\n   }\n\n   location /admin {\n            deny all;\n   }\n}\n',
      errors: [{ line: 7, column: 13, endColumn: 29, message: 'location / forwards the client\'s Upgrade and Connection headers as they are ("Connection $http_connection"), so "Upgrade: h2c" reaches the backend and can tunnel requests past nginx\'s routing and access rules. Forward only WebSocket upgrades (map $http_upgrade $connection_upgrade) or drop these headers.' }],
    },
    {
      name: 'server-level headers, proxy_http_version in a location; CRLF',
      code: 'server {\r\n    proxy_set_header Upgrade $http_upgrade;\r\n    proxy_set_header Connection $http_connection;\r\n    location / {\r\n        proxy_http_version 1.1;\r\n        proxy_pass http://app;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5, message: /^server forwards/ }],
    },
    {
      name: 'a map that passes $http_connection through; http-level version; quoted values',
      code: 'http {\n    proxy_http_version 1.1;\n    map $http_upgrade $conn {\n        default $http_connection;\n        "" close;\n    }\n    server {\n        location / {\n            proxy_set_header "Upgrade" "$http_upgrade";\n            proxy_set_header connection $conn;\n        }\n    }\n}\n',
      errors: [{ line: 9, column: 13, message: /"Connection \$conn"/ }],
    },
  ],
});

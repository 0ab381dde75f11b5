import { ruleTester } from '../../test/ruleTester';
import rule from './server-tokens';

// gixy version_disclosure (dvershinin/gixy): server_tokens_on.conf / server_tokens_off_fp.conf.
ruleTester(rule, {
  valid: [
    { name: 'gixy server_tokens_off_fp', code: 'server_tokens off;\n' },
    { name: 'a fragment without http block and without server_tokens', filename: 'nginx/conf.d/site.conf', code: 'server {\n    listen 80;\n}\n' },
    'events {}\nhttp {\n    server_tokens off;\n    server {\n        listen 80;\n    }\n}\n',
    { name: 'every server turns it off', code: 'events {}\nhttp {\n    server {\n        listen 80;\n        server_tokens off;\n    }\n    server {\n        listen 81;\n        server_tokens off;\n    }\n}\n' },
    { name: 'an unresolved include in http may turn it off', code: 'events {}\nhttp {\n    include mime.types;\n    include /etc/nginx/conf.d/*.conf;\n}\n' },
    {
      name: 'a resolved include turns it off',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    include h5bp/security/server_software_information.conf;\n}\n',
      workspace: [{ path: 'nginx/h5bp/security/server_software_information.conf', code: 'server_tokens off;\n' }],
    },
  ],
  invalid: [
    {
      name: 'gixy server_tokens_on',
      code: 'server_tokens on;\n',
      errors: [{ line: 1, column: 1, message: '"server_tokens on" is set explicitly: it sends the nginx version in the Server header and on error pages. Set "server_tokens off;".' }],
      output: null,
      suggestions: [{ title: 'Set server_tokens off', output: 'server_tokens off;\n' }],
    },
    {
      name: 'build, in a location',
      code: 'server {\n    location / {\n        server_tokens   build ;\n    }\n}\n',
      errors: [{ line: 3, column: 9, message: /"server_tokens build" is set explicitly: it sends the nginx version and build name/ }],
      output: null,
      suggestions: [{ title: 'Set server_tokens off', output: 'server {\n    location / {\n        server_tokens   off ;\n    }\n}\n' }],
    },
    {
      name: 'a whole config without server_tokens off (default on)',
      code: 'events {}\nhttp {\n    include mime.types;\n    server {\n        listen 80;\n    }\n}\n',
      errors: [{ line: 2, column: 1, message: /defaults to on.*Add "server_tokens off;" to the http block/ }],
      output: 'events {}\nhttp {\n    server_tokens off;\n    include mime.types;\n    server {\n        listen 80;\n    }\n}\n',
    },
    {
      name: 'one server of two turns it off: still missing in http (CRLF)',
      code: 'events {}\r\nhttp {\r\n  server {\r\n    server_tokens off;\r\n  }\r\n  server {\r\n    listen 81;\r\n  }\r\n}\r\n',
      errors: [{ line: 2, column: 1 }],
      output: 'events {}\r\nhttp {\r\n  server_tokens off;\r\n  server {\r\n    server_tokens off;\r\n  }\r\n  server {\r\n    listen 81;\r\n  }\r\n}\r\n',
    },
    {
      name: 'explicit on in http: one finding, not two',
      code: 'events {}\nhttp {\n    server_tokens on;\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
      suggestions: [{ title: 'Set server_tokens off', output: 'events {}\nhttp {\n    server_tokens off;\n}\n' }],
    },
  ],
});

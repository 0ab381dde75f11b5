import { ruleTester } from '../../test/ruleTester';
import rule from './invalid-arguments';

ruleTester(rule, {
  valid: [
    'http {\n    add_header X-Frame-Options DENY always;\n    error_page 500 502 503 504 /50x.html;\n    server {\n        listen 443 ssl default_server reuseport;\n        location / {\n            if ($request_method = POST) {\n                return 405;\n            }\n            autoindex off;\n            stub_status;\n        }\n    }\n}\n',
    { name: 'njs import forms', code: 'http {\n    js_import main.js;\n    js_import m from main.js;\n}\n' },
    { name: 'variables in flags are checked at run time', code: 'location / {\n    autoindex $x;\n}\n' },
  ],
  invalid: [
    {
      name: 'too few',
      code: 'http {\n    add_header X-Frame-Options;\n}\n',
      errors: [{ line: 2, column: 5, message: /"add_header" takes 2 to 3 argument\(s\) but has 1/ }],
    },
    {
      name: 'unquoted value with spaces',
      code: 'server {\n    server_name a b;\n    root /srv/my site;\n}\n',
      errors: [{ line: 3, column: 5, message: /takes 1 argument\(s\) but has 2/ }],
    },
    {
      name: 'on/off flag with another value',
      code: 'location / {\n    autoindex yes;\n}\n',
      errors: [{ line: 2, column: 15, message: /must be "on" or "off", not "yes"/ }],
    },
  ],
});

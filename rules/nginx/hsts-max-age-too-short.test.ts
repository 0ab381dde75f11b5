import { ruleTester } from '../../test/ruleTester';
import rule from './hsts-max-age-too-short';

ruleTester(rule, {
  valid: [
    'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;\n',
    'add_header Strict-Transport-Security "max-age=31536000" always;\n',
    { name: 'a quoted max-age value', code: 'add_header Strict-Transport-Security \'max-age="31536000"\' always;\n' },
    { name: 'a variable set elsewhere cannot be checked', code: 'add_header Strict-Transport-Security $hsts always;\n' },
    { name: 'a map in another file is checked there, not here', filename: 'nginx/conf.d/a.conf', code: 'add_header Strict-Transport-Security $hsts always;\n', workspace: [{ path: 'nginx/nginx.conf', code: 'http {\n    map $scheme $hsts {\n        https "max-age=300";\n    }\n}\n' }] },
    { name: 'other headers', code: 'add_header X-Max "max-age=10";\n' },
  ],
  invalid: [
    {
      name: 'below the 180-day floor',
      code: 'server {\n    add_header Strict-Transport-Security "max-age=3600; includeSubDomains" always;\n}\n',
      errors: [{ line: 2, column: 42, message: 'HSTS max-age=3600 (1 hour) is set explicitly but below the 180-day minimum (15552000): it expires between visits. Set max-age=63072000 (two years).' }],
      output: null,
      suggestions: [{ title: 'Set max-age=63072000', output: 'server {\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n}\n' }],
    },
    {
      name: 'h5bp: 186 days, under a year (softer wording)',
      code: 'add_header Strict-Transport-Security "max-age=16070400; includeSubDomains" always;\n',
      errors: [{ line: 1, column: 38, message: /max-age=16070400 \(186 days\) is set explicitly but under one year/ }],
      output: null,
      suggestions: [{ title: 'Set max-age=63072000', output: 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n' }],
    },
    {
      name: 'max-age=0 turns HSTS off: a suggestion only',
      code: 'add_header Strict-Transport-Security "max-age=0";\n',
      errors: [{ line: 1, column: 38, message: /max-age=0 tells browsers to forget HSTS/ }],
      output: null,
      suggestions: [{ title: 'Set max-age=63072000', output: 'add_header Strict-Transport-Security "max-age=63072000";\n' }],
    },
    {
      name: 'no max-age at all: browsers ignore the header',
      code: 'add_header Strict-Transport-Security includeSubDomains always;\n',
      errors: [{ line: 1, column: 38, message: /has no max-age, so browsers ignore the header/ }],
      output: 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n',
    },
    {
      name: 'more_set_headers and a map row in this file (CRLF, case-insensitive name)',
      code: "http {\r\n    map $scheme $hsts {\r\n        default \"MAX-AGE=600\";\r\n    }\r\n    add_header strict-transport-security $hsts always;\r\n    more_set_headers 'Strict-Transport-Security: max-age=86400';\r\n}\r\n",
      errors: [{ line: 3, column: 17, message: /max-age=600 \(10 minutes\)/ }, { line: 6, column: 22, message: /max-age=86400 \(1 day\)/ }],
      output: null,
      suggestions: [{ title: 'Set max-age=63072000', output: "http {\r\n    map $scheme $hsts {\r\n        default \"MAX-AGE=63072000\";\r\n    }\r\n    add_header strict-transport-security $hsts always;\r\n    more_set_headers 'Strict-Transport-Security: max-age=86400';\r\n}\r\n" }],
    },
  ],
});

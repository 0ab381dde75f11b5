import { ruleTester } from '../../test/ruleTester';
import rule from './host-header-spoofing';

ruleTester(rule, {
  valid: [
    { name: 'gixy http_fp: $host', code: 'proxy_set_header Host $host;\n' },
    { name: '$host with nginx\'s own port', code: 'location / {\n    proxy_set_header Host $host:$server_port;\n    proxy_pass http://app;\n}\n' },
    { name: 'other headers may carry $http_host', code: 'proxy_set_header X-Original-Host $http_host;\n' },
    { name: 'a fixed Host', code: 'proxy_set_header Host api.internal;\n' },
    { name: 'a variable whose name only starts like http_host', code: 'proxy_set_header Host $http_hostname;\n' },
  ],
  invalid: [
    {
      name: 'gixy http_host',
      code: 'proxy_set_header Host $http_host;\n',
      errors: [{ line: 1, column: 23, endColumn: 33, message: 'proxy_set_header Host $http_host explicitly forwards the raw Host header, which can differ from the host nginx routed the request by (an absolute request line wins) and may carry any port: the backend trusts a host nginx never checked. Use $host instead.' }],
      output: null,
      suggestions: [{ title: 'Use $host instead of $http_host', output: 'proxy_set_header Host $host;\n' }],
    },
    {
      name: 'gixy http_host_diff_case',
      code: 'proxy_set_header HoSt $http_host;\n',
      errors: [{ line: 1, column: 23 }],
      output: null,
      suggestions: [{ title: 'Use $host instead of $http_host', output: 'proxy_set_header HoSt $host;\n' }],
    },
    {
      name: 'gixy some_arg: no fix',
      code: 'proxy_set_header host $arg_host;\n',
      errors: [{ line: 1, column: 23, message: /from the query argument "\$arg_host": any client chooses the host/ }],
      output: null,
    },
    {
      name: 'quoted, braces, with a port, X-Forwarded-Host, CRLF',
      code: 'server {\r\n    location / {\r\n        proxy_set_header Host "${http_host}";\r\n        proxy_set_header X-Forwarded-Host $http_host:443;\r\n        proxy_pass http://app;\r\n    }\r\n}\r\n',
      errors: [{ line: 3, column: 31 }, { line: 4, column: 43 }],
      output: null,
      suggestions: [{ title: 'Use $host instead of $http_host', output: 'server {\r\n    location / {\r\n        proxy_set_header Host "${host}";\r\n        proxy_set_header X-Forwarded-Host $http_host:443;\r\n        proxy_pass http://app;\r\n    }\r\n}\r\n' }],
    },
    {
      name: 'multi-line directive',
      code: 'proxy_set_header\n    Host\n    $http_host;\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
      suggestions: [{ title: 'Use $host instead of $http_host', output: 'proxy_set_header\n    Host\n    $host;\n' }],
    },
  ],
});

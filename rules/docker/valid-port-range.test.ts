import { ruleTester } from '../../test/ruleTester';
import rule from './valid-port-range';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.13\nUSER mike\nEXPOSE 65530 8080',
    'FROM alpine:3.20\nEXPOSE 0 65535 8000-8010/udp 53/tcp',
    { name: 'variables are resolved at build time', code: 'FROM alpine:3.20\nARG PORT=8080\nEXPOSE $PORT ${ADMIN_PORT}/tcp' },
    { name: 'host mappings are another rule', code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:8080:80' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.13\nUSER mike\nEXPOSE 65536 8080',
      errors: [{ line: 3, column: 8, endColumn: 13, message: /Port 65536 is outside the valid range 0-65535/ }],
    },
    {
      name: 'range end, protocol and continuation line',
      code: 'FROM alpine:3.20\nEXPOSE 80 \\\n  8000-70000/udp',
      errors: [{ line: 3, column: 8, endColumn: 13, message: /70000/ }],
    },
    {
      name: 'not a number, reversed range',
      code: 'FROM alpine:3.20\nEXPOSE http 90-80',
      errors: [
        { line: 2, column: 8, message: /"http" is not a valid port/ },
        { line: 2, column: 13, message: /ends before it starts/ },
      ],
    },
    {
      name: 'container port of a host mapping',
      code: 'FROM alpine:3.20 AS a\nFROM a\nEXPOSE 8080:99999',
      errors: [{ line: 3, column: 13 }],
    },
  ],
});

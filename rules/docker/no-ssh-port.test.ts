import { ruleTester } from '../../test/ruleTester';
import rule from './no-ssh-port';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.13\nUSER mike\nEXPOSE 8080',
    'FROM alpine:3.13\nEXPOSE 2222 220 8022/tcp',
    { name: 'unknown variable', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE $PORT' },
  ],
  invalid: [
    {
      name: 'trivy DS-0004 bad example: the only port removes the instruction',
      code: 'FROM alpine:3.13\nUSER mike\nEXPOSE 22\n',
      errors: [{ line: 3, column: 8, endColumn: 10, message: /Do not expose the SSH port 22/ }],
      output: 'FROM alpine:3.13\nUSER mike\n',
    },
    {
      name: 'one of several ports, with protocol and continuation',
      code: 'FROM alpine:3.20\nEXPOSE 22/tcp 8080 \\\n    443',
      errors: [{ line: 2, column: 8 }],
      output: 'FROM alpine:3.20\nEXPOSE 8080 \\\n    443',
    },
    {
      name: 'last of several ports on a continuation line',
      code: 'FROM alpine:3.20\nEXPOSE 8080 \\\n    22/udp\nCMD ["app"]',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM alpine:3.20\nEXPOSE 8080\nCMD ["app"]',
    },
    {
      name: 'range and ARG default are reported without a fix',
      code: 'ARG SSH=22\nFROM alpine:3.20\nARG SSH\nEXPOSE 20-25 ${SSH}',
      errors: [{ line: 4, column: 8, message: /port range 20-25/ }, { line: 4, column: 14 }],
      output: null,
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './expose-proto-casing';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 9/sctp 8080', 'FROM alpine:3.20\nARG PROTO=tcp\nEXPOSE 80/$PROTO'],
  invalid: [
    {
      name: 'BuildKit case',
      code: '\nFROM scratch\nEXPOSE 80/TcP 8080/TCP 8080/udp',
      errors: [
        { line: 3, column: 11, endColumn: 14, message: /Protocol "TcP" in EXPOSE 80\/TcP should be lowercase/ },
        { line: 3, column: 20, endColumn: 23 },
      ],
      output: '\nFROM scratch\nEXPOSE 80/tcp 8080/tcp 8080/udp',
    },
    {
      name: 'port range on a continuation line',
      code: 'FROM scratch AS a\nFROM a\nEXPOSE 80 \\\n  8000-8010/UDP',
      errors: [{ line: 4, column: 13 }],
      output: 'FROM scratch AS a\nFROM a\nEXPOSE 80 \\\n  8000-8010/udp',
    },
  ],
});

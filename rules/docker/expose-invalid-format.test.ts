import { ruleTester } from '../../test/ruleTester';
import rule from './expose-invalid-format';

ruleTester(rule, {
  valid: ['FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010/udp', 'FROM alpine:3.20\nARG PORT=80\nEXPOSE $PORT'],
  invalid: [
    {
      name: 'BuildKit case: IP, IPv6 and host-port mappings',
      code: '\nFROM scratch\nEXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000',
      errors: [
        { line: 3, column: 8, endColumn: 23, message: /"127.0.0.1:80:80".*container port 80 / },
        { line: 3, column: 24, message: /\[::1\]:8080:8080/ },
        { line: 3, column: 40, message: /5000:5000/ },
      ],
      output: '\nFROM scratch\nEXPOSE 80 8080 5000 8000',
    },
    {
      name: 'protocol is kept',
      code: 'FROM coredns/coredns:1.11.1\nEXPOSE 0.0.0.0:53:53/udp',
      errors: [{ line: 2, column: 8 }],
      output: 'FROM coredns/coredns:1.11.1\nEXPOSE 53/udp',
    },
    {
      name: 'no container port: reported without a fix',
      code: 'FROM alpine:3.20\nEXPOSE 8080:',
      errors: [{ line: 2, column: 8 }],
      output: null,
    },
  ],
});

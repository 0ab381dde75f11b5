import { ruleTester } from '../../test/ruleTester';
import rule from './add-header-missing-always';

ruleTester(rule, {
  valid: [
    'server {\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    add_header X-Frame-Options DENY always;\n}\n',
    { name: 'headers that are not security headers', code: 'location / {\n    add_header Cache-Control "public";\n    add_header X-Served-By web1;\n}\n' },
    { name: 'CSP-Report-Only and X-XSS-Protection are not in the list', code: 'add_header Content-Security-Policy-Report-Only "default-src \'self\'";\nadd_header X-XSS-Protection "0";\n' },
    { name: 'more_set_headers applies to every status already', code: "more_set_headers 'X-Frame-Options: DENY';\n" },
    { name: 'case-insensitive always', code: 'add_header x-content-type-options nosniff always;\n' },
  ],
  invalid: [
    {
      name: 'each security header without always, the value kept',
      code: 'server {\n    add_header X-Frame-Options "DENY";\n    add_header referrer-policy no-referrer;\n    add_header Cross-Origin-Opener-Policy same-origin;\n}\n',
      errors: [
        { line: 2, column: 5, message: 'add_header X-Frame-Options has no "always", so nginx sends it only with 2xx and 3xx responses and error pages go out without it. Add "always" after the value.', controls: ['edge.security-headers'] },
        { line: 3, column: 5 },
        { line: 4, column: 5 },
      ],
      output: 'server {\n    add_header X-Frame-Options "DENY" always;\n    add_header referrer-policy no-referrer always;\n    add_header Cross-Origin-Opener-Policy same-origin always;\n}\n',
    },
    {
      name: 'variables and multi-line directives (CRLF)',
      code: 'add_header Content-Security-Policy\r\n    $csp;\r\nadd_header Strict-Transport-Security "max-age=63072000"   ;\r\n',
      errors: [
        { line: 1, column: 1, controls: ['edge.security-headers'] },
        { line: 3, column: 1, controls: ['edge.hsts'] },
      ],
      output: 'add_header Content-Security-Policy\r\n    $csp always;\r\nadd_header Strict-Transport-Security "max-age=63072000" always   ;\r\n',
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './csp-unsafe';

ruleTester(rule, {
  valid: [
    'add_header Content-Security-Policy "default-src \'self\'; object-src \'none\'; base-uri \'self\'" always;\n',
    { name: "style-src 'unsafe-inline' is not a script problem (helmet's default)", code: "add_header Content-Security-Policy \"default-src 'self'; script-src 'self'; style-src 'self' https: 'unsafe-inline'; object-src 'none'\" always;\n" },
    { name: "'unsafe-inline' next to a nonce is ignored by CSP2 browsers", code: "add_header Content-Security-Policy \"script-src 'nonce-r4nd0m' 'unsafe-inline' 'strict-dynamic'; object-src 'none'\" always;\n" },
    { name: 'a framing-only policy', code: "add_header Content-Security-Policy \"frame-ancestors 'none'\" always;\n" },
    { name: 'report-only policies do not enforce anything', code: "add_header Content-Security-Policy-Report-Only \"script-src 'unsafe-inline'\";\n" },
    { name: 'a variable set elsewhere', code: 'add_header Content-Security-Policy $csp always;\n' },
    {
      name: 'h5bp map-based policy',
      code: "http {\n    map $sent_http_content_type $content_security_policy {\n        ~*text/(html|javascript)|application/pdf|xml \"default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'; upgrade-insecure-requests\";\n    }\n    add_header Content-Security-Policy $content_security_policy always;\n}\n",
    },
  ],
  invalid: [
    {
      name: "'unsafe-inline' and a scheme source in default-src (no script-src)",
      code: "add_header Content-Security-Policy \"default-src 'self' 'unsafe-inline' https:; object-src 'none'\" always;\n",
      errors: [
        {
          line: 1,
          column: 36,
          message:
            "The Content-Security-Policy allows 'unsafe-inline', https: in default-src, so injected scripts can still run: use nonces or hashes instead of 'unsafe-inline' and exact hosts instead of schemes.",
        },
      ],
    },
    {
      name: "script-src decides over default-src; 'unsafe-eval', * and data:",
      code: "add_header Content-Security-Policy \"default-src 'self'; script-src 'self' 'unsafe-eval' * data:; object-src 'none'\";\n",
      errors: [{ line: 1, column: 36, message: /allows 'unsafe-eval', \*, data: in script-src/ }],
    },
    {
      name: "a broad default-src without object-src 'none'",
      code: "add_header Content-Security-Policy \"default-src *; script-src 'self'\";\n",
      errors: [{ line: 1, column: 36, message: "The Content-Security-Policy has no object-src while default-src allows *: add object-src 'none'." }],
    },
    {
      name: 'map rows in this file are reported where they are written (CRLF)',
      code: "http {\r\n    map $host $csp {\r\n        default \"default-src 'self'; object-src 'none'\";\r\n        legacy.example.com \"script-src 'unsafe-inline'\";\r\n    }\r\n    add_header Content-Security-Policy $csp always;\r\n}\r\n",
      errors: [{ line: 4, column: 28, message: /The Content-Security-Policy value of \$csp for "legacy.example.com" allows 'unsafe-inline' in script-src/ }],
    },
    {
      name: 'a map in another file is reported at the add_header',
      filename: 'nginx/conf.d/a.conf',
      code: 'server {\n    add_header Content-Security-Policy $csp always;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: "http {\n    map $host $csp {\n        default \"script-src http:\";\n    }\n    include conf.d/*.conf;\n}\n" }],
      errors: [{ line: 2, column: 40, message: /The Content-Security-Policy in \$csp allows http: in script-src/ }],
    },
    {
      name: 'both problems in one finding',
      code: 'add_header Content-Security-Policy "default-src https:";\n',
      errors: [{ line: 1, column: 36, message: /allows https: in default-src, so .*; it also has no object-src while default-src allows https:/ }],
    },
    {
      name: 'more_set_headers',
      code: "more_set_headers \"Content-Security-Policy: script-src 'unsafe-inline'\";\n",
      errors: [{ line: 1, column: 18 }],
    },
  ],
});

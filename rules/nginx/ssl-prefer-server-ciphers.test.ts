import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-prefer-server-ciphers';

const MOZ = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';

ruleTester(rule, {
  valid: [
    { name: 'off (Mozilla intermediate)', code: `http {\n    ssl_ciphers ${MOZ};\n    ssl_prefer_server_ciphers off;\n}\n` },
    { name: 'not set (default off)', code: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n' },
    { name: 'on with PrioritizeChaCha (gixy accepts it)', code: 'http {\n    ssl_prefer_server_ciphers on;\n    ssl_conf_command Options PrioritizeChaCha;\n}\n' },
    { name: 'PrioritizeChaCha at http covers a server', code: 'http {\n    ssl_conf_command Options PrioritizeChaCha;\n    server {\n        listen 443 ssl;\n        ssl_prefer_server_ciphers on;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'on with an AEAD-only list: fixed',
      code: `server {\n    listen 443 ssl;\n    ssl_ciphers ${MOZ};\n    ssl_prefer_server_ciphers on;\n}\n`,
      errors: [{ line: 4, column: 5, message: 'ssl_prefer_server_ciphers is turned on explicitly although every enabled cipher is a strong AEAD suite: set it to "off" (Mozilla intermediate) so clients without AES hardware can pick ChaCha20-Poly1305.' }],
      output: null,
      suggestions: [{ title: 'Set "ssl_prefer_server_ciphers off;"', output: 'server {\n    listen 443 ssl;\n    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;\n    ssl_prefer_server_ciphers off;\n}\n' }],
    },
    {
      name: "Debian's nginx.conf (default ciphers include CBC suites): suggestion only",
      code: 'http {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n    ssl_prefer_server_ciphers on;\n}\n',
      errors: [{ line: 3, column: 5, message: /Switch the list to Mozilla's intermediate one, then set this to "off"/ }],
      output: null,
      suggestions: [{ title: 'Set "ssl_prefer_server_ciphers off;"', output: 'http {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n    ssl_prefer_server_ciphers off;\n}\n' }],
    },
    {
      name: 'the AEAD list is inherited from http; CRLF',
      code: `http {\r\n    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305";\r\n    server {\r\n        ssl_prefer_server_ciphers on;\r\n    }\r\n}\r\n`,
      errors: [{ line: 4, column: 9 }],
      output: null,
      suggestions: [{ title: 'Set "ssl_prefer_server_ciphers off;"', output: 'http {\r\n    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305";\r\n    server {\r\n        ssl_prefer_server_ciphers off;\r\n    }\r\n}\r\n' }],
    },
    {
      name: 'an unresolved include may set the ciphers: suggestion only',
      code: 'server {\n    include snippets/ciphers.conf;\n    ssl_prefer_server_ciphers on;\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
    },
  ],
});

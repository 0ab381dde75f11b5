import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-stapling-letsencrypt';

const LE = '        ssl_certificate /etc/letsencrypt/live/example.com/fullchain.pem;\n        ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;\n';

ruleTester(rule, {
  valid: [
    { name: 'gixy fp: stapling with a commercial CA', code: 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/certs/example.pem;\n    ssl_certificate_key /etc/ssl/private/example.key;\n    ssl_stapling on;\n}\n' },
    { name: 'Let\'s Encrypt without stapling', code: `http {\n    server {\n        listen 443 ssl;\n${LE}    }\n}\n` },
    { name: 'stapling off', code: `http {\n    server {\n        listen 443 ssl;\n${LE}        ssl_stapling off;\n    }\n}\n` },
    { name: 'a plain HTTP server', code: 'server {\n    listen 80;\n    ssl_certificate /etc/letsencrypt/live/x/fullchain.pem;\n    ssl_stapling on;\n}\n' },
    { name: 'http-level stapling turned off in the LE server', code: `http {\n    ssl_stapling on;\n    server {\n        listen 443 ssl;\n${LE}        ssl_stapling off;\n    }\n}\n` },
    { name: 'a snippet nobody includes (no certificate visible)', filename: 'nginx/snippets/ssl.conf', code: 'ssl_stapling on;\nssl_stapling_verify on;\n' },
  ],
  invalid: [
    {
      name: 'gixy: certbot layout with stapling and verify in the server',
      code: `http {\n    server {\n        listen 443 ssl;\n${LE}        ssl_stapling on;\n        ssl_stapling_verify on;\n        root /srv;\n    }\n}\n`,
      errors: [{ line: 6, column: 9, message: 'ssl_stapling is on for the Let\'s Encrypt certificate "/etc/letsencrypt/live/example.com/fullchain.pem", whose OCSP responders were shut down on 2025-08-06: stapling does nothing. Remove ssl_stapling and ssl_stapling_verify.' }],
      output: `http {\n    server {\n        listen 443 ssl;\n${LE}        root /srv;\n    }\n}\n`,
    },
    {
      name: 'stapling at http level, certificates in the servers, trusted chain; CRLF',
      code: 'http {\r\n    ssl_stapling on;\r\n    ssl_stapling_verify on;\r\n    server {\r\n        listen 443 ssl;\r\n        ssl_certificate /etc/letsencrypt/live/a/fullchain.pem;\r\n        ssl_certificate_key /etc/letsencrypt/live/a/privkey.pem;\r\n        ssl_trusted_certificate /etc/letsencrypt/live/a/chain.pem;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5, message: /certificates "\/etc\/letsencrypt\/live\/a\/fullchain\.pem", "\/etc\/letsencrypt\/live\/a\/chain\.pem" \(server :443\)/ }],
      output: 'http {\r\n    server {\r\n        listen 443 ssl;\r\n        ssl_certificate /etc/letsencrypt/live/a/fullchain.pem;\r\n        ssl_certificate_key /etc/letsencrypt/live/a/privkey.pem;\r\n        ssl_trusted_certificate /etc/letsencrypt/live/a/chain.pem;\r\n    }\r\n}\r\n',
    },
    {
      name: 'http-level stapling shared with a commercial certificate: turn it off in the LE server only',
      code: `http {\n    ssl_stapling on;\n    server {\n        listen 443 ssl;\n        server_name le.example;\n${LE}    }\n    server {\n        listen 443 ssl;\n        server_name corp.example;\n        ssl_certificate /etc/ssl/corp.pem;\n        ssl_certificate_key /etc/ssl/corp.key;\n    }\n}\n`,
      errors: [{ line: 2, column: 5, message: /\(server le\.example :443\).*or turn stapling off in the Let's Encrypt servers\.$/ }],
      output: `http {\n    ssl_stapling on;\n    server {\n        listen 443 ssl;\n        server_name le.example;\n${LE}        ssl_stapling off;\n    }\n    server {\n        listen 443 ssl;\n        server_name corp.example;\n        ssl_certificate /etc/ssl/corp.pem;\n        ssl_certificate_key /etc/ssl/corp.key;\n    }\n}\n`,
    },
    {
      name: 'a stapling snippet, judged through the server that includes it (no fix: other includers may need it)',
      filename: 'nginx/snippets/ssl.conf',
      code: 'ssl_stapling on;\nssl_stapling_verify on;\nssl_session_timeout 1d;\n',
      workspace: [{ path: 'nginx/sites-enabled/site', code: `server {\n    listen 443 ssl;\n${LE}    include snippets/ssl.conf;\n}\n` }],
      errors: [{ line: 1, column: 1, message: /fullchain\.pem" \(server :443\)/ }],
      output: null,
    },
    {
      name: 'certificate from a resolved include; container prefix',
      filename: 'nginx/nginx.conf',
      code: 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n        include certs/site.conf;\n        ssl_stapling on;\n    }\n}\n',
      workspace: [{ path: 'nginx/certs/site.conf', code: 'ssl_certificate /config/etc/letsencrypt/live/x/fullchain.pem;\nssl_certificate_key /config/etc/letsencrypt/live/x/privkey.pem;\n' }],
      errors: [{ line: 6, column: 9 }],
      output: 'events {}\nhttp {\n    server {\n        listen 443 ssl;\n        include certs/site.conf;\n    }\n}\n',
    },
  ],
});

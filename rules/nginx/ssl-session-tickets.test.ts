import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-session-tickets';

const OLD = { targetVersion: '1.22' };
const SERVER = 'http {\n    server {\n        listen 443 ssl;\n        ssl_certificate /etc/ssl/a.pem;\n        ssl_certificate_key /etc/ssl/a.key;\n    }\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'unknown target: not judged', code: SERVER },
    { name: 'nginx 1.23.2 rotates ticket keys', code: SERVER, options: { targetVersion: '1.23.2' } },
    { name: 'tickets off at http level', options: OLD, code: 'http {\n    ssl_session_tickets off;\n    server {\n        listen 443 ssl;\n    }\n}\n' },
    { name: 'ticket keys rotated by hand', options: OLD, code: 'server {\n    listen 443 ssl;\n    ssl_session_ticket_key /etc/nginx/ticket.key;\n}\n' },
    { name: 'plain HTTP server', options: OLD, code: 'http {\n    server {\n        listen 80;\n    }\n}\n' },
    { name: 'unresolved include may set it', options: OLD, code: 'http {\n    server {\n        listen 443 ssl;\n        include snippets/ssl-params.conf;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'nginx 1.22 default: inserted after the last ssl_* line',
      options: OLD,
      code: SERVER,
      errors: [{ line: 2, column: 5, message: 'server :443 keeps session tickets on by default: nginx 1.22 (before 1.23.2) never rotates the session ticket key, so one key protects every resumed session and undoes forward secrecy. Add "ssl_session_tickets off;".' }],
      output: SERVER.replace('a.key;\n', 'a.key;\n        ssl_session_tickets off;\n'),
    },
    {
      name: 'explicit on at http: reported once, turned off; CRLF',
      options: { targetVersion: '1.18.0' },
      code: 'http {\r\n    ssl_session_tickets on;\r\n    server {\r\n        listen 443 ssl;\r\n    }\r\n    server {\r\n        listen 8443 ssl;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5, message: /^ssl_session_tickets is turned on explicitly without ssl_session_ticket_key: nginx 1\.18\.0/ }],
      output: null,
      suggestions: [{ title: 'Set "ssl_session_tickets off;"', output: 'http {\r\n    ssl_session_tickets off;\r\n    server {\r\n        listen 443 ssl;\r\n    }\r\n    server {\r\n        listen 8443 ssl;\r\n    }\r\n}\r\n' }],
    },
  ],
});

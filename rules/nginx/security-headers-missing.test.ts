import { ruleTester } from '../../test/ruleTester';
import rule from './security-headers-missing';

const ALL = [
  'add_header X-Content-Type-Options "nosniff" always;',
  'add_header X-Frame-Options "DENY" always;',
  'add_header Referrer-Policy "no-referrer" always;',
  'add_header Content-Security-Policy "default-src \'self\'" always;',
];
const REVIEW = '# review: OWASP baseline values; check the CSP (and framing) against your pages before deploying';
const CSP = 'add_header Content-Security-Policy "default-src \'self\'; frame-ancestors \'none\'; object-src \'none\'; base-uri \'self\'" always;';

ruleTester(rule, {
  valid: [
    `server {\n    listen 80;\n    root /srv;\n${ALL.map((l) => '    ' + l).join('\n')}\n}\n`,
    {
      name: 'CSP frame-ancestors instead of X-Frame-Options; CSP-Report-Only counts as a CSP',
      code: `server {\n    listen 80;\n    root /srv;\n    ${ALL[0]}\n    ${ALL[2]}\n    add_header Content-Security-Policy "frame-ancestors 'none'" always;\n    add_header Content-Security-Policy-Report-Only "default-src 'self'" always;\n}\n`,
    },
    { name: 'a redirect-only server', code: 'server {\n    listen 80;\n    return 301 https://$host$request_uri;\n}\n' },
    {
      name: 'certbot webroot on a redirecting HTTP server',
      code: 'server {\n    listen 80;\n    server_name example.com;\n    location /.well-known/acme-challenge/ {\n        root /var/www/certbot;\n    }\n    location / {\n        return 301 https://$host$request_uri;\n    }\n}\n',
    },
    { name: 'a server with nothing to serve', code: 'server {\n    listen 80 default_server;\n    server_name _;\n}\n' },
    { name: 'ssl_reject_handshake catch-all', code: 'server {\n    listen 443 ssl;\n    ssl_reject_handshake on;\n    root /srv;\n}\n' },
    { name: 'loopback only (status page)', code: 'server {\n    listen 127.0.0.1:8080;\n    location /status {\n        stub_status;\n        root /srv;\n    }\n}\n' },
    { name: 'an unresolved include may add them', code: 'server {\n    listen 80;\n    root /srv;\n    include snippets/security-headers.conf;\n}\n' },
    {
      name: 'h5bp: headers set through map variables in http count as present (empty map values included)',
      code:
        "http {\n    map $sent_http_content_type $x_frame_options {\n        ~*text/html DENY;\n    }\n    map $sent_http_content_type $content_security_policy {\n        ~*text/(html|javascript)|application/pdf|xml \"default-src 'self'; frame-ancestors 'none'\";\n    }\n    map $sent_http_content_type $referrer_policy {\n        ~*text/(css|html|javascript)|application\\/pdf|xml \"strict-origin-when-cross-origin\";\n    }\n    server {\n        listen 80;\n        root /srv;\n        add_header Content-Security-Policy $content_security_policy always;\n        add_header X-Frame-Options $x_frame_options always;\n        add_header Referrer-Policy $referrer_policy always;\n        add_header X-Content-Type-Options nosniff always;\n    }\n}\n",
    },
    {
      name: 'a location that drops them is the inheritance rule’s finding',
      code: `server {\n    listen 80;\n${ALL.map((l) => '    ' + l).join('\n')}\n    location / {\n        add_header Cache-Control no-store;\n        proxy_pass http://app;\n    }\n}\n`,
    },
    {
      name: 'set in the includer’s http block',
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 80;\n    root /srv;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: `events {}\nhttp {\n${ALL.map((l) => '    ' + l).join('\n')}\n    include conf.d/*.conf;\n}\n` }],
    },
    { name: 'stream servers are not http', code: 'stream {\n    server {\n        listen 53;\n        proxy_pass dns;\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'a static site without any: all four, suggestion with OWASP values',
      code: 'server {\n    listen 80;\n    server_name example.com;\n    root /var/www/html;\n\n    location / {\n        try_files $uri $uri/ =404;\n    }\n}\n',
      errors: [
        {
          line: 1,
          column: 1,
          message:
            'server example.com serves content without X-Content-Type-Options, X-Frame-Options (or CSP frame-ancestors), Referrer-Policy and Content-Security-Policy. Add them with "always" at the server or http level (a CSP needs values written for your pages).',
        },
      ],
      suggestions: [
        {
          title: /OWASP values, review before use/,
          output: `server {\n    listen 80;\n    server_name example.com;\n    root /var/www/html;\n    ${REVIEW}\n    ${ALL[0]}\n    ${ALL[1]}\n    ${ALL[2]}\n    ${CSP}\n\n    location / {\n        try_files $uri $uri/ =404;\n    }\n}\n`,
        },
      ],
    },
    {
      name: 'only what is missing, next to the server’s own lines',
      code: `server {\n    listen 80;\n    root /srv;\n    ${ALL[0]}\n    ${ALL[1]}\n}\n`,
      errors: [{ line: 1, column: 1, message: /without Referrer-Policy and Content-Security-Policy\./ }],
      suggestions: [{ title: /Add Referrer-Policy, Content-Security-Policy/, output: `server {\n    listen 80;\n    root /srv;\n    ${ALL[0]}\n    ${ALL[1]}\n    ${REVIEW}\n    ${ALL[2]}\n    ${CSP}\n}\n` }],
    },
    {
      name: 'a server that inherits some from http: the suggestion copies them so nothing is dropped',
      code: `http {\n    ${ALL[0]}\n    server {\n        listen 80;\n        location / {\n            proxy_pass http://app;\n        }\n    }\n}\n`,
      errors: [{ line: 3, column: 5, message: /server \(listen 80\) proxies responses without adding X-Frame-Options \(or CSP frame-ancestors\), Referrer-Policy and Content-Security-Policy\. .*unless the application behind it sets them/ }],
      suggestions: [
        {
          title: /OWASP/,
          output: `http {\n    ${ALL[0]}\n    server {\n        listen 80;\n        ${REVIEW}\n        ${ALL[0]}\n        ${ALL[1]}\n        ${ALL[2]}\n        ${CSP}\n        location / {\n            proxy_pass http://app;\n        }\n    }\n}\n`,
        },
      ],
    },
    {
      name: 'headers only in one location: another content location lacks them',
      code: `server {\n    listen 80;\n    location / {\n${ALL.map((l) => '        ' + l).join('\n')}\n        proxy_pass http://app;\n    }\n    location /static/ {\n        root /srv;\n    }\n}\n`,
      errors: [{ line: 1, column: 1, message: /serves content without X-Content-Type-Options/ }],
    },
    {
      name: 'a CSP without frame-ancestors is not frame protection (CRLF)',
      code: 'server {\r\n    listen 80;\r\n    root /srv;\r\n    add_header X-Content-Type-Options nosniff always;\r\n    add_header Referrer-Policy no-referrer always;\r\n    add_header Content-Security-Policy "default-src \'self\'" always;\r\n}\r\n',
      errors: [{ line: 1, column: 1, message: /without X-Frame-Options \(or CSP frame-ancestors\)\./ }],
      suggestions: [
        {
          title: /Add X-Frame-Options/,
          output: 'server {\r\n    listen 80;\r\n    root /srv;\r\n    add_header X-Content-Type-Options nosniff always;\r\n    add_header Referrer-Policy no-referrer always;\r\n    add_header Content-Security-Policy "default-src \'self\'" always;\r\n    ' + REVIEW + '\r\n    ' + ALL[1] + '\r\n}\r\n',
        },
      ],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './header-conflicts-nginx';

const APP = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet());\n";
const NGINX_HSTS = 'http {\n    server {\n        listen 443 ssl;\n        add_header Strict-Transport-Security "max-age=63072000" always;\n    }\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'no nginx in the workspace', code: APP },
    { name: 'nginx sets the same value', code: APP, workspace: [{ path: 'nginx/nginx.conf', code: 'http {\n    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n}\n' }] },
    { name: 'helmet turns the header off', code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet({ strictTransportSecurity: false }));\n", workspace: [{ path: 'nginx/nginx.conf', code: NGINX_HSTS }] },
    { name: 'nginx hides the app header', code: APP, workspace: [{ path: 'nginx/nginx.conf', code: 'http {\n    proxy_hide_header Strict-Transport-Security;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n}\n' }] },
    { name: 'a header helmet does not send (X-XSS-Protection is set to 0, not shared)', code: APP, workspace: [{ path: 'nginx/nginx.conf', code: 'http {\n    add_header Permissions-Policy "camera=()";\n}\n' }] },
    { name: 'a value only known at runtime (nginx variable)', code: APP, workspace: [{ path: 'nginx/nginx.conf', code: 'http {\n    add_header Content-Security-Policy $csp;\n}\n' }] },
    { name: 'no helmet in this file', code: "const express = require('express');\nconst app = express();\n", workspace: [{ path: 'nginx/nginx.conf', code: NGINX_HSTS }] },
    {
      name: 'said once: another app file comes first by path',
      filename: 'src/z-app.js',
      code: APP,
      workspace: [
        { path: 'nginx/nginx.conf', code: NGINX_HSTS },
        { path: 'src/a-app.js', code: APP },
      ],
    },
  ],
  invalid: [
    {
      name: 'HSTS differs',
      filename: 'src/app.js',
      code: APP,
      workspace: [{ path: 'nginx/nginx.conf', code: NGINX_HSTS }],
      errors: [{ line: 4, column: 9, message: 'nginx also sets Strict-Transport-Security (nginx "max-age=63072000" at nginx/nginx.conf:4; helmet "max-age=31536000; includeSubDomains"): behind that nginx, browsers receive both headers. Keep each header in one place: drop it in nginx (or proxy_hide_header) or turn it off in helmet.' }],
      output: null,
    },
    {
      name: 'CSP and X-Frame-Options differ: one finding listing both',
      filename: 'src/app.js',
      code: APP,
      workspace: [{ path: 'nginx/conf.d/site.conf', code: 'server {\n    add_header X-Frame-Options DENY;\n    add_header Content-Security-Policy "default-src \'self\'";\n}\n' }],
      errors: [{ line: 4, column: 9, message: /nginx also sets Content-Security-Policy .*, X-Frame-Options \(nginx "DENY" at nginx\/conf.d\/site.conf:2; helmet "SAMEORIGIN"\)/ }],
      output: null,
    },
    {
      name: 'the first app file says it, mentioning the others',
      filename: 'src/a-app.js',
      code: APP,
      workspace: [
        { path: 'nginx/nginx.conf', code: NGINX_HSTS },
        { path: 'src/z-app.js', code: APP },
      ],
      errors: [{ line: 4, column: 9, message: /and 1 other app file\(s\) do the same/ }],
      output: null,
    },
  ],
});

import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './rate-limit-missing';

const zone = 'limit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s;';

ruleTester(rule, {
  valid: [
    { name: 'rate limited location', code: `http {\n    ${zone}\n    server {\n        location /api/ {\n            limit_req zone=perip burst=20 nodelay;\n            proxy_pass http://app;\n        }\n    }\n}\n` },
    { name: 'limit_req at server level covers the location', code: `http {\n    ${zone}\n    server {\n        limit_req zone=perip;\n        location /login {\n            proxy_pass http://app;\n        }\n    }\n}\n` },
    { name: 'limit_req at http level', code: `http {\n    ${zone}\n    limit_req zone=perip;\n    server {\n        location ~ ^/(api|graphql)/ {\n            proxy_pass http://app;\n        }\n    }\n}\n` },
    { name: 'not an API path', code: 'server {\n    location /static/ {\n        proxy_pass http://cdn;\n    }\n    location /authors/ {\n        proxy_pass http://blog;\n    }\n    location /apidocs {\n        proxy_pass http://docs;\n    }\n}\n' },
    { name: 'API path served statically, internal, named', code: 'server {\n    location /api/ {\n        root /srv;\n    }\n    location = /auth {\n        internal;\n        proxy_pass http://auth;\n    }\n    location @api {\n        proxy_pass http://app;\n    }\n}\n' },
    { name: 'an unresolved include may hold limit_req', code: 'server {\n    include /etc/nginx/limits.conf;\n    location /api {\n        proxy_pass http://app;\n    }\n}\n' },
    {
      name: 'limit_req in the including server',
      filename: 'nginx/snippets/api.conf',
      code: 'location /api {\n    proxy_pass http://app;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: `events {}\nhttp {\n    ${zone}\n    server {\n        limit_req zone=perip;\n        include snippets/api.conf;\n    }\n}\n` }],
    },
    { name: 'custom paths', code: 'server {\n    location /api {\n        proxy_pass http://app;\n    }\n}\n', options: { paths: ['^/admin'] } },
    { name: 'unknown zone is not judged in a fragment whose http block is unseen', filename: 'conf.d/app.conf', code: 'server {\n    location / {\n        limit_req zone=nowhere;\n    }\n}\n' },
    {
      name: 'zone defined in another file of the workspace',
      filename: 'nginx/conf.d/app.conf',
      code: 'server {\n    location /api {\n        limit_req zone=api;\n        proxy_pass http://app;\n    }\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    include conf.d/*.conf;\n    include zones.conf;\n}\n' }, { path: 'nginx/zones.conf', code: 'limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;\n' }],
    },
    { name: 'zone unknown but an http-level include is unresolved', code: 'events {}\nhttp {\n    include /etc/nginx/zones/*.conf;\n    server {\n        location / {\n            limit_req zone=z;\n        }\n    }\n}\n' },
  ],
  invalid: [
    {
      name: 'whole config: zone added in http, limit_req in the location',
      code: 'events {}\nhttp {\n    server {\n        listen 80;\n        location /api/ {\n            proxy_pass http://app;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 9, endColumn: 17, message: 'Proxied "location /api/" looks like an API or login endpoint but no "limit_req" applies to it, so clients can flood or brute-force it. Add "limit_req zone=perip burst=20 nodelay;" here with a matching "limit_req_zone" in http.' }],
      suggestions: [
        {
          title: 'Rate-limit location /api/ with "limit_req zone=perip" and define the zone in http (review the rate)',
          output: `events {}\nhttp {\n    ${zone}\n    server {\n        listen 80;\n        location /api/ {\n            # review: perip allows 10 requests/s per client IP with bursts of 20; tune it to this endpoint\n            limit_req zone=perip burst=20 nodelay;\n            proxy_pass http://app;\n        }\n    }\n}\n`,
        },
      ],
    },
    {
      name: 'fragment: the title says the zone goes in http; regex location; CRLF',
      filename: 'conf.d/app.conf',
      code: 'server {\r\n    location ~* ^/(login|signin)$ {\r\n        fastcgi_pass unix:/run/php.sock;\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 5 }],
      suggestions: [
        {
          title: `Rate-limit location ~* ^/(login|signin)$ with "limit_req zone=perip" (also add "${zone}" to the http block)`,
          output: 'server {\r\n    location ~* ^/(login|signin)$ {\r\n        # review: perip allows 10 requests/s per client IP with bursts of 20; tune it to this endpoint\r\n        limit_req zone=perip burst=20 nodelay;\r\n        fastcgi_pass unix:/run/php.sock;\r\n    }\r\n}\r\n',
        },
      ],
    },
    {
      name: 'existing perip zone is reused; nested locations',
      code: `http {\n    ${zone}\n    server {\n        location /app/ {\n            location /app/oauth2/ {\n                proxy_pass http://oauth2-proxy;\n            }\n        }\n    }\n}\n`,
      errors: [{ line: 5, column: 13, message: /"location \/app\/oauth2\/"/ }],
      suggestions: [
        {
          title: 'Rate-limit location /app/oauth2/ with "limit_req zone=perip" (review the rate)',
          output: `http {\n    ${zone}\n    server {\n        location /app/ {\n            location /app/oauth2/ {\n                # review: perip allows 10 requests/s per client IP with bursts of 20; tune it to this endpoint\n                limit_req zone=perip burst=20 nodelay;\n                proxy_pass http://oauth2-proxy;\n            }\n        }\n    }\n}\n`,
        },
      ],
    },
    {
      name: 'limit_req whose zone is defined nowhere (whole config)',
      code: 'events {}\nhttp {\n    server {\n        location / {\n            limit_req zone=foo burst=5;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 23, endColumn: 31, message: /No "limit_req_zone" defines the zone "foo": nginx refuses to start/ }],
    },
    {
      name: 'unknown zone in a conf.d file, seen through its includer',
      filename: 'nginx/conf.d/app.conf',
      code: 'server {\n    location /api {\n        limit_req zone=ap1;\n        proxy_pass http://app;\n    }\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    limit_req_zone $binary_remote_addr zone=api:10m rate=5r/s;\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 3, column: 19, message: /zone "ap1"/ }],
    },
    {
      name: 'stock includes (proxy_params, mime.types) cannot hold limits; WordPress login',
      code: 'events {}\nhttp {\n    include mime.types;\n    server {\n        location = /wp-login.php {\n            include fastcgi_params;\n            fastcgi_pass unix:/run/php.sock;\n        }\n        location /api {\n            include proxy_params;\n            limit_req zone=missing;\n            proxy_pass http://app;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 9, message: /"location = \/wp-login\.php"/ }, { line: 11, column: 23, message: /zone "missing"/ }],
    },
    {
      name: 'custom paths option',
      code: 'server {\n    location /admin/ {\n        proxy_pass http://app;\n    }\n}\n',
      options: { paths: ['^/admin'] },
      errors: [{ line: 2, column: 5 }],
    },
  ],
});

describe('nginx/rate-limit-missing evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'http {\n    limit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s;\n    server {\n        listen 443 ssl;\n        limit_req zone=perip;\n        location /api {\n            limit_req zone=perip burst=20 nodelay;\n            proxy_pass http://app;\n        }\n        location /login {\n            proxy_pass http://app;\n        }\n    }\n}\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['7 limit_req zone=perip at location /api', '5 limit_req zone=perip at server :443 (covers location /login)']);
  });
});

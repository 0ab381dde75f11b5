import { ruleTester } from '../../test/ruleTester';
import rule from './add-header-inheritance';

// gixy add_header_redefinition cases (yandex/gixy and dvershinin/gixy tests/plugins/simply/add_header_redefinition),
// plus the add_header_inherit cases of newer dvershinin/gixy. Deliberate difference: yandex's
// not_secure_both_fp / not_secure_outer_fp expect silence because yandex only reports its
// "interesting" headers; we report any dropped header (as dvershinin and gixy-ng do, their
// not_secure_dropped / not_secure_outer), and the `headers` option reproduces yandex's allowlist.
const YANDEX_HEADERS = ['x-frame-options', 'x-content-type-options', 'x-xss-protection', 'content-security-policy', 'cache-control'];

ruleTester(rule, {
  valid: [
    {
      name: 'gixy duplicate_fp: the child repeats the parent header',
      code: 'http {\nadd_header X-Frame-Options "DENY" always;\n  server {\n    location /new-headers {\n      add_header X-Frame-Options "DENY" always;\n      add_header X-Foo foo;\n    }\n  }\n}',
    },
    { name: 'gixy non_block_fp: a server name, not a block', code: 'add_header X-Frame-Options "DENY" always;\nserver "some";\nadd_header X-Foo foo;\n' },
    {
      name: 'yandex not_secure_both_fp with the yandex allowlist',
      code: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Foo foo;\n}',
      options: { headers: YANDEX_HEADERS },
    },
    {
      name: 'yandex not_secure_outer_fp with the yandex allowlist',
      code: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Frame-Options "DENY" always;\n}',
      options: { headers: YANDEX_HEADERS },
    },
    {
      name: 'gixy header_inherit_merge_fp: merge appends the parent headers',
      code: 'server {\n    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;\n\n    location /api/ {\n        add_header_inherit merge;\n        add_header Cache-Control "no-store" always;\n    }\n}\n',
    },
    {
      name: 'gixy header_inherit_ancestor_merge_fp: the mode is inherited',
      code: 'http {\n    add_header_inherit merge;\n    add_header X-Content-Type-Options "nosniff";\n\n    server {\n        add_header X-Frame-Options "SAMEORIGIN";\n\n        location / {\n            add_header Cache-Control "public";\n\n            if ($request_method = OPTIONS) {\n                add_header Access-Control-Allow-Origin "*";\n            }\n        }\n    }\n}\n',
    },
    { name: 'a level without add_header inherits', code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        root /srv;\n    }\n}\n' },
    {
      name: 'an unresolved include in the child may repeat the outer headers: silent',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        include snippets/headers.conf;\n        add_header Cache-Control no-store;\n    }\n}\n',
    },
    {
      name: 'a resolved include in the child repeats them',
      filename: 'nginx/sites-enabled/site',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        include snippets/headers.conf;\n        add_header Cache-Control no-store;\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/headers.conf', code: 'add_header X-Frame-Options DENY always;\n' }],
    },
    {
      name: 'an unresolved include in the parent may replace what the grandparent set: silent',
      code: 'http {\n    add_header X-Frame-Options DENY always;\n    server {\n        include snippets/headers.conf;\n        location / {\n            add_header Cache-Control no-store;\n        }\n    }\n}\n',
    },
    {
      name: 'more_set_headers are never dropped',
      code: "server {\n    more_set_headers 'X-Frame-Options: DENY';\n    location / {\n        add_header Cache-Control no-store;\n    }\n}\n",
    },
  ],
  invalid: [
    {
      name: 'a lost HSTS header is evidence for the HSTS control only',
      code: 'add_header Strict-Transport-Security "max-age=31536000" always;\n\nlocation /api/ {\n  add_header Cache-Control no-store;\n}',
      errors: [{ line: 4, column: 3, message: /drops the security header Strict-Transport-Security/, controls: ['edge.hsts'] }],
      output: 'add_header Strict-Transport-Security "max-age=31536000" always;\n\nlocation /api/ {\n  add_header Cache-Control no-store;\n  add_header Strict-Transport-Security "max-age=31536000" always;\n}',
    },
    {
      name: 'gixy if_replaces',
      code: 'add_header X-Frame-Options "DENY" always;\n\nif (1) {\n  add_header X-Foo foo;\n}',
      errors: [{ line: 4, column: 3, message: 'if (1) has its own add_header, so nginx drops the security header X-Frame-Options (line 1) set at the top level. Repeat it in this block.', controls: ['edge.security-headers'] }],
      output: 'add_header X-Frame-Options "DENY" always;\n\nif (1) {\n  add_header X-Foo foo;\n  add_header X-Frame-Options "DENY" always;\n}',
    },
    {
      name: 'gixy location_replaces',
      code: 'add_header X-Frame-Options "DENY" always;\n\nlocation /new-headers {\n  add_header X-Foo foo;\n}',
      errors: [{ line: 4, column: 3, message: /location \/new-headers has its own add_header, so nginx drops the security header X-Frame-Options/ }],
      output: 'add_header X-Frame-Options "DENY" always;\n\nlocation /new-headers {\n  add_header X-Foo foo;\n  add_header X-Frame-Options "DENY" always;\n}',
    },
    {
      name: 'gixy nested_block: only the location that drops is reported',
      code: 'server {\n  add_header X-Frame-Options "DENY" always;\n  location / {\n    location /some {\n      add_header X-Frame-Options "DENY" always;\n    }\n\n    location /another {\n      add_header X-Foo foo;\n    }\n  }\n}',
      errors: [{ line: 9, column: 7, message: /set at server\. / }],
      output: 'server {\n  add_header X-Frame-Options "DENY" always;\n  location / {\n    location /some {\n      add_header X-Frame-Options "DENY" always;\n    }\n\n    location /another {\n      add_header X-Foo foo;\n      add_header X-Frame-Options "DENY" always;\n    }\n  }\n}',
    },
    {
      name: 'gixy step_replaces: dropped from http through a server without headers',
      code: 'http {\nadd_header X-Frame-Options "DENY" always;\n  server {\n    location /new-headers {\n      add_header X-Foo foo;\n    }\n  }\n}',
      errors: [{ line: 5, column: 7, message: /X-Frame-Options \(line 2\) set at http/ }],
      output: 'http {\nadd_header X-Frame-Options "DENY" always;\n  server {\n    location /new-headers {\n      add_header X-Foo foo;\n      add_header X-Frame-Options "DENY" always;\n    }\n  }\n}',
    },
    {
      name: 'dvershinin not_secure_dropped: any dropped header is reported, in plain words',
      code: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Foo foo;\n}',
      errors: [{ line: 4, column: 3, message: 'location /new-headers has its own add_header, so nginx drops X-Bar (line 1) set at the top level. Repeat it in this block if its responses need it.' }],
      output: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Foo foo;\n  add_header X-Bar bar;\n}',
    },
    {
      name: 'dvershinin not_secure_outer',
      code: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Frame-Options "DENY" always;\n}',
      errors: [{ line: 4, column: 3, message: /drops X-Bar/ }],
      output: 'add_header X-Bar bar;\n\nlocation /new-headers {\n  add_header X-Frame-Options "DENY" always;\n  add_header X-Bar bar;\n}',
    },
    {
      name: 'gixy header_inherit_absent / header_inherit_on: "on" is the default replacement',
      code: 'server {\n    add_header X-Frame-Options "SAMEORIGIN";\n\n    location / {\n        add_header_inherit on;\n        add_header Cache-Control "public";\n    }\n}\n',
      errors: [{ line: 6, column: 9 }],
      output: 'server {\n    add_header X-Frame-Options "SAMEORIGIN";\n\n    location / {\n        add_header_inherit on;\n        add_header Cache-Control "public";\n        add_header X-Frame-Options "SAMEORIGIN";\n    }\n}\n',
    },
    {
      name: 'gixy header_inherit_nearest_on: a nearer on overrides an outer merge',
      code: 'server {\n    add_header_inherit merge;\n    add_header X-Frame-Options "SAMEORIGIN";\n\n    location / {\n        add_header_inherit on;\n        add_header Cache-Control "public";\n    }\n}\n',
      errors: [{ line: 7, column: 9 }],
      output: 'server {\n    add_header_inherit merge;\n    add_header X-Frame-Options "SAMEORIGIN";\n\n    location / {\n        add_header_inherit on;\n        add_header Cache-Control "public";\n        add_header X-Frame-Options "SAMEORIGIN";\n    }\n}\n',
    },
    {
      name: 'gixy header_inherit_off: off drops deliberately; reported, no copy fix',
      code: 'server {\n    add_header X-Frame-Options "SAMEORIGIN";\n\n    location / {\n        add_header_inherit off;\n        add_header Cache-Control "public";\n    }\n}\n',
      errors: [{ line: 6, column: 9, message: /"add_header_inherit off" \(line 5\) and its own add_header make location \/ drop the security header X-Frame-Options/ }],
      output: null,
    },
    {
      name: 'HSTS and CSP dropped: the message says what is lost',
      code: 'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    add_header Content-Security-Policy "default-src \'self\'" always;\n    location /api/ {\n        add_header Cache-Control no-store always;\n    }\n}\n',
      errors: [
        {
          line: 6,
          column: 9,
          message:
            'location /api/ has its own add_header, so nginx drops the security headers Strict-Transport-Security (line 3) and Content-Security-Policy (line 4) set at server (listen 443): its responses go out without HSTS and CSP. Repeat them in this block.',
        },
      ],
      output:
        'server {\n    listen 443 ssl;\n    add_header Strict-Transport-Security "max-age=63072000" always;\n    add_header Content-Security-Policy "default-src \'self\'" always;\n    location /api/ {\n        add_header Cache-Control no-store always;\n        add_header Strict-Transport-Security "max-age=63072000" always;\n        add_header Content-Security-Policy "default-src \'self\'" always;\n    }\n}\n',
    },
    {
      name: 'targetVersion >= 1.29.3 offers add_header_inherit merge',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header Cache-Control no-store;\n    }\n}\n',
      options: { targetVersion: '1.29.3' },
      errors: [{ line: 4, column: 9, message: /or add "add_header_inherit merge;"/ }],
      output: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header Cache-Control no-store;\n        add_header X-Frame-Options DENY always;\n    }\n}\n',
      suggestions: [{ title: /add_header_inherit merge/, output: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        add_header_inherit merge;\n        add_header Cache-Control no-store;\n    }\n}\n' }],
    },
    {
      name: 'a multi-line parent add_header is copied as written (CRLF kept)',
      code: 'server {\r\n    add_header Content-Security-Policy\r\n        "default-src \'self\'" always;\r\n    location / {\r\n        add_header X-A a;\r\n    }\r\n}\r\n',
      errors: [{ line: 5, column: 9 }],
      output: 'server {\r\n    add_header Content-Security-Policy\r\n        "default-src \'self\'" always;\r\n    location / {\r\n        add_header X-A a;\r\n        add_header Content-Security-Policy\r\n        "default-src \'self\'" always;\r\n    }\r\n}\r\n',
    },
    {
      name: 'variables: a map-valued header is dropped like any other',
      code: 'http {\n    map $sent_http_content_type $csp {\n        ~text/html "default-src \'self\'";\n    }\n    add_header Content-Security-Policy $csp always;\n    server {\n        location / {\n            add_header X-A a;\n        }\n    }\n}\n',
      errors: [{ line: 8, column: 13, message: /Content-Security-Policy \(line 5\).*without CSP/ }],
      output: 'http {\n    map $sent_http_content_type $csp {\n        ~text/html "default-src \'self\'";\n    }\n    add_header Content-Security-Policy $csp always;\n    server {\n        location / {\n            add_header X-A a;\n            add_header Content-Security-Policy $csp always;\n        }\n    }\n}\n',
    },
    {
      name: 'conf.d fragment: dropped headers set in the includer’s http block; no fix (they live in another file)',
      filename: 'nginx/conf.d/site.conf',
      code: 'server {\n    listen 80;\n    add_header Cache-Control no-store;\n}\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    add_header X-Frame-Options DENY always;\n    include conf.d/*.conf;\n}\n' }],
      errors: [{ line: 3, column: 5, message: 'server (listen 80) has its own add_header, so nginx drops the security header X-Frame-Options (nginx/nginx.conf:3) set at the http block of nginx/nginx.conf. Repeat it in this block.' }],
      output: null,
    },
    {
      name: 'a location snippet included (through basic.conf) into a server with headers',
      filename: 'nginx/h5bp/location/x.conf',
      code: 'location /x {\n    add_header C 3;\n}\n',
      workspace: [
        { path: 'nginx/h5bp/basic.conf', code: 'include h5bp/location/x.conf;\n' },
        { path: 'nginx/conf.d/site.conf', code: 'server {\n    listen 80;\n    add_header X-Content-Type-Options nosniff always;\n    include h5bp/basic.conf;\n}\n' },
      ],
      errors: [{ line: 2, column: 5, message: 'location /x has its own add_header, so nginx drops the security header X-Content-Type-Options (nginx/conf.d/site.conf:3) set at the server block of nginx/conf.d/site.conf. Repeat it in this block.' }],
      output: null,
    },
    {
      name: 'own headers that come only from an include: reported at the include',
      filename: 'nginx/sites-enabled/site',
      code: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        include snippets/cache.conf;\n    }\n}\n',
      workspace: [{ path: 'nginx/snippets/cache.conf', code: 'add_header Cache-Control no-store;\n' }],
      errors: [{ line: 4, column: 9 }],
      output: 'server {\n    add_header X-Frame-Options DENY always;\n    location / {\n        include snippets/cache.conf;\n        add_header X-Frame-Options DENY always;\n    }\n}\n',
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './ssrf-dynamic-proxy-pass';

const REVIEW = '# review: internal; only fits when X-Accel-Redirect, error_page or try_files alone reach this location';

ruleTester(rule, {
  valid: [
    { name: 'gixy have_internal_fp', code: 'location /proxy/ {\n    internal;\n    proxy_pass $arg_some;\n}\n' },
    { name: 'gixy not_host_var_fp: the capture is in the path', code: 'location ~ /proxy/(.*)$ {\n    proxy_pass http://yastatic.net/$1;\n}\n' },
    { name: 'gixy request_uri_fp', code: 'location /backend/ {\n    proxy_pass http://some$request_uri;\n}\n' },
    { name: 'gixy request_uri_var_fp: through set', code: 'location / {\n    set $upstream "http://some$request_uri";\n    proxy_pass $upstream;\n}\n' },
    { name: 'nginx variables the client does not choose', code: 'location / {\n    proxy_pass $scheme://$host$request_uri;\n}\n' },
    { name: 'a capture that starts the path', code: 'location ~ ^/api(/.*)$ {\n    proxy_pass http://backend$1;\n}\n' },
    { name: 'a capture of digits only', code: 'location ~ ^/node/(\\d+)/ {\n    proxy_pass http://10.0.0.$1:8080;\n}\n' },
    { name: 'a map to fixed hosts', code: 'map $arg_region $backend {\n    default eu.internal;\n    us us.internal;\n}\nserver {\n    location / {\n        proxy_pass http://$backend;\n    }\n}\n' },
    { name: 'an unknown variable may start the path: silent', code: 'location / {\n    proxy_pass http://backend$route$is_args$args;\n}\n' },
    { name: 'an include in the location may hold internal', code: 'location /x/ {\n    include snippets/internal-only.conf;\n    proxy_pass http://$arg_host;\n}\n' },
    { name: 'a header in the path part', code: 'location / {\n    proxy_pass http://backend/$http_x_path;\n}\n' },
    {
      name: 'a location snippet included by an internal location',
      filename: 'nginx/snippets/fetch.conf',
      code: 'proxy_pass $arg_url;\n',
      workspace: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    server {\n        location /fetch/ {\n            internal;\n            include snippets/fetch.conf;\n        }\n    }\n}\n' }],
    },
  ],
  invalid: [
    {
      name: 'gixy used_arg, with the internal suggestion',
      code: 'location /proxy/ {\n    proxy_pass $arg_some;\n}\n',
      errors: [{ line: 2, column: 16, endColumn: 25, message: 'proxy_pass takes the scheme or host of its target from $arg_some (a query argument): any client can make nginx request a server of its choosing (SSRF: internal services, cloud metadata). Proxy to a fixed upstream, map the value to an allow-list, or mark the location "internal;" if only internal redirects reach it.' }],
      suggestions: [{ title: /Mark the location internal/, output: `location /proxy/ {\n    ${REVIEW}\n    internal;\n    proxy_pass $arg_some;\n}\n` }],
    },
    { name: 'gixy host_w_const_start', code: 'location ~* ^/backend/(?<path>.*) {\n    proxy_pass http://some$path;\n}\n', errors: [{ line: 2, column: 16, message: /from \$path \(a capture of "location ~\* \^\/backend\/\(\?<path>\.\*\)", line 1\)/ }] },
    { name: 'gixy host_w_const_start_arg', code: 'location /backend/ {\n    proxy_pass http://some${arg_la}.shit;\n}\n', errors: [{ line: 2, column: 16 }] },
    { name: 'gixy scheme_var', code: 'location ~ /proxy/$ {\n    proxy_pass $http_proxy_scheme://some/file.conf;\n}\n', errors: [{ line: 2, column: 16, message: /\$http_proxy_scheme \(a request header\)/ }] },
    { name: 'gixy single_var', code: 'location ~ /proxy/(?P<proxy>.*)$ {\n    proxy_pass $proxy;\n}\n', errors: [{ line: 2, column: 16 }] },
    {
      name: 'gixy vars_from_loc: through set',
      code: 'location ~ /proxy/(.*)/(.*)/(.*)$ {\n    set $scheme $1;\n    set $host $2;\n    set $path $3;\n    proxy_pass $scheme://$host/$path;\n}\n',
      errors: [{ line: 5, column: 16, message: /from \$1 \(a capture of .*; through set \$scheme at line 2\)/ }],
    },
    {
      name: 'gixy with_const_scheme: the scheme is fixed, the host is not',
      code: 'location ~* ^/internal-proxy/(https?)/(.*?)/(.*) {\n    resolver 127.0.0.1;\n\n    set $proxy_protocol $1;\n    set $proxy_host     $2;\n    set $proxy_path     $3;\n\n    proxy_pass $proxy_protocol://$proxy_host/$proxy_path ;\n    proxy_set_header Host $proxy_host;\n}\n',
      errors: [{ line: 8, column: 16, message: /from \$2 /}],
    },
    { name: 'the raw Host header as target (open proxy)', code: 'server {\n    location / {\n        proxy_pass http://$http_host$request_uri;\n    }\n}\n', errors: [{ line: 3, column: 20 }] },
    { name: 'a cookie chooses the fastcgi backend', code: 'location ~ \\.php$ {\n    fastcgi_pass $cookie_backend:9000;\n}\n', errors: [{ line: 2, column: 18, message: /^fastcgi_pass .*\$cookie_backend \(a request cookie\)/ }] },
    {
      name: 'a set inside an if makes the target one of two, multi-line, CRLF',
      code: 'location / {\r\n    set $t backend;\r\n    if ($arg_debug) {\r\n        set $t $arg_debug;\r\n    }\r\n    proxy_pass\r\n        http://$t;\r\n}\r\n',
      errors: [{ line: 7, column: 9 }],
    },
    { name: 'a map that passes a header through', code: 'map $http_x_backend $be {\n    default $http_x_backend;\n    "" app;\n}\nserver {\n    location / {\n        proxy_pass http://$be;\n    }\n}\n', errors: [{ line: 7, column: 20, message: /\$http_x_backend/ }] },
    { name: 'an if regex capture of a header', code: 'location / {\n    if ($http_x_target ~ ^(.+)$) {\n        proxy_pass http://$1;\n    }\n}\n', errors: [{ line: 3, column: 20, message: /a capture of "if/ }] },
    { name: 'a snippet with no includer known: no suggestion', filename: 'nginx/snippets/fetch.conf', code: 'proxy_pass $arg_url;\n', errors: [{ line: 1, column: 12 }], suggestions: [] },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './http-splitting';

ruleTester(rule, {
  valid: [
    { name: 'gixy dont_report_not_resolved_var_fp', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    proxy_pass http://storage/$some;\n}\n' },
    { name: 'gixy proxy_from_location_var_var_fp: $1 is a|b', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    set $p $1;\n    proxy_pass http://storage/$p;\n}\n' },
    { name: 'gixy proxy_pass_cr_fp: "." holds CR, which upstreams do not split on', code: 'location ~* ^/test/(.*) {\n    proxy_pass http://10.10.10.10/$1;\n}\n' },
    { name: 'gixy return_403_fp', code: 'return 403;\n' },
    { name: 'gixy return_request_uri_fp', code: 'return 301 https://some$request_uri;\n' },
    { name: 'gixy rewrite_extract_fp: a redirect escapes its own captures', code: 'rewrite ^/proxy/(a|b)/(?<path>\\W*)$ http://storage/$path redirect;\n' },
    { name: 'return with a body, not a Location', code: 'location / {\n    return 200 "you asked for $uri";\n}\n' },
    { name: 'an internal rewrite sets the URI, not a header', code: 'rewrite ^/old/(.*)$ /new$uri last;\n' },
    { name: 'headers cannot hold line breaks', code: 'add_header X-Echo $http_user_agent;\nproxy_set_header X-Q $arg_q;\n' },
    { name: 'a capture of a header is bounded by it', code: 'location / {\n    if ($http_referer ~ ^(.*)$) {\n        return 302 https://example.com/?from=$1;\n    }\n}\n' },
    { name: 'a capture excluding line breaks', code: 'location ~ ^/f/([^/\\r\\n]+)$ {\n    add_header X-File $1;\n}\n' },
  ],
  invalid: [
    {
      name: 'gixy add_header_uri',
      code: 'add_header X-Uri $uri;\n',
      errors: [{ line: 1, column: 18, endColumn: 22, message: '$uri (the decoded request path) can contain "\\n" (a %0a in the URL decodes to one) and goes into the X-Uri response header: a client can inject headers or split the response. Use $request_uri, which stays URL-encoded.' }],
    },
    { name: 'gixy proxy_from_location_var', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    proxy_pass http://storage/$2;\n}\n', errors: [{ line: 2, column: 16, message: /^\$2 \(a capture of "location ~ \/proxy\/\(a\|b\)\/\(\\W\*\)\$", line 1\) can contain "\\n" .* the request line sent to the upstream.*Make the capture exclude line breaks/ }] },
    { name: 'gixy proxy_from_location_var_var', code: 'location ~ /proxy/(a|b)/(\\W*)$ {\n    set $p $2;\n    proxy_pass http://storage/$p;\n}\n', errors: [{ line: 3, column: 16, message: /through set \$p at line 2/ }] },
    { name: 'gixy proxy_from_location_var_var_var', code: 'location ~ /proxy/(a|b)/(?<p>\\W*)$ {\n    set $upstream "http://$1/$p?";\n    proxy_pass $upstream;\n}\n', errors: [{ line: 3, column: 16, message: /^\$p / }] },
    { name: 'gixy proxy_pass_ducument_uri', code: 'proxy_pass http://upstream$document_uri;\n', errors: [{ line: 1, column: 12 }] },
    { name: 'gixy proxy_pass_lf', code: 'location ~* ^/test/([^/]+)/ {\n    proxy_pass http://10.10.10.10/$1;\n}\n', errors: [{ line: 2, column: 16 }] },
    { name: 'gixy proxy_set_header_ducument_uri', code: 'proxy_set_header "X-Original-Uri" $document_uri;\n', errors: [{ line: 1, column: 35, message: /the X-Original-Uri header sent to the upstream: a client can inject headers or split the request/ }] },
    { name: 'gixy rewrite_uri', code: 'rewrite ^ http://some$uri;\n', errors: [{ line: 1, column: 11, message: /the Location header/ }] },
    { name: 'gixy rewrite_uri_after_var', code: 'return 301 https://$host$uri;\n', errors: [{ line: 1, column: 12 }] },
    { name: 'CR counts for responses: "." in a Location', code: 'location ~ ^/go/(.*)$ {\n    return 302 https://example.com/$1;\n}\n', errors: [{ line: 2, column: 16, message: /can contain "\\r"/ }] },
    { name: 'a capture used after a non-redirect rewrite is not escaped', code: 'location / {\n    rewrite ^/d/([^/]+)$ /download break;\n    add_header Content-Disposition "attachment; filename=$1";\n}\n', errors: [{ line: 3, column: 36, message: /a capture of "rewrite/ }] },
    { name: 'a map over $uri, multi-line, CRLF', code: 'map $uri $page {\r\n    ~^/p/(?<name>[^/]+)$ $name;\r\n    default "";\r\n}\r\nserver {\r\n    add_header\r\n        X-Page $page;\r\n}\r\n', errors: [{ line: 7, column: 16, message: /\$name \(a capture of "~\^\/p\/\(\?<name>\[\^\/\]\+\)\$" in "map \$uri \$page"/ }] },
  ],
});

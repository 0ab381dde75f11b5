import { ruleTester } from '../../test/ruleTester';
import rule from './origin-regex-weak';

const YANDEX = { domains: ['yandex.ru'] };

ruleTester(rule, {
  valid: [
    { name: 'gixy origin_fp', code: "if ($http_origin !~ '^https?:\\/\\/yandex\\.ru\\/') {\n\n}\n" },
    { name: 'gixy origin_https_fp', code: "if ($http_origin !~ '^https:\\/\\/yandex\\.ru\\/') {\n\n}\n", options: { domains: ['yandex.ru'], httpsOnly: true } },
    { name: 'gixy origin_w_slash_anchored_fp', code: "if ($http_origin !~ '^https?:\\/\\/yandex\\.ru/$') {\n\n}\n" },
    { name: 'gixy referer_subdomain_fp', code: "if ($http_referer !~ '^https?:\\/\\/some\\.yandex\\.ru\\/') {\n\n}\n" },
    { name: 'gixy structure_fp', code: 'if ($http_referer !~ "^https://example\\.com/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n' },
    { name: 'subdomains and a port, case-insensitive', code: 'if ($http_origin ~* "^https://([a-z0-9-]+\\.)*example\\.com(:[0-9]+)?$") {\n    add_header Access-Control-Allow-Origin $http_origin;\n}\n' },
    { name: 'local development origins', code: 'if ($http_origin ~ "^http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$") {\n    set $cors 1;\n}\n' },
    { name: 'a referrer-spam deny-list only rejects', code: 'if ($http_referer ~* (semalt\\.com|buttons-for-website\\.com)) {\n    return 403;\n}\n' },
    { name: 'other variables are not origin checks', code: 'if ($http_user_agent ~ bot) {\n    return 403;\n}\n' },
    { name: 'trusted domains option', code: "if ($http_origin !~ '^https://(www\\.)?yandex\\.ru$') {\n    return 403;\n}\n", options: YANDEX },
  ],
  invalid: [
    {
      name: 'gixy origin: unescaped dot',
      code: "if ($http_origin !~ '^https?:\\/\\/yandex.ru\\/') {\n\n}\n",
      errors: [{ line: 1, column: 21, message: 'The origin check "^https?:\\/\\/yandex.ru\\/" accepts "http://yandex/ru/" as a trusted origin: a "." or a broad class in the host part also matches other characters. To fix it, escape dots as "\\." and use [a-z0-9-]+ for a label.' }],
    },
    { name: 'gixy origin_https', code: "# Options: {\"domains\": [\"yandex.ru\"], \"https_only\": true}\n\nif ($http_origin !~ '^https?:\\/\\/yandex\\.ru\\/') {\n\n}\n", options: { domains: ['yandex.ru'], httpsOnly: true }, errors: [{ line: 3, column: 21, message: /accepts "http:\/\/yandex\.ru\/" .* only https origins/ }] },
    { name: 'gixy origin_wo_slash', code: "http {\nif ($http_origin !~ '^https?:\\/\\/yandex\\.ru') {\n\n}\n}\n", options: YANDEX, errors: [{ line: 2, column: 21, message: /"http:\/\/yandex\.ru\.evil\.com".*not terminated/ }] },
    { name: 'gixy referer', code: "if ($http_referer !~ '^https?:\\/\\/yandex.ru\\/') {\n\n}\n", errors: [{ line: 1, column: 22, message: /^The referrer check/ }] },
    { name: 'gixy referer_subdomain', code: "if ($http_referer !~ '^https?:\\/\\/some.yandex\\.ru\\/') {\n\n}\n", errors: [{ line: 1, column: 22 }] },
    { name: 'gixy structure_dot', code: 'if ($http_referer !~ "^https://example.com/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n', errors: [{ line: 1, column: 22 }] },
    { name: 'gixy structure_prefix', code: 'if ($http_referer !~ "https://example\\.com/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n', errors: [{ line: 1, column: 22, message: /"http:\/\/evil\.com\/https:\/\/example\.com\/".*not anchored.*start the pattern with "\^"/ }] },
    { name: 'gixy structure_suffix', code: 'if ($http_referer !~ "^https://example\\.com"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n', errors: [{ line: 1, column: 22 }] },
    { name: 'gixy metrika', code: 'if ($http_referer !~ "^https?://([^/]+metrika.*yandex\\.(ru|ua|com|com\\.tr|by|kz)|([^/]+\\.)?webvisor\\.com)/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n', errors: [{ line: 1, column: 22, message: /"http:\/\/ametrika\/yandex\.ru\/"/ }] },
    {
      name: 'gixy webvisor: the second alternative is not anchored',
      code: 'if ($http_referer !~ "^https?://([^/]+\\.)?yandex\\.com/|([^/]+\\.)?webvisor\\.com/"){\n    add_header X-Frame-Options SAMEORIGIN;\n}\n',
      options: { domains: ['webvisor.com', 'yandex.com'] },
      errors: [{ line: 1, column: 22, message: /"http:\/\/evil\.com\/webvisor\.com\/"/ }],
    },
    { name: 'a host outside the trusted domains', code: "if ($http_origin ~* '^https://(app\\.example\\.com|cdn\\.other\\.net)$') {\n    add_header Access-Control-Allow-Origin $http_origin;\n}\n", options: { domains: ['example.com'] }, errors: [{ line: 1, column: 21, message: /"https:\/\/cdn\.other\.net".*outside the trusted domains/ }] },
    { name: 'a CORS map row, unquoted if value, CRLF', code: 'map $http_origin $cors {\r\n    default "";\r\n    ~^https://.*\\.example\\.com$ $http_origin;\r\n}\r\nif ($http_origin ~* ^https://example\\.com) {\r\n    set $ok 1;\r\n}\r\n', errors: [{ line: 3, column: 5, message: /a "\." or a broad class/ }, { line: 5, column: 21, message: /not terminated/ }] },
  ],
});

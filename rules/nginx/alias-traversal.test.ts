import { ruleTester } from '../../test/ruleTester';
import rule from './alias-traversal';

ruleTester(rule, {
  valid: [
    { name: 'gixy simple_fp / slashed_alias_fp', code: 'location /files/ {\n    alias /home/;\n}\n' },
    { name: 'gixy not_slashed_alias_fp', code: 'location /files/ {\n    alias /home;\n}\n' },
    { name: 'gixy nested_fp: the alias belongs to the slashed outer location', code: 'location /files/ {\n    location /files/images {\n    }\n    alias /home/;\n}\n' },
    { name: 'exact location: nothing follows the prefix', code: 'location = /favicon.ico {\n    alias /srv/static/favicon.ico;\n}\n' },
    { name: 'regex location with the slash before the capture', code: 'location ~ ^/files/(.*)$ {\n    alias /srv/files/$1;\n}\n' },
    { name: 'regex capture that cannot start with a dot', code: 'location ~ ^/img([0-9]+)$ {\n    alias /srv/img/$1;\n}\n' },
    { name: 'regex capture that starts with the slash itself', code: 'location ~ ^/files(/.*)$ {\n    alias /srv/files$1;\n}\n' },
    { name: 'no location around it', code: 'alias /home/;\n' },
  ],
  invalid: [
    {
      name: 'gixy simple',
      code: 'location /files {\n    alias /home/;\n}\n',
      errors: [{ line: 1, column: 10, endColumn: 16, message: '"location /files" does not end with "/" but its alias "/home/" does: "/files../secret" is served from "/home/../secret", outside the directory (path traversal). End the location with "/": /files/.' }],
      output: 'location /files/ {\n    alias /home/;\n}\n',
    },
    {
      name: 'gixy not_slashed_alias: both get the slash',
      code: 'location /files {\n    alias /home;\n}\n',
      errors: [{ line: 1, column: 10, message: /also serves "\/files_old\/x" from "\/home_old\/x"/ }],
      output: 'location /files/ {\n    alias /home/;\n}\n',
    },
    {
      name: 'gixy nested',
      code: 'location /files/ {\n    location /files/images {\n        alias /home/;\n    }\n}\n',
      errors: [{ line: 2, column: 14 }],
      output: 'location /files/ {\n    location /files/images/ {\n        alias /home/;\n    }\n}\n',
    },
    {
      name: '^~ prefix, quoted path and alias, CRLF',
      code: 'server {\r\n    location ^~ "/static" {\r\n        alias "/var/www/static/";\r\n    }\r\n}\r\n',
      errors: [{ line: 2, column: 17 }],
      output: 'server {\r\n    location ^~ "/static/" {\r\n        alias "/var/www/static/";\r\n    }\r\n}\r\n',
    },
    {
      name: 'no fix when the slashed location already exists',
      code: 'server {\n    location /files {\n        alias /home/;\n    }\n    location /files/ {\n        return 404;\n    }\n}\n',
      errors: [{ line: 2, column: 14 }],
      output: null,
    },
    {
      name: 'no fix for a glued modifier',
      code: 'location ^~/files {\n    alias /home/;\n}\n',
      errors: [{ line: 1, column: 1 }],
      output: null,
    },
    {
      name: 'regex location: the capture can start with ".." after the alias slash',
      code: 'location ~ ^/site(.*)$ {\n    alias /srv/site/$1;\n}\n',
      errors: [{ line: 2, column: 11, message: /"\$1" of "location ~ \^\/site\(\.\*\)\$" can start with "\.\."/ }],
    },
    {
      name: 'regex location: alias without the slash the pattern has',
      code: 'location ~ ^/site/(?<rest>.*)$ {\n    alias /srv/site$rest;\n}\n',
      errors: [{ line: 2, column: 11, message: /appends "\$rest" .* right after "\/srv\/site" without a "\/"/ }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './unknown-directive';

ruleTester(rule, {
  valid: [
    'events {}\nhttp {\n    server {\n        listen 80;\n        server_tokens off;\n    }\n}\n',
    { name: 'third-party modules nginx.org does not document', code: 'location / {\n    more_set_headers "Server: x";\n    content_by_lua_block {\n        ngx.say("{")\n    }\n}\n' },
    { name: 'extraDirectives option', code: 'server {\n    my_module_directive on;\n}\n', options: { extraDirectives: ['my_module_directive'] } },
    { name: 'rows of map and types blocks are data, not directives', code: 'map $uri $x {\n    default 0;\n    /a 1;\n}\ntypes {\n    text/html html;\n}\n' },
  ],
  invalid: [
    {
      name: 'a typo',
      code: 'server {\n    server_token off;\n}\n',
      errors: [{ line: 2, column: 5, endColumn: 17, message: /Unknown directive "server_token"/ }],
    },
    {
      name: 'several, nested',
      code: 'http {\n    add_heder X 1;\n    server {\n        location / {\n            proxy_passs http://a;\n        }\n    }\n}\n',
      errors: [{ line: 2, column: 5 }, { line: 5, column: 13 }],
    },
  ],
});

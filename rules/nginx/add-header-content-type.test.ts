import { ruleTester } from '../../test/ruleTester';
import rule from './add-header-content-type';

// gixy add_header_content_type (dvershinin/gixy): add_header_content_type.conf / _fp.conf.
ruleTester(rule, {
  valid: [
    { name: 'gixy add_header_content_type_fp', code: 'add_header Something-Else text/plain;\n' },
    'location /robots.txt {\n    default_type text/plain;\n}\n',
    { name: 'more_set_headers replaces the header instead of adding one', code: "location / {\n    more_set_headers 'Content-Type: text/plain';\n}\n" },
  ],
  invalid: [
    {
      name: 'gixy add_header_content_type',
      code: 'add_header Content-Type text/plain;\n',
      errors: [{ line: 1, column: 1, message: 'add_header Content-Type adds a second Content-Type header next to the one nginx already sends. Use "default_type text/plain;" instead.' }],
      output: 'default_type text/plain;\n',
    },
    {
      name: 'a value with spaces keeps its quotes; always is dropped with the rest',
      code: 'location /x {\n    add_header content-type "text/plain; charset=utf-8" always;\n}\n',
      errors: [{ line: 2, column: 5, message: /"default_type "text\/plain; charset=utf-8";"/ }],
      output: 'location /x {\n    default_type "text/plain; charset=utf-8";\n}\n',
    },
    {
      name: 'no fix when the block already has default_type',
      code: 'location /x {\n    default_type application/json;\n    add_header Content-Type text/plain;\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
    },
    {
      name: 'no fix inside if (default_type is not allowed there) or for variables',
      code: 'location /x {\n    if ($arg_t) {\n        add_header Content-Type text/plain;\n    }\n    add_header Content-Type $type;\n}\n',
      errors: [{ line: 3, column: 9 }, { line: 5, column: 5 }],
      output: null,
    },
  ],
});

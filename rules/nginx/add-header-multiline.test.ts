import { ruleTester } from '../../test/ruleTester';
import rule from './add-header-multiline';

// gixy add_header_multiline cases (identical in yandex/gixy and dvershinin/gixy): 4 positives, 5 _fp.
ruleTester(rule, {
  valid: [
    { name: 'gixy add_header_fp', code: 'add_header X-Foo foo;' },
    { name: 'gixy more_set_headers_fp', code: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: Bar multiline';" },
    { name: 'gixy more_set_headers_replace_fp', code: "more_set_headers -r 'Foo: multiline';" },
    { name: 'gixy more_set_headers_status_fp', code: "more_set_headers -s 404 -s '500 503' 'Foo: bar';" },
    { name: 'gixy more_set_headers_type_fp: a line break in the -t list is not a header value', code: "more_set_headers -t 'text/html\n    text/plain' 'X-Foo: some';" },
    { name: 'a directive spread over lines, values on one line each', code: 'add_header\n    Content-Security-Policy\n    "default-src \'self\'"\n    always;\n' },
  ],
  invalid: [
    {
      name: 'gixy add_header: the lines are joined, leading and trailing breaks dropped',
      code: 'add_header Content-Security-Policy "\n    default-src: \'none\';\n    font-src data: https://yastatic.net;";',
      errors: [{ line: 1, column: 1, message: 'The value of add_header Content-Security-Policy spans several lines: nginx sends the line breaks, which clients reject or cut off. Write the value on one line.' }],
      output: 'add_header Content-Security-Policy "default-src: \'none\'; font-src data: https://yastatic.net;";',
    },
    {
      name: 'gixy more_set_headers',
      code: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: Bar\n        multiline';",
      errors: [{ line: 1, column: 1, message: /more_set_headers X-Foo spans/ }],
      output: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: Bar multiline';",
    },
    {
      name: 'gixy more_set_headers_multiple: one finding per directive',
      code: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: some\n        multiline'\n    'X-Bar: some\n        multiline'\n    'X-Baz: some\n        multiline';",
      errors: [{ line: 1, column: 1, message: /X-Foo, X-Bar, X-Baz/ }],
      output: "more_set_headers -t 'text/html text/plain'\n    'X-Foo: some multiline'\n    'X-Bar: some multiline'\n    'X-Baz: some multiline';",
    },
    {
      name: 'gixy more_set_headers_replace',
      code: "more_set_headers -r 'Foo:\n    multiline';",
      errors: [{ line: 1, column: 1 }],
      output: "more_set_headers -r 'Foo: multiline';",
    },
    {
      name: 'CRLF line breaks inside a nested block',
      code: 'server {\r\n    location / {\r\n        add_header X-A "a\r\n            b" always;\r\n    }\r\n}\r\n',
      errors: [{ line: 3, column: 9 }],
      output: 'server {\r\n    location / {\r\n        add_header X-A "a b" always;\r\n    }\r\n}\r\n',
    },
    {
      name: 'an escaped \\n is reported but not rewritten',
      code: 'add_header X-A "a\\nb";\n',
      errors: [{ line: 1, column: 1 }],
      output: null,
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './valid-referers-none';

ruleTester(rule, {
  valid: [
    { name: 'gixy wo_none_fp: "none" only inside other names', code: 'valid_referers server_names foo.com bar.com *.none.com none.ru;\n' },
    { name: '"blocked" is not "none"', code: 'location /media/ {\n    valid_referers blocked server_names;\n}\n' },
    { name: 'a regex mentioning none', code: 'valid_referers ~\\.none\\. server_names;\n' },
  ],
  invalid: [
    {
      name: 'gixy none_first',
      code: 'valid_referers none server_names *.webvisor.com;\n',
      errors: [{ line: 1, column: 16, endColumn: 20, message: /valid_referers lists "none" explicitly: it accepts every request that sends no Referer header.*Remove "none"/ }],
      output: null,
      suggestions: [{ title: 'Remove "none" from valid_referers', output: 'valid_referers server_names *.webvisor.com;\n' }],
    },
    {
      name: 'gixy none_last: multi-line',
      code: 'valid_referers server_names\n               foo.com\n               none;\n',
      errors: [{ line: 3, column: 16 }],
      output: null,
      suggestions: [{ title: 'Remove "none" from valid_referers', output: 'valid_referers server_names\n               foo.com;\n' }],
    },
    {
      name: 'gixy none_middle, CRLF',
      code: 'valid_referers server_names foo.com\r\n               none bar.com;\r\n',
      errors: [{ line: 2, column: 16 }],
      output: null,
      suggestions: [{ title: 'Remove "none" from valid_referers', output: 'valid_referers server_names foo.com bar.com;\r\n' }],
    },
    {
      name: 'two "none" (one finding, both removed) in a location',
      code: 'server {\n    location /img/ {\n        valid_referers none none example.com;\n        if ($invalid_referer) {\n            return 403;\n        }\n    }\n}\n',
      errors: [{ line: 3, column: 24 }],
      output: null,
      suggestions: [{ title: 'Remove "none" from valid_referers', output: 'server {\n    location /img/ {\n        valid_referers example.com;\n        if ($invalid_referer) {\n            return 403;\n        }\n    }\n}\n' }],
    },
    {
      name: 'only "none": no fix (the directive needs an argument)',
      code: 'valid_referers none;\n',
      errors: [{ line: 1, column: 16, message: /list the sites that may refer/ }],
      output: null,
    },
  ],
});

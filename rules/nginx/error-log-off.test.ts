import { ruleTester } from '../../test/ruleTester';
import rule from './error-log-off';

ruleTester(rule, {
  valid: ['error_log /var/log/nginx/error.log warn;\n', 'error_log stderr;\n', 'http {\n    access_log off;\n    error_log /dev/null crit;\n}\n', { name: 'a file that starts with off', code: 'error_log off.log;\n' }],
  invalid: [
    {
      name: 'gixy-ng error_log_off',
      code: 'error_log off;\n',
      errors: [{ line: 1, column: 1, endColumn: 15, message: '"error_log off" is written explicitly but writes errors to a file named "off" instead of disabling them. Use "error_log stderr crit;" (or /dev/null to discard them).' }],
      output: null,
      suggestions: [
        { title: 'Log to stderr ("error_log stderr crit")', output: 'error_log stderr crit;\n' },
        { title: 'Discard errors ("error_log /dev/null crit")', output: 'error_log /dev/null crit;\n' },
      ],
    },
    {
      name: 'keeps the given level; server level; CRLF',
      code: 'http {\r\n    server {\r\n        error_log off warn;\r\n    }\r\n}\r\n',
      errors: [{ line: 3, column: 9, message: /"error_log stderr warn;"/ }],
      output: null,
      suggestions: [{ title: 'Log to stderr ("error_log stderr warn")', output: 'http {\r\n    server {\r\n        error_log stderr warn;\r\n    }\r\n}\r\n' }, { title: 'Discard errors ("error_log /dev/null warn")', output: 'http {\r\n    server {\r\n        error_log /dev/null warn;\r\n    }\r\n}\r\n' }],
    },
    {
      name: 'multi-line',
      code: 'error_log\n    off;\n',
      errors: [{ line: 1, column: 1, endLine: 2 }],
      output: null,
      suggestions: [{ title: 'Log to stderr ("error_log stderr crit")', output: 'error_log\n    stderr crit;\n' }, { title: 'Discard errors ("error_log /dev/null crit")', output: 'error_log\n    /dev/null crit;\n' }],
    },
  ],
});

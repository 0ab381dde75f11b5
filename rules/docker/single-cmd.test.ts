import { ruleTester } from '../../test/ruleTester';
import rule from './single-cmd';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'one CMD per stage', code: 'FROM golang:1.7.3\nCMD ./apps\nFROM alpine:3.13\nCMD ./app' },
    { name: 'inherited stage may override', code: 'FROM scratch AS a\nCMD ["/myapp"]\n\nFROM a AS b\nCMD ["/myotherapp"]' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.7.3\nUSER mike\nCMD ./app\nCMD ./apps\nFROM alpine:3.13\nCMD ./app',
      errors: [{ line: 3, column: 1, endColumn: 4, message: /line 4 overrides/ }],
      output: 'FROM golang:1.7.3\nUSER mike\nCMD ./apps\nFROM alpine:3.13\nCMD ./app',
    },
    {
      name: 'three CMDs, multi-line and JSON form',
      code: 'FROM scratch\nCMD ["/a", \\\n  "x"]\nCMD ["/b"]\nCMD ["/c"]',
      errors: [{ line: 2, column: 1 }, { line: 4, column: 1 }],
      output: 'FROM scratch\nCMD ["/c"]',
    },
    {
      name: 'heredoc between them (BuildKit case)',
      code: 'FROM scratch\nCMD ["/myapp"]\nCOPY <<EOF /a.txt\nHello\nEOF\nCMD ["/myotherapp"]',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM scratch\nCOPY <<EOF /a.txt\nHello\nEOF\nCMD ["/myotherapp"]',
    },
  ],
});

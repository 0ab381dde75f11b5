import { ruleTester } from '../../test/ruleTester';
import rule from './copy-multi-arg-trailing-slash';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.13\nUSER mike\nCOPY ["package.json", "yarn.lock", "myapp/"]',
    'FROM node:22\nCOPY package.json /app\nCOPY --chown=1:1 a b /app/',
    { name: 'destination from a variable', code: 'FROM node:22\nARG DEST=/app/\nCOPY a b $DEST' },
    { name: 'heredoc body words are not sources', code: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello big world\nEOF' },
  ],
  invalid: [
    {
      name: 'JSON form (trivy DS-0011)',
      code: 'FROM alpine:3.13\nUSER mike\nCOPY ["package.json", "yarn.lock", "myapp"]',
      errors: [{ line: 3, column: 36, endColumn: 43, message: /COPY with 2 sources needs a directory destination ending in '\/'/ }],
      output: 'FROM alpine:3.13\nUSER mike\nCOPY ["package.json", "yarn.lock", "myapp/"]',
    },
    {
      name: 'shell form with flags and continuation',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build --chown=1:1 /a \\\n  /b /usr/local/bin',
      errors: [{ line: 4, column: 6 }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build --chown=1:1 /a \\\n  /b /usr/local/bin/',
    },
    {
      name: 'two heredocs',
      code: 'FROM alpine:3.20\nCOPY <<A <<B /etc\nx\nA\ny\nB',
      errors: [{ line: 2, column: 14 }],
      output: 'FROM alpine:3.20\nCOPY <<A <<B /etc/\nx\nA\ny\nB',
    },
  ],
});

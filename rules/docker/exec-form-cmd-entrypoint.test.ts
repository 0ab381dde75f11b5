import { ruleTester } from '../../test/ruleTester';
import rule from './exec-form-cmd-entrypoint';

ruleTester(rule, {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    'FROM node:22\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["node", "server.js"]',
    { name: 'explicit SHELL makes shell form deliberate', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-c"]\nCMD echo "$HOME"' },
    { name: 'SHELL inherited from the parent stage (BuildKit)', code: 'FROM scratch AS base\nSHELL ["/usr/bin/customshell"]\n\nFROM base\nCMD mycommand' },
    { name: 'JSON form over several lines', code: 'FROM python:3.12\nCMD ["gunicorn", \\\n     "app:app"]' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD node server.js',
      errors: [{ line: 2, column: 5, endColumn: 19, message: /JSON exec form for CMD/ }],
      output: 'FROM node:22\nCMD ["node", "server.js"]',
    },
    {
      name: 'ENTRYPOINT with flags',
      code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nENTRYPOINT /app/server --port=8080 -v',
      errors: [{ line: 3, column: 12, message: /ENTRYPOINT/ }],
      output: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nENTRYPOINT ["/app/server", "--port=8080", "-v"]',
    },
    {
      name: 'line continuation is joined into one array',
      code: 'FROM node:22\nCMD node \\\n    server.js',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM node:22\nCMD ["node", "server.js"]',
    },
    {
      name: 'shell features: only a reviewed suggestion',
      code: 'FROM nginx:1.27\nCMD envsubst < /tpl > /etc/nginx/conf.d/default.conf && nginx -g "daemon off;"',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestions: [
        {
          title: /\/bin\/sh/,
          output: 'FROM nginx:1.27\nCMD ["/bin/sh", "-c", "envsubst < /tpl > /etc/nginx/conf.d/default.conf && nginx -g \\"daemon off;\\""]',
        },
      ],
    },
    {
      name: 'variables need a shell',
      code: 'FROM alpine:3.20\nCMD exec /app --port $PORT',
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'SHELL after the CMD does not count',
      code: 'FROM scratch\nCMD mycommand\nSHELL ["/bin/sh", "-c"]',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM scratch\nCMD ["mycommand"]\nSHELL ["/bin/sh", "-c"]',
    },
    {
      name: 'SHELL in an unrelated stage does not count',
      code: 'FROM alpine:3.20 AS tools\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD ./run',
      errors: [{ line: 4, column: 5 }],
      output: 'FROM alpine:3.20 AS tools\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD ["./run"]',
    },
  ],
});

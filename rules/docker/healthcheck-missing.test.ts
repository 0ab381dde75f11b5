import { ruleTester } from '../../test/ruleTester';
import rule from './healthcheck-missing';

ruleTester(rule, {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1',
    { name: 'HEALTHCHECK NONE is explicit', code: 'FROM nginx:1.27\nHEALTHCHECK NONE' },
    { name: 'inherited from the stage the final image builds on', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["/healthz"]\nFROM base\nCMD ["nginx"]' },
    { name: 'builder stages do not need one', code: 'FROM golang:1.22 AS build\nRUN go build\nFROM gcr.io/distroless/static\nHEALTHCHECK CMD ["/app", "health"]' },
    { name: 'ARG in FROM', code: 'ARG BASE=nginx:1.27\nFROM ${BASE}\nHEALTHCHECK CMD ["/healthz"]' },
  ],
  invalid: [
    {
      code: 'FROM node:22-alpine\nCMD ["node", "server.js"]',
      errors: [{ line: 1, column: 1, message: /no HEALTHCHECK/ }],
      suggestions: [
        {
          title: /probe-command/,
          output: 'FROM node:22-alpine\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <probe-command> || exit 1\nCMD ["node", "server.js"]',
        },
      ],
    },
    {
      name: 'a HEALTHCHECK in a builder stage does not count',
      code: 'FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20\nRUN apk add --no-cache curl',
      errors: [{ line: 3, column: 1 }],
      suggestions: [
        {
          title: /HEALTHCHECK/,
          output: 'FROM golang:1.22 AS build\nHEALTHCHECK CMD true\nFROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <probe-command> || exit 1\n',
        },
      ],
    },
    {
      name: 'inserted above the comments of CMD',
      code: 'FROM python:3.12\n# start the app\nCMD ["python", "app.py"]\n',
      errors: [{ line: 1, column: 1 }],
      suggestions: [
        {
          title: /HEALTHCHECK/,
          output: 'FROM python:3.12\nHEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <probe-command> || exit 1\n# start the app\nCMD ["python", "app.py"]\n',
        },
      ],
    },
  ],
});

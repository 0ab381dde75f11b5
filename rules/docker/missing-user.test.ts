import { ruleTester } from '../../test/ruleTester';
import rule from './missing-user';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\nCMD ["app"]',
    { name: 'USER set in the stage the final stage is built FROM', code: 'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["app"]' },
    { name: 'last USER root is last-user-root’s finding, not this one', code: 'FROM debian:12\nUSER root\nCMD ["app"]' },
    { name: 'distroless nonroot base image', code: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]' },
    { name: 'ARG in FROM', code: 'ARG BASE=debian:12\nFROM ${BASE}\nUSER 10001' },
    { name: 'suppressed with checkov pragma', code: '#checkov:skip=CKV_DOCKER_3: tooling image\nFROM debian:12\nCMD ["bash"]' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\nCMD ["app"]',
      errors: [{ line: 1, column: 1, endColumn: 15, message: /no USER instruction/ }],
      suggestions: [{ title: /USER 10001:10001/, output: 'FROM debian:12\nRUN apt-get update\nUSER 10001:10001\nCMD ["app"]' }],
    },
    {
      name: 'USER only in a builder stage',
      code: 'FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\nENTRYPOINT ["node"]\nCMD ["/app/server.js"]',
      errors: [{ line: 4, column: 1 }],
      suggestions: [
        {
          title: /USER/,
          output: 'FROM node:22 AS build\nUSER node\nRUN npm ci\nFROM node:22-slim\nCOPY --from=build /app /app\nUSER 10001:10001\nENTRYPOINT ["node"]\nCMD ["/app/server.js"]',
        },
      ],
    },
    {
      name: 'no CMD: the USER line is appended, also without a final newline',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      errors: [{ line: 1, column: 1 }],
      suggestions: [{ title: /USER/, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nUSER 10001:10001\n' }],
    },
    {
      name: 'scratch image runs as root too',
      code: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 1, column: 1 }],
    },
    {
      name: 'trivy DS-0002 bad example',
      code: 'FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\n',
      errors: [{ line: 1, column: 1 }],
    },
  ],
});

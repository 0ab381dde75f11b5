import { ruleTester } from '../../test/ruleTester';
import rule from './last-user-root';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 10001\nCMD ["app"]',
    { name: 'no USER at all is missing-user’s finding', code: 'FROM debian:12\nCMD ["app"]' },
    { name: 'root only in a builder stage', code: 'FROM node:22 AS build\nUSER root\nRUN npm ci\nFROM node:22-slim\nUSER node\nCMD ["node"]' },
    { name: 'unresolved variable', code: 'FROM debian:12\nARG UID\nUSER ${UID}' },
    { name: 'root-looking names', code: 'FROM debian:12\nUSER rootless\nUSER 1000:0' },
    { name: 'hadolint pragma', code: 'FROM debian:12\n# hadolint ignore=DL3002\nUSER root' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nUSER app\nRUN make\nUSER root\nCMD ["app"]',
      errors: [{ line: 4, column: 6, endColumn: 10, message: /runs as root/ }],
      suggestions: [{ title: /USER 10001:10001/, output: 'FROM debian:12\nUSER app\nRUN make\nUSER root\nUSER 10001:10001\nCMD ["app"]' }],
    },
    {
      name: 'numeric root with group',
      code: 'FROM debian:12\nUSER 0:0',
      errors: [{ line: 2, column: 6, endColumn: 7 }],
      suggestions: [{ title: /USER/, output: 'FROM debian:12\nUSER 0:0\nUSER 10001:10001\n' }],
    },
    {
      name: 'root:group, lower-case keyword',
      code: 'FROM debian:12\nuser root:root\nCMD ["app"]\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: 'root inherited from the stage the final stage is built FROM',
      code: 'FROM debian:12 AS base\nUSER root\nFROM base\nCMD ["app"]',
      errors: [{ line: 2, column: 6 }],
      suggestions: [{ title: /USER/, output: 'FROM debian:12 AS base\nUSER root\nFROM base\nUSER 10001:10001\nCMD ["app"]' }],
    },
    {
      name: 'ARG default resolves to root',
      code: 'FROM debian:12\nARG RUN_AS=root\nUSER ${RUN_AS}',
      errors: [{ line: 3, column: 6 }],
    },
    {
      name: 'CMD before the root USER: the USER line goes to the end',
      code: 'FROM debian:12\nCMD ["app"]\nUSER root\n',
      errors: [{ line: 3, column: 6 }],
      suggestions: [{ title: /USER/, output: 'FROM debian:12\nCMD ["app"]\nUSER root\nUSER 10001:10001\n' }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './numeric-user';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER 10001',
    'FROM debian:12\nUSER 10001:10001',
    { name: 'name only in a builder stage', code: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\nUSER 1000' },
    { name: 'an earlier named USER is overridden', code: 'FROM debian:12\nUSER app\nRUN make\nUSER 10001' },
    { name: 'variables are resolved at build time', code: 'FROM debian:12\nARG UID\nUSER ${UID}' },
    { name: 'root is reported by last-user-root', code: 'FROM debian:12\nUSER root' },
    { name: 'no USER', code: 'FROM debian:12' },
    { name: 'Windows image', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nUSER app',
      errors: [{ line: 2, column: 6, endColumn: 9, message: /USER "app" is a name/ }],
    },
    { name: 'name with group', code: 'FROM debian:12\nUSER app:app\nCMD ["x"]', errors: [{ line: 2, column: 6, endColumn: 9 }] },
    { name: 'quoted', code: 'FROM debian:12\nUSER "www-data"', errors: [{ line: 2, column: 7, endColumn: 15 }] },
    { name: 'ARG default that is a name', code: 'ARG APP_USER=app\nFROM debian:12\nARG APP_USER\nUSER ${APP_USER}', errors: [{ line: 4, column: 6 }] },
    { name: 'inherited from the parent stage', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node"]', errors: [{ line: 2, column: 6 }] },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './absolute-workdir';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.13\nUSER mike\nWORKDIR /path/to/workdir',
    { name: 'variables are resolved at build time', code: 'FROM node:22\nWORKDIR $HOME/app\nWORKDIR ${APP_DIR}' },
    { name: 'relative after an absolute WORKDIR in the same stage', code: 'FROM node:22\nWORKDIR /app\nWORKDIR src' },
    { name: 'relative after an absolute WORKDIR in the parent stage (BuildKit)', code: 'FROM scratch AS a\nWORKDIR /app\n\nFROM a AS b\nWORKDIR subdir/' },
    { name: 'quoted absolute path', code: 'FROM node:22\nWORKDIR "/srv/my app"' },
    { name: 'Windows path', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.13\nUSER mike\nWORKDIR path/to/workdir',
      errors: [{ line: 3, column: 9, endColumn: 24, message: /WORKDIR "path\/to\/workdir" is a relative path.*"\/path\/to\/workdir"/ }],
      output: 'FROM alpine:3.13\nUSER mike\nWORKDIR /path/to/workdir',
    },
    {
      name: 'BuildKit case with a leading empty line',
      code: '\nFROM scratch\nWORKDIR app/',
      errors: [{ line: 3, column: 9 }],
      output: '\nFROM scratch\nWORKDIR /app/',
    },
    {
      name: 'base image with a known WORKDIR: joined with it',
      code: 'ARG GO=1.22\nFROM golang:${GO} AS build\nWORKDIR ./src',
      errors: [{ line: 3, column: 9 }],
      output: 'ARG GO=1.22\nFROM golang:${GO} AS build\nWORKDIR /go/src',
    },
    {
      name: 'quoted relative path',
      code: 'FROM node:22\nWORKDIR "my app"',
      errors: [{ line: 2, column: 9 }],
      output: 'FROM node:22\nWORKDIR "/my app"',
    },
    {
      name: 'after an earlier relative WORKDIR: suggestion joining both',
      code: 'FROM node:22\nWORKDIR app\nWORKDIR src',
      errors: [{ line: 2, column: 9 }, { line: 3, column: 9, message: /"\/app\/src"/ }],
      output: 'FROM node:22\nWORKDIR /app\nWORKDIR src',
    },
  ],
});

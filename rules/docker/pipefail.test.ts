import { ruleTester } from '../../test/ruleTester';
import rule from './pipefail';

const BASH = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    `FROM debian:12\n${BASH}\nRUN curl -fsSL https://example.com/x.tgz | tar xz`,
    { name: 'ash with -eo pipefail', code: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | sh' },
    { name: 'set -o pipefail in the RUN', code: 'FROM debian:12\nRUN set -euxo pipefail; curl -fsSL https://x | tar xz' },
    { name: 'SHELL inherited from the parent stage', code: `FROM debian:12 AS base\n${BASH}\nFROM base\nRUN a | b` },
    { name: 'no pipe: ||, quoted bar, JSON form', code: 'FROM debian:12\nRUN a || b\nRUN grep -E "a|b" f\nRUN ["sh", "-c", "a | b"]' },
    { name: 'heredoc fed to another program is data', code: 'FROM python:3.12\nRUN python3 <<EOF\nprint(1 | 2)\nEOF' },
    { name: 'PowerShell', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-Item x | Remove-Item' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update\n# fetch the tool\nRUN curl -fsSL https://x | tar xz\nRUN a | b',
      errors: [
        { line: 4, column: 26, endColumn: 27, message: /lacks pipefail; set SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]/ },
        { line: 5, column: 7 },
      ],
      output: `FROM debian:12\nRUN apt-get update\n${BASH}\n# fetch the tool\nRUN curl -fsSL https://x | tar xz\nRUN a | b`,
    },
    {
      name: 'Alpine base gets ash',
      code: 'FROM node:20-alpine\nRUN wget -qO- https://x \\\n  | sh',
      errors: [{ line: 3, column: 3 }],
      output: 'FROM node:20-alpine\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x \\\n  | sh',
    },
    {
      name: 'ARG in FROM is resolved',
      code: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\nRUN a | b',
      errors: [{ line: 3, column: 7 }],
      output: `ARG BASE=ubuntu:24.04\nFROM \${BASE}\n${BASH}\nRUN a | b`,
    },
    {
      name: 'existing SHELL without pipefail gets the option',
      code: 'FROM myorg/base:1\nSHELL ["/bin/bash", "-c"]\nRUN a | b',
      errors: [{ line: 3, column: 7 }],
      output: `FROM myorg/base:1\n${BASH}\nRUN a | b`,
    },
    {
      name: 'unknown base image: suggestions only',
      code: 'FROM myorg/base:1\nRUN a | b',
      errors: [{ line: 2, column: 7 }],
      output: null,
      suggestions: [
        { title: /bash/, output: `FROM myorg/base:1\n${BASH}\nRUN a | b` },
        { title: /ash/, output: 'FROM myorg/base:1\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b' },
      ],
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -fsSL https://x | tar xz\nEOF',
      errors: [{ line: 4, column: 22 }],
      output: `FROM debian:12\n${BASH}\nRUN <<EOF\nset -e\ncurl -fsSL https://x | tar xz\nEOF`,
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './apt-no-install-recommends';

ruleTester(rule, {
  valid: [
    'FROM node:12\nRUN apt-get -fmy install --no-install-recommends apt-utils',
    'FROM node:12\nRUN apt-get --no-install-recommends install -fmy apt-utils',
    'FROM debian:11-slim\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata postgresql-10 --no-install-recommends && rm -rf /var/lib/apt/lists/*',
    'FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl',
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "--no-install-recommends", "curl"]',
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y',
    {
      name: 'recommends disabled in apt.conf.d in a parent stage',
      code: 'FROM debian:12 AS base\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nFROM base\nRUN apt-get install -y curl',
    },
  ],
  invalid: [
    {
      code: 'FROM node:12\nRUN apt-get install -y python=2.7',
      errors: [{ line: 2, column: 13, endColumn: 20, message: '`apt-get install` also installs recommended packages; add `--no-install-recommends`.' }],
      output: 'FROM node:12\nRUN apt-get install --no-install-recommends -y python=2.7',
    },
    {
      name: 'JSON (exec) form',
      code: 'FROM node:12\nRUN ["apt-get", "install", "-y", "curl"]',
      errors: [{ line: 2, column: 17 }],
      output: 'FROM node:12\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]',
    },
    {
      name: 'apt, multi-stage, continuation and heredoc',
      code: 'FROM debian:12 AS build\nRUN apt update && \\\n    apt install -y gcc\nFROM debian:12\nRUN <<EOF\nset -e\napt-get install -y curl\nEOF',
      errors: [{ line: 3, column: 9 }, { line: 7, column: 9 }],
      output: 'FROM debian:12 AS build\nRUN apt update && \\\n    apt install --no-install-recommends -y gcc\nFROM debian:12\nRUN <<EOF\nset -e\napt-get install --no-install-recommends -y curl\nEOF',
    },
    {
      name: 'setting in another stage does not count',
      code: 'FROM debian:12 AS other\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\nFROM debian:12\nRUN apt-get install -y curl',
      errors: [{ line: 4, column: 13 }],
      output: 'FROM debian:12 AS other\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/x\nFROM debian:12\nRUN apt-get install --no-install-recommends -y curl',
    },
  ],
});

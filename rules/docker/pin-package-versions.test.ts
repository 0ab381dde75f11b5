import { ruleTester } from '../../test/ruleTester';
import rule from './pin-package-versions';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5',
    'FROM debian:12\nRUN apt-get install -y ./vendor.deb /tmp/other.deb',
    'FROM debian:12\nRUN apt-get install -y $PACKAGES "${EXTRA}"',
    'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang=2:1.22~3~bpo12+1',
    'FROM debian:12\nRUN apt-get install -y -o Dpkg::Options::=--force-confold nginx/bookworm-backports',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 ./local.apk',
    'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt',
    'FROM python:3.12\nRUN pip install -c constraints.txt flask requests',
    'FROM python:3.12\nRUN pip install . ./lib dist/app-1.0-py3-none-any.whl git+https://github.com/x/y.git@v1 "flask>=3,<4" django~=5.0',
    'FROM python:3.12\nRUN pip install -e ./src',
    'FROM node:20\nRUN npm install && npm ci',
    'FROM node:20\nRUN npm install -g typescript@5.5.4 @angular/cli@18.1.0 ./local ./pkg.tgz git+https://x/y.git expressjs/express',
    'FROM ruby:3.3\nRUN gem install rails:7.1.3 ./local.gem',
    'FROM ruby:3.3\nRUN gem install bundler -v 2.5.11',
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 ./local.rpm @development',
    'FROM fedora:40\nRUN dnf install -y curl-8.6.0 && dnf clean all',
    'FROM opensuse/leap:15\nRUN zypper install -y "curl>=8.0" wget=1.21',
    'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@v0.16.1 ./cmd/...',
    'FROM debian:12\nRUN apt-get update && apt-get upgrade -y',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl wget=1.21.3-1+b2',
      errors: [{ line: 2, column: 48, endColumn: 52, message: 'Pin `curl` to a version (`apt-get install curl=<version>`) so rebuilds install the same package.' }],
    },
    {
      name: 'every manager, multi-stage, continuation',
      code:
        'FROM alpine:3.20 AS a\nRUN apk add --no-cache curl \\\n    bash\nFROM python:3.12 AS b\nRUN python -m pip install flask\nFROM node:20\nRUN npm i express @types/node@latest\nRUN gem install rails\nRUN go install golang.org/x/tools/gopls@latest\nRUN dnf install -y httpd\nRUN zypper in -y vim',
      errors: [
        { line: 2, column: 24, message: /`apk add curl=<version>`/ },
        { line: 3, column: 5 },
        { line: 5, column: 27, message: /`pip install flask==<version>`/ },
        { line: 7, column: 11, message: /`npm i express@<version>`/ },
        { line: 7, column: 19, message: /`npm i @types\/node@<version>`/ },
        { line: 8, column: 17, message: /`gem install rails:<version>`/ },
        { line: 9, column: 16, message: /gopls@<version>/ },
        { line: 10, column: 20, message: /`dnf install httpd-<version>`/ },
        { line: 11, column: 18, message: /`zypper in vim=<version>`/ },
      ],
    },
    {
      name: 'requirements file plus an extra package',
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt gunicorn',
      errors: [{ line: 2, column: 37 }],
    },
    {
      name: 'JSON (exec) form and heredoc',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\nRUN <<EOF\napt-get install -y wget\nEOF',
      errors: [{ line: 2, column: 34 }, { line: 4, column: 20 }],
    },
  ],
});

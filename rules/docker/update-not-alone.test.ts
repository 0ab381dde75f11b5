import { ruleTester } from '../../test/ruleTester';
import rule from './update-not-alone';

ruleTester(rule, {
  valid: [
    'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client && rm -rf /var/lib/apt/lists/*',
    'FROM debian:trixie\nRUN <<EOF\napt-get update\napt-get install --no-install-recommends -y gettext\nEOF',
    'FROM alpine:3.20\nRUN apk update && apk add --no-cache git ca-certificates',
    'FROM alpine:3.20\nRUN apk --update add easy-rsa',
    'FROM ubuntu:22.04\nRUN apt-get update -y ; apt-get install -y curl',
    'FROM ubuntu:22.04\nRUN test -f x && apt-get update && apt upgrade --yes',
    'FROM ubuntu:22.04\nRUN /bin/sh /scripts/someScript.sh update',
    'FROM maven:3\nRUN sbt update',
    'FROM fedora:40\nRUN dnf makecache && dnf install -y curl',
    'FROM opensuse/leap:15\nRUN zypper refresh && zypper install -y curl',
    'FROM centos:7\nRUN yum update -y',
  ],
  invalid: [
    {
      name: 'trivy DS-0017 bad example: merged into the next RUN',
      code: 'FROM ubuntu:18.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends mysql-client     && rm -rf /var/lib/apt/lists/* && apt-get clean\nUSER mike',
      errors: [{ line: 2, column: 5, endColumn: 19, message: /`apt-get update` runs in its own RUN/ }],
      output: 'FROM ubuntu:18.04\nRUN apt-get update && apt-get install -y --no-install-recommends mysql-client     && rm -rf /var/lib/apt/lists/* && apt-get clean\nUSER mike',
    },
    {
      name: 'update chained with something else is not fixed',
      code: 'FROM ubuntu:18.04\nRUN apt-get update && adduser mike\nRUN apt-get install -y curl',
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'JSON form and no install afterwards',
      code: 'FROM ubuntu:18.04\nRUN ["apt-get", "update"]\nCMD ["mysql"]',
      errors: [{ line: 2, column: 6 }],
      output: null,
    },
    {
      name: 'apk and dnf, next RUN with a cache mount and continuation',
      code: 'FROM alpine:3.20 AS a\nRUN apk update\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk add curl\nFROM fedora:40\nRUN dnf makecache\n# comment\nRUN dnf install -y curl',
      errors: [{ line: 2, column: 5 }, { line: 6, column: 5 }],
      output: 'FROM alpine:3.20 AS a\nRUN --mount=type=cache,target=/var/cache/apk \\\n    apk update && apk add curl\nFROM fedora:40\n# comment\nRUN dnf makecache && dnf install -y curl',
    },
    {
      name: 'next RUN in another stage is not merged',
      code: 'FROM ubuntu:22.04 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl',
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'install before the update does not count',
      code: 'FROM ubuntu:22.04\nRUN apt-get install -y curl && apt-get update',
      errors: [{ line: 2, column: 32 }],
      output: null,
    },
  ],
});

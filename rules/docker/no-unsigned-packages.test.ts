import { ruleTester } from '../../test/ruleTester';
import rule from './no-unsigned-packages';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    'FROM fedora:40\nRUN dnf install -y --setopt=install_weak_deps=False gcc && rpm --import https://example.com/key.asc',
    { name: 'flags after -- are arguments', code: 'FROM alpine:3.20\nRUN apk add -- --allow-untrusted' },
    { name: 'trusted local repository of packages built in the image', code: 'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list' },
    { name: 'gpgcheck=1 in a repo file', code: 'FROM centos:7\nRUN echo "gpgcheck=1" >> /etc/yum.repos.d/x.repo' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk',
      errors: [{ line: 2, column: 24, endColumn: 41, message: '`apk --allow-untrusted` turns off package signature verification: remove it and import the repository\'s signing key instead.' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache /tmp/pkg.apk',
    },
    {
      name: 'apt-get flags and -o options, multi-line',
      code: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --allow-unauthenticated --force-yes \\\n      -o APT::Get::AllowUnauthenticated=true curl',
      errors: [{ line: 3, column: 24 }, { line: 3, column: 48 }, { line: 4, column: 10 }],
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl',
    },
    {
      name: 'yum, dnf, tdnf, microdnf, rpm and zypper',
      code: 'FROM fedora:40\nRUN yum install -y --nogpgcheck a && dnf --setopt=gpgcheck=0 install b && tdnf install --nogpgcheck c && microdnf install --nogpgcheck d\nRUN rpm -i --nosignature --nodigest e.rpm && zypper --no-gpg-checks install f',
      errors: [{ line: 2, column: 20 }, { line: 2, column: 42 }, { line: 2, column: 88 }, { line: 2, column: 123 }, { line: 3, column: 12 }, { line: 3, column: 26 }, { line: 3, column: 53 }],
      output: 'FROM fedora:40\nRUN yum install -y a && dnf install b && tdnf install c && microdnf install d\nRUN rpm -i e.rpm && zypper install f',
    },
    {
      name: 'trusted=yes APT source written by echo',
      code: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.example/ stable main" > /etc/apt/sources.list.d/x.list',
      errors: [{ line: 2, column: 10 }],
      output: null,
    },
    {
      name: 'exec form is reported, not edited',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--allow-untrusted", "x.apk"]',
      errors: [{ line: 2, column: 20 }],
      output: null,
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './pm-non-interactive';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    'FROM debian:12\nRUN apt-get -fmy install apt-utils && apt-get clean',
    'FROM debian:12\nRUN apt-get install --assume-yes curl',
    'FROM debian:12\nRUN apt-get install -qq curl',
    'FROM debian:12\nRUN apt-get -q=2 install curl',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl',
    'FROM debian:12\nRUN yes | apt-get install curl',
    'FROM debian:12\nRUN apt-get update && apt-get clean',
    'FROM debian:12\nRUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo yes; fi',
    'FROM fedora:40\nRUN dnf install -vy docker-ce && dnf clean all',
    'FROM centos:7\nRUN yum --assumeyes install httpd',
    'FROM opensuse/leap:15\nRUN zypper --non-interactive install curl',
    'FROM opensuse/leap:15\nRUN zypper -n in curl',
    'FROM opensuse/leap:15\nRUN zypper install -y curl',
    'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install curl',
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM debian:12\nRUN echo apt-get install curl',
    { name: 'python heredoc is not shell', code: 'FROM python:3.12\nRUN python3 <<EOF\napt-get install curl\nEOF' },
    { name: 'heredoc data is not a command', code: 'FROM debian:12\nRUN cat <<EOF > /notes.txt\napt-get install curl\nEOF' },
  ],
  invalid: [
    {
      code: 'FROM node:12\nUSER mike\nRUN apt-get install apt-utils && apt-get clean',
      errors: [{ line: 3, column: 13, endColumn: 20, message: /`apt-get install` without `-y`/ }],
      output: 'FROM node:12\nUSER mike\nRUN apt-get install -y apt-utils && apt-get clean',
    },
    {
      name: 'yum, dnf and zypper',
      code: 'FROM centos:7\nRUN yum install httpd\nRUN dnf install curl\nRUN zypper in curl\nRUN zypper install -n curl',
      errors: [{ line: 2, column: 9 }, { line: 3, column: 9 }, { line: 4, column: 12 }, { line: 5, column: 12 }],
      output: 'FROM centos:7\nRUN yum install -y httpd\nRUN dnf install -y curl\nRUN zypper in -y curl\nRUN zypper install -y -n curl',
    },
    {
      name: 'sudo, env prefix and line continuations',
      code: 'FROM debian:12\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive sudo apt-get \\\n      install --no-install-recommends \\\n      curl',
      errors: [{ line: 4, column: 7 }],
      output: 'FROM debian:12\nRUN apt-get update \\\n && DEBIAN_FRONTEND=noninteractive sudo apt-get \\\n      install -y --no-install-recommends \\\n      curl',
    },
    {
      name: 'JSON (exec) form gets a new array element',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "curl"]',
      errors: [{ line: 2, column: 17 }],
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]',
    },
    {
      name: 'JSON form through sh -c',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get install curl"]',
      errors: [{ line: 2, column: 32 }],
      output: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get install -y curl"]',
    },
    {
      name: 'heredoc script and later stage',
      code: 'FROM debian:12 AS build\nRUN echo ok\nFROM build\nRUN <<EOF\napt-get update\napt-get upgrade\nEOF',
      errors: [{ line: 6, column: 9 }],
      output: 'FROM debian:12 AS build\nRUN echo ok\nFROM build\nRUN <<EOF\napt-get update\napt-get upgrade -y\nEOF',
    },
    {
      name: 'heredoc fed to bash',
      code: 'FROM debian:12\nRUN bash -e <<EOF\napt-get install curl\nEOF',
      errors: [{ line: 3, column: 9 }],
      output: 'FROM debian:12\nRUN bash -e <<EOF\napt-get install -y curl\nEOF',
    },
    {
      name: 'a single -q does not answer yes',
      code: 'ARG BASE=debian:12\nFROM ${BASE}\nRUN apt-get -q install curl',
      errors: [{ line: 3, column: 16 }],
      output: 'ARG BASE=debian:12\nFROM ${BASE}\nRUN apt-get -q install -y curl',
    },
  ],
});

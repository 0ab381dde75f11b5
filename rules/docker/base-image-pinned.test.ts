import { ruleTester } from '../../test/ruleTester';
import rule from './base-image-pinned';

ruleTester(rule, {
  valid: [
    'FROM debian:9\nRUN apt-get update && apt-get -y install vim && apt-get clean\nUSER foo',
    { name: 'stage aliases and scratch', code: 'FROM golang:1.23 AS Build\nRUN go build -o /app .\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app' },
    { name: 'digest without tag', code: 'FROM alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d' },
    { name: 'registry with port and tag', code: 'FROM localhost:5000/team/app:1.4.2' },
    { name: 'ARG default resolved to a tag', code: 'ARG NODE_VERSION=22.11\nFROM node:${NODE_VERSION}-slim' },
    { name: 'unresolvable ARG is decided at build time', code: 'ARG BASE\nFROM ${BASE}\nARG TAG\nFROM node:${TAG}' },
    { name: '--platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build' },
    { name: 'hadolint pragma', code: '# hadolint ignore=DL3007\nFROM debian:latest' },
  ],
  invalid: [
    {
      name: 'trivy DS-0001 bad example',
      code: 'FROM debian:latest\nRUN apt-get update && apt-get -y install vim && apt-get clean\nUSER foo',
      errors: [{ line: 1, column: 6, endColumn: 19, message: 'Do not use the :latest tag for "debian:latest": pin a version tag or digest so builds are repeatable.' }],
      suggestions: [{ title: /Pin a version tag/, output: 'FROM debian:<tag>\nRUN apt-get update && apt-get -y install vim && apt-get clean\nUSER foo' }],
    },
    {
      name: 'untagged, with registry port and stage name',
      code: 'FROM localhost:5000/team/app AS base\nFROM base',
      errors: [{ line: 1, column: 6, endColumn: 29, message: /without a tag it silently means :latest/ }],
      suggestions: [{ title: /Pin/, output: 'FROM localhost:5000/team/app:<tag> AS base\nFROM base' }],
    },
    {
      name: 'ARG default that resolves to latest or to no tag',
      code: 'ARG BASE=node\nARG PY_TAG=latest\nFROM ${BASE} AS js\nFROM python:${PY_TAG}',
      errors: [{ line: 3, column: 6, message: /"node"/ }, { line: 4, column: 6, message: /"python:latest"/ }],
    },
    {
      name: 'every stage is checked, not only the final one',
      code: 'FROM golang AS build\nFROM alpine:3.20\nCOPY --from=build /go/bin/app /app',
      errors: [{ line: 1, column: 6 }],
    },
  ],
});

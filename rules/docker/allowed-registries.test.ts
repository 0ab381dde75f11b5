import assert from 'node:assert/strict';
import { ruleTester } from '../../test/ruleTester';
import rule from './allowed-registries';

const options = { registries: ['docker.io', 'registry.example.com', '*.dkr.ecr.eu-west-1.amazonaws.com', 'ghcr.io/acme'] };

ruleTester(rule, {
  valid: [
    { name: 'no list configured: nothing to check', code: 'FROM quay.io/prometheus/node-exporter:v1.8.0' },
    { name: 'Docker Hub in its many spellings', code: 'FROM debian:12\nFROM library/debian:12\nFROM docker.io/library/debian:12\nFROM index.docker.io/bitnami/nginx:1.27', options },
    { name: 'wildcard and path prefix', code: 'FROM 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1\nFROM ghcr.io/acme/tools/base:2', options },
    { name: 'scratch, stage names and unresolved registries', code: 'FROM registry.example.com/base:1 AS base\nFROM base\nARG REGISTRY\nFROM ${REGISTRY}/app:1\nFROM scratch', options },
    { name: 'ARG resolved to an allowed registry', code: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/app:1', options },
  ],
  invalid: [
    {
      code: 'FROM quay.io/prometheus/node-exporter:v1.8.0',
      options,
      errors: [{ line: 1, column: 6, endColumn: 45, message: 'Base image "quay.io/prometheus/node-exporter:v1.8.0" comes from registry "quay.io", which is not allowed (docker.io, registry.example.com, *.dkr.ecr.eu-west-1.amazonaws.com, ghcr.io/acme): use an image from an allowed registry.' }],
    },
    {
      name: 'path prefix is not a name prefix; Docker Hub when only a mirror is allowed',
      code: 'FROM ghcr.io/acme-evil/app:1\nFROM node:22 AS build\nFROM build',
      options: { registries: ['ghcr.io/acme', 'mirror.example.com'] },
      errors: [{ line: 1, column: 6 }, { line: 2, column: 6, message: /registry "docker.io"/ }],
    },
    {
      name: 'ARG resolved to another registry',
      code: 'ARG BASE=gcr.io/distroless/static:nonroot\nFROM $BASE',
      options,
      errors: [{ line: 2, column: 6, message: /"gcr.io"/ }],
    },
  ],
});

describe('docker/allowed-registries options', () => {
  it('validates registries', () => {
    assert.equal(rule.validateOptions!({ registries: ['docker.io'] }), undefined);
    assert.match(rule.validateOptions!({ registries: 'docker.io' }) ?? '', /must be a list/);
    assert.match(rule.validateOptions!({ registries: [''] }) ?? '', /must be a list/);
  });
});

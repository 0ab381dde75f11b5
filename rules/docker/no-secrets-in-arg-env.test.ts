import { ruleTester } from '../../test/ruleTester';
import rule from './no-secrets-in-arg-env';

ruleTester(rule, {
  valid: [
    'FROM node:22\nARG NODE_VERSION=22\nENV NODE_ENV=production PORT=8080',
    { name: 'allow-listed tokens (BuildKit: public, file, version)', code: 'FROM scratch\nENV PUBLIC_KEY=\nARG public_token\nARG SECRET_PASSPHRASE_FILE\nENV password_file=bar secret_File=baz\nARG AUTH_MODULE_VERSION' },
    { name: 'public key fingerprints of the official images', code: 'FROM debian:12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV OPENSSL_PGP_KEY_IDS="0xBA54"' },
    { name: 'token must be a whole word', code: 'FROM scratch\nENV sunflower=foo MONKEY=1 AUTHOR=me KEYBOARD=us TOKENIZER=bpe' },
    { name: 'BuildKit check=skip comment above the instruction', code: 'FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // allow secret in environment\nENV password=bar\n# check=skip=all\nARG password' },
    { name: 'BuildKit check=skip parser directive', code: '# check=skip=SecretsUsedInArgOrEnv\nFROM scratch\nENV password=bar' },
    { name: 'hadolint pragma', code: 'FROM scratch\n# hadolint ignore=DL3064\nARG API_TOKEN' },
  ],
  invalid: [
    {
      name: 'BuildKit testSecretsUsedInArgOrEnv',
      code: 'FROM scratch\nARG SECRET_PASSPHRASE\nENV SUPER_Secret=foo\nENV password=bar secret=baz\nARG super_duper_secret_token=foo auth=bar\nENV apikey=bar sunflower=foo\nENV git_key=\n',
      errors: [
        { line: 2, column: 5, endColumn: 22, message: 'Do not use ARG or ENV instructions for sensitive data (ARG "SECRET_PASSPHRASE"): pass it with a secret mount (RUN --mount=type=secret) instead.' },
        { line: 3, column: 5, message: /\(ENV "SUPER_Secret"\)/ },
        { line: 4, column: 5, message: /\(ENV "password"\)/ },
        { line: 4, column: 18, message: /\(ENV "secret"\)/ },
        { line: 5, column: 5, message: /\(ARG "super_duper_secret_token"\)/ },
        { line: 5, column: 34, message: /\(ARG "auth"\)/ },
        { line: 6, column: 5, message: /\(ENV "apikey"\)/ },
        { line: 7, column: 5, message: /\(ENV "git_key"\)/ },
      ],
    },
    {
      name: 'secret mount suggestion for an ARG used by RUN',
      code: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
      errors: [{ line: 2, column: 5, endColumn: 14 }],
      suggestions: [
        {
          title: /secret mount/,
          output: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci\n',
        },
      ],
    },
    {
      name: 'names without separators, legacy ENV form, global ARG, multi-line ENV',
      code: 'ARG GITHUB_TOKEN\nFROM alpine:3.20\nENV DBPASSWORD hunter2\nENV A=1 \\\n    AWS_SECRET_ACCESS_KEY=abc\n',
      errors: [{ line: 1, column: 5 }, { line: 3, column: 5 }, { line: 5, column: 5 }],
    },
    {
      name: 'a malformed name with regular-expression characters',
      code: 'FROM alpine:3.20\nARG SECRET_X/)(\nRUN echo $SECRET_X\n',
      errors: [{ line: 2, column: 5 }],
    },
    {
      name: 'every stage is checked (the build cache and history keep them)',
      code: 'FROM golang:1.23 AS build\nARG GOPRIVATE_TOKEN\nFROM alpine:3.20\n',
      errors: [{ line: 2, column: 5 }],
    },
  ],
});

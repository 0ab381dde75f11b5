import assert from 'node:assert/strict';
import { ruleTester } from '../../test/ruleTester';
import rule from './hsts-max-age-too-short';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ hsts: { maxAge: 63072000, preload: true } }));\n`,
    { name: 'arithmetic of one year', code: `${EXPRESS}app.use(helmet({ strictTransportSecurity: { maxAge: 60 * 60 * 24 * 365 } }));\n` },
    { name: 'HSTS off: another rule', code: `${EXPRESS}app.use(helmet({ hsts: false }));\n` },
    { name: 'runtime value', code: `${EXPRESS}app.use(helmet({ hsts: { maxAge: Number(process.env.HSTS_MAX_AGE) } }));\n` },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet({ hsts: { /* maxAge: 60, */ preload: true } }));\n` },
  ],
  invalid: [
    {
      name: 'Express, one day',
      code: `${EXPRESS}app.use(helmet({ hsts: { maxAge: 86400 } }));\n`,
      errors: [{ line: 4, column: 34, message: 'HSTS max-age is set explicitly to 86400 (1 day), below 31536000 (365 days): browsers forget between visits that the site is HTTPS-only, so a first request can go over plain HTTP again. Set maxAge to 31536000.' }],
      output: null,
      suggestions: [{ title: 'Set maxAge to 31536000', output: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet({ hsts: { maxAge: 31536000 } }));\n" }],
    },
    {
      name: 'piecemeal, arithmetic (180 days), ESM',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.hsts({ maxAge: 60 * 60 * 24 * 180, includeSubDomains: true }));\n",
      errors: [{ line: 4, column: 31, message: /HSTS max-age is set explicitly to 15552000 \(180 days\)/ }],
      output: null,
      suggestions: [{ title: 'Set maxAge to 31536000', output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.hsts({ maxAge: 31536000, includeSubDomains: true }));\n" }],
    },
    {
      name: 'max-age 0',
      code: `${EXPRESS}app.use(helmet.strictTransportSecurity({ maxAge: 0 }));\n`,
      errors: [{ line: 4, column: 50, message: /max-age 0 tells browsers to forget HTTPS-only at once/ }],
      output: null,
      suggestions: [{ title: 'Set maxAge to 31536000', output: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet.strictTransportSecurity({ maxAge: 31536000 }));\n" }],
    },
    {
      name: 'NestJS, a const: reported at the use, no fix',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst ONE_DAY = 24 * 60 * 60;\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ hsts: { maxAge: ONE_DAY } }));\n}\n",
      errors: [{ line: 6, column: 36 }],
      output: null,
    },
    {
      name: 'Fastify plugin',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { strictTransportSecurity: { maxAge: 3600 } });\n",
      errors: [{ line: 4, column: 65 }],
      output: null,
      suggestions: [{ title: 'Set maxAge to 31536000', output: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { strictTransportSecurity: { maxAge: 31536000 } });\n" }],
    },
    {
      name: 'Koa, spread options',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst hsts = { maxAge: 600 };\nconst app = new Koa();\napp.use(helmet({ hsts: { ...hsts } }));\n",
      errors: [{ line: 3, column: 24 }],
      output: null,
    },
    {
      name: 'option minMaxAge two years: the default is too short',
      code: `${EXPRESS}app.use(helmet());\n`,
      options: { minMaxAge: 63072000 },
      errors: [{ line: 4, column: 9, message: /^helmet's default HSTS max-age 31536000 \(365 days\) is used, below 63072000/ }],
      output: null,
    },
  ],
});

describe('helmet/hsts-max-age-too-short options', () => {
  it('validates minMaxAge', () => {
    assert.equal(rule.validateOptions!({ minMaxAge: 63072000 }), undefined);
    assert.match(rule.validateOptions!({ minMaxAge: '1y' }) ?? '', /whole number/);
  });
});

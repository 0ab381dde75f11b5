import { ruleTester } from '../../test/ruleTester';
import rule from './hsts-no-include-subdomains';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ hsts: { includeSubDomains: true } }));\n`,
    { name: 'undefined means included', code: `${EXPRESS}app.use(helmet({ hsts: { includeSubDomains: undefined } }));\n` },
    { name: 'HSTS off: another rule', code: `${EXPRESS}app.use(helmet({ hsts: false }));\n` },
    { name: 'the typo throws: invalid-option reports it', code: `${EXPRESS}app.use(helmet({ hsts: { includeSubdomains: false } }));\n` },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet({ hsts: { maxAge: 31536000 /* , includeSubDomains: false */ } }));\n` },
  ],
  invalid: [
    {
      name: 'Express',
      code: `${EXPRESS}app.use(helmet({ hsts: { maxAge: 31536000, includeSubDomains: false } }));\n`,
      errors: [{ line: 4, column: 44, message: /^HSTS leaves out subdomains/ }],
      output: null,
      suggestions: [{ title: 'Delete `includeSubDomains: false`', output: `${EXPRESS}app.use(helmet({ hsts: { maxAge: 31536000 } }));\n` }],
    },
    {
      name: 'piecemeal, ESM, own line',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(\n  helmet.strictTransportSecurity({\n    maxAge: 63072000,\n    includeSubDomains: false,\n  }),\n);\n",
      errors: [{ line: 7, column: 5 }],
      output: null,
      suggestions: [{ title: 'Delete `includeSubDomains: false`', output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(\n  helmet.strictTransportSecurity({\n    maxAge: 63072000,\n  }),\n);\n" }],
    },
    {
      name: 'NestJS, from a const object: no fix',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst hsts = { includeSubDomains: false };\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ hsts: { ...hsts, maxAge: 31536000 } }));\n}\n",
      errors: [{ line: 3, column: 35 }],
      output: null,
    },
    {
      name: 'Fastify',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { hsts: { includeSubDomains: false } });\n",
      errors: [{ line: 4, column: 38 }],
      output: null,
      suggestions: [{ title: 'Delete `includeSubDomains: false`', output: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { hsts: {} });\n" }],
    },
    {
      name: 'Koa, piecemeal hsts',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet.hsts({ includeSubDomains: false, preload: false }));\n",
      errors: [{ line: 4, column: 23 }],
      output: null,
      suggestions: [{ title: 'Delete `includeSubDomains: false`', output: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet.hsts({ preload: false }));\n" }],
    },
  ],
});

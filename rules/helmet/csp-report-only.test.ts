import { ruleTester } from '../../test/ruleTester';
import rule from './csp-report-only';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { reportOnly: false } }));\n`,
    { name: 'CSP off: another rule', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: false }));\n` },
    { name: 'runtime value: not known', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { reportOnly: process.env.CSP_REPORT_ONLY === '1' } }));\n` },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet(/* { contentSecurityPolicy: { reportOnly: true } } */));\n` },
  ],
  invalid: [
    {
      name: 'Express, helmet() option',
      code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { reportOnly: true } }));\n`,
      errors: [{ line: 4, column: 43, message: /report-only: browsers report violations but still run injected scripts/ }],
      suggestions: [{ title: /Enforce/, output: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: {} }));\n` }],
    },
    {
      name: 'piecemeal, ESM, own line',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(\n  helmet.contentSecurityPolicy({\n    reportOnly: true,\n    directives: { reportUri: ['/csp'] },\n  }),\n);\n",
      errors: [{ line: 6, column: 5 }],
      suggestions: [{ title: /Enforce/, output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(\n  helmet.contentSecurityPolicy({\n    directives: { reportUri: ['/csp'] },\n  }),\n);\n" }],
    },
    {
      name: 'NestJS, const options',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst REPORT_ONLY = true;\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ contentSecurityPolicy: { reportOnly: REPORT_ONLY } }));\n}\n",
      errors: [{ line: 6, column: 45 }],
      suggestions: [],
    },
    {
      name: 'Fastify',
      code: "const fastify = require('fastify')();\nconst helmet = require('@fastify/helmet');\nfastify.register(helmet, { contentSecurityPolicy: { reportOnly: true } });\n",
      errors: [{ line: 3, column: 53 }],
      suggestions: [{ title: /Enforce/, output: "const fastify = require('fastify')();\nconst helmet = require('@fastify/helmet');\nfastify.register(helmet, { contentSecurityPolicy: {} });\n" }],
    },
    {
      name: 'Fastify, plugin required inline',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/helmet'), { contentSecurityPolicy: { reportOnly: true } });\n",
      errors: [{ line: 2, column: 73 }],
      suggestions: [{ title: /Enforce/, output: "const fastify = require('fastify')();\nfastify.register(require('@fastify/helmet'), { contentSecurityPolicy: {} });\n" }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { reportOnly: true, directives: { reportUri: ['/csp'] } } }));\n",
      errors: [{ line: 4, column: 43 }],
      suggestions: [{ title: /Enforce/, output: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { directives: { reportUri: ['/csp'] } } }));\n" }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './csp-disabled';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["'self'"] } } }));\n`,
    { name: 'unknown value: not known to be off', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: process.env.CSP === 'off' ? false : true }));\n` },
    { name: 'piecemeal with contentSecurityPolicy', code: `${EXPRESS}app.use(helmet.contentSecurityPolicy());\napp.use(helmet.frameguard());\n` },
    { name: 'commented-out code does not count', code: `${EXPRESS}app.use(helmet());\n// app.use(helmet({ contentSecurityPolicy: false }));\n` },
    {
      name: 'piecemeal here, helmet() with its CSP in another file of the workspace',
      filename: 'src/middlewares/hsts.ts',
      code: "import * as helmet from 'helmet';\nexport class SecurityHstsMiddleware {\n  private helmet = helmet.hsts({ maxAge: 31536000 });\n}\n",
      workspace: [{ path: 'src/middlewares/security.ts', code: "import helmet from 'helmet';\nexport const security = helmet();\n" }],
    },
    { name: 'xXssProtection off is not about CSP', code: `${EXPRESS}app.use(helmet({ xXssProtection: false }));\n` },
  ],
  invalid: [
    {
      name: 'Express, CommonJS',
      code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: false }));\n`,
      errors: [{ line: 4, column: 18, message: /`contentSecurityPolicy: false` switches off helmet's Content-Security-Policy/ }],
      suggestions: [{ title: /report-only/, output: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { reportOnly: true } }));\n` }],
    },
    {
      name: 'NestJS main.ts, ESM default import',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(\n    helmet({\n      contentSecurityPolicy: false,\n      crossOriginEmbedderPolicy: false,\n    }),\n  );\n  await app.listen(3000);\n}\nbootstrap();\n",
      errors: [{ line: 9, column: 7 }],
      suggestions: [
        {
          title: /report-only/,
          output: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(\n    helmet({\n      contentSecurityPolicy: { reportOnly: true },\n      crossOriginEmbedderPolicy: false,\n    }),\n  );\n  await app.listen(3000);\n}\nbootstrap();\n",
        },
      ],
    },
    {
      name: 'Fastify plugin options',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { global: true, contentSecurityPolicy: false });\n",
      errors: [{ line: 4, column: 44 }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: false }));\n",
      errors: [{ line: 4, column: 18 }],
    },
    {
      name: 'from a spread const: points at the value, no suggestion',
      code: `${EXPRESS}const base = { contentSecurityPolicy: false };\napp.use(helmet({ ...base, hsts: true }));\n`,
      errors: [{ line: 4, column: 39 }],
      suggestions: [],
    },
    {
      name: 'piecemeal, and the other files of the workspace switch CSP off',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.hsts());\n",
      workspace: [{ path: 'src/other.js', code: "import helmet from 'helmet';\nexport const security = helmet({ contentSecurityPolicy: false });\n" }],
      errors: [{ line: 4, column: 9 }],
      suggestions: [{ title: 'Add helmet.contentSecurityPolicy()', output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.hsts());\napp.use(helmet.contentSecurityPolicy());\n" }],
    },
    {
      name: 'legacy piecemeal use without CSP (juice-shop style), ESM',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.noSniff());\napp.use(helmet.frameguard());\n",
      errors: [{ line: 4, column: 9, message: /piecemeal \(noSniff\(\), frameguard\(\)\) without contentSecurityPolicy\(\)/ }],
      suggestions: [{ title: 'Add helmet.contentSecurityPolicy()', output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.noSniff());\napp.use(helmet.frameguard());\napp.use(helmet.contentSecurityPolicy());\n" }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule from './cross-origin-policy-relaxed';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const BOTH = `${EXPRESS}app.use(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' }, crossOriginOpenerPolicy: { policy: 'unsafe-none' } }));\n`;

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ crossOriginResourcePolicy: { policy: 'same-site' }, crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' } }));\n`,
    { name: 'switched off: header-disabled reports it', code: `${EXPRESS}app.use(helmet({ crossOriginResourcePolicy: false }));\n` },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet({ /* crossOriginResourcePolicy: { policy: 'cross-origin' } */ }));\n` },
    { name: 'runtime value', code: `${EXPRESS}app.use(helmet({ crossOriginResourcePolicy: { policy: process.env.CORP } }));\n` },
  ],
  invalid: [
    {
      name: 'Express: both',
      code: BOTH,
      errors: [
        { ...at(BOTH, "'cross-origin'"), message: /^Cross-Origin-Resource-Policy is cross-origin: .*right for public assets, CDNs and APIs/ },
        { ...at(BOTH, "'unsafe-none'"), message: /^Cross-Origin-Opener-Policy is unsafe-none: .*OAuth or payment windows/ },
      ],
    },
    {
      name: 'piecemeal, ESM',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.crossOriginResourcePolicy({ policy: 'cross-origin' }));\n",
      errors: [{ line: 4, column: 52 }],
    },
    {
      name: 'NestJS main.ts, a const',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst CORP = { policy: 'cross-origin' } as const;\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ crossOriginResourcePolicy: CORP }));\n}\n",
      errors: [{ line: 3, column: 24 }],
    },
    {
      name: 'Fastify plugin',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { crossOriginOpenerPolicy: { policy: 'unsafe-none' } });\n",
      errors: [{ line: 4, column: 65 }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }));\n",
      errors: [{ line: 4, column: 55 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './referrer-policy-unsafe';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet({ referrerPolicy: { policy: 'strict-origin-when-cross-origin' } }));\n`,
    { name: 'a leaky fallback before a safe last token', code: `${EXPRESS}app.use(helmet({ referrerPolicy: { policy: ['no-referrer-when-downgrade', 'strict-origin-when-cross-origin'] } }));\n` },
    { name: 'invalid token throws: invalid-option', code: `${EXPRESS}app.use(helmet({ referrerPolicy: { policy: 'unsafe' } }));\n` },
    { name: 'commented out', code: `${EXPRESS}// app.use(helmet({ referrerPolicy: { policy: 'unsafe-url' } }));\napp.use(helmet());\n` },
  ],
  invalid: [
    {
      name: 'Express unsafe-url',
      code: `${EXPRESS}app.use(helmet({ referrerPolicy: { policy: 'unsafe-url' } }));\n`,
      errors: [{ line: 4, column: 44, message: "Referrer-Policy unsafe-url sends the full URL (path and query string, with any tokens or ids in it) to every site, even over plain HTTP. Use helmet's default no-referrer, or strict-origin-when-cross-origin." }],
    },
    {
      name: 'the last of several tokens (helmet test suite case)',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.referrerPolicy({ policy: ['origin', 'unsafe-url'] }));\n",
      errors: [{ line: 4, column: 52, message: /^Referrer-Policy unsafe-url/ }],
    },
    {
      name: 'NestJS, a const',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst POLICY = 'no-referrer-when-downgrade';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ referrerPolicy: { policy: POLICY } }));\n}\n",
      errors: [{ line: 3, column: 16, message: /no-referrer-when-downgrade sends the full URL/ }],
    },
    {
      name: 'Koa origin-when-cross-origin',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ referrerPolicy: { policy: 'origin-when-cross-origin' } }));\n",
      errors: [{ line: 4, column: 44 }],
    },
    {
      name: 'Fastify',
      code: "const fastify = require('fastify')();\nconst helmet = require('@fastify/helmet');\nfastify.register(helmet, { referrerPolicy: { policy: 'unsafe-url' } });\n",
      errors: [{ line: 3, column: 54 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './called-without-parens';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    `${EXPRESS}app.use(helmet.frameguard({ action: 'deny' }));\n`,
    { name: 'Fastify plugins are registered uncalled', code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet);\n" },
    { name: 'commented out', code: `${EXPRESS}// app.use(helmet);\napp.use(helmet());\n` },
    { name: 'a local variable named helmet', code: `${EXPRESS}function setup(app, helmet) {\n  app.use(helmet);\n}\n` },
  ],
  invalid: [
    {
      name: 'Express, CommonJS',
      code: `${EXPRESS}app.use(helmet);\n`,
      errors: [{ line: 4, column: 9, message: 'helmet is registered without being called: on every request helmet throws "It appears you have done something like `app.use(helmet)`, but it should be `app.use(helmet())`." and the response is a 500. Call it: helmet().' }],
      output: `${EXPRESS}app.use(helmet());\n`,
    },
    {
      name: 'a helmet function, ESM, with a path',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use('/admin', helmet.frameguard);\n",
      errors: [{ line: 4, column: 19, message: /^helmet.frameguard is registered without being called: .* never calls next\(\), so every request hangs/ }],
      output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use('/admin', helmet.frameguard());\n",
    },
    {
      name: 'NestJS main.ts, renamed default import',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport securityHeaders from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(securityHeaders);\n}\n",
      errors: [{ line: 5, column: 11 }],
      output: "import { NestFactory } from '@nestjs/core';\nimport securityHeaders from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(securityHeaders());\n}\n",
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet);\n",
      errors: [{ line: 4, column: 9, message: /^helmet is registered without being called: Koa calls it with \(ctx, next\)/ }],
      output: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet());\n",
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './cors-reflect-origin-with-credentials';

const HEAD = "const express = require('express');\nconst cors = require('cors');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'origin list with credentials', code: HEAD + "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n" },
    { name: 'origin: true without credentials (the wildcard rule)', code: HEAD + 'app.use(cors({ origin: true }));\n' },
    { name: 'escaped, anchored regex with credentials', code: HEAD + 'app.use(cors({ origin: /^https:\\/\\/(www\\.)?example\\.com$/, credentials: true }));\n' },
    { name: 'a callback that checks an allow list', code: HEAD + "const allowed = ['https://a.example'];\napp.use(cors({\n  credentials: true,\n  origin(origin, cb) {\n    if (!origin || allowed.includes(origin)) cb(null, true);\n    else cb(new Error('Not allowed by CORS'));\n  },\n}));\n" },
    { name: '@koa/cors with credentials and an origin', filename: 'server.mjs', code: "import Koa from 'koa';\nimport cors from '@koa/cors';\nconst app = new Koa();\napp.use(cors({ origin: 'https://a.example', credentials: true }));\n" },
    { name: 'credentials from configuration', code: HEAD + 'app.use(cors({ origin: true, credentials: config.cors.credentials }));\n' },
    { name: 'ACAO from the request without Allow-Credentials', code: HEAD + "app.use((req, res, next) => { res.set('Access-Control-Allow-Origin', 'https://a.example'); next(); });\n" },
  ],
  invalid: [
    {
      name: 'origin: true with credentials (CommonJS)',
      code: HEAD + 'app.use(cors({ origin: true, credentials: true }));\n',
      errors: [{ line: 4, column: 24, endColumn: 28, message: "CORS trusts every origin (origin: true echoes the request origin) and allows credentials: any web site can send requests with the user's cookies and read the answers. Allow only a fixed list of origins." }],
    },
    {
      name: 'origin /.*/ with credentials from a const (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nimport cors from 'cors';\nconst app = express();\nconst corsOptions = { origin: /.*/, credentials: true };\napp.use(cors(corsOptions));\n",
      errors: [{ line: 4, column: 31, message: /origin \/\.\*\/ matches every origin/ }],
    },
    {
      name: 'unescaped dot in a regex (semgrep cors-regex-wildcard)',
      code: HEAD + "app.use(cors({ origin: [/example.com$/, 'https://b.example'], credentials: true }));\n",
      errors: [{ line: 4, column: 25, message: /unescaped "\." \(any character\), so look-alike hosts pass: a look-alike domain/ }],
    },
    {
      name: 'a callback that always says yes',
      code: HEAD + 'app.use(cors({ credentials: true, origin: (origin, callback) => callback(null, true) }));\n',
      errors: [{ line: 4, column: 43, message: /the origin callback allows every origin/ }],
    },
    {
      name: 'a callback that echoes the origin',
      code: HEAD + 'function allow(origin, cb) { cb(null, origin); }\nconst allowEvery = (origin, cb) => { cb(null, origin); };\napp.use(cors({ credentials: true, origin: allowEvery }));\n',
      errors: [{ line: 5, column: 20 }],
    },
    {
      name: 'ACAO copied from the request with Allow-Credentials: true (semgrep cors-misconfiguration)',
      code: HEAD + "app.use((req, res, next) => {\n  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);\n  res.setHeader('Access-Control-Allow-Credentials', 'true');\n  next();\n});\n",
      errors: [{ line: 5, column: 3, message: /Access-Control-Allow-Origin copied from the request's Origin header/ }],
    },
    {
      name: 'Koa ctx.get("Origin") with credentials',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nconst app = new Koa();\napp.use(async (ctx, next) => {\n  const origin = ctx.get('Origin');\n  ctx.set('Access-Control-Allow-Origin', origin);\n  ctx.set('Access-Control-Allow-Credentials', true);\n  await next();\n});\n",
      errors: [{ line: 5, column: 3 }],
    },
    {
      name: 'NestJS enableCors({ origin: true, credentials: true })',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors({ origin: true, credentials: true });\n}\n",
      errors: [{ line: 4, column: 28 }],
    },
    {
      name: '@koa/cors with credentials and no origin echoes the request origin',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nimport cors from '@koa/cors';\nconst app = new Koa();\napp.use(cors({ credentials: true }));\n",
      errors: [{ line: 4, column: 9, message: /@koa\/cors without an origin option echoes the request origin when credentials are on/ }],
    },
    {
      name: 'Fastify @fastify/cors with a match-all regex',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/cors'), { origin: /(.*)/, credentials: true });\n",
      errors: [{ line: 2, column: 54 }],
    },
  ],
});

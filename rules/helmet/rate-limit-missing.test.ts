import { ruleTester } from '../../test/ruleTester';
import rule from './rate-limit-missing';

ruleTester(rule, {
  valid: [
    { name: 'express-rate-limit in the app file', code: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\nconst app = express();\napp.use(rateLimit({ windowMs: 60000, limit: 100 }));\n" },
    {
      name: 'NestJS: @nestjs/throttler in app.module.ts',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n}\n",
      workspace: [{ path: 'src/app.module.ts', code: "import { Module } from '@nestjs/common';\nimport { ThrottlerModule } from '@nestjs/throttler';\n@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])] })\nexport class AppModule {}\n" }],
    },
    {
      name: 'Fastify autoload plugin with @fastify/rate-limit',
      filename: 'src/server.ts',
      code: "import Fastify from 'fastify';\nconst app = Fastify();\n",
      workspace: [{ path: 'src/plugins/external/rate-limit.ts', code: "import fastifyRateLimit from '@fastify/rate-limit';\nexport default fastifyRateLimit;\n" }],
    },
    { name: 'no app in this file', code: "const express = require('express');\nconst router = express.Router();\nrouter.post('/login', login);\n" },
  ],
  invalid: [
    {
      name: 'Express app without a limiter (CommonJS): suggestion adds a global limit',
      code: "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\n",
      errors: [{ line: 2, column: 13, message: 'No rate limiter anywhere in the workspace for this Express app: one client can send requests as fast as the server answers. Add express-rate-limit.' }],
      suggestions: [
        {
          title: 'Limit all requests with express-rate-limit (review the window and limit)',
          output: "const express = require('express');\nconst rateLimit = require('express-rate-limit');\nconst app = express();\napp.use(rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));\napp.get('/', (req, res) => res.send('ok'));\n",
        },
      ],
    },
    {
      name: 'auth route in this file: reported at the route, suggestion limits that path (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nconst app = express();\napp.post('/api/login', (req, res) => res.send('ok'));\n",
      errors: [{ line: 3, column: 1, message: /which has auth routes \(\/api\/login\): one client can try passwords and tokens as fast as the server answers\. Add express-rate-limit, at least on those routes\.$/ }],
      suggestions: [
        {
          title: /^Limit \/api\/login with express-rate-limit/,
          output: "import express from 'express';\nimport rateLimit from 'express-rate-limit';\nconst app = express();\napp.use('/api/login', rateLimit({ windowMs: 15 * 60 * 1000, limit: 100 }));\napp.post('/api/login', (req, res) => res.send('ok'));\n",
        },
      ],
    },
    {
      name: 'auth routes in a router file of the workspace',
      filename: 'src/app.js',
      code: "const express = require('express');\nconst app = express();\napp.use('/auth', require('./routes/auth'));\n",
      workspace: [{ path: 'src/routes/auth.js', code: "const router = require('express').Router();\nrouter.post('/password/reset', reset);\nmodule.exports = router;\n" }],
      errors: [{ line: 2, column: 13, message: /auth routes \(\/password\/reset in routes\/auth\.js\)/ }],
    },
    {
      name: 'NestJS: the throttler is named, no snippet',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n}\n",
      workspace: [{ path: 'src/auth/auth.controller.ts', code: "import { Controller, Post } from '@nestjs/common';\n@Controller('auth')\nexport class AuthController {\n  @Post('login')\n  login() {}\n}\n" }],
      errors: [{ line: 3, column: 21, message: /NestJS app \(Express adapter\), which has auth routes \(\/auth\/login in auth\/auth\.controller\.ts\).*Add @nestjs\/throttler \(ThrottlerModule\)/ }],
      suggestions: [],
    },
    {
      name: 'Koa and Fastify name their limiters',
      code: "const Koa = require('koa');\nconst app = new Koa();\nconst f = require('fastify')();\n",
      errors: [
        { line: 2, column: 13, message: /Koa app: .*Add koa-ratelimit\.$/ },
        { line: 3, column: 11, message: /Fastify app: .*Add @fastify\/rate-limit\.$/ },
      ],
    },
  ],
});

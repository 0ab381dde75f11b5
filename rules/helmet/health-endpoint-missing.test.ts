import { ruleTester } from '../../test/ruleTester';
import rule from './health-endpoint-missing';

ruleTester(rule, {
  valid: [
    { name: 'GET /healthz in the app file', code: "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.sendStatus(200));\n" },
    { name: 'Fastify /ready', code: "const app = require('fastify')();\napp.get('/ready', async () => ({ ok: true }));\n" },
    {
      name: 'a router file of the workspace has /api/health',
      filename: 'src/app.js',
      code: "const express = require('express');\nconst app = express();\napp.use('/api', require('./routes'));\n",
      workspace: [{ path: 'src/routes/index.js', code: "const router = require('express').Router();\nrouter.get('/api/health', (req, res) => res.json({ status: 'ok' }));\nmodule.exports = router;\n" }],
    },
    {
      name: 'NestJS controller @Controller(health) in the workspace',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n}\n",
      workspace: [{ path: 'src/health/health.controller.ts', code: "import { Controller, Get } from '@nestjs/common';\n@Controller('health')\nexport class HealthController {\n  @Get()\n  check() { return { ok: true }; }\n}\n" }],
    },
    {
      name: '@nestjs/terminus imported',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n}\n",
      workspace: [{ path: 'src/health/health.module.ts', code: "import { Module } from '@nestjs/common';\nimport { TerminusModule } from '@nestjs/terminus';\n@Module({ imports: [TerminusModule] })\nexport class HealthModule {}\n" }],
    },
    { name: 'Koa router /livez', filename: 'server.mjs', code: "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/livez', (ctx) => { ctx.body = 'ok'; });\napp.use(router.routes());\n" },
  ],
  invalid: [
    {
      name: 'Express app without a health route',
      code: "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\n",
      errors: [{ line: 2, column: 13, message: 'This Express app has no health endpoint (/healthz, /readyz, /health, ...) anywhere in the workspace and no health-check package: probes and load balancers cannot tell a hung instance from a healthy one. Add a cheap GET /healthz that answers 200.' }],
    },
    {
      name: 'NestJS without health checks; a commented-out health route does not count',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  // app.getHttpAdapter().get('/health', ...)\n}\n",
      workspace: [{ path: 'src/app.controller.ts', code: "import { Controller, Get } from '@nestjs/common';\n@Controller()\nexport class AppController {\n  @Get('hello')\n  hello() { return 'hi'; }\n}\n" }],
      errors: [{ line: 3, column: 21, message: /NestJS app \(Express adapter\) has no health endpoint.*\(or @nestjs\/terminus\)\.$/ }],
    },
  ],
});

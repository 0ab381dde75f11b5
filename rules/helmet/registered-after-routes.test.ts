import { ruleTester } from '../../test/ruleTester';
import rule from './registered-after-routes';

const HEAD = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'helmet first', code: HEAD + "app.use(helmet());\napp.use(express.static('public'));\napp.get('/', (req, res) => res.send('ok'));\n" },
    { name: 'ordinary middleware before helmet is fine', code: HEAD + "const cors = require('cors');\nconst limiter = require('express-rate-limit')({ limit: 100 });\napp.use(express.json());\napp.use(cors());\napp.use(limiter);\napp.use((req, res, next) => next());\napp.use(helmet());\napp.get('/', (req, res) => res.send('ok'));\n" },
    { name: 'routes on another receiver (a router)', code: HEAD + "const router = express.Router();\nrouter.get('/x', (req, res) => res.send('x'));\napp.use(helmet());\napp.use('/r', router);\n" },
    { name: 'routes in another function: order unknown', code: HEAD + "function routes() {\n  app.get('/', (req, res) => res.send('ok'));\n}\napp.use(helmet());\nroutes();\n" },
    { name: 'Fastify: helmet is an onRequest hook of the instance', code: "const fastify = require('fastify')();\nfastify.get('/', async () => 'ok');\nfastify.register(require('@fastify/helmet'));\n" },
    { name: 'commented-out route above helmet', code: HEAD + "// app.get('/', (req, res) => res.send('ok'));\napp.use(helmet());\n" },
    { name: 'a CORS preflight route (never rendered) before helmet', code: HEAD + "const cors = require('cors');\napp.options('*', cors());\napp.use(helmet());\n" },
    { name: 'app.get(setting) is not a route', code: HEAD + "const env = app.get('env');\napp.use(helmet());\n" },
  ],
  invalid: [
    {
      name: 'route before helmet (CommonJS): the statement moves with its comment',
      code: HEAD + "app.get('/', (req, res) => res.send('ok'));\n\n// security headers\napp.use(helmet());\napp.listen(3000);\n",
      errors: [{ line: 7, column: 9, endColumn: 17, message: "helmet is registered after the route GET / (line 4): responses from it and anything else registered earlier go out without helmet's headers. Register helmet first, right after the app is created." }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 4', output: HEAD + "// security headers\napp.use(helmet());\napp.get('/', (req, res) => res.send('ok'));\n\napp.listen(3000);\n" }],
    },
    {
      name: 'express.static before helmet (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(express.json());\napp.use(express.static('public'));\napp.use(helmet({ hsts: { maxAge: 63072000 } }));\n",
      errors: [{ line: 6, column: 9, message: /after the static files \(line 5\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 5', output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(express.json());\napp.use(helmet({ hsts: { maxAge: 63072000 } }));\napp.use(express.static('public'));\n" }],
    },
    {
      name: 'serve-static and a router mount',
      code: HEAD + "const serveStatic = require('serve-static');\nconst api = require('./api');\napp.use('/api', api);\napp.use(serveStatic('public'));\napp.use(helmet());\n",
      errors: [{ line: 8, column: 9, message: /after the router at \/api \(line 6\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 6', output: HEAD + "const serveStatic = require('serve-static');\nconst api = require('./api');\napp.use(helmet());\napp.use('/api', api);\napp.use(serveStatic('public'));\n" }],
    },
    {
      name: 'an express.Router() mounted without a path, inside a function',
      code: HEAD + "function setup() {\n  const router = express.Router();\n  app.use(router);\n  app.use(helmet());\n}\n",
      errors: [{ line: 7, column: 11, message: /after the router \(line 6\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 6', output: HEAD + "function setup() {\n  const router = express.Router();\n  app.use(helmet());\n  app.use(router);\n}\n" }],
    },
    {
      name: 'helmet options declared between the route and helmet: no fix (it would read them before they exist)',
      code: HEAD + "app.get('/', (req, res) => res.send('ok'));\nconst options = { contentSecurityPolicy: false };\napp.use(helmet(options));\n",
      errors: [{ line: 6, column: 9 }],
      output: null,
    },
    {
      name: 'helmet on the same line as other code: no fix',
      code: HEAD + "app.get('/', (req, res) => res.send('ok'));\napp.use(helmet()); app.listen(3000);\n",
      errors: [{ line: 5, column: 9 }],
      output: null,
    },
    {
      name: 'Koa: router.routes() before koa-helmet',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nimport Router from '@koa/router';\nimport helmet from 'koa-helmet';\nconst app = new Koa();\nconst router = new Router();\napp.use(router.routes());\napp.use(helmet());\n",
      errors: [{ line: 7, column: 9, message: /after the router \(line 6\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 6', output: "import Koa from 'koa';\nimport Router from '@koa/router';\nimport helmet from 'koa-helmet';\nconst app = new Koa();\nconst router = new Router();\napp.use(helmet());\napp.use(router.routes());\n" }],
    },
    {
      name: 'NestJS: useStaticAssets before helmet',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport { NestExpressApplication } from '@nestjs/platform-express';\nimport helmet from 'helmet';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create<NestExpressApplication>(AppModule);\n  app.useStaticAssets('public');\n  app.use(helmet());\n  await app.listen(3000);\n}\nbootstrap();\n",
      errors: [{ line: 9, column: 11, message: /after the static files \(useStaticAssets\) \(line 8\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 8', output: "import { NestFactory } from '@nestjs/core';\nimport { NestExpressApplication } from '@nestjs/platform-express';\nimport helmet from 'helmet';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create<NestExpressApplication>(AppModule);\n  app.use(helmet());\n  app.useStaticAssets('public');\n  await app.listen(3000);\n}\nbootstrap();\n" }],
    },
    {
      name: 'this.app in a class: a terminal handler registered first',
      filename: 'src/server.ts',
      code: "import express from 'express';\nimport helmet from 'helmet';\nclass Server {\n  app = express();\n  init() {\n    this.app.use((req, res) => res.send('hi'));\n    this.app.use(helmet());\n  }\n}\n",
      errors: [{ line: 7, column: 18, message: /after the request handler \(line 6\)/ }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 6', output: "import express from 'express';\nimport helmet from 'helmet';\nclass Server {\n  app = express();\n  init() {\n    this.app.use(helmet());\n    this.app.use((req, res) => res.send('hi'));\n  }\n}\n" }],
    },
    {
      name: 'last line of the file without a newline',
      code: HEAD + "app.get('/', (req, res) => res.send('ok'));\napp.use(helmet())",
      errors: [{ line: 5, column: 9 }],
      output: null,
      suggestions: [{ title: 'Move the helmet registration above line 4', output: HEAD + "app.use(helmet())\napp.get('/', (req, res) => res.send('ok'));" }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './x-powered-by-enabled';

ruleTester(rule, {
  valid: [
    { name: 'helmet() removes it', code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet());\n" },
    { name: 'app.disable', code: "const express = require('express');\nconst app = express();\napp.disable('x-powered-by');\n" },
    { name: "app.set('x-powered-by', false)", code: "const express = require('express');\nconst app = express();\napp.set('x-powered-by', false);\n" },
    { name: 'helmet.hidePoweredBy() piecemeal', code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet.hidePoweredBy());\n" },
    { name: 'xPoweredBy: false but app.disable too', code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.disable('x-powered-by');\napp.use(helmet({ xPoweredBy: false }));\n" },
    { name: 'helmet options only known at runtime', code: "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet(config.helmet));\n" },
    {
      name: 'helmet in another file of the workspace',
      filename: 'src/app.js',
      code: "const express = require('express');\nconst app = express();\nrequire('./security')(app);\n",
      workspace: [{ path: 'src/security.js', code: "const helmet = require('helmet');\nmodule.exports = (app) => app.use(helmet());\n" }],
    },
    { name: 'Koa sends no X-Powered-By', code: "const Koa = require('koa');\nconst app = new Koa();\n" },
    { name: 'Fastify sends no X-Powered-By', code: "const app = require('fastify')();\n" },
    {
      name: 'NestJS with the Fastify adapter',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, new FastifyAdapter());\n}\n",
    },
  ],
  invalid: [
    {
      name: 'Express without helmet',
      code: "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\n",
      errors: [{ line: 2, column: 13, message: `This Express app sends "X-Powered-By: Express" on every response (no helmet removes it and nothing calls app.disable('x-powered-by')), which tells scanners which stack to target. Use helmet, or disable the header right after creating the app.` }],
      output: "const express = require('express');\nconst app = express();\napp.disable('x-powered-by');\napp.get('/', (req, res) => res.send('ok'));\n",
    },
    {
      name: 'xPoweredBy: false in helmet options (ESM, double quotes, no semicolons)',
      filename: 'server.mjs',
      code: 'import express from "express"\nimport helmet from "helmet"\nconst app = express()\napp.use(helmet({ xPoweredBy: false }))\n',
      errors: [{ line: 4, column: 18, endColumn: 35, message: /^xPoweredBy: false, set explicitly, keeps Express's "X-Powered-By: Express" header/ }],
      output: null,
      suggestions: [{ title: "Add app.disable('x-powered-by') after the app is created", output: 'import express from "express"\nimport helmet from "helmet"\nconst app = express()\napp.disable("x-powered-by")\napp.use(helmet({ xPoweredBy: false }))\n' }],
    },
    {
      name: 'hidePoweredBy: false in a file without the app: no fix here',
      filename: 'src/security.js',
      code: "const helmet = require('helmet');\nmodule.exports = helmet({ hidePoweredBy: false });\n",
      errors: [{ line: 2, column: 27, message: /^hidePoweredBy: false, set explicitly, keeps/ }],
      output: null,
    },
    {
      name: 'NestJS (Express adapter), untyped: through the Express instance',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\n",
      errors: [{ line: 5, column: 21, message: /^This NestJS app \(Express adapter\) sends "X-Powered-By: Express"/ }],
      output: "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.getHttpAdapter().getInstance().disable('x-powered-by');\n  await app.listen(3000);\n}\n",
    },
    {
      name: 'NestJS typed NestExpressApplication: app.disable',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport type { NestExpressApplication } from '@nestjs/platform-express';\n\nasync function bootstrap() {\n  const app = await NestFactory.create<NestExpressApplication>(AppModule);\n}\n",
      errors: [{ line: 5, column: 21 }],
      output: "import { NestFactory } from '@nestjs/core';\nimport type { NestExpressApplication } from '@nestjs/platform-express';\n\nasync function bootstrap() {\n  const app = await NestFactory.create<NestExpressApplication>(AppModule);\n  app.disable('x-powered-by');\n}\n",
    },
    {
      name: 'app.disable only in a comment does not count; this.app receiver',
      filename: 'src/server.ts',
      code: "import express from 'express';\nexport class Server {\n  app: express.Express;\n  constructor() {\n    this.app = express();\n    // this.app.disable('x-powered-by');\n  }\n}\n",
      errors: [{ line: 5, column: 16 }],
      output: "import express from 'express';\nexport class Server {\n  app: express.Express;\n  constructor() {\n    this.app = express();\n    this.app.disable('x-powered-by');\n    // this.app.disable('x-powered-by');\n  }\n}\n",
    },
  ],
});

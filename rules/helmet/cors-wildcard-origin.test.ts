import { ruleTester } from '../../test/ruleTester';
import rule from './cors-wildcard-origin';

const HEAD = "const express = require('express');\nconst cors = require('cors');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'a list of origins', code: HEAD + "app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'] }));\n" },
    { name: 'one origin from a const', code: HEAD + "const ORIGIN = 'https://app.example.com';\napp.use(cors({ origin: ORIGIN }));\n" },
    { name: 'origin from configuration (unknown)', code: HEAD + 'app.use(cors({ origin: process.env.CORS_ORIGINS.split(",") }));\n' },
    { name: 'options object from another module (unknown)', code: HEAD + "const { corsOptions } = require('./config');\napp.use(cors(corsOptions));\n" },
    { name: 'spread of unknown options may carry an origin', code: HEAD + 'app.use(cors({ ...config.cors, maxAge: 600 }));\n' },
    { name: 'origin: false turns CORS off', code: HEAD + 'app.use(cors({ origin: false }));\n' },
    { name: 'origin: true with credentials is the block rule', code: HEAD + 'app.use(cors({ origin: true, credentials: true }));\n' },
    { name: 'commented-out cors()', code: HEAD + '// app.use(cors());\n' },
    { name: 'ACAO set to a fixed origin', code: HEAD + "app.use((req, res, next) => { res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com'); next(); });\n" },
    {
      name: 'NestJS enableCors with an origin list',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.enableCors({ origin: ['https://app.example.com'] });\n}\n",
    },
  ],
  invalid: [
    {
      name: 'cors() without options (CommonJS)',
      code: HEAD + 'app.use(cors());\n',
      errors: [{ line: 4, column: 9, endColumn: 15, message: "CORS allows any origin (cors() without options): any web site can call this API from a browser and read its responses. List the origins that may call it (origin: ['https://app.example.com'])." }],
    },
    {
      name: "origin: '*' with sessions in the same file (ESM)",
      filename: 'server.mjs',
      code: "import express from 'express';\nimport cors from 'cors';\nimport session from 'express-session';\nconst app = express();\napp.use(session({ secret: process.env.S }));\napp.use(cors({ origin: '*' }));\n",
      errors: [{ line: 6, column: 24, message: /^CORS allows any origin \(origin: "\*"\): .* This file also uses sessions, so this is more than a public API\.$/ }],
    },
    {
      name: 'options without origin, and a login route',
      code: HEAD + "app.options('*', cors({ methods: ['GET', 'POST'] }));\napp.post('/login', (req, res) => res.send('ok'));\n",
      errors: [{ line: 4, column: 18, message: /no origin option, so the default "\*" applies.*also uses auth routes \(\/login\)/ }],
    },
    {
      name: 'origin: true without credentials echoes every origin',
      code: HEAD + 'app.use(cors({ origin: true }));\n',
      errors: [{ line: 4, column: 24, message: /^CORS accepts every origin \(origin: true echoes the request origin\)/ }],
    },
    {
      name: 'hand-written Access-Control-Allow-Origin: * (njsscan express_cors)',
      code: HEAD + "app.use((req, res, next) => {\n  res.header('Access-Control-Allow-Origin', '*');\n  next();\n});\n",
      errors: [{ line: 5, column: 3, message: /Access-Control-Allow-Origin: \* set by hand/ }],
    },
    {
      name: 'writeHead with ACAO * (njsscan generic_cors)',
      code: HEAD + "app.get('/data', (req, res) => {\n  res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });\n  res.end('{}');\n});\n",
      errors: [{ line: 5, column: 3 }],
    },
    {
      name: 'NestJS enableCors() and { cors: true } (semgrep nestjs-header-cors-any)',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, { cors: true });\n  app.enableCors();\n}\n",
      errors: [
        { line: 3, column: 53, message: /NestFactory\.create\(\.\.\., \{ cors: true \}\)/ },
        { line: 4, column: 3, message: /enableCors\(\) without options/ },
      ],
    },
    {
      name: 'Fastify register(cors) and an origin list with "*"',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/cors'));\nfastify.register(require('@fastify/cors'), { origin: ['https://a.example', '*'] });\n",
      errors: [
        { line: 2, column: 1, message: /@fastify\/cors registered without options/ },
        { line: 3, column: 76, message: /origin list contains "\*"/ },
      ],
    },
    {
      name: 'Koa: @koa/cors without options, kcors echoes every origin',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nimport cors from '@koa/cors';\nimport kcors from 'kcors';\nconst app = new Koa();\napp.use(cors());\napp.use(kcors());\n",
      errors: [
        { line: 5, column: 9, message: /^CORS allows any origin \(cors\(\) without options\)/ },
        { line: 6, column: 9, message: /^CORS accepts every origin \(kcors without options echoes the request origin\)/ },
      ],
    },
    {
      name: 'fastify-autoload plugin exporting @fastify/cors without an origin',
      filename: 'src/plugins/external/cors.ts',
      code: "import cors, { FastifyCorsOptions } from '@fastify/cors';\n\nexport const autoConfig: FastifyCorsOptions = {\n  methods: ['GET', 'POST'],\n};\n\nexport default cors;\n",
      errors: [{ line: 7, column: 16, message: /no origin option/ }],
    },
  ],
});

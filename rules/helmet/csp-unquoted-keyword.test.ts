import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule from './csp-unquoted-keyword';

const EXPRESS = 'const express = require("express");\nconst helmet = require("helmet");\nconst app = express();\n';
const csp = (directives: string) => `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { directives: ${directives} } }));\n`;

const SELF = csp(`{ defaultSrc: ["self"], scriptSrc: ["'self'", "nonce-abc", "sha256-xyz="] }`);
const SINGLE = "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.contentSecurityPolicy({ directives: { objectSrc: 'none' } }));\n";

ruleTester(rule, {
  valid: [
    csp(`{ defaultSrc: ["'self'"], scriptSrc: ["'self'", "'nonce-abc'", "'sha256-xyz='", "'strict-dynamic'"] }`),
    { name: 'host names that merely contain a keyword', code: csp(`{ imgSrc: ["self.example.com", "https://none.example.org"] }`) },
    { name: 'commented out', code: csp(`{\n  // scriptSrc: ["self"],\n  scriptSrc: ["'self'"] }`) },
    { name: 'runtime value', code: csp(`{ scriptSrc: [process.env.SCRIPT_SRC] }`) },
    { name: 'CSP off', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: false }));\n` },
  ],
  invalid: [
    {
      name: 'Express: self, nonce- and sha256- (double-quote style)',
      code: SELF,
      errors: [
        { ...at(SELF, '"self"'), message: 'helmet throws at startup: CSP source "self" must be quoted ("\'self\'"); unquoted it would name a host.' },
        { ...at(SELF, '"nonce-abc"'), message: /"nonce-abc" must be quoted/ },
        { ...at(SELF, '"sha256-xyz="'), message: /"sha256-xyz=" must be quoted/ },
      ],
      output: csp(`{ defaultSrc: ["'self'"], scriptSrc: ["'self'", "'nonce-abc'", "'sha256-xyz='"] }`),
    },
    {
      name: 'piecemeal, ESM, a string value (single-quote style escapes)',
      code: SINGLE,
      errors: [at(SINGLE, "'none'")],
      output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet.contentSecurityPolicy({ directives: { objectSrc: \"'none'\" } }));\n",
    },
    {
      name: 'NestJS, const in the same file',
      filename: 'src/main.ts',
      code: 'import { NestFactory } from "@nestjs/core";\nimport helmet from "helmet";\nconst UNSAFE = "unsafe-inline";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ contentSecurityPolicy: { directives: { styleSrc: ["\'self\'", UNSAFE] } } }));\n}\n',
      errors: [{ line: 3, column: 16, message: /"unsafe-inline" must be quoted/ }],
      output: 'import { NestFactory } from "@nestjs/core";\nimport helmet from "helmet";\nconst UNSAFE = "\'unsafe-inline\'";\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ contentSecurityPolicy: { directives: { styleSrc: ["\'self\'", UNSAFE] } } }));\n}\n',
    },
    {
      name: 'Fastify plugin',
      code: 'import Fastify from "fastify";\nimport helmet from "@fastify/helmet";\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { frameAncestors: ["none"] } } });\n',
      errors: [{ line: 4, column: 86 }],
      output: 'import Fastify from "fastify";\nimport helmet from "@fastify/helmet";\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { frameAncestors: ["\'none\'"] } } });\n',
    },
    {
      name: 'Koa',
      code: 'const Koa = require("koa");\nconst helmet = require("koa-helmet");\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["strict-dynamic"] } } }));\n',
      errors: [{ line: 4, column: 69 }],
      output: 'const Koa = require("koa");\nconst helmet = require("koa-helmet");\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ["\'strict-dynamic\'"] } } }));\n',
    },
  ],
});

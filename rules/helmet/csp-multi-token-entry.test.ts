import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule from './csp-multi-token-entry';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const csp = (directives: string) => `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { directives: ${directives} } }));\n`;

// The NestJS documentation's example (docs.nestjs.com content/security/helmet.md).
const NEST_DOCS = "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(\n    helmet({\n      contentSecurityPolicy: {\n        directives: {\n          defaultSrc: [`'self'`],\n          styleSrc: [`'self'`, `'unsafe-inline'`],\n          imgSrc: [`'self'`, 'data:', 'validator.swagger.io'],\n          scriptSrc: [`'self'`, `https: 'unsafe-inline'`],\n        },\n      },\n    }),\n  );\n}\n";
const WHOLE = csp(`{ scriptSrc: "'self' cdn.example.com" }`);
const UNQUOTED = csp(`{ scriptSrc: ["'self'", 'https: self'] }`);
const CONST = `${EXPRESS}const SOURCES = "'self' https:";\napp.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: [SOURCES] } } }));\n`;

ruleTester(rule, {
  valid: [
    csp(`{ scriptSrc: ["'self'", 'https:', "'unsafe-inline'"] }`),
    { name: 'surrounding spaces are one source', code: csp(`{ scriptSrc: [" 'self' "] }`) },
    { name: 'a ; inside throws: invalid-option reports it', code: csp(`{ scriptSrc: ["'self'; object-src *"] }`) },
    { name: 'commented out', code: csp(`{\n  // scriptSrc: ["'self' https:"],\n}`) },
    { name: 'helmet defaults', code: `${EXPRESS}app.use(helmet());\n` },
  ],
  invalid: [
    {
      name: 'NestJS docs example (template literals)',
      filename: 'src/main.ts',
      code: NEST_DOCS,
      errors: [{ ...at(NEST_DOCS, "`https: 'unsafe-inline'`"), message: 'One script-src entry holds 2 sources ("https: \'unsafe-inline\'"): helmet validates and reviewers read it as one value. Write one source per array element.' }],
      output: NEST_DOCS.replace("`https: 'unsafe-inline'`", "'https:', \"'unsafe-inline'\""),
    },
    {
      name: 'the whole directive value as one string',
      code: WHOLE,
      errors: [at(WHOLE, `"'self' cdn.example.com"`)],
      output: csp(`{ scriptSrc: ["'self'", 'cdn.example.com'] }`),
    },
    {
      name: 'an unquoted keyword hidden inside',
      code: UNQUOTED,
      errors: [{ ...at(UNQUOTED, "'https: self'"), message: /so the unquoted "self" inside it passes helmet's check but names a host/ }],
      output: csp(`{ scriptSrc: ["'self'", 'https:', 'self'] }`),
    },
    {
      name: 'from a const: reported, not split',
      code: CONST,
      errors: [at(CONST, `"'self' https:"`)],
      output: null,
    },
    {
      name: 'Fastify, ESM, double-quote style',
      code: 'import Fastify from "fastify";\nimport helmet from "@fastify/helmet";\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { imgSrc: ["\'self\' data:"] } } });\n',
      errors: [{ line: 4, column: 78 }],
      output: 'import Fastify from "fastify";\nimport helmet from "@fastify/helmet";\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { imgSrc: ["\'self\'", "data:"] } } });\n',
    },
    {
      name: 'Koa, piecemeal',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ['https: data:'] } }));\n",
      errors: [{ line: 4, column: 67 }],
      output: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ['https:', 'data:'] } }));\n",
    },
  ],
});

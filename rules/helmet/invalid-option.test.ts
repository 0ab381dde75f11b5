import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule from './invalid-option';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const use = (options: string) => `${EXPRESS}app.use(helmet(${options}));\n`;

const TWICE = use('{ strictTransportSecurity: { maxAge: 63072000 }, hsts: true }');
const MAXAGE = use('{ hsts: { maxage: 31536000, includeSubdomains: true } }');
const BOTH_SPELLINGS = use("{ hsts: { maxAge: 1, 'maxage': 2 } }");
const ALLOW_FROM = use("{ frameguard: { action: 'allow-from', domain: 'https://a.example' } }");
const NO_DEFAULT = `${EXPRESS}app.use(\n  helmet({\n    contentSecurityPolicy: {\n      useDefaults: false,\n      directives: { scriptSrc: [\"'self'\"] },\n    },\n  }),\n);\n`;
const REMOVED = `${EXPRESS}app.use(helmet({\n  noCache: true,\n  featurePolicy: { features: { camera: [\"'none'\"] } },\n  xssFilter: { setOnOldIE: true },\n}));\n`;
const NOCACHE = "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\napp.use(helmet.noCache());\nconst mw = [helmet.hpkp({ maxAge: 1 })];\n";

ruleTester(rule, {
  valid: [
    use(''),
    use("{ hsts: { maxAge: 31536000, includeSubDomains: true }, frameguard: { action: 'deny' }, referrerPolicy: { policy: ['no-referrer', 'strict-origin-when-cross-origin'] } }"),
    { name: 'one name only', code: use('{ strictTransportSecurity: { maxAge: 31536000 } }') },
    { name: 'unquoted CSP keywords: their own rule', code: use("{ contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } }") },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet({\n  // noCache: true,\n  // hsts: { maxage: 1 },\n}));\n` },
    { name: "Object's own members are not removed helmet functions", code: `${EXPRESS}const name = helmet.toString();\nconst c = helmet.constructor('x');\napp.use(helmet({ constructor: 1 }));\n` },
    { name: 'runtime values are not guessed', code: use('{ frameguard: { action: process.env.FRAME_ACTION } }') },
  ],
  invalid: [
    {
      name: 'name and legacy alias (Express, CommonJS)',
      code: TWICE,
      errors: [{ ...at(TWICE, 'hsts: true'), message: 'helmet 8 throws at startup: "Strict-Transport-Security option was specified twice. Remove the `hsts` option to fix this error.", so the app does not start. Keep one of the two names.' }],
      output: use('{ strictTransportSecurity: { maxAge: 63072000 } }'),
    },
    {
      name: 'an alias written as undefined still counts (helmet uses `in`)',
      code: use('{ hsts: undefined, strictTransportSecurity: true }'),
      errors: [{ line: 4, column: 18, message: /Strict-Transport-Security option was specified twice/ }],
      output: use('{ strictTransportSecurity: true }'),
    },
    {
      name: 'helmet 3 spellings maxage and includeSubdomains (helmet stops at the first; both are reported)',
      code: MAXAGE,
      errors: [
        { ...at(MAXAGE, 'maxage'), message: /"Strict-Transport-Security received an unsupported property, `maxage`. Did you mean to pass `maxAge`\?", so the app does not start. Rename it to maxAge\.$/ },
        { ...at(MAXAGE, 'includeSubdomains'), message: /should use `includeSubDomains` instead of `includeSubdomains`.*Rename it to includeSubDomains\.$/ },
      ],
      output: use('{ hsts: { maxAge: 31536000, includeSubDomains: true } }'),
    },
    {
      name: 'maxage next to maxAge: delete the misspelt one',
      code: BOTH_SPELLINGS,
      errors: [at(BOTH_SPELLINGS, "'maxage'")],
      output: use('{ hsts: { maxAge: 1 } }'),
    },
    {
      name: 'X-Frame-Options ALLOW-FROM',
      code: ALLOW_FROM,
      errors: [{ ...at(ALLOW_FROM, "'allow-from'"), message: /invalid action "allow-from".*ALLOW-FROM is obsolete.*frame-ancestors/ }],
      output: null,
    },
    {
      name: 'CSP without default-src (useDefaults false): pointed at the directives key',
      code: NO_DEFAULT,
      errors: [{ line: 8, column: 7, message: /Content-Security-Policy needs a default-src but none was provided/ }],
      output: null,
    },
    {
      name: 'CSP duplicate directive and invalid name',
      code: use(`{ contentSecurityPolicy: { directives: { scriptSrc: ["'self'"], 'script-src': ["'none'"], 'Img-Src': ['*'] } } }`),
      errors: [{ line: 4, column: 80, message: /duplicate directive "script-src"/ }, { line: 4, column: 106, message: /invalid directive name "Img-Src"/ }],
      output: null,
    },
    {
      name: 'removed options are ignored; setOnOldIE too',
      code: REMOVED,
      errors: [
        { line: 5, column: 3, message: /^`noCache` was removed in helmet 4 \(use a Cache-Control header or the nocache package\): helmet 8 ignores the option, so it does nothing\. Remove it\.$/ },
        { line: 6, column: 3, message: /^`featurePolicy` was removed in helmet 4/ },
        { line: 7, column: 16, message: /^`setOnOldIE` was removed in helmet 4/ },
      ],
      output: `${EXPRESS}app.use(helmet({\n  xssFilter: {},\n}));\n`,
    },
    {
      name: 'removed functions crash at startup (ESM); a lone registration is deleted',
      code: NOCACHE,
      errors: [
        { ...at(NOCACHE, 'helmet.noCache'), message: 'helmet.noCache() was removed in helmet 4 (use a Cache-Control header or the nocache package): helmet 8 has no such function, so the app crashes at startup with "TypeError: helmet.noCache is not a function". Remove the call.' },
        { ...at(NOCACHE, 'helmet.hpkp'), message: /^helmet.hpkp\(\) was removed in helmet 4/ },
      ],
      output: "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\napp.use(helmet());\nconst mw = [helmet.hpkp({ maxAge: 1 })];\n",
    },
    {
      name: 'NestJS main.ts',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ xFrameOptions: { action: 'deny' }, frameguard: { action: 'deny' } }));\n}\n",
      errors: [{ line: 5, column: 55, message: /X-Frame-Options option was specified twice/ }],
      output: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ xFrameOptions: { action: 'deny' } }));\n}\n",
    },
    {
      name: 'Fastify plugin options, a const with a spread: no fix',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst legacy = { noSniff: true };\nconst app = Fastify();\nawait app.register(helmet, { global: true, xContentTypeOptions: true, ...legacy });\n",
      errors: [{ line: 5, column: 71, message: /X-Content-Type-Options option was specified twice/ }],
      output: null,
    },
    {
      name: 'Koa: referrer policy token',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet.referrerPolicy({ policy: 'no-referer' }));\n",
      errors: [{ line: 4, column: 41, message: /Referrer-Policy received an unexpected policy token "no-referer"/ }],
      output: null,
    },
  ],
});

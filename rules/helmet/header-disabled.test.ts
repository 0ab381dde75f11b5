import assert from 'node:assert/strict';
import { ruleTester } from '../../test/ruleTester';
import rule from './header-disabled';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const ESM = "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    { name: 'harmless or other rules: xXssProtection, xPoweredBy, COEP, CSP', code: `${EXPRESS}app.use(helmet({ xXssProtection: false, xssFilter: undefined, xPoweredBy: false, crossOriginEmbedderPolicy: false, contentSecurityPolicy: false }));\n` },
    { name: 'frameguard off with CSP frame-ancestors', code: `${EXPRESS}app.use(helmet({ frameguard: false, contentSecurityPolicy: { directives: { frameAncestors: ["'none'"] } } }));\n` },
    { name: 'frameguard off with the default CSP (it has frame-ancestors)', code: `${EXPRESS}app.use(helmet({ xFrameOptions: false }));\n` },
    { name: 'configured, not removed', code: `${EXPRESS}app.use(helmet({ referrerPolicy: { policy: 'strict-origin-when-cross-origin' }, hsts: true }));\n` },
    { name: 'allowed by option (legacy name matches the new one)', code: `${EXPRESS}app.use(helmet({ strictTransportSecurity: false }));\n`, options: { allow: ['hsts'] } },
    { name: 'runtime value', code: `${EXPRESS}app.use(helmet({ hsts: process.env.NODE_ENV === 'production' }));\n` },
    { name: 'overridden by a later unknown spread', code: `${EXPRESS}app.use(helmet({ hsts: false, ...require('./security').helmetOptions }));\n` },
    { name: 'commented out', code: `${EXPRESS}app.use(helmet({\n  // hsts: false,\n}));\n` },
  ],
  invalid: [
    {
      name: 'Express, CommonJS, several on their own lines',
      code: `${EXPRESS}app.use(\n  helmet({\n    hsts: false,\n    noSniff: false,\n    xXssProtection: false,\n  }),\n);\n`,
      errors: [
        { line: 6, column: 5, message: /`hsts: false` switches off Strict-Transport-Security \(HSTS\): browsers may reach the site over plain HTTP/ },
        { line: 7, column: 5, message: /X-Content-Type-Options: nosniff/ },
      ],
      output: null,
      suggestions: [{ title: "Delete `hsts: false` (helmet's default comes back)", output: `${EXPRESS}app.use(\n  helmet({\n    noSniff: false,\n    xXssProtection: false,\n  }),\n);\n` }],
    },
    {
      name: 'frameguard off and CSP off: clickjacking',
      code: `${ESM}app.use(helmet({ contentSecurityPolicy: false, frameguard: false }));\n`,
      errors: [{ line: 4, column: 48, message: /no frame-ancestors, so any site can frame these pages/ }],
      output: null,
      suggestions: [{ title: "Delete `frameguard: false` (helmet's default comes back)", output: `${ESM}app.use(helmet({ contentSecurityPolicy: false }));\n` }],
    },
    {
      name: 'frameguard off, CSP without frame-ancestors (useDefaults false)',
      code: `${ESM}app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } }, xFrameOptions: false }));\n`,
      errors: [{ line: 4, column: 105 }],
      output: null,
      suggestions: [{ title: "Delete `xFrameOptions: false` (helmet's default comes back)", output: `${ESM}app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } } }));\n` }],
    },
    {
      name: 'NestJS main.ts, only property',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ referrerPolicy: false }));\n}\n",
      errors: [{ line: 5, column: 20, message: /Referrer-Policy: full URLs/ }],
      output: null,
      suggestions: [{ title: "Delete `referrerPolicy: false` (helmet's default comes back)", output: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({}));\n}\n" }],
    },
    {
      name: 'Fastify plugin',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { global: true, crossOriginResourcePolicy: false, crossOriginOpenerPolicy: false });\n",
      errors: [{ line: 4, column: 44 }, { line: 4, column: 78 }],
      output: null,
      suggestions: [{ title: "Delete `crossOriginResourcePolicy: false` (helmet's default comes back)", output: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { global: true, crossOriginOpenerPolicy: false });\n" }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ originAgentCluster: false, dnsPrefetchControl: false, ieNoOpen: false, permittedCrossDomainPolicies: false }));\n",
      errors: [{ line: 4, column: 18 }, { line: 4, column: 45 }, { line: 4, column: 72 }, { line: 4, column: 89 }],
      output: null,
      suggestions: [{ title: "Delete `originAgentCluster: false` (helmet's default comes back)", output: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ dnsPrefetchControl: false, ieNoOpen: false, permittedCrossDomainPolicies: false }));\n" }],
    },
    {
      name: 'from a spread const: points at the value, no fix',
      code: `${EXPRESS}const base = { hsts: false };\napp.use(helmet({ ...base }));\n`,
      errors: [{ line: 4, column: 22 }],
      output: null,
    },
    {
      name: 'a const false: reported at the option, not deleted',
      code: `${EXPRESS}const HSTS = false;\napp.use(helmet({ hsts: HSTS }));\n`,
      errors: [{ line: 5, column: 18 }],
      output: null,
    },
    {
      name: 'other options still checked when one is allowed',
      code: `${EXPRESS}app.use(helmet({ hsts: false, noSniff: false }));\n`,
      options: { allow: ['strictTransportSecurity'] },
      errors: [{ line: 4, column: 31 }],
      output: null,
      suggestions: [{ title: "Delete `noSniff: false` (helmet's default comes back)", output: `${EXPRESS}app.use(helmet({ hsts: false }));\n` }],
    },
  ],
});

describe('helmet/header-disabled options', () => {
  it('validates allow', () => {
    assert.equal(rule.validateOptions!({ allow: ['hsts', 'crossOriginResourcePolicy'] }), undefined);
    assert.match(rule.validateOptions!({ allow: 'hsts' }) ?? '', /must be a list/);
    assert.match(rule.validateOptions!({ allow: ['hstss'] }) ?? '', /does not know: hstss/);
  });
});

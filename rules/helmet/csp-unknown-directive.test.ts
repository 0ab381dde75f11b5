import assert from 'node:assert/strict';
import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule, { closestDirective } from './csp-unknown-directive';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const csp = (directives: string) => `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { directives: ${directives} } }));\n`;

// mdn/mdn-http-observatory sends `frameAnchestors` (src/api/server.js).
const OBSERVATORY = csp(`{ defaultSrc: ["'none'"], frameAnchestors: ["'none'"] }`);
const DASHED = csp(`{ 'default-src': ["'self'"], "scirpt-src": ["'self'"] }`);
const NULL_TYPO = csp(`{ upgradeInsecureRequest: null }`);
const FAR = csp(`{ defaultSrc: ["'self'"], pluginSrc: ["'none'"] }`);

ruleTester(rule, {
  valid: [
    csp(`{ defaultSrc: ["'self'"], scriptSrcElem: ["'self'"], 'frame-ancestors': ["'none'"], requireTrustedTypesFor: ["'script'"], trustedTypes: ['default'], upgradeInsecureRequests: [] }`),
    { name: 'getDefaultDirectives() spread', code: csp(`{ ...helmet.contentSecurityPolicy.getDefaultDirectives(), fencedFrameSrc: ["'none'"] }`) },
    { name: 'invalid names (helmet throws): invalid-option reports them', code: csp(`{ 'Script-Src': ["'self'"] }`) },
    { name: 'commented out', code: csp(`{\n  // frameAnchestors: ["'none'"],\n}`) },
    { name: 'CSP off', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: false }));\n` },
  ],
  invalid: [
    {
      name: 'mdn-http-observatory frameAnchestors (Express, CommonJS)',
      code: OBSERVATORY,
      errors: [{ ...at(OBSERVATORY, 'frameAnchestors'), message: '"frameAnchestors" is not a CSP directive (frame-anchestors): helmet sends it and browsers ignore it. Did you mean frame-ancestors?' }],
      output: null,
      suggestions: [{ title: 'Rename to frameAncestors', output: csp(`{ defaultSrc: ["'none'"], frameAncestors: ["'none'"] }`) }],
    },
    {
      name: 'dashed, double-quoted key keeps its style',
      code: DASHED,
      errors: [at(DASHED, '"scirpt-src"')],
      output: null,
      suggestions: [{ title: 'Rename to "script-src"', output: csp(`{ 'default-src': ["'self'"], "script-src": ["'self'"] }`) }],
    },
    {
      name: 'a misspelt null leaves the default in place',
      code: NULL_TYPO,
      errors: [{ ...at(NULL_TYPO, 'upgradeInsecureRequest'), message: /so the default directive it was meant to remove stays\. Did you mean upgrade-insecure-requests\?/ }],
      output: null,
      suggestions: [{ title: 'Rename to upgradeInsecureRequests', output: csp(`{ upgradeInsecureRequests: null }`) }],
    },
    {
      name: 'no close match: no fix',
      code: FAR,
      errors: [{ ...at(FAR, 'pluginSrc'), message: /Remove it or use a directive browsers know/ }],
      output: null,
    },
    {
      name: 'the right name is also there: no rename (it would duplicate)',
      code: csp(`{ imgSrc: ["'self'"], imgSr: ['data:'] }`),
      errors: [{ line: 4, column: 77 }],
      output: null,
    },
    {
      name: 'NestJS, piecemeal, ESM',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet.contentSecurityPolicy({ directives: { 'base-url': [\"'self'\"] } }));\n}\n",
      errors: [{ line: 5, column: 56, message: /Did you mean base-uri\?/ }],
      output: null,
      suggestions: [{ title: "Rename to 'base-uri'", output: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet.contentSecurityPolicy({ directives: { 'base-uri': [\"'self'\"] } }));\n}\n" }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { directives: { connectSource: [\"'self'\"] } } }));\n",
      errors: [{ line: 4, column: 57, message: /Remove it or use a directive browsers know/ }],
      output: null,
    },
    {
      name: 'Fastify plugin',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { imgSrcs: [\"'self'\"] } } });\n",
      errors: [{ line: 4, column: 69, message: /Did you mean img-src\?/ }],
      output: null,
      suggestions: [{ title: 'Rename to imgSrc', output: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { contentSecurityPolicy: { directives: { imgSrc: [\"'self'\"] } } });\n" }],
    },
  ],
});

describe('helmet/csp-unknown-directive suggestions', () => {
  it('suggests only a single close match', () => {
    assert.equal(closestDirective('frame-anchestors'), 'frame-ancestors');
    assert.equal(closestDirective('img-scr'), 'img-src');
    assert.equal(closestDirective('foo-bar'), undefined);
    assert.equal(closestDirective('connect-source'), undefined);
    assert.equal(closestDirective('style-src-att'), 'style-src-attr');
  });
});

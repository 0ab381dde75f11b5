import { ruleTester } from '../../test/ruleTester';
import rule from './csp-unsafe-source';
import { at } from '../../test/helmet/position';

const EXPRESS = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\n";
const csp = (directives: string, extra = '') => `${EXPRESS}app.use(helmet({ contentSecurityPolicy: { ${extra}directives: ${directives} } }));\n`;

const C1 = csp(`{ scriptSrc: ["'self'", "'unsafe-inline'", "'unsafe-eval'"] }`);
const C2 = csp(`{ defaultSrc: ["'self'", '*', 'data:'] }`, 'useDefaults: false, ');
const C3 = csp(`{ 'script-src': "https:", objectSrc: 'http:' }`);
const C4 = csp(`{ objectSrc: ["'self'", 'https://plugins.example.com'] }`);
const C5 = csp(`{ scriptSrc: ["'strict-dynamic'", "'unsafe-inline'"] }`);
const C6 = csp(`{ scriptSrc: ["https: 'unsafe-inline'"] }`);

ruleTester(rule, {
  valid: [
    `${EXPRESS}app.use(helmet());\n`,
    { name: "style-src 'unsafe-inline' (helmet's default) is not checked", code: csp(`{ styleSrc: ["'self'", "'unsafe-inline'"] }`) },
    { name: "'unsafe-inline' next to a nonce function", code: csp(`{ scriptSrc: ["'self'", "'unsafe-inline'", (req, res) => \`'nonce-\${res.locals.nonce}'\`] }`) },
    { name: "'unsafe-inline' next to a hash", code: csp(`{ scriptSrc: ["'sha256-abc='", "'unsafe-inline'"] }`) },
    { name: "strict CSP: nonce + 'strict-dynamic' + https: + 'unsafe-inline' fallbacks", code: csp(`{ scriptSrc: ["'nonce-r4nd0m'", "'strict-dynamic'", 'https:', "'unsafe-inline'"], objectSrc: ["'none'"] }`) },
    { name: 'hosts listed', code: csp(`{ scriptSrc: ["'self'", 'https://cdn.example.com'], objectSrc: ["'self'"] }`) },
    { name: 'CSP off: another rule', code: `${EXPRESS}app.use(helmet({ contentSecurityPolicy: false }));\n` },
    { name: 'unsafe source in a commented-out line', code: csp(`{\n  // scriptSrc: ["'unsafe-inline'"],\n  scriptSrc: ["'self'"] }`) },
    { name: 'Fastify enableCSPNonces neutralises unsafe-inline', code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { enableCSPNonces: true, contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", \"'unsafe-inline'\"] } } });\n" },
  ],
  invalid: [
    {
      name: "Express: 'unsafe-inline' and 'unsafe-eval' in script-src",
      code: C1,
      errors: [
        { ...at(C1, `"'unsafe-inline'"`), message: /^CSP script-src allows 'unsafe-inline': any injected inline script/ },
        { ...at(C1, `"'unsafe-eval'"`), message: /^CSP script-src allows 'unsafe-eval': injected strings run as code/ },
      ],
    },
    {
      name: 'default-src used for scripts and objects: one finding per entry',
      code: C2,
      errors: [
        { ...at(C2, "'*'"), message: /^CSP default-src \(used for scripts: there is no script-src\) allows \*: scripts load from any host/ },
        { ...at(C2, "'data:'"), message: /allows data:/ },
      ],
    },
    {
      name: 'string value, http: and https:',
      code: C3,
      errors: [
        { ...at(C3, '"https:"'), message: /^CSP script-src allows https:/ },
        { ...at(C3, "'http:'"), message: /^CSP object-src allows http:: plugins/ },
      ],
    },
    {
      name: 'a multi-token entry is read as separate sources',
      code: C6,
      errors: [{ ...at(C6, `"https: 'unsafe-inline'"`), message: /^CSP script-src allows https:/ }],
    },
    {
      name: 'object-src broader than none/self',
      code: C4,
      errors: [{ ...at(C4, "'https://plugins"), message: /^CSP object-src allows https:\/\/plugins.example.com/ }],
    },
    {
      name: "'strict-dynamic' without a nonce does not neutralise",
      code: C5,
      errors: [at(C5, `"'unsafe-inline'"`)],
    },
    {
      name: 'NestJS, a const directives object (ESM, TS)',
      filename: 'src/main.ts',
      code: "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\nconst directives = { scriptSrc: [\"'self'\", \"'unsafe-eval'\"] };\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  app.use(helmet({ contentSecurityPolicy: { directives } }));\n}\n",
      errors: [{ line: 3, column: 44, message: /allows 'unsafe-eval'/ }],
    },
    {
      name: 'piecemeal, getDefaultDirectives() spread',
      code: `${EXPRESS}app.use(helmet.contentSecurityPolicy({ directives: { ...helmet.contentSecurityPolicy.getDefaultDirectives(), 'script-src': ["'self'", "'unsafe-inline'"] } }));\n`,
      errors: [{ line: 4, column: 135, message: /^CSP script-src allows 'unsafe-inline'/ }],
    },
    {
      name: 'Koa',
      code: "const Koa = require('koa');\nconst helmet = require('koa-helmet');\nconst app = new Koa();\napp.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: ['*'] } } }));\n",
      errors: [{ line: 4, column: 69 }],
    },
    {
      name: 'Fastify without nonces (enableCSPNonces must be exactly true)',
      code: "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\nawait app.register(helmet, { enableCSPNonces: 'yes', contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", \"'unsafe-inline'\"] } } });\n",
      errors: [{ line: 4, column: 115, message: /allows 'unsafe-inline'/ }],
    },
  ],
});

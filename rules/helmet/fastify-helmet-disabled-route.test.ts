import { ruleTester } from '../../test/ruleTester';
import { at } from '../../test/helmet/position';
import rule from './fastify-helmet-disabled-route';

const FASTIFY = "import Fastify from 'fastify';\nimport helmet from '@fastify/helmet';\nconst app = Fastify();\n";
const ROUTE_OFF = `${FASTIFY}await app.register(helmet);\napp.get('/report', { helmet: false }, async () => 'ok');\n`;
const ROUTE_OBJECT = `${FASTIFY}await app.register(helmet);\napp.route({ method: 'GET', url: '/embed', helmet: false, handler: async () => 'ok' });\n`;
const GLOBAL_OFF = `${FASTIFY}await app.register(helmet, { global: false });\napp.get('/', async () => 'ok');\n`;

ruleTester(rule, {
  valid: [
    `${FASTIFY}await app.register(helmet);\napp.get('/', async () => 'ok');\n`,
    { name: 'route with its own helmet options', code: `${FASTIFY}await app.register(helmet);\napp.get('/', { helmet: { frameguard: { action: 'deny' } } }, async () => 'ok');\n` },
    { name: 'global false, a route opts in', code: `${FASTIFY}await app.register(helmet, { global: false });\napp.get('/', { helmet: { contentSecurityPolicy: false } }, async () => 'ok');\n` },
    { name: 'global false, a handler calls reply.helmet()', code: `${FASTIFY}await app.register(helmet, { global: false });\napp.get('/', async (req, reply) => { reply.helmet(); return 'ok'; });\n` },
    { name: 'commented out', code: `${FASTIFY}await app.register(helmet /* , { global: false } */);\n// app.get('/x', { helmet: false }, h);\n` },
  ],
  invalid: [
    {
      name: 'route option helmet: false (ESM)',
      code: ROUTE_OFF,
      errors: [{ ...at(ROUTE_OFF, 'helmet: false'), message: 'Route GET /report switches @fastify/helmet off (`helmet: false`): its responses carry no security headers. Fine for health checks and webhooks; for pages and APIs give the route its own helmet options instead.' }],
    },
    {
      name: 'route() options object',
      code: ROUTE_OBJECT,
      errors: [{ ...at(ROUTE_OBJECT, 'helmet: false'), message: /^Route ROUTE \/embed switches/ }],
    },
    {
      name: 'global: false with no route opting in',
      code: GLOBAL_OFF,
      errors: [{ ...at(GLOBAL_OFF, 'global: false'), message: /^@fastify\/helmet is registered with `global: false`/ }],
    },
    {
      name: 'CommonJS, options in a const',
      code: "const fastify = require('fastify')();\nconst helmet = require('@fastify/helmet');\nconst opts = { global: false };\nfastify.register(helmet, opts);\n",
      errors: [{ line: 3, column: 16 }],
    },
  ],
});

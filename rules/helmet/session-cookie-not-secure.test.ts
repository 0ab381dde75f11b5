import { ruleTester } from '../../test/ruleTester';
import rule from './session-cookie-not-secure';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'cookie.secure: true', code: HEAD + "app.use(session({ secret: process.env.S, cookie: { secure: true } }));\n" },
    { name: "secure: 'auto'", code: HEAD + "app.use(session({ secret: process.env.S, cookie: { secure: 'auto' } }));\n" },
    { name: 'dynamic secure (per environment) is not reported', code: HEAD + "app.use(session({ secret: process.env.S, cookie: { secure: process.env.NODE_ENV === 'production' } }));\n" },
    { name: 'options from another module', code: HEAD + "const { sessionOptions } = require('./config');\napp.use(session(sessionOptions));\n" },
    { name: 'cookie options from configuration', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: config.cookie }));\n' },
    { name: 'a spread of unknown options may set the cookie', code: HEAD + 'app.use(session({ ...config.session, secret: process.env.S }));\n' },
    { name: 'cookie-session with secure: true', code: "const cookieSession = require('cookie-session');\nconst app = require('express')();\napp.use(cookieSession({ keys: [process.env.K], secure: true }));\n" },
    { name: '@fastify/session cookies are Secure by default', code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: process.env.S });\n" },
    { name: 'commented-out session', code: HEAD + '// app.use(session({ secret: "x" }));\n' },
  ],
  invalid: [
    {
      name: 'express-session without cookie options (CommonJS): the whole cookie object is added',
      code: HEAD + 'app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n',
      errors: [{ line: 4, column: 17, message: "express-session does not set cookie.secure: browsers also send the session cookie over plain HTTP, where anyone on the network can take over the session. Set cookie.secure: true; behind nginx or another TLS-terminating proxy also app.set('trust proxy', 1), or the cookie is never set." }],
      output: null,
      suggestions: [{ title: 'Add cookie: { secure: true, httpOnly: true, sameSite: lax }', output: HEAD + "app.use(session({ secret: process.env.SESSION_SECRET, resave: false, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));\n" }],
    },
    {
      name: 'express-session, multi-line options with a trailing comma (ESM, double quotes)',
      filename: 'server.mjs',
      code: 'import express from "express";\nimport session from "express-session";\nconst app = express();\napp.use(\n  session({\n    secret: process.env.SESSION_SECRET,\n    resave: false,\n  }),\n);\n',
      errors: [{ line: 5, column: 11 }],
      output: null,
      suggestions: [{ title: 'Add cookie: { secure: true, httpOnly: true, sameSite: lax }', output: 'import express from "express";\nimport session from "express-session";\nconst app = express();\napp.use(\n  session({\n    secret: process.env.SESSION_SECRET,\n    resave: false,\n    cookie: { secure: true, httpOnly: true, sameSite: "lax" },\n  }),\n);\n' }],
    },
    {
      name: 'secure: false is replaced',
      code: HEAD + 'app.use(session({\n  secret: process.env.S,\n  cookie: { httpOnly: true, secure: false }\n}));\n',
      errors: [{ line: 6, column: 37, message: /^express-session sets cookie\.secure to false: / }],
      output: null,
      suggestions: [{ title: 'Set cookie.secure: true', output: HEAD + 'app.use(session({\n  secret: process.env.S,\n  cookie: { httpOnly: true, secure: true }\n}));\n' }],
    },
    {
      name: 'a cookie object without secure gets secure: true (options in a const)',
      filename: 'src/app.ts',
      code: "import express from 'express';\nimport session from 'express-session';\nconst app = express();\nconst sessionOptions = {\n  secret: process.env.SESSION_SECRET as string,\n  cookie: {\n    maxAge: 3600000, // one hour\n  },\n};\napp.use(session(sessionOptions));\n",
      errors: [{ line: 6, column: 11 }],
      output: null,
      suggestions: [{ title: 'Add cookie.secure: true', output: "import express from 'express';\nimport session from 'express-session';\nconst app = express();\nconst sessionOptions = {\n  secret: process.env.SESSION_SECRET as string,\n  cookie: {\n    maxAge: 3600000, // one hour\n    secure: true,\n  },\n};\napp.use(session(sessionOptions));\n" }],
    },
    {
      name: 'cookie-session: top-level secure',
      code: "const express = require('express');\nconst cookieSession = require('cookie-session');\nconst app = express();\napp.use(cookieSession({ name: 'sess', keys: [process.env.K] }));\n",
      errors: [{ line: 4, column: 23, message: /^cookie-session does not set secure: / }],
      output: null,
      suggestions: [{ title: 'Add secure: true', output: "const express = require('express');\nconst cookieSession = require('cookie-session');\nconst app = express();\napp.use(cookieSession({ name: 'sess', keys: [process.env.K], secure: true }));\n" }],
    },
    {
      name: '@fastify/session with secure: false',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: process.env.S, cookie: { secure: false } });\n",
      errors: [{ line: 2, column: 90, message: /trustProxy: true/ }],
      output: null,
      suggestions: [{ title: 'Set cookie.secure: true', output: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: process.env.S, cookie: { secure: true } });\n" }],
    },
    {
      name: 'koa-session without secure (proxy hint: app.proxy)',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nimport session from 'koa-session';\nconst app = new Koa();\napp.use(session({ key: 'sid' }, app));\n",
      errors: [{ line: 4, column: 17, message: /app\.proxy = true/ }],
      output: null,
      suggestions: [{ title: 'Add secure: true', output: "import Koa from 'koa';\nimport session from 'koa-session';\nconst app = new Koa();\napp.use(session({ key: 'sid', secure: true }, app));\n" }],
    },
    {
      name: 'session() without options: reported, nothing written to add to',
      code: HEAD + 'app.use(session());\n',
      errors: [{ line: 4, column: 9 }],
      output: null,
    },
  ],
});

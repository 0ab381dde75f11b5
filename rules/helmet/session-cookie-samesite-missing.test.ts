import { ruleTester } from '../../test/ruleTester';
import rule from './session-cookie-samesite-missing';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: "sameSite: 'lax'", code: HEAD + "app.use(session({ secret: process.env.S, cookie: { sameSite: 'lax' } }));\n" },
    { name: "sameSite: 'none' is a deliberate choice", code: HEAD + "app.use(session({ secret: process.env.S, cookie: { sameSite: 'none', secure: true } }));\n" },
    { name: 'sameSite from configuration', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { sameSite: config.sameSite } }));\n' },
    { name: 'options built elsewhere', code: HEAD + 'app.use(session(config.session));\n' },
  ],
  invalid: [
    {
      name: 'a cookie object without sameSite',
      code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { secure: true } }));\n',
      errors: [{ line: 4, column: 50, message: "express-session sets no cookie.sameSite: the browser decides whether other sites' requests carry the session cookie (cross-site request forgery). Set cookie.sameSite: 'lax' (or 'strict')." }],
      output: null,
      suggestions: [{ title: "Add cookie.sameSite: 'lax'", output: HEAD + "app.use(session({ secret: process.env.S, cookie: { secure: true, sameSite: 'lax' } }));\n" }],
    },
    {
      name: 'no cookie object at all: one is added',
      code: HEAD + 'app.use(session({ secret: process.env.S }));\n',
      errors: [{ line: 4, column: 17 }],
      output: null,
      suggestions: [{ title: "Add cookie.sameSite: 'lax'", output: HEAD + "app.use(session({ secret: process.env.S, cookie: { sameSite: 'lax' } }));\n" }],
    },
    {
      name: 'cookie-session (ESM, double quotes)',
      filename: 'server.mjs',
      code: 'import express from "express";\nimport cookieSession from "cookie-session";\nconst app = express();\napp.use(cookieSession({ keys: [process.env.K], secure: true }));\n',
      errors: [{ line: 4, column: 23, message: /^cookie-session sets no sameSite/ }],
      output: null,
      suggestions: [{ title: "Add sameSite: 'lax'", output: 'import express from "express";\nimport cookieSession from "cookie-session";\nconst app = express();\napp.use(cookieSession({ keys: [process.env.K], secure: true, sameSite: "lax" }));\n' }],
    },
    {
      name: 'sameSite: false',
      code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { sameSite: false } }));\n',
      errors: [{ line: 4, column: 62, message: /sets cookie\.sameSite to false/ }],
      output: null,
      suggestions: [{ title: "Set cookie.sameSite: 'lax'", output: HEAD + "app.use(session({ secret: process.env.S, cookie: { sameSite: 'lax' } }));\n" }],
    },
    {
      name: 'Fastify session, multi-line cookie object',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), {\n  secret: process.env.S,\n  cookie: {\n    maxAge: 1800000\n  }\n});\n",
      errors: [{ line: 4, column: 11 }],
      output: null,
      suggestions: [{ title: "Add cookie.sameSite: 'lax'", output: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), {\n  secret: process.env.S,\n  cookie: {\n    maxAge: 1800000,\n    sameSite: 'lax'\n  }\n});\n" }],
    },
  ],
});

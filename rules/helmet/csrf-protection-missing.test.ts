import { ruleTester } from '../../test/ruleTester';
import rule from './csrf-protection-missing';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'csrf-csrf in the same file', code: HEAD + "const { doubleCsrf } = require('csrf-csrf');\napp.use(session({ secret: process.env.S }));\n" },
    {
      name: 'CSRF protection in another file of the workspace',
      filename: 'src/app.js',
      code: HEAD + 'app.use(session({ secret: process.env.S }));\n',
      workspace: [{ path: 'src/csrf.js', code: "const { csrfSync } = require('csrf-sync');\nmodule.exports = csrfSync();\n" }],
    },
    { name: "SameSite=Strict cookie", code: HEAD + "app.use(session({ secret: process.env.S, cookie: { sameSite: 'strict' } }));\n" },
    { name: 'sameSite: true means strict', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { sameSite: true } }));\n' },
    { name: 'session options from configuration', code: HEAD + 'app.use(session(config.session));\n' },
    { name: 'no cookie sessions', code: "const express = require('express');\nconst app = express();\n" },
  ],
  invalid: [
    {
      name: 'express-session without CSRF protection',
      code: HEAD + 'app.use(session({ secret: process.env.S }));\n',
      errors: [{ line: 4, column: 9, message: "express-session keeps the login in a cookie and no CSRF protection is imported anywhere in the workspace: another site can make a logged-in user's browser send requests that change data. Add csrf-csrf or csrf-sync (csurf is deprecated), or set sameSite: 'strict' on the session cookie." }],
    },
    {
      name: "cookie-session with sameSite 'lax' (ESM)",
      filename: 'server.mjs',
      code: "import express from 'express';\nimport cookieSession from 'cookie-session';\nconst app = express();\napp.use(cookieSession({ keys: [process.env.K], sameSite: 'lax' }));\n",
      errors: [{ line: 4, column: 9, message: /^cookie-session keeps the login in a cookie/ }],
    },
    {
      name: 'Fastify session: @fastify/csrf-protection',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: process.env.S });\n",
      errors: [{ line: 2, column: 1, message: /Add @fastify\/csrf-protection/ }],
    },
    {
      name: 'csurf only in a comment does not count',
      code: HEAD + "// const csrf = require('csurf');\napp.use(session({ secret: process.env.S }));\n",
      errors: [{ line: 5, column: 9 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './session-hardcoded-secret';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'secret from the environment', code: HEAD + 'app.use(session({ secret: process.env.SESSION_SECRET }));\n' },
    { name: 'secret from configuration', code: HEAD + "const config = require('./config');\napp.use(session({ secret: config.get('session.secret') }));\n" },
    { name: 'JWT secret from the environment', code: "const jwt = require('jsonwebtoken');\nconst token = jwt.sign({ sub: 1 }, process.env.JWT_SECRET);\n" },
    { name: 'JWT verified with a public key read from a file', code: "const jwt = require('jsonwebtoken');\nconst fs = require('fs');\njwt.verify(token, fs.readFileSync('public.pem'));\n" },
    { name: 'Koa keys from the environment', code: "const Koa = require('koa');\nconst app = new Koa();\napp.keys = process.env.SESSION_KEYS.split(',');\n" },
    { name: 'keys on something that is not a Koa app', code: "const Koa = require('koa');\nconst app = new Koa();\nconst cache = {};\ncache.keys = ['a', 'b'];\n" },
    { name: 'commented-out secret', code: HEAD + "app.use(session({\n  // secret: 'keyboard cat',\n  secret: process.env.S,\n}));\n" },
  ],
  invalid: [
    {
      name: 'express-session literal secret (express examples)',
      code: HEAD + "app.use(session({ resave: false, saveUninitialized: false, secret: 'shhhh, very secret' }));\n",
      errors: [{ line: 4, column: 68, endColumn: 88, message: 'The express-session secret is written in the source code: anyone who can read the repository can forge session cookies for any user. Read it from the environment (process.env.SESSION_SECRET) and rotate the old value.' }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: HEAD + 'app.use(session({ resave: false, saveUninitialized: false, secret: process.env.SESSION_SECRET }));\n' }],
    },
    {
      name: 'a const of this file (TypeScript: as string)',
      filename: 'src/app.ts',
      code: "import express from 'express';\nimport session from 'express-session';\nconst SECRET = 'session secret';\nconst app = express();\napp.use(session({ secret: SECRET, resave: false }));\n",
      errors: [{ line: 5, column: 27 }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: "import express from 'express';\nimport session from 'express-session';\nconst SECRET = process.env.SESSION_SECRET as string;\nconst app = express();\napp.use(session({ secret: SECRET, resave: false }));\n" }],
    },
    {
      name: 'shorthand property',
      code: HEAD + "const secret = 'keyboard cat';\napp.use(session({ secret }));\n",
      errors: [{ line: 5, column: 19 }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: HEAD + 'const secret = process.env.SESSION_SECRET;\napp.use(session({ secret }));\n' }],
    },
    {
      name: 'cookie-session keys array',
      code: "const cookieSession = require('cookie-session');\nconst app = require('express')();\napp.use(cookieSession({ name: 'session', keys: ['key1', 'key2'] }));\n",
      errors: [{ line: 3, column: 48, message: /^The cookie-session keys is written in the source code/ }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: "const cookieSession = require('cookie-session');\nconst app = require('express')();\napp.use(cookieSession({ name: 'session', keys: [process.env.SESSION_SECRET] }));\n" }],
    },
    {
      name: 'cookie-session secret (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nimport cookieSession from 'cookie-session';\nconst app = express();\napp.use(cookieSession({ secret: 'manny is cool' }));\n",
      errors: [{ line: 4, column: 33 }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: "import express from 'express';\nimport cookieSession from 'cookie-session';\nconst app = express();\napp.use(cookieSession({ secret: process.env.SESSION_SECRET }));\n" }],
    },
    {
      name: 'Koa app.keys',
      code: "const Koa = require('koa');\nconst session = require('koa-session');\nconst app = new Koa();\napp.keys = ['some secret hurr'];\napp.use(session(app));\n",
      errors: [{ line: 4, column: 12, message: /^The Koa app\.keys/ }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: "const Koa = require('koa');\nconst session = require('koa-session');\nconst app = new Koa();\napp.keys = [process.env.SESSION_SECRET];\napp.use(session(app));\n" }],
    },
    {
      name: 'jsonwebtoken sign and verify with literals (njsscan hardcoded_jwt_secret)',
      filename: 'src/auth.ts',
      code: "import jwt from 'jsonwebtoken';\nexport const issue = (id: string) => jwt.sign({ sub: id }, 'super-secret', { expiresIn: '1h' });\nexport const check = (t: string) => jwt.verify(t, `super-secret`);\n",
      errors: [
        { line: 2, column: 60, message: /^The jsonwebtoken sign\(\) secret is written in the source code: anyone who can read the repository can forge tokens/ },
        { line: 3, column: 51, message: /^The jsonwebtoken verify\(\) secret/ },
      ],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.JWT_SECRET', output: "import jwt from 'jsonwebtoken';\nexport const issue = (id: string) => jwt.sign({ sub: id }, process.env.JWT_SECRET as string, { expiresIn: '1h' });\nexport const check = (t: string) => jwt.verify(t, `super-secret`);\n" }],
    },
    {
      name: 'named import of sign',
      code: "const { sign } = require('jsonwebtoken');\nsign({ sub: 1 }, 'abc');\n",
      errors: [{ line: 2, column: 18 }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.JWT_SECRET', output: "const { sign } = require('jsonwebtoken');\nsign({ sub: 1 }, process.env.JWT_SECRET);\n" }],
    },
    {
      name: '@fastify/session secret',
      code: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: 'a secret with minimum length of 32 characters' });\n",
      errors: [{ line: 2, column: 57 }],
      output: null,
      suggestions: [{ title: 'Read the secret from process.env.SESSION_SECRET', output: "const fastify = require('fastify')();\nfastify.register(require('@fastify/session'), { secret: process.env.SESSION_SECRET });\n" }],
    },
  ],
});

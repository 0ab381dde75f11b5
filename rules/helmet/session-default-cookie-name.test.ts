import { ruleTester } from '../../test/ruleTester';
import rule from './session-default-cookie-name';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'a name of its own', code: HEAD + "app.use(session({ secret: process.env.S, name: 'sid' }));\n" },
    { name: 'the legacy key option', code: HEAD + "app.use(session({ secret: process.env.S, key: 'app.sid' }));\n" },
    { name: 'options from configuration', code: HEAD + 'app.use(session(config.session));\n' },
    { name: 'a spread may carry the name', code: HEAD + 'app.use(session({ ...config.session, secret: process.env.S }));\n' },
    { name: 'cookie-session default name "session" does not name the stack', code: "const cookieSession = require('cookie-session');\nconst app = require('express')();\napp.use(cookieSession({ keys: [process.env.K] }));\n" },
    { name: 'koa-session with a key', code: "const Koa = require('koa');\nconst session = require('koa-session');\nconst app = new Koa();\napp.use(session({ key: 'sid' }, app));\n" },
  ],
  invalid: [
    {
      name: 'express-session default connect.sid',
      code: HEAD + 'app.use(session({ secret: process.env.S, resave: false }));\n',
      errors: [{ line: 4, column: 17, message: `express-session uses its default cookie name "connect.sid", which tells scanners the stack. Set name: 'sid' (or another neutral name).` }],
      suggestions: [{ title: /^Name the session cookie 'sid'/, output: HEAD + "app.use(session({ secret: process.env.S, resave: false, name: 'sid' }));\n" }],
    },
    {
      name: 'koa-session default koa.sess (ESM)',
      filename: 'server.mjs',
      code: "import Koa from 'koa';\nimport session from 'koa-session';\nconst app = new Koa();\napp.use(session({ maxAge: 86400000 }, app));\n",
      errors: [{ line: 4, column: 17, message: /"koa\.sess".*Set key: 'sid'/ }],
      suggestions: [{ title: /sid/, output: "import Koa from 'koa';\nimport session from 'koa-session';\nconst app = new Koa();\napp.use(session({ maxAge: 86400000, key: 'sid' }, app));\n" }],
    },
    {
      name: 'session() without options: no suggestion',
      code: HEAD + 'app.use(session());\n',
      errors: [{ line: 4, column: 9 }],
      suggestions: [],
    },
  ],
});

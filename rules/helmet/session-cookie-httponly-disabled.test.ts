import { ruleTester } from '../../test/ruleTester';
import rule from './session-cookie-httponly-disabled';

const HEAD = "const express = require('express');\nconst session = require('express-session');\nconst app = express();\n";

ruleTester(rule, {
  valid: [
    { name: 'default (HttpOnly)', code: HEAD + 'app.use(session({ secret: process.env.S }));\n' },
    { name: 'httpOnly: true', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { httpOnly: true } }));\n' },
    { name: 'dynamic', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { httpOnly: config.httpOnly } }));\n' },
    { name: 'commented out', code: HEAD + 'app.use(session({ secret: process.env.S, cookie: { /* httpOnly: false */ } }));\n' },
  ],
  invalid: [
    {
      name: 'express-session cookie.httpOnly: false (own line)',
      code: HEAD + 'app.use(session({\n  secret: process.env.S,\n  cookie: {\n    secure: true,\n    httpOnly: false,\n  },\n}));\n',
      errors: [{ line: 8, column: 15, message: 'express-session sets cookie.httpOnly to false: any script on the page (one XSS bug) can read the session cookie and hijack the session. Remove the option; the default is HttpOnly.' }],
      output: null,
      suggestions: [{ title: 'Remove cookie.httpOnly: false (default true)', output: HEAD + 'app.use(session({\n  secret: process.env.S,\n  cookie: {\n    secure: true,\n  },\n}));\n' }],
    },
    {
      name: 'cookie-session httpOnly: false inline (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nimport cookieSession from 'cookie-session';\nconst app = express();\napp.use(cookieSession({ keys: [process.env.K], httpOnly: false, secure: true }));\n",
      errors: [{ line: 4, column: 58, message: /^cookie-session sets httpOnly to false/ }],
      output: null,
      suggestions: [{ title: 'Remove httpOnly: false (default true)', output: "import express from 'express';\nimport cookieSession from 'cookie-session';\nconst app = express();\napp.use(cookieSession({ keys: [process.env.K], secure: true }));\n" }],
    },
    {
      name: 'the only cookie option',
      filename: 'src/main.ts',
      code: "import session from 'express-session';\nexport const sessionMiddleware = session({ secret: process.env.S as string, cookie: { httpOnly: false } });\n",
      errors: [{ line: 2, column: 97 }],
      output: null,
      suggestions: [{ title: 'Remove cookie.httpOnly: false (default true)', output: "import session from 'express-session';\nexport const sessionMiddleware = session({ secret: process.env.S as string, cookie: {} });\n" }],
    },
  ],
});

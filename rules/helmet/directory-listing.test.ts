import { ruleTester } from '../../test/ruleTester';
import rule from './directory-listing';

ruleTester(rule, {
  valid: [
    { name: 'express.static only', code: "const express = require('express');\nconst app = express();\napp.use('/files', express.static('public/files'));\n" },
    { name: 'serve-index commented out', code: "const express = require('express');\n// const serveIndex = require('serve-index');\nconst app = express();\n" },
  ],
  invalid: [
    {
      name: 'serve-index (CommonJS)',
      code: "const express = require('express');\nconst serveIndex = require('serve-index');\nconst app = express();\napp.use('/ftp', express.static('public/ftp'), serveIndex('public/ftp', { icons: true }));\n",
      errors: [{ line: 4, column: 47, message: 'serve-index lists the files of a directory to anyone who asks: backups, .env files, source maps and uploads become easy to find. Serve known files only, or put the listing behind authentication.' }],
    },
    {
      name: 'serve-index (ESM)',
      filename: 'server.mjs',
      code: "import express from 'express';\nimport serveIndex from 'serve-index';\nconst app = express();\napp.use(serveIndex('uploads'));\n",
      errors: [{ line: 4, column: 9 }],
    },
  ],
});

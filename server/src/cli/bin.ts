#!/usr/bin/env node
import { run } from './main';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`readiness-lint: internal error: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);

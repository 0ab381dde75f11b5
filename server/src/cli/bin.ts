#!/usr/bin/env node
import { run } from './main';

// A reader that stops early (`readiness-lint . | head`) closes the pipe: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    // No stack traces for users: one line, and the stack only when asked for.
    const detail = process.env.READINESS_LINT_DEBUG ? `\n${(e as Error).stack ?? e}` : ' (set READINESS_LINT_DEBUG=1 to see where; please report it)';
    process.stderr.write(`readiness-lint: internal error: ${(e as Error).message ?? e}${detail}\n`);
    process.exitCode = 2;
  },
);

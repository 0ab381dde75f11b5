import { ruleTester } from '../../test/ruleTester';
import rule from './apt-get-not-apt';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    'FROM debian:12\nRUN apt-cache policy curl',
    'FROM debian:12\nRUN echo apt install curl',
    'FROM debian:12\nRUN apt-get install -y apt',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt update && apt install -y curl',
      errors: [
        { line: 2, column: 5, endColumn: 8, message: 'Use `apt-get` or `apt-cache` instead of `apt`, whose command-line interface is not stable for scripts.' },
        { line: 2, column: 19 },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'subcommands without an apt-get twin are not fixed',
      code: 'FROM debian:12\nRUN apt search curl; apt full-upgrade -y; /usr/bin/apt install -y x',
      errors: [{ line: 2, column: 5 }, { line: 2, column: 22 }, { line: 2, column: 43 }],
      output: null,
    },
    {
      name: 'JSON form, sudo, continuation, later stage',
      code: 'FROM debian:12 AS a\nRUN ["apt", "install", "-y", "curl"]\nFROM a\nRUN set -e; \\\n    sudo apt \\\n      remove -y curl',
      errors: [{ line: 2, column: 6 }, { line: 5, column: 10 }],
      output: 'FROM debian:12 AS a\nRUN ["apt-get", "install", "-y", "curl"]\nFROM a\nRUN set -e; \\\n    sudo apt-get \\\n      remove -y curl',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt install -y curl\nEOF',
      errors: [{ line: 4, column: 1 }],
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF',
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './no-dist-upgrade';

ruleTester(rule, {
  valid: [
    'FROM debian:9.13\nRUN apt-get update && apt-get install -y curl && apt-get clean',
    'FROM debian:12\nRUN apt-get upgrade -y',
    'FROM opensuse/leap:15\nRUN zypper -n patch && zypper -n up',
    'FROM debian:12\nRUN echo apt-get dist-upgrade',
  ],
  invalid: [
    {
      code: 'FROM debian:9.13\nRUN apt-get update && apt-get dist-upgrade && apt-get -y install curl && apt-get clean\nUSER mike',
      errors: [{ line: 2, column: 31, endColumn: 43, message: '`apt-get dist-upgrade` can upgrade the whole distribution; use a newer base image instead.' }],
    },
    {
      name: 'zypper dup, apt full-upgrade, JSON form and continuation',
      code: 'FROM opensuse/leap:15 AS a\nRUN zypper --non-interactive \\\n    dup\nFROM debian:12\nRUN ["apt", "full-upgrade", "-y"]\nRUN zypper dist-upgrade -y',
      errors: [{ line: 3, column: 5 }, { line: 5, column: 13 }, { line: 6, column: 12 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './useradd-l-flag';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -u 10001 app',
    'FROM debian:12\nRUN useradd -l -u 1000000 app',
    'FROM debian:12\nRUN useradd --no-log-init --uid=1000000 app',
    'FROM debian:12\nRUN useradd -rlm -u 1000000 app',
    'FROM debian:12\nRUN useradd app',
    'FROM debian:12\nARG UID=1000\nRUN useradd -u $UID app',
    'FROM debian:12\nRUN useradd -u "$UID" app',
    { name: 'global ARG not re-declared in the stage is empty in RUN', code: 'ARG U=1000000\nFROM debian:12\nRUN useradd -u $U app' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN useradd -u 1000000 app',
      errors: [{ line: 2, column: 13, endColumn: 23, message: '`useradd` with UID 1000000 and no `-l` writes a huge sparse lastlog into the image; add `-l` (`--no-log-init`).' }],
      output: 'FROM debian:12\nRUN useradd -l -u 1000000 app',
    },
    {
      name: 'UID from a re-declared global ARG and from ENV in a parent stage; sudo; continuation',
      code: 'ARG APP_UID=123456\nFROM debian:12 AS base\nENV OTHER_UID=2000000\nFROM base\nARG APP_UID\nRUN sudo useradd --uid ${APP_UID} a \\\n && /usr/sbin/useradd -m \\\n      -u$OTHER_UID b',
      errors: [{ line: 6, column: 18 }, { line: 8, column: 7, message: /UID 2000000/ }],
      output: 'ARG APP_UID=123456\nFROM debian:12 AS base\nENV OTHER_UID=2000000\nFROM base\nARG APP_UID\nRUN sudo useradd -l --uid ${APP_UID} a \\\n && /usr/sbin/useradd -l -m \\\n      -u$OTHER_UID b',
    },
    {
      name: 'JSON form and heredoc',
      code: 'FROM debian:12\nRUN ["useradd", "-u", "999999", "app"]\nRUN <<EOF\nuseradd --uid=100000 b\nEOF',
      errors: [{ line: 2, column: 17 }, { line: 4, column: 9 }],
      output: 'FROM debian:12\nRUN ["useradd", "-l", "-u", "999999", "app"]\nRUN <<EOF\nuseradd -l --uid=100000 b\nEOF',
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './workdir-not-system-dir';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app',
    'FROM alpine:3.20\nWORKDIR /devtools\nWORKDIR /srv/proc\nWORKDIR /system',
    { name: 'relative and unknown', code: 'FROM alpine:3.20\nWORKDIR proc\nARG DIR\nWORKDIR $DIR' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nWORKDIR /proc/app',
      errors: [{ line: 2, column: 9, endColumn: 18, message: 'WORKDIR /proc/app is inside the system directory /proc: use an application directory such as /app instead.' }],
    },
    { name: 'quoted, without trailing slash', code: 'FROM alpine:3.20\nWORKDIR "/sys"\nWORKDIR /dev/', errors: [{ line: 2, column: 9 }, { line: 3, column: 9 }] },
    { name: 'ARG default and dot segments', code: 'ARG ROOT=/boot\nFROM alpine:3.20\nARG ROOT\nWORKDIR ${ROOT}/app\nWORKDIR /app/../lost+found', errors: [{ line: 4, column: 9 }, { line: 5, column: 9 }] },
  ],
});

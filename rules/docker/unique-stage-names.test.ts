import { ruleTester } from '../../test/ruleTester';
import rule from './unique-stage-names';

ruleTester(rule, {
  valid: [
    'FROM baseImage:1.1\nRUN test\n\nFROM debian:jesse2 as build2\nUSER mike\nRUN stuff\n\nFROM debian:jesse1 as build1\nUSER mike\nRUN more_stuff',
    '\nFROM scratch AS b1\nFROM scratch AS b2',
    { name: 'unnamed stages', code: 'FROM alpine:3.20\nFROM alpine:3.20' },
  ],
  invalid: [
    {
      code: 'FROM baseImage:1.1\nRUN test\n\nFROM debian:jesse2 as build\nUSER mike\nRUN stuff\n\nFROM debian:jesse1 as build\nUSER mike\nRUN more_stuff',
      errors: [{ line: 8, column: 23, endColumn: 28, message: /Stage name "build" is already used on line 4/ }],
    },
    {
      name: 'case-insensitive, with --platform and ARG',
      code: 'ARG IMG=alpine:3.20\nFROM ${IMG} AS b\nFROM --platform=$BUILDPLATFORM ${IMG} AS B\nFROM scratch AS b',
      errors: [{ line: 3, column: 42 }, { line: 4, column: 17 }],
    },
  ],
});

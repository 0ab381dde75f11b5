import { ruleTester } from '../../test/ruleTester';
import rule from './from-as-casing';

ruleTester(rule, {
  valid: [
    'FROM debian:12 AS deb-builder',
    'from debian:12 as deb-builder',
    { name: 'mixed FROM casing is another rule (BuildKit)', code: 'From scratch as base\nFROM scratch AS base2' },
    'FROM alpine:3.20',
  ],
  invalid: [
    {
      name: 'BuildKit case: FROM ... as',
      code: '\nFROM scratch AS BadStageName\n\nFROM scratch as base2\n\nFROM scratch AS base3',
      errors: [{ line: 4, column: 14, endColumn: 16, message: /'as' does not match the casing of 'FROM'; write 'AS'/ }],
      output: '\nFROM scratch AS BadStageName\n\nFROM scratch AS base2\n\nFROM scratch AS base3',
    },
    {
      name: 'from ... AS, with a platform flag and ARG',
      code: 'ARG V=3.20\nfrom --platform=$BUILDPLATFORM alpine:${V} AS base',
      errors: [{ line: 2, column: 44 }],
      output: 'ARG V=3.20\nfrom --platform=$BUILDPLATFORM alpine:${V} as base',
    },
  ],
});

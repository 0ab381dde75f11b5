import { ruleTester } from '../../test/ruleTester';
import rule from './reserved-stage-name';

ruleTester(rule, {
  valid: ['\nFROM scratch\nFROM scratch AS a', 'FROM alpine:3.20 AS scratchpad\nFROM alpine:3.20 AS build-context'],
  invalid: [
    {
      name: 'BuildKit case',
      code: '\nFROM scratch AS scratch\nFROM scratch AS context',
      errors: [
        { line: 2, column: 17, endColumn: 24, message: /"scratch" is reserved/ },
        { line: 3, column: 17, message: /"context" is reserved/ },
      ],
    },
    {
      name: 'any casing',
      code: 'FROM alpine:3.20 as Scratch',
      errors: [{ line: 1, column: 21 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './legacy-key-value-format';

// BuildKit agreement note: in testLegacyKeyValueFormat/03 the legacy ENV/LABEL sit in a stage the
// build target does not reach, so the *build* expects no warning, while BuildKit's lint subrequest
// (`docker build --check`) reports both. A linter lints every stage, as the lint subrequest does.
ruleTester(rule, {
  valid: [
    '\nFROM scratch\nENV testkey=value\nLABEL key=value',
    'FROM alpine:3.20\nENV A=1 B="two words"\nLABEL org.opencontainers.image.title="x"',
    { name: 'ARG is not affected', code: 'FROM alpine:3.20\nARG VERSION' },
  ],
  invalid: [
    {
      name: 'BuildKit case',
      code: '\nFROM scratch\nENV testkey value\nLABEL key value',
      errors: [
        { line: 3, column: 5, endColumn: 12, message: /Use "ENV testkey=value" instead of the legacy/ },
        { line: 4, column: 7, message: /LABEL key=value/ },
      ],
      output: '\nFROM scratch\nENV testkey=value\nLABEL key=value',
    },
    {
      name: 'value with spaces is quoted',
      code: 'FROM alpine:3.20\nENV GREETING hello   $USER world',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.20\nENV GREETING="hello   $USER world"',
    },
    {
      name: 'continuation lines stay, quoted from the first value word',
      code: 'FROM php:8.3\nENV PHPIZE_DEPS \\\n\t\tautoconf \\\n\t\tmake',
      errors: [{ line: 2, column: 5 }],
      output: 'FROM php:8.3\nENV PHPIZE_DEPS="autoconf \\\n\t\tmake"',
    },
    {
      name: 'already quoted value',
      code: 'FROM alpine:3.20 AS a\nFROM a\nLABEL description "A small image"',
      errors: [{ line: 3, column: 7 }],
      output: 'FROM alpine:3.20 AS a\nFROM a\nLABEL description="A small image"',
    },
    {
      name: 'backslashes: reported without a fix',
      code: 'FROM alpine:3.20\nENV GOPATH C:\\\\go',
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
  ],
});

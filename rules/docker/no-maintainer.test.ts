import { ruleTester } from '../../test/ruleTester';
import rule from './no-maintainer';

ruleTester(rule, {
  valid: ['FROM busybox:1.33.1\nUSER mike', '\nFROM scratch\nLABEL org.opencontainers.image.authors="me@example.org"'],
  invalid: [
    {
      code: 'FROM busybox:1.33.1\nUSER mike\nMAINTAINER Lukas Martinelli <me@lukasmartinelli.ch>',
      errors: [{ line: 3, column: 1, endColumn: 11, message: /MAINTAINER is deprecated/ }],
      output: 'FROM busybox:1.33.1\nUSER mike\nLABEL org.opencontainers.image.authors="Lukas Martinelli <me@lukasmartinelli.ch>"',
    },
    {
      name: 'quotes and $ are escaped, lowercase keyword kept lowercase',
      code: 'from scratch\nmaintainer Jo "JJ" Doe $5',
      errors: [{ line: 2, column: 1 }],
      output: 'from scratch\nlabel org.opencontainers.image.authors="Jo \\"JJ\\" Doe \\$5"',
    },
    {
      name: 'multi-line value: reported without a fix',
      code: 'FROM scratch\nMAINTAINER Jo \\\n  Doe',
      errors: [{ line: 2, column: 1 }],
      output: null,
    },
  ],
});

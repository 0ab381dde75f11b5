import { ruleTester } from '../../test/ruleTester';
import rule from './consistent-instruction-casing';

ruleTester(rule, {
  valid: [
    'FROM scratch\nCOPY Dockerfile /foo\nCOPY Dockerfile /bar',
    'from scratch\ncopy Dockerfile /foo\ncopy Dockerfile /bar',
    { name: 'heredoc body is not an instruction', code: "FROM alpine\nRUN <<'EOT'\nenv\nEOT" },
  ],
  invalid: [
    {
      name: 'a lower-case FROM with AS: the fix keeps FROM and AS in one casing',
      code: 'FROM alpine:3.20 AS base\nRUN echo hi\nfrom base as final\nCMD ["sh"]',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM alpine:3.20 AS base\nRUN echo hi\nFROM base AS final\nCMD ["sh"]',
    },
    {
      name: 'mixed-case keyword, uppercase majority',
      code: '\n# comment\n#\nFrom scratch as base\nFROM scratch AS base2',
      errors: [{ line: 4, column: 1, endColumn: 5, message: /Instruction 'From' should match the uppercase casing.*write 'FROM'/ }],
      output: '\n# comment\n#\nFROM scratch AS base\nFROM scratch AS base2',
    },
    {
      name: 'lowercase majority',
      code: 'from scratch\n# copy it\nCOPY Dockerfile /foo\ncopy Dockerfile /bar\n  Run echo hi',
      errors: [{ line: 3, column: 1, message: /lowercase/ }, { line: 5, column: 3 }],
      output: 'from scratch\n# copy it\ncopy Dockerfile /foo\ncopy Dockerfile /bar\n  run echo hi',
    },
    {
      name: 'tie goes to uppercase',
      code: 'FROM scratch AS base\ncopy Dockerfile .',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM scratch AS base\nCOPY Dockerfile .',
    },
  ],
});

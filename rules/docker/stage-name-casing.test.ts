import { ruleTester } from '../../test/ruleTester';
import rule from './stage-name-casing';

ruleTester(rule, {
  valid: ['FROM golang:1.22 AS builder-base\nFROM builder-base', 'FROM alpine:3.20'],
  invalid: [
    {
      name: 'BuildKit case',
      code: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS BadStageName\n\nFROM scratch as base2',
      errors: [{ line: 4, column: 17, endColumn: 29, message: /Stage name "BadStageName" should be lowercase/ }],
      output: '\n# warning: stage name should be lowercase\n#\nFROM scratch AS badstagename\n\nFROM scratch as base2',
    },
    {
      name: 'references in FROM, COPY --from and RUN --mount are renamed too',
      code: 'FROM golang:1.22 AS Builder\nRUN go build\nFROM Builder AS test\nRUN --mount=type=cache,from=Builder,target=/cache go test\nFROM alpine:3.20\nCOPY --from=BUILDER /out /app',
      errors: [{ line: 1, column: 21 }],
      output: 'FROM golang:1.22 AS builder\nRUN go build\nFROM builder AS test\nRUN --mount=type=cache,from=builder,target=/cache go test\nFROM alpine:3.20\nCOPY --from=builder /out /app',
    },
    {
      name: 'duplicate name once lowercased: no fix',
      code: 'FROM alpine:3.20 AS base\nFROM alpine:3.20 AS Base',
      errors: [{ line: 2, column: 21 }],
      output: null,
    },
  ],
});

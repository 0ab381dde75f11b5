import { ruleTester } from '../../test/ruleTester';
import rule from './no-copy-entire-fs-from-stage';

ruleTester(rule, {
  valid: [
    'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app',
    { name: 'copy of the build context root', code: 'FROM alpine:3.20\nCOPY / /src/' },
    { name: 'export stage built FROM scratch', code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM scratch AS export\nCOPY --from=build /out/app /\nFROM alpine:3.20\nCOPY --from=export / /' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build / /',
      errors: [{ line: 4, column: 19, endColumn: 20, message: 'Do not copy the whole filesystem of "build" with COPY --from: copy only the files the image needs.' }],
    },
    {
      name: 'by stage index, with --chown and a continuation',
      code: 'FROM debian:12\nRUN make\nFROM debian:12-slim\nCOPY --chown=10001 --from=0 \\\n    / /',
      errors: [{ line: 5, column: 5 }],
    },
    { name: 'from an image', code: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 /. /', errors: [{ line: 2, column: 26 }] },
  ],
});

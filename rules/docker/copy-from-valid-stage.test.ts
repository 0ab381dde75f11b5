import { ruleTester } from '../../test/ruleTester';
import rule from './copy-from-valid-stage';

ruleTester(rule, {
  valid: [
    'FROM golang:1.7.3 as dep\nCOPY  /binary /\n\nFROM alpine:3.13\nUSER mike\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]',
    { name: 'earlier stage, any case', code: 'FROM golang:1.22 AS Build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /out /app\nCOPY --from=0 /out /app2' },
    { name: 'external image', code: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/' },
    { name: 'ARG value is unknown', code: 'ARG SRC\nFROM alpine:3.20\nCOPY --from=${SRC} /a /b' },
  ],
  invalid: [
    {
      name: 'own stage (trivy DS-0006)',
      code: 'FROM golang:1.7.3 as dep\nCOPY --from=dep /binary /\n\nFROM alpine:3.13\nUSER mike',
      errors: [{ line: 2, column: 13, endColumn: 16, message: /own stage "dep"/ }],
    },
    {
      name: 'stage defined later',
      code: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS final\nCOPY --from=assets /x /y\nFROM node:22 AS assets',
      errors: [{ line: 4, column: 13, message: /defined later \(line 5\)/ }],
      suggestions: [{ title: 'Copy from stage "build"', output: 'FROM golang:1.22 AS build\nRUN go build\nFROM alpine:3.20 AS final\nCOPY --from=build /x /y\nFROM node:22 AS assets' }],
    },
    {
      name: 'numeric self and forward references, global ARG default',
      code: 'ARG SELF=1\nFROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=1 /a /b\nCOPY --from=${SELF} /a /b\nCOPY --chown=1:1 --from=2 /a /b',
      errors: [
        { line: 4, column: 13, message: /current stage/ },
        { line: 5, column: 13, message: /current stage/ },
        { line: 6, column: 25, message: /defined later/ },
      ],
    },
  ],
});

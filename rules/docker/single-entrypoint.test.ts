import { ruleTester } from '../../test/ruleTester';
import rule from './single-entrypoint';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nENTRYPOINT ["/app"]\nCMD ["--help"]',
    { name: 'one per stage', code: 'FROM golang:1.7.3 AS dep\nENTRYPOINT ["/a"]\n\nFROM alpine:3.13\nENTRYPOINT ["/b"]' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.7.3 as dep\nCOPY dep /binary /\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]\n\nFROM alpine:3.13\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]',
      errors: [{ line: 3, column: 1, message: /Only the last ENTRYPOINT/ }],
      output: 'FROM golang:1.7.3 as dep\nCOPY dep /binary /\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]\n\nFROM alpine:3.13\nENTRYPOINT [ "/opt/app/run.sh --port 8080" ]',
    },
    {
      name: 'shell form and lowercase keyword',
      code: 'FROM alpine:3.20\nentrypoint /run.sh\nENTRYPOINT ["/app"]\n',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.20\nENTRYPOINT ["/app"]\n',
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './no-sudo';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM alpine:3.20\nRUN echo sudo is just a word here',
    { name: 'suppressed with reason', code: 'FROM alpine:3.20\n# readiness-lint-disable-next-line docker/no-sudo -- dev image\nRUN sudo ls' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN sudo apt-get update && sudo apt-get install -y curl',
      errors: [
        { line: 2, column: 5, endColumn: 9, message: /Do not use sudo/ },
        { line: 2, column: 28 },
      ],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'sudo with options is reported but not fixed',
      code: 'FROM debian:12\nRUN sudo -u app make',
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
    {
      name: 'multi-line RUN',
      code: 'FROM debian:12\nRUN set -e; \\\n    sudo make install',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\nRUN set -e; \\\n    make install',
    },
    {
      name: 'hadolint pragma for another rule does not hide it',
      code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN sudo make',
      errors: [{ line: 3, column: 5 }],
      output: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN make',
    },
  ],
});

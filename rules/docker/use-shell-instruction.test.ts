import { ruleTester } from '../../test/ruleTester';
import rule from './use-shell-instruction';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo ok',
    'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/mysh',
    'FROM debian:12\nRUN ln -sf /usr/share/zoneinfo/UTC /etc/localtime',
    'FROM debian:12\nRUN echo ln -sf /bin/bash /bin/sh',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
      errors: [{ line: 2, column: 5, endColumn: 29, message: 'Do not relink /bin/sh to change the shell; use `SHELL ["/bin/bash", "-c"]` instead.' }],
      suggestions: [{ title: 'Replace with SHELL ["/bin/bash", "-c"]', output: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]' }],
    },
    {
      name: 'inside a chain: no suggestion; sudo; continuation; later stage',
      code: 'FROM debian:12 AS a\nRUN echo a\nFROM a\nRUN set -e \\\n && sudo ln -s -f /bin/dash /bin/sh \\\n && echo done',
      errors: [{ line: 5, column: 10 }],
      suggestions: [],
    },
    {
      name: 'JSON form and heredoc',
      code: 'FROM debian:12\nRUN ["ln", "-sf", "/bin/zsh", "/bin/sh"]\nRUN <<EOF\nln -sf /bin/bash /usr/bin/sh\nEOF',
      errors: [{ line: 2, column: 6 }, { line: 4, column: 1 }],
    },
  ],
});

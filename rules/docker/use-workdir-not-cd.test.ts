import { ruleTester } from '../../test/ruleTester';
import rule from './use-workdir-not-cd';

ruleTester(rule, {
  valid: [
    'FROM nginx:2.2\nWORKDIR /usr/share/nginx/html\nUSER mike\nCMD cd /usr/share/nginx/html && nginx -g "daemon off;"',
    { name: 'cd inside a subshell does not leak', code: 'FROM debian:12\nRUN (cd /tmp && make) && make install' },
    { name: 'cd as a word', code: 'FROM debian:12\nRUN echo cd /x' },
    { name: 'JSON form', code: 'FROM debian:12\nRUN ["make", "-C", "/src"]' },
  ],
  invalid: [
    {
      code: 'FROM nginx:2.2\nRUN cd /usr/share/nginx/html\nUSER mike',
      errors: [{ line: 2, column: 5, endColumn: 29, message: /Use WORKDIR/ }],
      suggestions: [{ title: /Replace the RUN with WORKDIR/, output: 'FROM nginx:2.2\nWORKDIR /usr/share/nginx/html\nUSER mike' }],
    },
    {
      name: 'leading cd && ...: suggestion moves it to WORKDIR',
      code: 'FROM debian:12\nRUN cd /src && \\\n    make',
      errors: [{ line: 2, column: 5 }],
      suggestions: [{ title: /WORKDIR/, output: 'FROM debian:12\nWORKDIR /src\nRUN make' }],
    },
    {
      name: 'cd later in the script: reported once, no suggestion',
      code: 'FROM debian:12\nRUN make; cd /y; make install; cd /z',
      errors: [{ line: 2, column: 11 }],
      suggestions: [],
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\ncd /src\nmake\nEOF',
      errors: [{ line: 3, column: 1 }],
    },
  ],
});

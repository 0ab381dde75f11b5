import { ruleTester } from '../../test/ruleTester';
import rule from './no-chpasswd';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN useradd --no-log-init -u 10001 app',
    'FROM debian:12\nRUN echo chpasswd is only mentioned here',
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN echo "root:changeme" | chpasswd',
      errors: [{ line: 2, column: 28, endColumn: 36, message: /Do not set passwords in the image with chpasswd/ }],
    },
    { name: 'through sudo, multi-line', code: 'FROM debian:12\nRUN useradd app && \\\n    echo "app:x" | sudo /usr/sbin/chpasswd -e', errors: [{ line: 3, column: 25 }] },
    { name: 'heredoc', code: 'FROM debian:12\nRUN <<EOF\necho "app:x" | chpasswd\nEOF', errors: [{ line: 3, column: 16 }] },
  ],
});

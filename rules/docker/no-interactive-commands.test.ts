import { ruleTester } from '../../test/ruleTester';
import rule from './no-interactive-commands';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y vim procps openssh-client',
    'FROM debian:12\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts',
    'FROM debian:12\nRUN echo top ps kill',
    'FROM debian:12\nCMD ["top"]',
    { name: 'heredoc data', code: 'FROM debian:12\nRUN cat <<EOF > /usr/local/bin/stop.sh\nkill 1\nEOF' },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN service nginx start',
      errors: [{ line: 2, column: 5, endColumn: 12, message: '`service` starts a service that does not survive the build step during an image build; remove it from the RUN instruction.' }],
    },
    {
      name: 'several commands; sudo; continuation; JSON form; stages',
      code: 'FROM debian:12 AS a\nRUN ["vim", "/etc/hosts"]\nFROM a\nRUN ps aux | grep x \\\n && sudo /sbin/shutdown -h now',
      errors: [{ line: 2, column: 6 }, { line: 4, column: 5 }, { line: 5, column: 10 }],
    },
    {
      name: 'heredoc script',
      code: 'FROM debian:12\nRUN <<EOF\nset -e\nmount -t tmpfs none /mnt\nEOF',
      errors: [{ line: 4, column: 1, message: /`mount` changes mounts/ }],
    },
  ],
});

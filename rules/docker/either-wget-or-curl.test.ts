import { ruleTester } from '../../test/ruleTester';
import rule from './either-wget-or-curl';

ruleTester(rule, {
  valid: [
    'FROM debian:stable-20210621\nRUN curl http://bing.com\nRUN curl http://google.com\n\nFROM baseimage:1.0\nUSER mike\nRUN curl http://bing.com',
    'FROM debian:12\nRUN apt-get install -y curl wget && curl -fsSL https://example.com',
    'FROM debian:12\nRUN wget -q https://example.com/a && echo curl',
    'FROM debian:12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nRUN wget -q https://example.com/a',
  ],
  invalid: [
    {
      name: 'trivy DS-0014 bad example',
      code: 'FROM debian:stable-20210621\nRUN wget http://bing.com\nRUN curl http://google.com\n\nFROM baseimage:1.0\nUSER mike\nRUN curl http://bing.com',
      errors: [{ line: 2, column: 5, endColumn: 9, message: 'This Dockerfile uses both wget and curl; use curl here as well so the image needs only one download tool.' }],
    },
    {
      name: 'curl is the rarer tool; JSON form, sudo and continuation',
      code: 'FROM debian:12\nRUN ["wget", "-q", "https://example.com/a"]\nRUN set -e \\\n && sudo wget -q https://example.com/b \\\n && /usr/bin/curl -fsSLO https://example.com/c',
      errors: [{ line: 5, column: 5 }],
    },
    {
      name: 'tie reports wget; heredoc',
      code: 'FROM debian:12\nRUN <<EOF\ncurl -fsSLO https://example.com/a\nwget -q https://example.com/b\nEOF',
      errors: [{ line: 4, column: 1 }],
    },
  ],
});

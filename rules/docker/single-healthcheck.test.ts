import { ruleTester } from '../../test/ruleTester';
import rule from './single-healthcheck';

ruleTester(rule, {
  valid: [
    'FROM busybox:1.33.1\nHEALTHCHECK CMD /bin/healthcheck\n\nFROM alpine:3.13\nHEALTHCHECK CMD /bin/healthcheck\nUSER mike\nCMD ./app',
    'FROM nginx:1.27\nHEALTHCHECK NONE',
  ],
  invalid: [
    {
      code: 'FROM busybox:1.33.1\nHEALTHCHECK CMD curl http://localhost:8080\nHEALTHCHECK CMD /bin/healthcheck\n\nFROM alpine:3.13\nHEALTHCHECK CMD /bin/healthcheck',
      errors: [{ line: 2, column: 1, message: /line 3 overrides/ }],
      output: 'FROM busybox:1.33.1\nHEALTHCHECK CMD /bin/healthcheck\n\nFROM alpine:3.13\nHEALTHCHECK CMD /bin/healthcheck',
    },
    {
      name: 'options and continuation lines are removed with the instruction',
      code: 'FROM nginx:1.27\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/\nHEALTHCHECK NONE',
      errors: [{ line: 2, column: 1 }],
      output: 'FROM nginx:1.27\nHEALTHCHECK NONE',
    },
  ],
});

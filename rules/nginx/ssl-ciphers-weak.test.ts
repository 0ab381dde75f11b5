import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-ciphers-weak';

const MOZ = 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305';

ruleTester(rule, {
  valid: [
    { name: "nginx's default list", code: 'http {\n    ssl_ciphers HIGH:!aNULL:!MD5;\n}\n' },
    { name: 'Mozilla intermediate, quoted', code: `http {\n    ssl_ciphers "${MOZ}";\n}\n` },
    { name: 'cipherli.st style', code: "http {\n    ssl_ciphers 'EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH';\n}\n" },
    { name: 'ALL with every weak family excluded', code: 'http {\n    ssl_ciphers ALL:!aNULL:!eNULL:!EXPORT:!LOW:!MEDIUM:!RC4:!3DES:!MD5:!DES;\n}\n' },
    { name: 'negated weak tokens only', code: 'http {\n    ssl_ciphers HIGH:!RC4:!3DES:!aNULL:!ADH:!EXPORT:-MEDIUM;\n}\n' },
    { name: 'CAMELLIA is legacy, not broken (default options)', code: 'http {\n    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-CAMELLIA256-SHA;\n}\n' },
    { name: 'TLSv1.3-only: ssl_ciphers configures nothing', code: 'server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.3;\n    ssl_ciphers ALL;\n}\n' },
    { name: 'a variable (not supported by nginx, not judged)', code: 'http {\n    ssl_ciphers $ciphers;\n}\n' },
  ],
  invalid: [
    {
      name: 'RC4 and 3DES by name',
      code: 'server {\n    listen 443 ssl;\n    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:DES-CBC3-SHA;\n}\n',
      errors: [{ line: 3, column: 5, message: 'ssl_ciphers explicitly allows weak ciphers ("RC4-SHA" enables RC4; "DES-CBC3-SHA" enables 3DES): use Mozilla\'s intermediate list, or exclude them with "!".' }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'server {\n    listen 443 ssl;\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n}\n' }],
    },
    {
      name: 'ALL without exclusions',
      code: 'http {\n    ssl_ciphers ALL:!aNULL;\n}\n',
      errors: [{ line: 2, column: 5, message: /"ALL" enables RC4, single DES, 3DES, EXPORT-grade, MD5, LOW-grade, MEDIUM-grade, IDEA\)/ }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'http {\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n}\n' }],
    },
    {
      name: 'aNULL not negated, DEFAULT',
      code: "http {\n    ssl_ciphers 'DEFAULT:aNULL:!3DES:!RC4:!MEDIUM:!MD5:!IDEA';\n}\n",
      errors: [{ line: 2, column: 5, message: /"aNULL" enables anonymous \(aNULL, no authentication\)/ }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'http {\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n}\n' }],
    },
    {
      name: 'flagLegacy reports CAMELLIA',
      options: { flagLegacy: true },
      code: 'http {\n    ssl_ciphers ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-CAMELLIA256-SHA;\n}\n',
      errors: [{ line: 2, column: 5, message: /"DHE-RSA-CAMELLIA256-SHA" enables CAMELLIA/ }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'http {\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n}\n' }],
    },
    {
      name: 'TLSv1.3-only at http, but a server enables TLSv1.2 again',
      code: 'http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers ALL;\n    server {\n        listen 443 ssl;\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n',
      errors: [{ line: 3, column: 5 }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'http {\n    ssl_protocols TLSv1.3;\n    ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n    server {\n        listen 443 ssl;\n        ssl_protocols TLSv1.2 TLSv1.3;\n    }\n}\n' }],
    },
    {
      name: 'multi-line quoted value, CRLF',
      code: 'http {\r\n    ssl_ciphers\r\n        "RC4:HIGH";\r\n}\r\n',
      errors: [{ line: 2, column: 5, message: /"RC4" enables RC4/ }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'http {\r\n    ssl_ciphers\r\n        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\r\n}\r\n' }],
    },
    {
      name: 'stream ssl_ciphers, same rule',
      code: 'stream {\n    server {\n        listen 993 ssl;\n        ssl_ciphers EXP-RC4-MD5;\n    }\n}\n',
      errors: [{ line: 4, column: 9, message: /"EXP-RC4-MD5" enables EXPORT-grade, RC4, MD5/ }],
      output: null,
      suggestions: [{ title: "Use Mozilla's intermediate cipher list", output: 'stream {\n    server {\n        listen 993 ssl;\n        ssl_ciphers "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";\n    }\n}\n' }],
    },
  ],
});

describe('nginx/ssl-ciphers-weak evidence', () => {
  const passes = (text: string) => lintText({ path: 'nginx.conf', text, onlyRules: [rule], config: resolveConfig({}) })!.passes.map((p) => `${p.range.start.line + 1} ${p.message}`);
  it('names the list in effect at each TLS server', () => {
    const text = `http {\n    ssl_ciphers ${MOZ};\n    server {\n        listen 443 ssl;\n        server_name a.example;\n    }\n    server {\n        listen 443 ssl;\n        server_name b.example;\n        ssl_ciphers HIGH:!aNULL:!MD5;\n    }\n    server {\n        listen 80;\n    }\n}\n`;
    assert.deepEqual(passes(text), ['2 Mozilla intermediate ciphers at server a.example :443 (ssl_ciphers, line 2)', '10 No weak ciphers at server b.example :443 (ssl_ciphers, line 10)']);
  });
  it("the nginx default counts; a fragment's unknown includer does not", () => {
    assert.deepEqual(passes('http {\n    server {\n        listen 443 ssl;\n    }\n}\n'), ['2 nginx default ciphers HIGH:!aNULL:!MD5 at server :443']);
    assert.deepEqual(passes('server {\n    listen 443 ssl;\n}\n'), []);
    assert.deepEqual(passes('http {\n    ssl_ciphers RC4;\n    server {\n        listen 443 ssl;\n    }\n}\n'), []);
  });
});

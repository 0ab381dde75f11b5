import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './ssl-protocols-insecure';

const TLS = 'server {\n    listen 443 ssl;\n    server_name example.com;\n';

ruleTester(rule, {
  valid: [
    { name: 'Mozilla intermediate', code: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n' },
    { name: 'TLSv1.3 only (modern)', code: `${TLS}    ssl_protocols TLSv1.3;\n}\n` },
    { name: 'no ssl_protocols at all (the missing rule judges that)', code: `${TLS}}\n` },
    { name: 'proxy_ssl_protocols is the upstream side, not this rule', code: 'location / {\n    proxy_ssl_protocols TLSv1 TLSv1.2;\n}\n' },
    { name: 'a comment naming TLSv1', code: 'http {\n    # ssl_protocols TLSv1 TLSv1.1;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n' },
  ],
  invalid: [
    {
      name: "Debian's packaged nginx.conf",
      code: 'http {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE\n    ssl_prefer_server_ciphers on;\n}\n',
      errors: [{ line: 2, column: 5, endColumn: 18, message: 'ssl_protocols explicitly enables "TLSv1", "TLSv1.1", which are insecure and refused by current browsers: allow only "TLSv1.2 TLSv1.3".' }],
      output: null,
      suggestions: [{ title: 'Set "ssl_protocols TLSv1.2 TLSv1.3;"', output: 'http {\n    ssl_protocols TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE\n    ssl_prefer_server_ciphers on;\n}\n' }],
    },
    {
      name: 'SSLv3 alone, in a server',
      code: `${TLS}    ssl_protocols SSLv3;\n}\n`,
      errors: [{ line: 4, column: 5, message: /"SSLv3", which is insecure/ }],
      output: null,
      suggestions: [{ title: 'Set "ssl_protocols TLSv1.2 TLSv1.3;"', output: 'server {\n    listen 443 ssl;\n    server_name example.com;\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\n' }],
    },
    {
      name: 'case-insensitive like nginx, stream and mail too',
      code: 'stream {\n    ssl_protocols tlsv1.1 TLSv1.2;\n}\nmail {\n    ssl_protocols SSLv2 TLSv1.2;\n}\n',
      errors: [{ line: 2, column: 5, message: /"tlsv1\.1"/ }, { line: 5, column: 5, message: /"SSLv2"/ }],
      output: null,
      suggestions: [{ title: 'Set "ssl_protocols TLSv1.2 TLSv1.3;"', output: 'stream {\n    ssl_protocols TLSv1.2 TLSv1.3;\n}\nmail {\n    ssl_protocols SSLv2 TLSv1.2;\n}\n' }],
    },
    {
      name: 'multi-line directive, CRLF',
      code: 'http {\r\n    ssl_protocols TLSv1\r\n                  TLSv1.2;\r\n}\r\n',
      errors: [{ line: 2, column: 5 }],
      output: null,
      suggestions: [{ title: 'Set "ssl_protocols TLSv1.2 TLSv1.3;"', output: 'http {\r\n    ssl_protocols TLSv1.2 TLSv1.3;\r\n}\r\n' }],
    },
    {
      name: 'a snippet of ssl settings',
      filename: 'nginx/snippets/ssl-params.conf',
      code: 'ssl_protocols TLSv1.1 TLSv1.2;\nssl_session_cache shared:SSL:10m;\n',
      errors: [{ line: 1, column: 1 }],
      output: null,
      suggestions: [{ title: 'Set "ssl_protocols TLSv1.2 TLSv1.3;"', output: 'ssl_protocols TLSv1.2 TLSv1.3;\nssl_session_cache shared:SSL:10m;\n' }],
    },
  ],
});

describe('nginx/ssl-protocols-insecure evidence', () => {
  const passes = (text: string, path = 'nginx.conf', workspace?: Parameters<typeof lintText>[0]['workspace']) =>
    lintText({ path, text, onlyRules: [rule], workspace })!.passes.map((p) => `${p.range.start.line + 1} ${p.message}`);

  it('passes each TLS server with safe protocols, naming where they are set', () => {
    const text = 'http {\n    ssl_protocols TLSv1.2 TLSv1.3;\n    server {\n        listen 443 ssl;\n        server_name example.com;\n    }\n    server {\n        listen 80;\n    }\n}\n';
    assert.deepEqual(passes(text), ['2 TLSv1.2 TLSv1.3 at server example.com :443 (ssl_protocols, line 2)']);
  });

  it('no evidence with insecure protocols or none at all', () => {
    assert.deepEqual(passes('http {\n    ssl_protocols TLSv1 TLSv1.2;\n    server {\n        listen 443 ssl;\n    }\n}\n'), []);
    assert.deepEqual(passes('server {\n    listen 443 ssl;\n}\n'), []);
  });

  it('evidence from the includer of a conf.d fragment points at the server', async () => {
    const { staticWorkspace } = await import('../../server/src/engine/runner');
    const { nginxLanguage } = await import('./language');
    const main = 'events {}\nhttp {\n    ssl_protocols TLSv1.3;\n    include conf.d/*.conf;\n}\n';
    const site = 'server {\n    listen 443 ssl;\n    server_name site.example;\n}\n';
    const entry = (path: string, code: string) => ({ domain: 'nginx', path, items: nginxLanguage.indexItems!(nginxLanguage.parse(code, path).model, path) });
    const ws = staticWorkspace([entry('nginx/nginx.conf', main), entry('nginx/conf.d/site.conf', site)]);
    assert.deepEqual(passes(site, 'nginx/conf.d/site.conf', ws), ['1 TLSv1.3 at server site.example :443 (ssl_protocols, nginx/nginx.conf:3)']);
  });
});

// Hover documentation in nginx files (server/src/lsp/nginxHover.ts), without a running server.
import assert from 'node:assert/strict';
import { nginxHover, nginxVariableDoc } from '../../server/src/lsp/nginxHover';

/** Hover at the first character of the n-th occurrence of `needle`, plus `delta`. */
function at(text: string, needle: string, delta = 0, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  return nginxHover(text, i + delta);
}

describe('nginx hover documentation', () => {
  const text = [
    '# server_tokens in a comment',
    'http {',
    '    map $http_upgrade $connection_upgrade { default upgrade; }',
    '    server {',
    '        server_tokens off;',
    '        return 301 "https://${host}$request_uri";',
    '        location ~ ^/(a)$ { rewrite ^ /b?x=$1 last; }',
    '        content_by_lua_block { ngx.say("server_tokens") }',
    '        listen 80',
    '    }',
    '}',
  ].join('\r\n');

  it('a directive name, from its first character to just after its last', () => {
    for (const delta of [0, 5, 13]) {
      const h = at(text, 'server_tokens off', delta)!;
      assert.match(h.markdown, /^\*\*server_tokens\*\* \(ngx_http_core_module\)/);
      assert.equal(text.slice(h.start, h.end), 'server_tokens');
    }
    assert.equal(at(text, 'off;', 0), null); // an argument without a variable
    assert.match(at(text, 'server {')!.markdown, /^\*\*server\*\*/);
    assert.match(at(text, 'http {', 1)!.markdown, /ngx_http_core_module\.html#http/);
  });

  it('variables, bare, in ${} form and inside quotes; unknown ones and captures have none', () => {
    const host = at(text, '${host}', 3)!;
    assert.match(host.markdown, /^\*\*\$host\*\* \(ngx_http_core_module\)/);
    assert.equal(text.slice(host.start, host.end), '${host}');
    assert.match(at(text, '$request_uri', 2)!.markdown, /#var_request_uri\)/);
    assert.match(at(text, '$http_upgrade', 1)!.markdown, /\*\*\$http_upgrade\*\* \(the `\$http_NAME` family\)/);
    assert.match(at(text, '$http_upgrade', 1)!.markdown, /#var_http_\)/);
    assert.equal(at(text, '$connection_upgrade', 1), null); // defined by the map, not by nginx
    assert.equal(at(text, '$1', 1), null);
  });

  it('nothing in comments, Lua bodies or map rows; a note for third-party directives', () => {
    assert.equal(at(text, 'server_tokens in'), null);
    assert.equal(at(text, 'server_tokens")', 2), null);
    assert.equal(at(text, 'default upgrade'), null);
    assert.match(at(text, 'content_by_lua_block')!.markdown, /third-party module/);
  });

  it('works in a file that does not parse (missing ";")', () => {
    assert.match(at(text, 'listen 80')!.markdown, /^\*\*listen\*\*/);
  });

  it('variable families resolve to their longest documented prefix', () => {
    assert.match(nginxVariableDoc('upstream_http_x_cache')!, /`\$upstream_http_NAME` family/);
    assert.match(nginxVariableDoc('$sent_http_content_type')!, /`\$sent_http_NAME` family/);
    assert.match(nginxVariableDoc('arg_page')!, /`\$arg_NAME` family/);
    assert.match(nginxVariableDoc('cookie_session_id')!, /`\$cookie_NAME` family/);
    assert.match(nginxVariableDoc('ssl_protocol')!, /^\*\*\$ssl_protocol\*\* \(ngx_http_ssl_module\)/);
    assert.match(nginxVariableDoc('ssl_protocol', 'stream')!, /^\*\*\$ssl_protocol\*\* \(ngx_stream_ssl_module\)/);
    assert.match(nginxHover('stream { server { set $p $ssl_protocol; } }', 30)!.markdown, /stream\/ngx_stream_ssl_module\.html#var_ssl_protocol/);
    assert.equal(nginxVariableDoc('ssl_client_nope'), null);
  });
});

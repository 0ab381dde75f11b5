import assert from 'node:assert/strict';
import { nginxLanguage } from './language';
import { walkDirectives } from './parser';
import { firstUserWith, mustStartWith, parseIfCondition, parseScript, sequences, userCan, valueAt } from './variables';

function at(text: string, name: string, nth = 0) {
  const model = nginxLanguage.parse(text, 'nginx.conf').model;
  const d = [...walkDirectives(model.directives)].filter((x) => x.name === name)[nth];
  assert.ok(d, `no ${name}`);
  return { model, d };
}

describe('nginx variables', () => {
  it('splits scripts like nginx (single-digit captures, braces)', () => {
    assert.deepEqual(parseScript('http://$host${uri}x$12$'), [{ lit: 'http://' }, { var: 'host' }, { var: 'uri' }, { lit: 'x' }, { var: '1' }, { lit: '2$' }]);
  });

  it('client-controlled built-ins and what they may hold', () => {
    const { model, d } = at('add_header X $uri$request_uri$arg_a$http_x$cookie_c;\n', 'add_header');
    const v = valueAt(model, d, '$uri');
    assert.equal(userCan(v, '\n'), true);
    assert.equal(userCan(valueAt(model, d, '$request_uri'), '\n'), false);
    assert.equal(mustStartWith(valueAt(model, d, '$request_uri'), '/'), true);
    assert.equal(userCan(valueAt(model, d, '$arg_a'), '&'), false);
    assert.equal(userCan(valueAt(model, d, '$http_x'), '\r'), false);
    assert.equal(userCan(valueAt(model, d, '$cookie_c'), ';'), false);
    assert.equal(userCan(valueAt(model, d, '$host$remote_addr$unknown'), '.'), false, 'not client-controlled or not known');
  });

  it('captures of the location, set, if-set alternatives', () => {
    const text = 'location ~ ^/(?<a>[^/]+)/(\\d+)$ {\n    set $x $1;\n    if ($arg_y) {\n        set $x "$2";\n    }\n    proxy_pass http://b/$x;\n}\n';
    const { model, d } = at(text, 'proxy_pass');
    const v = valueAt(model, d, '$x');
    assert.equal(firstUserWith(v, '\n')?.label, '$1');
    assert.equal(sequences(v).length, 2, 'either the first set or the one in the if');
    assert.equal(userCan(valueAt(model, d, '$a'), '\n'), true);
  });

  it('a rewrite-module directive sees only what ran before it', () => {
    const text = 'location / {\n    return 302 /$v;\n    set $v $uri;\n}\n';
    const { model, d } = at(text, 'return');
    assert.equal(userCan(valueAt(model, d, '$v'), '\n'), false);
    const p = at('location / {\n    add_header X $v;\n    set $v $uri;\n}\n', 'add_header');
    assert.equal(userCan(valueAt(p.model, p.d, '$v'), '\n'), true, 'add_header reads variables after the rewrite phase');
  });

  it('if captures are bounded by their subject; maps are followed', () => {
    const { model, d } = at('map $http_x $m {\n    default $http_x;\n    ~^(?<h>.+)$ $h;\n}\nlocation / {\n    if ($http_referer ~ ^(.*)$) {\n        return 302 /$1;\n    }\n}\n', 'return');
    assert.equal(userCan(valueAt(model, d, '$1'), '\n'), false);
    assert.equal(userCan(valueAt(model, d, '$1'), '.'), true);
    assert.equal(userCan(valueAt(model, d, '$m'), '.'), true);
    assert.equal(userCan(valueAt(model, d, '$m'), '\n'), false);
  });

  it('reads if conditions with glued or separate parentheses', () => {
    const c1 = parseIfCondition(at('if ($http_origin ~* ^https://x$) {\n}\n', 'if').d);
    assert.deepEqual([c1?.variable, c1?.operator, c1?.value], ['$http_origin', '~*', '^https://x$']);
    const c2 = parseIfCondition(at('if ( $a = "b" ) {\n}\n', 'if').d);
    assert.deepEqual([c2?.variable, c2?.operator, c2?.value], ['$a', '=', 'b']);
    const c3 = parseIfCondition(at('if (!-f $request_filename) {\n}\n', 'if').d);
    assert.deepEqual([c3?.variable, c3?.operator], ['$request_filename', '!-f']);
  });
});

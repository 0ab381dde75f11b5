import assert from 'node:assert/strict';
import { atLeast, parseVersion, socketOf, validateTargetVersion, weakCiphers } from './tls';
import { nginxLanguage } from './language';

const weak = (s: string) => weakCiphers(s).map((w) => `${w.cls}<${w.token}`).sort();

describe('tls helpers', () => {
  it('parses and compares nginx versions', () => {
    assert.deepEqual(parseVersion('1.22'), [1, 22, 0]);
    assert.deepEqual(parseVersion('1.27.4'), [1, 27, 4]);
    assert.equal(parseVersion('latest'), null);
    assert.equal(parseVersion(122), null);
    assert.equal(atLeast('1.27.3', '1.27.3'), true);
    assert.equal(atLeast('1.27', '1.27.3'), false);
    assert.equal(atLeast('1.28', '1.27.3'), true);
    assert.equal(atLeast('2', '1.27.3'), true);
    assert.equal(atLeast(null, '1.27.3'), null);
    assert.equal(validateTargetVersion({ targetVersion: '1.22' }), undefined);
    assert.equal(validateTargetVersion({ targetVersion: null }), undefined);
    assert.match(validateTargetVersion({ targetVersion: 'v1.22' })!, /targetVersion must be/);
  });

  it('finds weak families the way OpenSSL evaluates a cipher string', () => {
    assert.deepEqual(weak('HIGH:!aNULL:!MD5'), []);
    assert.deepEqual(weak('ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305'), []);
    assert.deepEqual(weak('EECDH+AESGCM:EDH+AESGCM:AES256+EECDH:AES256+EDH'), []);
    assert.deepEqual(weak('RC4-SHA:AES128-SHA'), ['RC4<RC4-SHA']);
    assert.deepEqual(weak('EDH-RSA-DES-CBC3-SHA:DES-CBC-SHA'), ['3DES<EDH-RSA-DES-CBC3-SHA', 'DES<DES-CBC-SHA']);
    assert.deepEqual(weak('HIGH:aNULL'), ['aNULL<aNULL']);
    assert.deepEqual(weak('ECDHE+RC4:HIGH'), ['RC4<ECDHE+RC4']);
    // Reordering with + adds nothing; ! and - remove.
    assert.deepEqual(weak('HIGH:+RC4:!aNULL'), []);
    assert.deepEqual(weak('RC4:!RC4'), []);
    assert.deepEqual(weak('!RC4:RC4'), [], '! removes for good');
    assert.deepEqual(weak('-RC4:RC4'), ['RC4<RC4'], '- can be added back');
    // Catch-alls enable what the rest does not exclude.
    assert.deepEqual(weak('ALL:!aNULL:!EXPORT:!LOW:!MEDIUM:!MD5:!CAMELLIA'), []);
    assert.deepEqual(weak('ALL:!aNULL:!EXPORT:!LOW:!MEDIUM:!MD5'), ['CAMELLIA<ALL']);
    assert.deepEqual(weak('DEFAULT:!MEDIUM:!MD5'), ['CAMELLIA<DEFAULT']);
    assert.deepEqual(weak('!DEFAULT:HIGH'), []);
    assert.deepEqual(weak('HIGH:@SECLEVEL=0'), ['SECLEVEL0<@SECLEVEL=0']);
    assert.deepEqual(weak('HIGH:@STRENGTH'), []);
  });

  it('normalises listen sockets', () => {
    const listen = (s: string) => nginxLanguage.parse(`listen ${s};`, 'x.conf').model.directives[0];
    assert.equal(socketOf(listen('443 ssl')), '*:443');
    assert.equal(socketOf(listen('0.0.0.0:443 ssl')), '*:443');
    assert.equal(socketOf(listen('*:443')), '*:443');
    assert.equal(socketOf(listen('[::]:443 ssl')), '[::]:443');
    assert.equal(socketOf(listen('127.0.0.1')), '127.0.0.1:80');
    assert.equal(socketOf(listen('unix:/run/x.sock')), 'unix:/run/x.sock');
  });
});

describe('tls rules on include cycles and fan-outs', () => {
  it('stay fast and silent-or-correct when conf.d files include each other', async () => {
    const { lintText, staticWorkspace, ENGINE_IDS } = await import('../../server/src/engine/runner');
    const { nginxRules } = await import('./index');
    const mine = nginxRules.filter((r) => /^nginx\/(ssl-|https-redirect)/.test(r.id));
    const files = [
      ...Array.from({ length: 10 }, (_, i) => ({ path: `/etc/nginx/conf.d/c${i}.conf`, text: `include /etc/nginx/conf.d/*.conf;\nserver {\n  listen 80;\n  server_name c${i};\n  root /srv;\n}\n` })),
      { path: '/etc/nginx/nginx.conf', text: 'http {\n  include conf.d/*.conf;\n  include nginx.conf;\n}\n' },
    ];
    const site = { path: '/etc/nginx/conf.d/site.conf', text: 'server {\n  listen 443 ssl;\n  server_name c1;\n  include /etc/nginx/conf.d/*.conf;\n}\n' };
    const ws = staticWorkspace([...files, site].map((f) => ({ domain: 'nginx', path: f.path, items: nginxLanguage.indexItems!(nginxLanguage.parse(f.text, f.path).model, f.path) })));
    for (const f of [site, files[0], files[10]]) {
      const t0 = Date.now();
      const r = lintText({ path: f.path, text: f.text, onlyRules: mine, workspace: ws })!;
      assert.deepEqual(r.findings.filter((x) => x.ruleId === ENGINE_IDS.internalError).map((x) => x.message), []);
      assert.ok(Date.now() - t0 < 2000, `${f.path} took ${Date.now() - t0} ms`);
    }
  });
});

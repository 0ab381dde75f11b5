import assert from 'node:assert/strict';
import type { RuleContext } from '../types';
import { applyTextEdits } from '../text';
import { lintText, staticWorkspace } from '../../server/src/engine/runner';
import hstsMissing from './hsts-missing';
import hstsMaxAge from './hsts-max-age-too-short';
import securityHeadersMissing from './security-headers-missing';
import serverTokens from './server-tokens';
import { nginxLanguage, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { walkDirectives } from './parser';
import {
  addHeaderEdits,
  effectiveHeaders,
  headerLevel,
  inheritMode,
  levelLabel,
  loopbackOnly,
  moreSetHeaders,
  ownHeaders,
  parseCsp,
  resolveValue,
  servesTls,
  type EffectiveHeaders,
} from './headers';

/** Parse `code` as `path`; `others` (and the file itself) form the workspace unless `lone`. */
function setup(code: string, opts: { path?: string; others?: { path: string; code: string }[]; lone?: boolean } = {}): { model: NginxModel; ctx: RuleContext } {
  const path = opts.path ?? 'nginx.conf';
  const model = nginxLanguage.parse(code, path).model;
  const files = [{ path, code }, ...(opts.others ?? [])];
  const workspace = opts.lone
    ? null
    : staticWorkspace(files.map((f) => ({ domain: 'nginx', path: f.path, items: nginxLanguage.indexItems!(nginxLanguage.parse(f.code, f.path).model, f.path) })));
  const ctx: RuleContext = { filePath: path, workspace, options: {}, report() {}, pass() {} };
  return { model, ctx };
}

/** The n-th (0-based) block with this name, or with this name and first argument. */
function block(model: NginxModel, name: string, arg?: string): NginxDirective {
  const hit = [...walkDirectives(model.directives)].find((d) => d.name === name && d.block && (arg === undefined || d.args[0]?.value === arg));
  assert.ok(hit, `no ${name} ${arg ?? ''} block`);
  return hit;
}

const names = (eff: EffectiveHeaders) => eff.list.map((e) => e.name);

describe('nginx headers model (headers.ts)', () => {
  describe('add_header inheritance', () => {
    const code = [
      'http {',
      '    add_header X-Frame-Options DENY always;',
      '    add_header X-Content-Type-Options nosniff;',
      '    server {',
      '        listen 80;',
      '        location / {',
      '            root /srv;',
      '        }',
      '        location /api/ {',
      '            add_header Cache-Control no-store;',
      '            if ($request_method = OPTIONS) {',
      '                add_header Access-Control-Allow-Origin *;',
      '            }',
      '            if ($arg_x) {',
      '                return 404;',
      '            }',
      '        }',
      '    }',
      '}',
    ].join('\n');

    it('a level without add_header inherits every outer one', () => {
      const { model, ctx } = setup(code);
      const eff = effectiveHeaders(model, block(model, 'location', '/'), ctx);
      assert.deepEqual(names(eff), ['X-Frame-Options', 'X-Content-Type-Options']);
      assert.equal(eff.unknown, false);
      assert.equal(eff.ownLevel, block(model, 'http'));
      assert.equal(eff.headers.get('x-frame-options')!.always, true);
      assert.equal(eff.headers.get('x-content-type-options')!.always, false);
    });

    it('a single own add_header drops all outer ones', () => {
      const { model, ctx } = setup(code);
      const eff = effectiveHeaders(model, block(model, 'location', '/api/'), ctx);
      assert.deepEqual(names(eff), ['Cache-Control']);
      assert.equal(eff.ownLevel, block(model, 'location', '/api/'));
    });

    it('an if block is a level of its own', () => {
      const { model, ctx } = setup(code);
      const ifs = [...walkDirectives(model.directives)].filter((d) => d.name === 'if');
      assert.deepEqual(names(effectiveHeaders(model, ifs[0], ctx)), ['Access-Control-Allow-Origin']);
      assert.deepEqual(names(effectiveHeaders(model, ifs[1], ctx)), ['Cache-Control']);
      assert.equal(headerLevel(model, ifs[1], ctx).parent!.block, block(model, 'location', '/api/'));
    });

    it('ownHeaders lists only the block’s own lines', () => {
      const { model, ctx } = setup(code);
      assert.equal(ownHeaders(model, block(model, 'server'), ctx).headers.length, 0);
      assert.deepEqual(
        ownHeaders(model, block(model, 'http'), ctx).headers.map((e) => e.lower),
        ['x-frame-options', 'x-content-type-options'],
      );
    });
  });

  describe('add_header_inherit (nginx >= 1.29.3)', () => {
    it('merge appends the outer headers and is itself inherited', () => {
      const { model, ctx } = setup(
        'http {\n    add_header_inherit merge;\n    add_header A 1;\n    server {\n        add_header B 2;\n        location / {\n            add_header C 3;\n        }\n    }\n}\n',
      );
      const loc = block(model, 'location');
      assert.deepEqual(names(effectiveHeaders(model, loc, ctx)), ['A', 'B', 'C']);
      assert.equal(inheritMode(headerLevel(model, loc, ctx)).mode, 'merge');
    });

    it('a nearer "on" restores replacement', () => {
      const { model, ctx } = setup('server {\n    add_header_inherit merge;\n    add_header A 1;\n    location / {\n        add_header_inherit on;\n        add_header C 3;\n    }\n}\n');
      assert.deepEqual(names(effectiveHeaders(model, block(model, 'location'), ctx)), ['C']);
    });

    it('off inherits nothing, even without own add_header', () => {
      const { model, ctx } = setup('server {\n    add_header A 1;\n    location / {\n        add_header_inherit off;\n    }\n}\n');
      const eff = effectiveHeaders(model, block(model, 'location'), ctx);
      assert.deepEqual(names(eff), []);
      assert.equal(eff.mode, 'off');
    });
  });

  describe('more_set_headers', () => {
    it('adds up across levels and is never dropped by add_header', () => {
      const { model, ctx } = setup(
        "http {\n    more_set_headers 'X-A: 1';\n    server {\n        add_header B 2;\n        location / {\n            add_header C 3;\n            more_set_headers -s 404 'X-D: 4';\n        }\n    }\n}\n",
      );
      const eff = effectiveHeaders(model, block(model, 'location'), ctx);
      assert.deepEqual(names(eff).sort(), ['C', 'X-A', 'X-D']);
      assert.equal(eff.headers.get('x-a')!.always, true);
      assert.equal(eff.headers.get('x-d')!.always, false, '-s limits the statuses');
    });

    it('parses options, replace-only and clearing', () => {
      const d = [...walkDirectives(nginxLanguage.parse("more_set_headers -t 'text/html' -s '404 500' 'X-A: 1' 'X-B:';", 'x.nginx').model.directives)][0];
      const m = moreSetHeaders(d);
      assert.deepEqual(m.headers.map((h) => [h.name, h.value]), [['X-A', '1'], ['X-B', '']]);
      assert.equal(m.statuses, true);
      assert.equal(m.types, true);
      const r = moreSetHeaders([...walkDirectives(nginxLanguage.parse("more_set_headers -r 'X-A: 1';", 'x.nginx').model.directives)][0]);
      assert.equal(r.replaceOnly, true);
    });
  });

  describe('includes', () => {
    it('an unresolved include makes the level unknown; the headers it may replace become uncertain', () => {
      const { model, ctx } = setup('server {\n    add_header A 1;\n    location / {\n        include snippets/headers.conf;\n    }\n}\n', { lone: true });
      const eff = effectiveHeaders(model, block(model, 'location'), ctx);
      assert.equal(eff.unknown, true);
      assert.equal(eff.headers.get('a')!.certain, false);
      assert.equal(effectiveHeaders(model, block(model, 'server'), ctx).unknown, false);
    });

    it('parameter files shipped with nginx never hold add_header', () => {
      const { model, ctx } = setup('server {\n    add_header A 1;\n    location / {\n        include fastcgi_params;\n        include /etc/nginx/mime.types;\n    }\n}\n', { lone: true });
      assert.equal(effectiveHeaders(model, block(model, 'location'), ctx).unknown, false);
    });

    it('a resolved include contributes its headers, marked with their file', () => {
      const { model, ctx } = setup('server {\n    include snippets/sec.conf;\n    location / {\n        root /srv;\n    }\n}\n', {
        path: 'nginx/sites-available/site',
        others: [{ path: 'nginx/snippets/sec.conf', code: 'add_header X-Frame-Options DENY always;\n' }],
      });
      const eff = effectiveHeaders(model, block(model, 'location'), ctx);
      assert.equal(eff.unknown, false);
      const e = eff.headers.get('x-frame-options')!;
      assert.equal(e.fromFile, 'nginx/snippets/sec.conf');
      assert.equal(e.directive.line, 0);
    });

    it('a conf.d fragment inherits the http block of the file that includes it', () => {
      const { model, ctx } = setup('server {\n    listen 80;\n    root /srv;\n}\n', {
        path: 'nginx/conf.d/site.conf',
        others: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    add_header X-Content-Type-Options nosniff always;\n    include conf.d/*.conf;\n}\n' }],
      });
      const eff = effectiveHeaders(model, block(model, 'server'), ctx);
      assert.deepEqual(names(eff), ['X-Content-Type-Options']);
      assert.equal(eff.ownLevel, null, 'set outside the file');
      assert.equal(eff.source!.kind, 'http');
    });

    it('a fragment’s own top-level add_header joins the includer’s level', () => {
      const { model, ctx } = setup('add_header B 2;\nserver {\n    listen 80;\n}\n', {
        path: 'nginx/conf.d/site.conf',
        others: [{ path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    add_header A 1;\n    include conf.d/*.conf;\n}\n' }],
      });
      assert.deepEqual(names(effectiveHeaders(model, block(model, 'server'), ctx)).sort(), ['A', 'B']);
    });

    it('follows includers over several files (location snippet → site → nginx.conf)', () => {
      const { model, ctx } = setup('location /x {\n    root /srv;\n}\n', {
        path: 'nginx/snippets/x.conf',
        others: [
          { path: 'nginx/nginx.conf', code: 'events {}\nhttp {\n    add_header A 1;\n    include sites-enabled/*;\n}\n' },
          { path: 'nginx/sites-enabled/site', code: 'server {\n    listen 80;\n    include snippets/x.conf;\n}\n' },
        ],
      });
      assert.deepEqual(names(effectiveHeaders(model, block(model, 'location'), ctx)), ['A']);
    });
    it('a file included at the top level of a file included into a server joins that server’s level', () => {
      const { model, ctx } = setup('add_header B 2;\nlocation /x {\n    add_header C 3;\n}\n', {
        path: 'nginx/h5bp/location/x.conf',
        others: [
          { path: 'nginx/h5bp/basic.conf', code: 'include h5bp/location/x.conf;\n' },
          { path: 'nginx/conf.d/site.conf', code: 'server {\n    listen 80;\n    add_header A 1;\n    include h5bp/basic.conf;\n}\n' },
        ],
      });
      const top = headerLevel(model, null, ctx);
      assert.equal(top.kind, 'server');
      assert.equal(top.includer, 'nginx/conf.d/site.conf');
      assert.deepEqual(names(effectiveHeaders(model, null, ctx)).sort(), ['A', 'B']);
      assert.equal(headerLevel(model, block(model, 'location'), ctx).parent, top);
    });
  });

  describe('values set by map', () => {
    const maps =
      'map $sent_http_content_type $csp {\n    ~*text/html "default-src \'self\'";\n}\nmap $sent_http_content_type $xfo {\n    default DENY;\n    ~image/ "";\n}\n';
    it('resolves a map in the same file; no default row means "" (not sent)', () => {
      const { model, ctx } = setup(`http {\n${maps}}\n`);
      assert.deepEqual(resolveValue('$csp', model, ctx).values.map((v) => v.value), ["default-src 'self'", '']);
      assert.deepEqual(resolveValue('$xfo', model, ctx).values.map((v) => v.value), ['DENY', '']);
      assert.equal(resolveValue('literal', model, ctx).unknown, false);
      assert.equal(resolveValue('$unknown_var', model, ctx).unknown, true);
      assert.equal(resolveValue('prefix $csp', model, ctx).unknown, true);
    });

    it('resolves a map of another workspace file', () => {
      const { model, ctx } = setup('add_header Content-Security-Policy $csp always;\n', { path: 'nginx/conf.d/a.conf', others: [{ path: 'nginx/nginx.conf', code: `http {\n${maps}}\n` }] });
      const r = resolveValue('${csp}', model, ctx);
      assert.equal(r.unknown, false);
      assert.equal(r.values[0].value, "default-src 'self'");
      assert.equal(r.values[0].row!.file, 'nginx/nginx.conf');
    });
  });

  describe('edits that add headers', () => {
    const line = { lower: 'strict-transport-security', line: 'add_header Strict-Transport-Security "max-age=63072000" always;' };

    it('next to the block’s own add_header lines', () => {
      const code = 'server {\n    listen 443 ssl;\n    add_header A 1;\n    location / {\n        root /srv;\n    }\n}\n';
      const { model, ctx } = setup(code);
      const ins = addHeaderEdits(model, block(model, 'server'), [line], ctx)!;
      assert.equal(ins.exact, true);
      assert.equal(applyTextEdits(code, ins.edits), code.replace('    add_header A 1;\n', `    add_header A 1;\n    ${line.line}\n`));
    });

    it('copies inherited lines into a block that has none, and repeats the line where a level below has its own', () => {
      const code = 'http {\n    add_header A 1;\n    server {\n        listen 443 ssl;\n        location / {\n            add_header B 2;\n        }\n    }\n}\n';
      const { model, ctx } = setup(code);
      const ins = addHeaderEdits(model, block(model, 'server'), [line], ctx)!;
      assert.equal(ins.exact, true);
      const out = applyTextEdits(code, ins.edits);
      assert.equal(
        out,
        `http {\n    add_header A 1;\n    server {\n        listen 443 ssl;\n        add_header A 1;\n        ${line.line}\n        location / {\n            add_header B 2;\n            ${line.line}\n        }\n    }\n}\n`,
      );
    });

    it('inherited lines from another file are rebuilt and the edit is not exact', () => {
      const { model, ctx } = setup('server {\n    listen 443 ssl;\n}\n', {
        path: 'nginx/conf.d/a.conf',
        others: [{ path: 'nginx/nginx.conf', code: 'http {\n    add_header X-Frame-Options "DENY" always;\n    include conf.d/*.conf;\n}\n' }],
      });
      const ins = addHeaderEdits(model, block(model, 'server'), [line], ctx)!;
      assert.equal(ins.exact, false);
      assert.match(applyTextEdits(model.text, ins.edits), /add_header X-Frame-Options DENY always;\n {4}add_header Strict/);
    });

    it('null when an unresolved include may already decide the set', () => {
      const { model, ctx } = setup('server {\n    listen 443 ssl;\n    include snippets/x.conf;\n}\n', { lone: true });
      assert.equal(addHeaderEdits(model, block(model, 'server'), [line], ctx), null);
    });
  });

  describe('helpers', () => {
    it('parseCsp keeps the first occurrence of a directive, lower-cased sources', () => {
      const csp = parseCsp("default-src 'self'; script-src 'self' 'UNSAFE-INLINE'; script-src *");
      assert.deepEqual(csp.get('script-src'), ["'self'", "'unsafe-inline'"]);
      assert.deepEqual([...csp.keys()], ['default-src', 'script-src']);
    });

    it('levelLabel names servers and locations', () => {
      const { model } = setup('server {\n    listen 443 ssl;\n    server_name _ example.com;\n    location ~ \\.php$ {\n    }\n}\nserver {\n    listen 80;\n}\n');
      const servers = [...walkDirectives(model.directives)].filter((d) => d.name === 'server');
      assert.equal(levelLabel(servers[0]), 'server example.com');
      assert.equal(levelLabel(servers[1]), 'server (listen 80)');
      assert.equal(levelLabel(block(model, 'location')), 'location ~ \\.php$');
    });

    it('TLS and loopback servers, listens from includes too', () => {
      const { model, ctx } = setup('server {\n    include listen/https.conf;\n}\nserver {\n    listen 127.0.0.1:8080;\n}\nserver {\n    listen 443;\n    ssl_reject_handshake on;\n}\n', {
        path: 'nginx/sites-enabled/a',
        others: [{ path: 'nginx/listen/https.conf', code: 'listen 443 ssl;\n' }],
      });
      const servers = [...walkDirectives(model.directives)].filter((d) => d.name === 'server');
      assert.deepEqual(servers.map((s) => servesTls(s, ctx)), [true, false, false]);
      assert.deepEqual(servers.map((s) => loopbackOnly(s, ctx)), [false, true, false]);
    });
  });

  describe('pass evidence of the header rules', () => {
    const code = [
      'events {}',
      'http {',
      '    server_tokens off;',
      '    server {',
      '        listen 443 ssl;',
      '        server_name example.com;',
      '        root /srv;',
      '        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;',
      '        add_header X-Content-Type-Options nosniff always;',
      '        add_header X-Frame-Options DENY always;',
      '        add_header Referrer-Policy no-referrer always;',
      '        add_header Content-Security-Policy "default-src \'self\'" always;',
      '    }',
      '}',
      '',
    ].join('\n');
    it('names the header, its value and where it is set', () => {
      const r = lintText({ path: 'nginx.conf', text: code, onlyRules: [hstsMissing, hstsMaxAge, securityHeadersMissing, serverTokens] })!;
      assert.deepEqual(r.findings, []);
      assert.deepEqual(
        r.passes.map((p) => `${p.ruleId} ${p.range.start.line + 1}: ${p.message}`).sort(),
        [
          'nginx/hsts-max-age-too-short 8: HSTS max-age=63072000 (730 days) at line 8.',
          'nginx/hsts-missing 4: HSTS "max-age=63072000; includeSubDomains" on server example.com (add_header at line 8).',
          'nginx/security-headers-missing 4: server example.com sends X-Content-Type-Options, frame protection, Referrer-Policy and a CSP.',
          'nginx/server-tokens 3: server_tokens off (line 3) hides the nginx version.',
        ],
      );
    });
  });
});

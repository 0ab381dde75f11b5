// Directive metadata from @nginx/reference-lib: argument bounds read from nginx.org's syntax lines,
// the contexts directives are allowed in, hover documentation and variables.
import assert from 'node:assert/strict';
import {
  allowedIn,
  argBounds,
  contextOfChildren,
  DATA_BLOCKS,
  directiveDoc,
  directiveSpecs,
  isKnownDirective,
  THIRD_PARTY_DIRECTIVE,
  variableSpec,
  type DirectiveSpec,
} from './directives';
import { parseNginx, walkDirectives, type NginxDirective } from './parser';

const bounds = (...syntax: string[]) => {
  const b = argBounds(syntax);
  return [b.minArgs, b.maxArgs, ...(b.choices ? [b.choices] : [])];
};

/** The spec of `name` from `module` (http, stream and mail modules share names). */
const spec = (name: string, module = 'ngx_http_') => {
  const s = directiveSpecs(name).find((x) => x.module.startsWith(module) || x.module === module);
  assert.ok(s, `${name} (${module}) is documented`);
  return s;
};

describe('nginx directive metadata', () => {
  describe('argBounds on nginx.org syntax lines', () => {
    it('required words, optional words and keyword choices', () => {
      assert.deepEqual(bounds('*`name`* *`value`* [`always`]'), [2, 3]); // add_header
      assert.deepEqual(bounds('*`regex`* *`replacement`* [*`flag`*]'), [2, 3]); // rewrite
      assert.deepEqual(bounds('`on` | `off`'), [1, 1, ['on', 'off']]); // gzip
      assert.deepEqual(bounds('`on` | `off` | `build` | *`string`*'), [1, 1]); // server_tokens: not a pure choice
      assert.deepEqual(bounds('*`timeout`* [*`header_timeout`*]'), [1, 2]); // keepalive_timeout
    });

    it('alternatives inside brackets count once', () => {
      assert.deepEqual(bounds('`zone`=*`name`* [`burst`=*`number`*] [`nodelay` | `delay`=*`number`*]'), [1, 3]); // limit_req
      assert.deepEqual(bounds('[ `=` | `~` | `~*` | `^~` ] *`uri`* `{...}`', '`@`*`name`* `{...}`'), [1, 2]); // location
    });

    it('"..." and "parameters" are unbounded; several syntax lines take the widest range', () => {
      assert.deepEqual(bounds('*`code`* ... [`=`[*`response`*]] *`uri`*'), [2, Infinity]); // error_page
      assert.deepEqual(bounds('*`address`* [*`parameters`*]'), [1, Infinity]); // upstream server
      assert.deepEqual(bounds('*`code`* [*`text`*]', '*`code`* *`URL`*', '*`URL`*'), [1, 2]); // return
      assert.deepEqual(bounds('*`file`* ... *`uri`*', '*`file`* ... =*`code`*'), [2, Infinity]); // try_files
    });

    it('blocks and directives without arguments', () => {
      assert.deepEqual(bounds(' `{...}`'), [0, 0]); // http, server, events
      assert.deepEqual(bounds('*`string`* *`$variable`* `{...}`'), [2, 2]); // map
      assert.deepEqual(bounds('(*`condition`*) `{...}`'), [1, 1]); // if (nginx splits the condition; the rule leaves if alone)
      assert.deepEqual(bounds(''), [0, 0]);
    });

    it('the real listen syntax (three variants, in-word alternatives) stays 1..17', () => {
      const s = spec('listen', 'ngx_http_core_module');
      assert.equal(s.syntax.length, 3);
      assert.deepEqual([s.minArgs, s.maxArgs], [1, 17]);
    });

    it('the table applies the overrides where nginx accepts more than nginx.org documents', () => {
      assert.deepEqual([spec('ssl_protocols').minArgs, spec('ssl_protocols').maxArgs], [1, Infinity]);
      assert.deepEqual([spec('stub_status').minArgs, spec('stub_status').maxArgs], [0, 1]);
    });

    // Pending the argBounds change requested in the h4 report: nested optional groups
    // (`[*level1* [*level2* [*level3*]]]`, `[two [method]]`, `[as name]`) count only their
    // first word today, so `proxy_temp_path /x 1 2;` and `random two least_conn;` are reported
    // as invalid although nginx accepts them.
    it('nested optional groups count every level', () => {
      assert.deepEqual(bounds('*`path`* [*`level1`* [*`level2`* [*`level3`*]]]'), [1, 4]);
      assert.deepEqual(bounds('[`two` [*`method`*]]'), [0, 2]);
      assert.deepEqual(bounds('*`path`* [`as` *`name`*]'), [1, 3]);
      assert.deepEqual(bounds('*`path`* [*`format`* [`buffer`=*`size`*] [`gzip[=]`] [`flush`=*`time`*] [`if`=*`condition`*]]', '`off`'), [1, 6]);
      assert.deepEqual(bounds('[*`protocol`*://]*`address`*'), [1, 1]);
    });
  });

  describe('directive table', () => {
    it('knows core, http, stream and mail directives, not typos or third-party ones', () => {
      for (const n of ['worker_processes', 'events', 'http', 'server', 'location', 'add_header', 'proxy_pass', 'ssl_protocols', 'limit_req_zone', 'stream', 'mail', 'js_content']) assert.ok(isKnownDirective(n), n);
      for (const n of ['server_token', 'add_headers', 'more_set_headers', 'content_by_lua_block', '']) assert.ok(!isKnownDirective(n), n);
      assert.deepEqual(directiveSpecs('nope'), []);
    });

    it('names shared by modules keep every module\'s spec', () => {
      const mods = directiveSpecs('server').map((s) => s.module);
      assert.ok(mods.includes('ngx_http_core_module') && mods.includes('ngx_http_upstream_module') && mods.includes('ngx_stream_core_module'), mods.join(', '));
      assert.ok(directiveSpecs('server').find((s) => s.module === 'ngx_http_core_module')!.isBlock);
      assert.ok(!directiveSpecs('server').find((s) => s.module === 'ngx_http_upstream_module')!.isBlock);
    });

    it('third-party directives and data blocks', () => {
      for (const n of ['more_set_headers', 'content_by_lua_block', 'access_by_lua_file', 'lua_shared_dict', 'brotli_types', 'modsecurity_rules', 'geoip2']) assert.ok(THIRD_PARTY_DIRECTIVE.test(n), n);
      for (const n of ['add_header', 'proxy_pass', 'server_token']) assert.ok(!THIRD_PARTY_DIRECTIVE.test(n), n);
      for (const n of ['map', 'types', 'geo', 'split_clients']) assert.ok(DATA_BLOCKS.has(n), n);
      assert.ok(!DATA_BLOCKS.has('upstream'));
    });
  });

  describe('contexts', () => {
    /** The context of each directive of `text` as the rules compute it, by name. */
    function contexts(text: string, top = 'main'): Map<string, string> {
      const out = new Map<string, string>();
      for (const d of walkDirectives(parseNginx(text).directives)) out.set(d.name + (d.args[0] ? ' ' + d.args[0].value : ''), contextOfChildren(d.parent as NginxDirective | null, top));
      return out;
    }

    it('contextOfChildren: http server, stream server, mail server, if in location, if in server', () => {
      const c = contexts('http { server { location / { if ($a) { return 1; } } if ($b) { return 2; } } }\nstream { server { proxy_pass b; } }\nmail { server { listen 25; } }');
      assert.equal(c.get('server'), 'mail'); // the last "server" seen is mail's
      assert.equal(c.get('location /'), 'server');
      assert.equal(c.get('return 1'), 'if in location');
      assert.equal(c.get('return 2'), 'if');
      assert.equal(c.get('proxy_pass b'), 'stream-server');
      assert.equal(c.get('listen 25'), 'mail-server');
      assert.equal(c.get('http'), 'main');
      // a conf.d snippet whose top level is http
      assert.equal(contexts('server { listen 80; }', 'http').get('listen 80'), 'server');
    });

    const ok = (name: string, ctx: string) => directiveSpecs(name).some((s: DirectiveSpec) => allowedIn(s, ctx));

    it('allowedIn: where directives may and may not appear', () => {
      assert.ok(ok('server', 'http'));
      assert.ok(ok('server', 'upstream'));
      assert.ok(!ok('server', 'server'));
      assert.ok(ok('listen', 'server'));
      assert.ok(!ok('listen', 'location'));
      assert.ok(!ok('listen', 'http'));
      assert.ok(ok('add_header', 'if in location'));
      assert.ok(!ok('add_header', 'if')); // add_header is documented for "if in location" only
      assert.ok(ok('return', 'if'));
      assert.ok(ok('proxy_pass', 'if in location'));
      assert.ok(ok('proxy_pass', 'limit_except'));
      assert.ok(!ok('proxy_pass', 'server'));
      assert.ok(ok('proxy_pass', 'stream-server'));
      assert.ok(ok('ssl_certificate', 'mail-server'));
      assert.ok(!ok('location', 'http'));
      assert.ok(ok('include', 'upstream')); // documented with "any" context
      assert.ok(ok('worker_connections', 'events'));
      assert.ok(!ok('worker_connections', 'http'));
      assert.ok(!ok('http', 'http'));
    });

    it('stream and mail modules do not make a directive valid in an http server', () => {
      // proxy_pass exists for stream servers, but an http server needs it in a location.
      assert.ok(!directiveSpecs('proxy_pass').some((s) => allowedIn(s, 'server')));
      assert.ok(directiveSpecs('proxy_pass').some((s) => allowedIn(s, 'stream-server')));
    });
  });

  describe('hover documentation', () => {
    it('directiveDoc: syntax, default, contexts, first paragraph and a link to nginx.org', () => {
      const doc = directiveDoc('add_header')!;
      assert.match(doc, /^\*\*add_header\*\* \(ngx_http_headers_module\)/);
      assert.match(doc, /- `add_header` name value \[always\]/);
      assert.match(doc, /Default: none; context: http, server, location, if in location/);
      assert.match(doc, /\[nginx\.org reference\]\(https:\/\/nginx\.org\/en\/docs\/http\/ngx_http_headers_module\.html#add_header\)/);
      assert.match(directiveDoc('server_tokens')!, /Default: `on`/);
      assert.match(directiveDoc('worker_processes')!, /ngx_core_module\.html#worker_processes/);
      assert.match(directiveDoc('listen')!, /ngx_http_core_module, ngx_mail_core_module, ngx_stream_core_module/);
      assert.equal(directiveDoc('server_token'), null);
    });

    it('variableSpec: with or without "$"', () => {
      assert.equal(variableSpec('$host')?.module, 'ngx_http_core_module');
      assert.equal(variableSpec('request_uri')?.module, 'ngx_http_core_module');
      assert.match(variableSpec('$remote_addr')!.description, /client address/);
      assert.equal(variableSpec('$not_a_variable'), undefined);
      assert.ok(variableSpec('$http_NAME'), 'prefix variables are documented under their NAME form');
    });
  });
});

// The tolerant nginx parser: tokens as nginx's own tokenizer (ngx_conf_read_token) reads them,
// exact offsets and lines, blocks, Lua bodies, recovery with exact error ranges, deep nesting and
// random input (never throws).
import assert from 'node:assert/strict';
import { MAX_NESTING, parseNginx, walkDirectives, type NginxDirective, type ParseOutput } from './parser';
import { Rng } from '../../test/robustness/mutations';

/** [name, argument values] of the top-level directives. */
const shape = (out: ParseOutput) => out.directives.map((d) => [d.name, d.args.map((a) => a.value)]);
const only = (text: string) => {
  const out = parseNginx(text);
  assert.deepEqual(out.errors, [], `unexpected errors: ${JSON.stringify(out.errors)}`);
  return out;
};
/** The text a [start, end) range covers. */
const cut = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe('nginx parser', () => {
  describe('tokens', () => {
    it('splits words at whitespace and ends a directive at ";"', () => {
      assert.deepEqual(shape(only('listen 443 ssl;\nserver_name  a.example\tb.example ;')), [
        ['listen', ['443', 'ssl']],
        ['server_name', ['a.example', 'b.example']],
      ]);
    });

    it('double- and single-quoted words: quotes removed, escapes resolved as nginx does', () => {
      const text = `add_header X "a \\"b\\" c" 'd \\'e\\'' "t\\tn\\nr\\r" "back\\\\slash" "keep\\d\\.";`;
      const d = only(text).directives[0];
      assert.deepEqual(
        d.args.map((a) => a.value),
        ['X', 'a "b" c', "d 'e'", 't\tn\nr\r', 'back\\slash', 'keep\\d\\.'],
      );
      assert.deepEqual(
        d.args.map((a) => a.quote),
        [null, '"', "'", '"', '"', '"'],
      );
      // raw keeps the source, quotes included
      assert.equal(d.args[1].raw, '"a \\"b\\" c"');
      // nginx translates \" and \' in either kind of quotes
      assert.equal(only(`x "it\\'s" 'say \\"hi\\"';`).directives[0].args.map((a) => a.value).join('|'), `it's|say "hi"`);
    });

    it('unquoted words resolve the same escapes (nginx copies every word the same way); "\\;" stays in the word', () => {
      const d = only('x a\\"b c\\\\d \\;e f\\ g \\.php$;').directives[0];
      assert.deepEqual(
        d.args.map((a) => a.value),
        ['a"b', 'c\\d', '\\;e', 'f\\ g', '\\.php$'],
      );
      assert.deepEqual(
        d.args.map((a) => a.raw),
        ['a\\"b', 'c\\\\d', '\\;e', 'f\\ g', '\\.php$'],
      );
    });

    it('"${var}" stays one word, also mid-word and inside quotes; a lone "{" after "$" does not open a block', () => {
      assert.deepEqual(shape(only('set $a ${b}c;\nreturn 200 "${host}${uri}";\nx pre${a}post$b;')), [
        ['set', ['$a', '${b}c']],
        ['return', ['200', '${host}${uri}']],
        ['x', ['pre${a}post$b']],
      ]);
      // An unterminated ${ ends at whitespace like any word.
      assert.deepEqual(shape(only('x ${a b;')), [['x', ['${a', 'b']]]);
    });

    it('"}" inside a word is part of it; "{" ends it', () => {
      assert.deepEqual(shape(only('x a}b c};')), [['x', ['a}b', 'c}']]]);
      const out = only('location /a{ }');
      assert.deepEqual(shape(out), [['location', ['/a']]]);
      assert.deepEqual(out.directives[0].block, []);
    });

    it('"#" starts a comment only at the start of a word', () => {
      const text = 'x a#b; # one\nproxy_pass http://h/#frag;#two\n  # three';
      const out = only(text);
      assert.deepEqual(shape(out), [
        ['x', ['a#b']],
        ['proxy_pass', ['http://h/#frag']],
      ]);
      assert.deepEqual(
        out.comments.map((c) => c.text),
        ['# one', '#two', '# three'],
      );
      for (const c of out.comments) assert.equal(cut(text, c), c.text);
    });

    it('regex locations, unquoted and quoted (a regex with "{" must be quoted, as nginx requires)', () => {
      const out = only('location ~* \\.(gif|jpe?g)$ { }\nlocation ~ "^/a{2,3}$" { }\nlocation = /x { }\nlocation ^~ /y/ { }\nlocation @named { }');
      assert.deepEqual(shape(out), [
        ['location', ['~*', '\\.(gif|jpe?g)$']],
        ['location', ['~', '^/a{2,3}$']],
        ['location', ['=', '/x']],
        ['location', ['^~', '/y/']],
        ['location', ['@named']],
      ]);
      // Unquoted, the "{" of the quantifier opens the block: nginx fails on this too.
      const bad = parseNginx('location ~ ^/a{2}$ { }\n');
      assert.equal(bad.directives[0].args.map((a) => a.value).join(' '), '~ ^/a');
      assert.ok(bad.errors.length > 0);
    });

    it('if conditions are split into words like nginx does, ")" may follow a quote', () => {
      assert.deepEqual(shape(only('if ($http_user_agent ~* "(bot|crawl)") { return 403; }')), [['if', ['($http_user_agent', '~*', '(bot|crawl)', ')']]]);
      assert.deepEqual(shape(only('if (-f $request_filename) { }')), [['if', ['(-f', '$request_filename)']]]);
    });

    it('a quoted word may hold newlines, ";" "{" "}" and "#"', () => {
      const out = only('add_header Content-Security-Policy "default-src \'self\';\n    script-src {x} #y";\nnext 1;');
      assert.deepEqual(shape(out), [
        ['add_header', ['Content-Security-Policy', "default-src 'self';\n    script-src {x} #y"]],
        ['next', ['1']],
      ]);
      assert.equal(out.comments.length, 0);
      assert.equal(out.directives[1].line, 2);
    });
  });

  describe('offsets and lines', () => {
    it('directive, name and argument offsets are exact', () => {
      const text = '# c\nhttp {\n    server {\n        listen   80 ;\n    }\n}\n';
      const out = only(text);
      const http = out.directives[0];
      const server = http.block![0];
      const listen = server.block![0];
      assert.equal(cut(text, { start: http.start, end: http.nameEnd }), 'http');
      assert.equal(http.line, 1);
      assert.equal(text[http.blockOpen!], '{');
      assert.equal(text[http.blockClose!], '}');
      assert.equal(http.end, text.length - 1);
      assert.equal(cut(text, server), 'server {\n        listen   80 ;\n    }');
      assert.equal(cut(text, listen), 'listen   80 ;');
      assert.equal(cut(text, listen.args[0]), '80');
      assert.equal(listen.line, 3);
      assert.equal(server.line, 2);
      assert.equal(listen.parent, server);
      assert.equal(server.parent, http);
      assert.equal(http.parent, null);
    });

    it('records the file on every directive and walks depth first in source order', () => {
      const out = parseNginx('a { b { c; } d; } e;', '/etc/nginx/nginx.conf');
      assert.deepEqual([...walkDirectives(out.directives)].map((d) => d.name), ['a', 'b', 'c', 'd', 'e']);
      assert.ok([...walkDirectives(out.directives)].every((d) => d.file === '/etc/nginx/nginx.conf'));
    });

    it('multi-line directives: the line is the name\'s, the end is after ";"', () => {
      const text = 'log_format main\n    \'$remote_addr - $remote_user\'\n    "$status";\nnext;';
      const out = only(text);
      const lf = out.directives[0];
      assert.equal(lf.line, 0);
      assert.equal(lf.args.length, 3);
      assert.equal(cut(text, lf.args[2]), '"$status"');
      assert.equal(text.slice(lf.end - 1, lf.end), ';');
      assert.equal(out.directives[1].line, 3);
    });

    it('CRLF and CR-only line endings: lines count once per break, offsets stay exact', () => {
      const crlf = 'http {\r\n  # c\r\n  server_tokens off;\r\n}\r\n';
      const out = only(crlf);
      const st = out.directives[0].block![0];
      assert.equal(st.line, 2);
      assert.equal(cut(crlf, st), 'server_tokens off;');
      assert.equal(out.comments[0].text, '# c'); // the comment stops before "\r"
      const cr = 'a 1;\rb 2;\r\rc 3;';
      assert.deepEqual(only(cr).directives.map((d) => d.line), [0, 1, 3]);
    });

    it('a BOM or NUL bytes are ordinary word characters, never a crash', () => {
      const out = parseNginx('\uFEFFuser nginx;\n\0\0;\n');
      assert.equal(out.directives.length, 2);
      assert.equal(out.directives[0].name, '\uFEFFuser');
    });
  });

  describe('Lua blocks', () => {
    it('skips *_by_lua_block bodies with braces in strings, comments and long brackets', () => {
      const body = `
        local s = "}" .. '{' -- a } in a comment
        --[[ a long
             comment } ]]
        local t = [==[ }}} ]==]
        if x then ngx.say("{") end
        local tbl = { a = { b = 1 } }
      `;
      const text = `location / {\n    content_by_lua_block {${body}}\n    add_header X 1;\n}\ninit_by_lua_block { a = 1 }\n`;
      const out = only(text);
      const loc = out.directives[0];
      const lua = loc.block![0];
      assert.equal(lua.name, 'content_by_lua_block');
      assert.equal(lua.rawBody, body);
      assert.deepEqual(lua.block, []);
      assert.equal(text[lua.blockClose!], '}');
      assert.equal(loc.block![1].name, 'add_header');
      assert.equal(loc.block![1].line, 9);
      assert.equal(out.directives[1].rawBody, ' a = 1 ');
    });

    it('an unclosed Lua block is an error at its name and runs to the end of the file', () => {
      const text = 'server {\n  access_by_lua_block {\n    local x = "{"\n';
      const out = parseNginx(text);
      const lua = out.directives[0].block![0];
      assert.equal(lua.end, text.length);
      assert.ok(out.errors.some((e) => cut(text, e) === 'access_by_lua_block' && /never closed/.test(e.message)));
    });
  });

  describe('recovery', () => {
    it('missing ";" before "}": error on the directive, which is kept, and parsing continues', () => {
      const text = 'server {\n    listen 80\n}\nserver_tokens off;\n';
      const out = parseNginx(text);
      assert.equal(out.errors.length, 1);
      assert.equal(cut(text, out.errors[0]), 'listen 80');
      assert.match(out.errors[0].message, /"listen" is not terminated by ";"/);
      assert.deepEqual(shape(out), [['server', []], ['server_tokens', ['off']]]);
      assert.deepEqual(out.directives[0].block!.map((d) => d.name), ['listen']);
    });

    it('a word ending in "\\" before CRLF (nginx escapes the CR): the error stops before the CR, never inside the line break', () => {
      const text = 'server {\r\n  listen\r\n  x a\\\r\n}\r\n';
      const out = parseNginx(text);
      assert.equal(out.errors.length, 1);
      assert.equal(cut(text, out.errors[0]), 'listen\r\n  x a\\');
      assert.equal(out.directives[0].block![0].args.map((a) => a.value).join('|'), 'x|a\\\r');
    });

    it('missing ";" at the end of the file', () => {
      const text = 'worker_processes auto;\nuser nginx  \n';
      const out = parseNginx(text);
      assert.equal(out.errors.length, 1);
      assert.equal(cut(text, out.errors[0]), 'user nginx');
      assert.equal(out.directives.length, 2);
    });

    it('an unbalanced "}" is an error at exactly that brace; what follows still parses', () => {
      const text = 'a 1;\n}\nb 2;\n';
      const out = parseNginx(text);
      assert.deepEqual(out.errors.map((e) => [e.start, e.end]), [[5, 6]]);
      assert.match(out.errors[0].message, /no block is open/);
      assert.deepEqual(shape(out), [['a', ['1']], ['b', ['2']]]);
    });

    it('an unclosed "{" is an error at the block\'s name; the block runs to the end', () => {
      const text = 'http {\n  server {\n    listen 80;\n';
      const out = parseNginx(text);
      assert.deepEqual(
        out.errors.map((e) => cut(text, e)),
        ['server', 'http'],
      );
      assert.equal(out.directives[0].blockClose, text.length);
      assert.equal(out.directives[0].block![0].block![0].name, 'listen');
    });

    it('"{" and ";" without a directive name', () => {
      const text = 'a;\n;\n{ b; }\nc;';
      const out = parseNginx(text);
      assert.deepEqual(out.errors.map((e) => [cut(text, e), e.message.slice(0, 14)]), [
        [';', 'Unexpected ";"'],
        ['{', 'Unexpected "{"'],
      ]);
      assert.deepEqual(out.directives.map((d) => d.name), ['a', '', 'c']);
      assert.equal(out.directives[1].block![0].name, 'b');
    });

    it('unterminated quote: one error from the quote to the end of the file', () => {
      const text = 'a 1;\nadd_header X "oops;\nb 2;\n';
      const out = parseNginx(text);
      const q = out.errors.find((e) => /Unterminated double-quoted/.test(e.message))!;
      assert.ok(q);
      assert.equal(q.start, text.indexOf('"'));
      assert.equal(q.end, text.length);
      assert.equal(out.directives[0].name, 'a');
      const single = parseNginx("x 'y");
      assert.ok(single.errors.some((e) => /single-quoted/.test(e.message) && e.start === 2 && e.end === 4));
    });

    it('a character glued to a closing quote is an error at that character', () => {
      const text = 'x "a"b;\ny "c"};';
      const out = parseNginx(text);
      assert.deepEqual(out.errors.slice(0, 2).map((e) => [e.start, cut(text, e)]), [
        [5, 'b'],
        [13, '}'],
      ]);
      assert.match(out.errors[0].message, /right after a quoted string/);
    });
  });

  describe('scale', () => {
    it('10,000 nested blocks: no stack overflow, depth kept, walk covers every level, one nesting error', () => {
      const n = 10_000;
      const text = 'location / {'.repeat(n) + 'return 200;' + '}'.repeat(n);
      const out = parseNginx(text);
      assert.deepEqual(out.errors.map((e) => e.message), [`Blocks nest more than ${MAX_NESTING} levels deep here: this is not a config Readiness Lint can check.`]);
      assert.equal(out.errors[0].start, 'location / {'.length * MAX_NESTING);
      let depth = 0;
      let d: NginxDirective | undefined = out.directives[0];
      while (d?.block) {
        depth++;
        d = d.block[0];
      }
      assert.equal(depth, n);
      assert.equal(d?.name, 'return');
      assert.equal([...walkDirectives(out.directives)].length, n + 1);
    });

    it('10,000 unclosed blocks: one error per block, no stack overflow', () => {
      const out = parseNginx('a {'.repeat(10_000));
      // One per unclosed block, plus the one nesting error.
      assert.equal(out.errors.length, 10_001);
    });

    it('a 1 MB line and 100,000 directives parse in bounded time', () => {
      const t0 = performance.now();
      const long = only('add_header X "' + 'a'.repeat(1024 * 1024) + '";');
      assert.equal(long.directives[0].args[1].value.length, 1024 * 1024);
      const many = only('server {\n' + '    add_header X-A 1;\n'.repeat(100_000) + '}\n');
      assert.equal(many.directives[0].block!.length, 100_000);
      assert.ok(performance.now() - t0 < 5000, `took ${(performance.now() - t0).toFixed(0)} ms`);
    });
  });

  describe('random input', () => {
    const PIECES = ['{', '}', ';', '"', "'", '\\', '#', '$', '${', '\n', '\r\n', '\r', ' ', '\t', '(', ')', '~', 'a', 'server', 'location', 'content_by_lua_block', '--[[', ']]', '[=[', '"}"', '\0', '\uFEFF', '\u{1F600}', '\uD800'];

    it('never throws on 3,000 random inputs; every offset is in range and children lie inside their parents', () => {
      const rnd = new Rng(20260821);
      for (let k = 0; k < 3000; k++) {
        let text = '';
        for (let n = rnd.range(0, 80); n > 0; n--) text += rnd.chance(0.2) ? String.fromCharCode(rnd.int(0x3000)) : rnd.pick(PIECES);
        let out: ParseOutput;
        try {
          out = parseNginx(text);
        } catch (e) {
          assert.fail(`parseNginx threw on ${JSON.stringify(text)}: ${(e as Error).message}`);
        }
        const inRange = (r: { start: number; end: number }, what: string) =>
          assert.ok(0 <= r.start && r.start <= r.end && r.end <= text.length, `${what} [${r.start}, ${r.end}) out of range in ${JSON.stringify(text)}`);
        const splitsCrlf = (o: number) => text[o - 1] === '\r' && text[o] === '\n';
        for (const e of out.errors) {
          inRange(e, 'error');
          assert.ok(!splitsCrlf(e.start) && !splitsCrlf(e.end), `error [${e.start}, ${e.end}) splits a CRLF in ${JSON.stringify(text)}`);
        }
        for (const c of out.comments) inRange(c, 'comment');
        for (const d of walkDirectives(out.directives)) {
          inRange(d, `directive ${d.name}`);
          assert.ok(!splitsCrlf(d.end), `directive ${d.name} ends inside a CRLF in ${JSON.stringify(text)}`);
          for (const a of d.args) {
            inRange(a, 'argument');
            assert.equal(text.slice(a.start, a.end), a.raw);
          }
          if (d.parent) assert.ok(d.parent.start <= d.start && d.end <= d.parent.end, `child ${d.name} outside its parent in ${JSON.stringify(text)}`);
        }
      }
    });
  });
});

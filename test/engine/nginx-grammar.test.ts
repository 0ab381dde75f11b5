// The nginx language as VS Code sees it: the TextMate grammar (tokenized with vscode-textmate and
// vscode-oniguruma, the engine VS Code itself uses), the language configuration, the package.json
// contributions, the client's file patterns and folding by braces.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { NGINX_GLOBS, NGINX_LANGUAGE_IDS, nginxFoldingRanges } from '../../client/src/nginx';
import { nginxLanguage } from '../../rules/nginx/language';
import { CORPORA_ROOT, requireCorpus } from '../corpus/corpora';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
const grammarFile = path.join(repo, 'syntaxes/nginx.tmLanguage.json');
const configFile = path.join(repo, 'syntaxes/nginx.language-configuration.json');

interface Tok {
  line: number;
  text: string;
  scopes: string[];
}

let grammar: IGrammar;

async function loadGrammar(): Promise<IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
    // Only our grammar: `source.lua` is absent, as in a VS Code without a Lua extension.
    loadGrammar: async (scope: string) => (scope === 'source.nginx' ? parseRawGrammar(readFileSync(grammarFile, 'utf8'), grammarFile) : null),
  });
  const g = await registry.loadGrammar('source.nginx');
  assert.ok(g, 'the grammar loads');
  return g;
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let state = INITIAL;
  text.split(/\r?\n/).forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ line: i, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  });
  return out;
}

/** Scopes of the token that starts `needle` (its n-th occurrence in the text, counting from 0). */
function scopesOf(toks: Tok[], text: string, needle: string, nth = 0): string[] {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (#${nth}) is in the sample`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const col = at - (before.lastIndexOf('\n') + 1);
  let c = 0;
  for (const t of toks.filter((x) => x.line === line)) {
    if (col >= c && col < c + t.text.length) return t.scopes;
    c += t.text.length;
  }
  assert.fail(`no token at ${line}:${col}`);
}

function has(toks: Tok[], text: string, needle: string, scope: string, nth = 0): void {
  const scopes = scopesOf(toks, text, needle, nth);
  assert.ok(
    scopes.some((s) => s === scope || s.startsWith(scope + '.')),
    `"${needle}" should have ${scope}, has ${scopes.join(' ')}`,
  );
}

function hasNot(toks: Tok[], text: string, needle: string, scope: string, nth = 0): void {
  const scopes = scopesOf(toks, text, needle, nth);
  assert.ok(!scopes.some((s) => s === scope || s.startsWith(scope + '.')), `"${needle}" should not have ${scope}, has ${scopes.join(' ')}`);
}

const SAMPLE = `# main config
user nginx;
worker_processes auto;
events {
    worker_connections 1024;
}
http {
    include /etc/nginx/mime.types;
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
        ~*bot   "bot";
    }
    limit_req_zone $binary_remote_addr zone=one:10m rate=1r/s;
    log_format main '$remote_addr - "\${request}"';
    server {
        listen 443 ssl;
        server_tokens off;
        client_max_body_size 10m;
        keepalive_timeout 30s;
        add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
        add_header Content-Security-Policy
            "default-src 'self' \\"x\\"";
        proxy_pass http://h/#frag;
        set $x \${host}_a;
        location ~* \\.(gif|jpg)$ {
            expires 30d;
        }
        location = /exact { return 204; }
        location ^~ /static/ { root /srv; }
        location @fallback { proxy_pass http://$upstream_host; }
        location ~ "^/a{2}$" { }
        if ($http_user_agent ~* (bot|crawl)) {
            return 403;
        }
        if (!-f $request_filename) { rewrite ^/(.*)$ /index.php?q=$1 last; }
        content_by_lua_block {
            local t = { a = "}" }  -- server { listen 1; }
            ngx.say("hello")
        }
        set $after_lua 1;
    }
    upstream backend {
        server 127.0.0.1:8080 weight=5;
    }
}
`;

describe('nginx language in VS Code', function () {
  let toks: Tok[];

  before(async function () {
    grammar = await loadGrammar();
    toks = tokenize(SAMPLE);
  });

  describe('TextMate grammar (source.nginx)', () => {
    it('comments, directives, block directives and include', () => {
      has(toks, SAMPLE, '# main', 'comment.line.number-sign.nginx');
      has(toks, SAMPLE, 'user', 'keyword.other.directive.nginx');
      has(toks, SAMPLE, 'worker_processes', 'keyword.other.directive.nginx');
      for (const b of ['events', 'http', 'server {', 'upstream backend']) has(toks, SAMPLE, b, 'storage.type.directive.context.nginx');
      has(toks, SAMPLE, 'include', 'keyword.control.import.nginx');
      has(toks, SAMPLE, '/etc/nginx/mime.types', 'string.unquoted.path.nginx');
      has(toks, SAMPLE, ';', 'punctuation.terminator.nginx');
      // "server" inside upstream is a simple directive, not a context
      has(toks, SAMPLE, 'server 127', 'keyword.other.directive.nginx');
      hasNot(toks, SAMPLE, 'server 127', 'storage.type.directive.context.nginx');
    });

    it('numbers, sizes, times, on/off and key=value parameters', () => {
      has(toks, SAMPLE, '1024', 'constant.numeric.nginx');
      has(toks, SAMPLE, '443', 'constant.numeric.nginx');
      has(toks, SAMPLE, '10m;', 'constant.numeric.nginx');
      has(toks, SAMPLE, '30s', 'constant.numeric.nginx');
      has(toks, SAMPLE, '30d', 'constant.numeric.nginx');
      has(toks, SAMPLE, 'off', 'constant.language.boolean.nginx');
      has(toks, SAMPLE, 'zone=', 'entity.other.attribute-name.nginx');
      has(toks, SAMPLE, 'weight', 'entity.other.attribute-name.nginx');
      has(toks, SAMPLE, '5;', 'constant.numeric.nginx');
      // an address is not a number
      hasNot(toks, SAMPLE, '127.0.0.1', 'constant.numeric.nginx');
    });

    it('variables ($var and ${var}), also inside double and single quotes', () => {
      has(toks, SAMPLE, '$http_upgrade', 'variable.other.nginx');
      has(toks, SAMPLE, '$binary_remote_addr', 'variable.other.nginx');
      has(toks, SAMPLE, '$remote_addr', 'variable.other.nginx');
      has(toks, SAMPLE, '$remote_addr', 'string.quoted.single.nginx');
      has(toks, SAMPLE, '${request}', 'variable.other.nginx');
      has(toks, SAMPLE, '${host}', 'variable.other.nginx');
      has(toks, SAMPLE, '$upstream_host', 'variable.other.nginx');
      has(toks, SAMPLE, '$1', 'variable.other.nginx');
    });

    it('strings with escapes, over several lines of one directive', () => {
      has(toks, SAMPLE, '"max-age', 'string.quoted.double.nginx');
      has(toks, SAMPLE, 'includeSubDomains', 'string.quoted.double.nginx');
      hasNot(toks, SAMPLE, 'always', 'string.quoted.double.nginx');
      has(toks, SAMPLE, 'default-src', 'string.quoted.double.nginx');
      has(toks, SAMPLE, '\\"x', 'constant.character.escape.nginx');
      // the directive after the multi-line one starts fresh
      has(toks, SAMPLE, 'proxy_pass http://h', 'keyword.other.directive.nginx');
      // "#" inside a word is not a comment
      hasNot(toks, SAMPLE, '#frag', 'comment.line.number-sign.nginx');
      // ${host} does not end the directive early
      has(toks, SAMPLE, '_a;', 'meta.directive.nginx');
    });

    it('location modifiers, regex and named locations', () => {
      has(toks, SAMPLE, 'location ~*', 'storage.type.directive.context.nginx');
      has(toks, SAMPLE, '~* \\.', 'keyword.operator.location-modifier.nginx');
      has(toks, SAMPLE, '\\.(gif', 'string.regexp.nginx');
      has(toks, SAMPLE, '= /exact', 'keyword.operator.location-modifier.nginx');
      has(toks, SAMPLE, '/exact', 'string.unquoted.path.nginx');
      has(toks, SAMPLE, '^~', 'keyword.operator.location-modifier.nginx');
      has(toks, SAMPLE, '/static/', 'string.unquoted.path.nginx');
      has(toks, SAMPLE, '@fallback', 'entity.name.function.location.nginx');
      has(toks, SAMPLE, '"^/a{2}$"', 'string.regexp.nginx');
      // the directive inside a one-line location block
      has(toks, SAMPLE, 'return 204', 'keyword.other.directive.nginx');
    });

    it('if conditions: operators, variables and regexes; rewrite regex and flag', () => {
      has(toks, SAMPLE, 'if ($http', 'keyword.control.conditional.nginx');
      has(toks, SAMPLE, '$http_user_agent', 'meta.condition.nginx');
      has(toks, SAMPLE, '$http_user_agent', 'variable.other.nginx');
      has(toks, SAMPLE, '~* (bot', 'keyword.operator.comparison.nginx');
      has(toks, SAMPLE, '(bot|crawl)', 'string.regexp.nginx');
      has(toks, SAMPLE, '!-f', 'keyword.operator.comparison.nginx');
      has(toks, SAMPLE, 'rewrite', 'keyword.other.directive.nginx');
      has(toks, SAMPLE, '^/(.*)$', 'string.regexp.nginx');
      has(toks, SAMPLE, 'last', 'keyword.other.flag.nginx');
      has(toks, SAMPLE, 'return 403', 'keyword.other.directive.nginx');
    });

    it('map rows are data, with regex keys', () => {
      has(toks, SAMPLE, 'map', 'storage.type.directive.context.nginx');
      has(toks, SAMPLE, 'default upgrade', 'keyword.other.nginx');
      hasNot(toks, SAMPLE, 'default upgrade', 'keyword.other.directive.nginx');
      has(toks, SAMPLE, '~*bot', 'string.regexp.nginx');
      has(toks, SAMPLE, '"bot"', 'string.quoted.double.nginx');
    });

    it('*_by_lua_block bodies are embedded Lua, skipped by the nginx rules', () => {
      has(toks, SAMPLE, 'content_by_lua_block', 'keyword.other.directive.nginx');
      for (const inside of ['local t', 'ngx.say', '"}"', '-- server']) {
        has(toks, SAMPLE, inside, 'meta.embedded.block.lua');
        hasNot(toks, SAMPLE, inside, 'keyword.other.directive.nginx');
      }
      has(toks, SAMPLE, '"}"', 'string.quoted.double.lua');
      has(toks, SAMPLE, '-- server', 'comment.line.double-dash.lua');
      hasNot(toks, SAMPLE, 'listen 1', 'keyword.other.directive.nginx');
      // after the Lua block: nginx again
      has(toks, SAMPLE, 'set $after_lua', 'keyword.other.directive.nginx');
      hasNot(toks, SAMPLE, 'set $after_lua', 'meta.embedded.block.lua');
      has(toks, SAMPLE, '$after_lua', 'variable.other.nginx');
    });

    it('ends every block it opens: the last "}" is back at the top level, and a stray "}" is marked', () => {
      const last = toks.filter((t) => t.text === '}').pop()!;
      assert.deepEqual(last.scopes.filter((s) => s.startsWith('meta.block')), ['meta.block.nginx']);
      const stray = tokenize('a 1;\n}\nb 2;\n');
      assert.ok(stray.find((t) => t.text === '}')!.scopes.includes('invalid.illegal.stray-brace.nginx'));
      assert.ok(stray.find((t) => t.text === 'b')!.scopes.includes('keyword.other.directive.nginx'));
    });

    it('tokenizes every wild nginx config without leaving a block open', function () {
      const corpus = path.join(CORPORA_ROOT, 'wild/nginx');
      requireCorpus(corpus, 'nginx grammar on the wild corpus');
      const files = readdirRecursive(corpus).filter((f) => nginxLanguage.matches(f));
      assert.ok(files.length > 50, `expected the wild nginx corpus, found ${files.length}`);
      const open: string[] = [];
      for (const f of files) {
        const text = readFileSync(f, 'utf8');
        const t = tokenize(text + '\n');
        const lastLine = t.filter((x) => x.line === t[t.length - 1].line);
        // At the end of a config the tokenizer must be back at the top level (no scope left open).
        if (lastLine.some((x) => x.scopes.length > 1 && !text.includes('{{'))) open.push(path.relative(corpus, f));
      }
      assert.deepEqual(open, []);
    });
  });

  describe('language configuration', () => {
    const conf = JSON.parse(readFileSync(configFile, 'utf8'));

    it('is valid JSON with "#" comments, brace brackets and auto-closing quotes', () => {
      assert.equal(conf.comments.lineComment, '#');
      assert.deepEqual(conf.brackets, [['{', '}']]);
      const pairs = conf.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
      for (const p of ['{}', '""', "''"]) assert.ok(pairs.includes(p), p);
      for (const p of conf.autoClosingPairs) if (p.open === '"' || p.open === "'") assert.deepEqual(p.notIn, ['string', 'comment']);
    });

    it('indents after "{" and outdents at "}"', () => {
      const inc = new RegExp(conf.indentationRules.increaseIndentPattern);
      const dec = new RegExp(conf.indentationRules.decreaseIndentPattern);
      for (const l of ['server {', '    location ~ "^/a{2}$" {', 'http { # main', 'content_by_lua_block {']) assert.ok(inc.test(l), `indent after: ${l}`);
      for (const l of ['set $a ${b};', '# server {', 'location / { return 204; }', 'listen 80;']) assert.ok(!inc.test(l), `no indent after: ${l}`);
      assert.ok(dec.test('    }'));
      assert.ok(dec.test('} # end http'));
      assert.ok(!dec.test('listen 80;'));
    });

    it('has a word pattern that keeps $variables whole and region folding markers', () => {
      const words = (s: string) => s.match(new RegExp(conf.wordPattern, 'g'));
      assert.deepEqual(words('proxy_pass http://$host${uri};'), ['proxy_pass', 'http://', '$host', '${uri}']);
      assert.deepEqual(words('add_header X-Id $request_id;'), ['add_header', 'X-Id', '$request_id']);
      assert.ok(new RegExp(conf.folding.markers.start).test('  # region upstreams'));
      assert.ok(new RegExp(conf.folding.markers.end).test('# endregion'));
    });
  });

  describe('package.json contributions and the client', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'nginx');
    const grammarContribution = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'nginx');

    it('contributes the nginx language and grammar with files that exist', () => {
      assert.ok(lang);
      assert.deepEqual(lang.aliases, ['nginx', 'NGINX']);
      assert.equal(path.resolve(repo, lang.configuration), configFile);
      assert.equal(grammarContribution.scopeName, 'source.nginx');
      assert.equal(path.resolve(repo, grammarContribution.path), grammarFile);
      assert.equal(JSON.parse(readFileSync(grammarFile, 'utf8')).scopeName, 'source.nginx');
      assert.equal(grammarContribution.embeddedLanguages['meta.embedded.block.lua'], 'lua');
      // The grammar ships in the VSIX (the allow-list in scripts/package-vsix.mjs).
      assert.match(readFileSync(path.join(repo, 'scripts/package-vsix.mjs'), 'utf8'), /^  'syntaxes',$/m);
    });

    it('associates nginx files as the server recognises them, never every .conf', () => {
      const fromPackage = [...lang.filenames.map((f: string) => `**/${f}`), ...lang.extensions.map((e: string) => `**/*${e}`), ...lang.filenamePatterns];
      assert.deepEqual([...fromPackage].sort(), [...nginxLanguage.globs].sort());
      assert.deepEqual([...NGINX_GLOBS].sort(), [...nginxLanguage.globs].sort());
      assert.ok(!fromPackage.some((g: string) => g === '**/*.conf' || g === '*.conf'));
      assert.ok(!lang.extensions.includes('.conf'));
      // VS Code matches a filenamePattern containing "/" against the full path.
      for (const p of lang.filenamePatterns) assert.ok(p.startsWith('**/'), p);
    });

    it('activates on nginx documents and workspaces with nginx configs', () => {
      for (const e of ['onLanguage:nginx', 'onLanguage:NGINX', 'workspaceContains:**/nginx.conf', 'workspaceContains:**/conf.d/*.conf']) assert.ok(pkg.activationEvents.includes(e), e);
      assert.deepEqual(NGINX_LANGUAGE_IDS, ['nginx', 'NGINX']);
      const client = readFileSync(path.join(repo, 'client/src/extension.ts'), 'utf8');
      assert.match(client, /NGINX_LANGUAGE_IDS\.flatMap/);
      assert.match(client, /NGINX_GLOBS\.map\(\(g\) => vscode\.workspace\.createFileSystemWatcher\(g\)\)/);
      assert.match(pkg.contributes.viewsWelcome[0].contents, /nginx configs/);
    });

    it('folds nginx blocks by braces and runs of comments', () => {
      const text = '# a\n# b\nhttp {\n    server {\n        listen 80;\n    }\n    location / { }\n    upstream u\n    {\n        server a;\n    } # end\n}\n';
      assert.deepEqual(nginxFoldingRanges(text), [
        { start: 0, end: 1, kind: 'comment' },
        { start: 2, end: 10 },
        { start: 3, end: 4 },
        { start: 8, end: 9 },
      ]);
      // CRLF and an unclosed block (folds to the end)
      assert.deepEqual(nginxFoldingRanges('http {\r\n  a 1;\r\n}\r\nserver {\r\n  b 2;\r\n'), [
        { start: 0, end: 1 },
        { start: 3, end: 5 },
      ]);
    });
  });
});

function readdirRecursive(dir: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...readdirRecursive(p));
    else out.push(p);
  }
  return out.sort();
}

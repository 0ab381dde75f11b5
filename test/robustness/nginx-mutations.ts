// Deterministic mutations of nginx configs for robustness tests, hand-made pathological inputs
// (unbalanced braces, 10k-level nesting, include cycles and fan-outs with a workspace view, 1 MB
// lines, NUL bytes, unterminated quotes and Lua blocks) and the corpus file lists. Case `i` of a run
// depends only on (seed, i, pool), so any failing case can be rebuilt from its label alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORPORA_ROOT } from '../corpus/corpora';
import { MUTATORS as TEXT_MUTATORS, Rng, mutate, type MutationCase, type Mutator, splitLines, insertAt, insertIndentedLine } from './mutations';

export const NGINX_CORPORA = {
  wild: path.join(CORPORA_ROOT, 'wild/nginx'),
  gixyYandex: path.join(CORPORA_ROOT, 'nginx/gixy/yandex'),
  gixyDvershinin: path.join(CORPORA_ROOT, 'nginx/gixy/dvershinin'),
} as const;

/** Files of the corpora that are not configs (licences, notes, indexes, other tools' templates). */
const NOT_CONFIG = /(^|\/)(LICENSE[^/]*|MANIFEST\.md|index\.json|expectations\.json)$|\.(md|txt|json|erb|sme|py|js|yaml|yml)$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (!NOT_CONFIG.test(p)) out.push(p);
  }
  return out;
}

/** Every config of the wild nginx corpus (mime.types, fastcgi_params and templates included). */
export function wildNginxFiles(): string[] {
  return walk(NGINX_CORPORA.wild);
}

/** The gixy test configs of both lineages (tests/plugins/simply/<plugin>/*.conf). */
export function gixyNginxFiles(): string[] {
  return [...walk(path.join(NGINX_CORPORA.gixyYandex, 'tests')), ...walk(path.join(NGINX_CORPORA.gixyDvershinin, 'tests'))].filter((f) => f.endsWith('.conf'));
}

export function allNginxCorpusFiles(): string[] {
  return [...wildNginxFiles(), ...gixyNginxFiles()];
}

/**
 * The project a corpus file belongs to (the files its includes can reach): the repository folder
 * of the wild corpus, the plugin folder of a gixy test.
 */
export function projectOf(file: string): string {
  const rel = path.relative(CORPORA_ROOT, file).split(path.sep);
  if (rel[0] === 'wild') return rel.slice(0, 3).join('/');
  const simply = rel.indexOf('simply');
  return simply >= 0 ? rel.slice(0, simply + 2).join('/') : rel.slice(0, -1).join('/');
}


/** Odd but plausible nginx lines: missing or extra arguments, the directives rules look at, suppressions. */
const FRAGMENTS = [
  'server {', 'server', 'http {', 'events {}', 'location / {', 'location ~ ( {', 'location ~* \\.php$ {', 'location = {', 'location ^~ {', 'location @x { }', 'location {',
  '}', '}}', '{', ';', ';;', '{ }', 'if ($a) {', 'if (', 'if ($request_method = POST ) { return 405; }', 'if ($http_host ~ "(.+)") { set $h $1; }', 'if () {}',
  'limit_except GET { deny all; }', 'upstream u { server 127.0.0.1:8080; }', 'upstream { }', 'upstream u { server; }', 'stream { server { listen 53 udp; proxy_pass u; } }',
  'map $a $b {', 'map $http_upgrade $c { default upgrade; "" close; }', 'map {', 'types {', 'types { text/html html; }', 'geo $x { default 0; 10.0.0.0/8 1; }', 'split_clients $a $b { 50% a; * b; }',
  'include', 'include ;', 'include /nonexistent/*.conf;', 'include *.conf;', 'include conf.d/*.conf;', 'include snippets/headers.conf;', 'include mime.types;', 'include "a" "b";',
  'listen', 'listen 80;', 'listen 443 ssl;', 'listen 443 ssl http2;', 'listen [::]:443 ssl default_server;', 'listen unix:/run/a.sock;', 'listen 99999999;',
  'server_name', 'server_name _;', 'server_name ~^(?<sub>.+)\\.example\\.com$;', 'server_name *.example.com;',
  'server_tokens', 'server_tokens on;', 'server_tokens build;', 'server_tokens off;',
  'ssl_protocols TLSv1 TLSv1.1;', 'ssl_protocols;', 'ssl_ciphers ALL:!aNULL;', 'ssl_ciphers "";', 'ssl_certificate /etc/ssl/x.pem;', 'ssl_certificate_key;', 'ssl_prefer_server_ciphers on;', 'ssl_session_tickets on;',
  'add_header', 'add_header X', 'add_header X-Frame-Options DENY;', 'add_header X "a" always extra;', 'add_header Strict-Transport-Security "max-age=0";',
  'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;', 'add_header Content-Security-Policy "default-src \'self\'";', 'add_header Set-Cookie "a=b";',
  'add_header_inherit merge;', 'http2 on;', 'proxy_hide_header X-Powered-By;', 'more_set_headers "Server: x";', 'more_clear_headers Server;',
  'return', 'return 301', 'return 301 https://$host$request_uri;', 'return 200 "ok";', 'return 403;', 'rewrite ^ $scheme://$host$request_uri? permanent;', 'rewrite ^/(.*)$ /$1 last;', 'rewrite;',
  'proxy_pass', 'proxy_pass http://$host$request_uri;', 'proxy_pass http://u;', 'proxy_pass http://127.0.0.1:8080/;', 'proxy_set_header Host $http_host;', 'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
  'root', 'root /var/www;', 'alias ../;', 'alias /srv/files;', 'autoindex on;', 'try_files $uri =404;', 'try_files $uri $uri/ /index.php?$args;', 'error_page 404 =200 /x;', 'internal;',
  'allow all;', 'deny all;', 'allow 10.0.0.0/8;', 'auth_basic "x";', 'satisfy any;', 'valid_referers none blocked;', 'if ($invalid_referer) { return 403; }',
  'limit_req zone=;', 'limit_req zone=one burst=5 nodelay;', 'limit_req_zone ;', 'limit_req_zone $binary_remote_addr zone=one:10m rate=1r/s;', 'limit_conn addr 10;', 'client_max_body_size 0;',
  'resolver 8.8.8.8;', 'resolver;', 'resolver 127.0.0.53 valid=30s;', 'set $', 'set ${', 'set $a "${b}";', 'set $x $http_x_forwarded_for;',
  'content_by_lua_block {', 'access_by_lua_block { local s = "}" }', 'content_by_lua_block { ngx.say("{") }', 'init_by_lua_block { -- }\n}', 'js_content main.handler;',
  'gzip on;', 'gzip_types *;', 'sub_filter a b;', 'charset utf-8;', 'keepalive_timeout 0;', 'proxy_read_timeout 1h;', 'worker_processes auto;', 'user root;', 'pid;',
  '# readiness-lint-disable-next-line', '# readiness-lint-disable-next-line nginx/unknown-directive -- why', '# readiness-lint-disable-file * --', '# nginxlinter off', '# gixy: skip',
  '{{ .Values.server_name }}', '${NGINX_PORT}', '$', '"', "'", '\\', '#', '# {', 'x "a"b;', 'x "a', "x 'b", 'x a\\', '\0',
];

/** nginx punctuation that unbalances blocks, quotes, variables and comments. */
const PUNCT = ['{', '}', ';', '"', "'", '\\', '#', '$', '${', '}', '(', ')', '~', '~*', '^~', '=', '@', ' ', '\n', '\r', '\t'];

export const NGINX_MUTATORS: Record<string, Mutator> = {
  truncate: TEXT_MUTATORS.truncate,
  flipBytes: TEXT_MUTATORS.flipBytes,
  deleteLines: TEXT_MUTATORS.deleteLines,
  duplicateLines: TEXT_MUTATORS.duplicateLines,
  binaryJunk: TEXT_MUTATORS.binaryJunk,
  randomUnicode: TEXT_MUTATORS.randomUnicode,
  splice: TEXT_MUTATORS.splice,
  lineEndings: TEXT_MUTATORS.lineEndings,
  shuffleLines: TEXT_MUTATORS.shuffleLines,
  whitespace: TEXT_MUTATORS.whitespace,
  unbalanced: (s, r) => {
    let out = s;
    for (let n = r.range(1, 12); n > 0; n--) out = insertAt(out, r.pick(PUNCT), r);
    return out;
  },
  /** Delete some of the structure: braces, semicolons, quotes. */
  dropPunctuation: (s, r) => s.replace(/[{};"']/g, (c) => (r.chance(0.1) ? '' : c)),
  fragments: (s, r) => {
    let out = s;
    for (let n = r.range(1, 10); n > 0; n--) out = insertIndentedLine(out, r.pick(FRAGMENTS), r);
    return out;
  },
  /** Wrap a run of lines in a new block (location, if, server, limit_except, a Lua block). */
  nest: (s, r) => {
    const lines = splitLines(s);
    const a = r.int(lines.length);
    const b = Math.min(lines.length, a + r.range(1, 30));
    const open = r.pick(['location /x {', 'if ($a) {', 'server {', 'http {', 'limit_except GET {', 'location ~ "^/(a|b)$" {', 'access_by_lua_block {', 'map $a $b {', 'types {']);
    lines.splice(b, 0, r.chance(0.85) ? '}' : '');
    lines.splice(a, 0, open);
    return lines.join('\n');
  },
  /** Quote or unquote arguments (escapes included). */
  quoting: (s, r) =>
    s.replace(/(?<=[ \t])([^\s;{}"'#]+)(?=[\s;])/g, (w) => (r.chance(0.15) ? r.pick([`"${w}"`, `'${w}'`, `"${w.replace(/\$/g, '\\$')}"`, `"${w}`, `${w}"`]) : w)).replace(/"([^"\n]*)"/g, (m, inner: string) => (r.chance(0.15) ? inner : m)),
  /** Swap directive names for others (context errors, argument count errors). */
  renameDirectives: (s, r) =>
    s.replace(/^(\s*)([a-z_]+)(?=[\s{;])/gm, (m, ws: string) => (r.chance(0.15) ? ws + r.pick(['server', 'location', 'add_header', 'listen', 'include', 'if', 'map', 'proxy_pass', 'return', 'http', 'events', 'set', 'ssl_protocols', 'content_by_lua_block', 'types', 'upstream', 'x_unknown']) : m)),
  /** Templates: envsubst variables and Helm/Jinja placeholders. */
  templates: (s, r) => {
    let out = s;
    for (let n = r.range(1, 6); n > 0; n--) out = insertAt(out, r.pick(['${NGINX_PORT}', '${SERVER_NAME:-localhost}', '{{ .Values.x }}', '{% if ssl %}', '{% endif %}', '<%= @port %>', '$${x}']), r);
    return out;
  },
  /** A config made only of fragments, in random blocks. */
  randomConfig: (_s, r) => {
    const lines: string[] = [];
    let depth = 0;
    for (let n = r.range(0, 80); n > 0; n--) {
      const f = r.pick(FRAGMENTS);
      lines.push('    '.repeat(Math.max(0, depth)) + f);
      depth += (f.match(/\{/g) ?? []).length - (f.match(/\}/g) ?? []).length;
    }
    if (r.chance(0.7)) while (depth-- > 0) lines.push('}');
    return lines.join(r.pick(['\n', '\r\n']));
  },
};

/** Mutated config case `i` of a run. */
export function nginxMutationCase(seed: number, i: number, pool: string[], poolNames: string[]): MutationCase {
  const { label, text } = mutate(seed, i, pool, poolNames, NGINX_MUTATORS);
  return { label, text };
}

// ---------------------------------------------------------------------------------------------
// Pathological inputs

export interface NginxCase extends MutationCase {
  /** Path of the linted file. */
  path: string;
  /** Other files of the workspace (include targets), linted files' view of the project. */
  workspace?: { path: string; text: string }[];
}

const SERVER = (i: number) => `    server {
        listen 443 ssl;
        server_name s${i}.example.com;
        ssl_certificate /etc/ssl/s${i}.pem;
        ssl_certificate_key /etc/ssl/s${i}.key;
        add_header X-Frame-Options DENY;
        location / {
            proxy_pass http://127.0.0.1:${8000 + (i % 1000)};
            add_header X-Cache $upstream_cache_status;
        }
        location ~ \\.php$ { return 404; }
    }
`;

/** About `bytes` of config: the bodies of real http blocks (or whole files), repeated inside one http block. */
export function repeatedConfig(bases: string[], bytes: number): string {
  const parts = ['http {'];
  let n = parts[0].length;
  for (let i = 0; n < bytes; i++) {
    const b = bases[i % bases.length];
    parts.push(b);
    n += b.length + 1;
  }
  parts.push('}');
  return parts.join('\n');
}

export function nginxPathologicalCases(): NginxCase[] {
  const rep = (s: string, n: number) => s.repeat(n);
  const c = (label: string, text: string, workspace?: { path: string; text: string }[], p = '/etc/nginx/nginx.conf'): NginxCase => ({ label, text, path: p, workspace });
  const conf = (n: number) => Array.from({ length: n }, (_, i) => `/etc/nginx/conf.d/c${i}.conf`);
  return [
    c('empty file', ''),
    c('only a newline', '\n'),
    c('only NUL bytes', '\0'.repeat(1000)),
    c('NUL bytes inside directives', 'http {\0\n  server {\0 listen 80\0; }\n}\n' + rep('add_header X\0 "a\0b";\n', 1000)),
    c('only a BOM', '\uFEFF'),
    c('only comments', rep('# server { listen 80; }\n', 5000)),
    c('only "}" x 10k', rep('}', 10_000)),
    c('only "{" x 10k', rep('{', 10_000)),
    c('unclosed "server {" x 10k', rep('server {\n', 10_000)),
    c('";" x 10k', rep(';', 10_000)),
    c('locations nested 10k levels', 'http { server {' + rep('location / {', 10_000) + 'add_header X 1;' + rep('}', 10_000) + '} }'),
    c('if blocks nested 10k levels', 'http { server { location / {' + rep('if ($a) {', 10_000) + 'return 403;' + rep('}', 10_000) + '} } }'),
    c('http blocks nested 10k levels, unclosed', rep('http {', 10_000)),
    c('map blocks nested 5k levels', 'http {' + rep('map $a $b {', 5000) + rep('}', 5000) + '}'),
    c('lua blocks nested 5k levels', 'http { server { location / { content_by_lua_block {' + rep('{', 5000) + rep('}', 5000) + '} } } }'),
    c('unterminated double quote to EOF', 'http {\n  server {\n    add_header X "oops;\n' + rep('    listen 80;\n', 5000)),
    c('unterminated single quote to EOF', "http {\n  log_format main '$remote_addr\n" + rep('  server { listen 80; }\n', 5000)),
    c('unterminated Lua block to EOF', 'http { server { location / {\n  content_by_lua_block {\n' + rep('    local t = { a = "}" } -- }\n', 10_000)),
    c('unterminated Lua long string to EOF', 'http { server { location / { content_by_lua_block { local s = [==[ ' + rep('}', 10_000)),
    c('unterminated ${ x 5000', 'http { server { set $a ' + rep('${', 5000) + '; } }'),
    c('glued quotes x 5000', 'http { server { add_header ' + rep('"a"\'b\'', 5000) + '; } }'),
    c('one 1 MB quoted line', 'http { server { add_header X-Long "' + rep('a', 1024 * 1024) + '" always; } }'),
    c('one 1 MB unquoted word', 'http { server { server_name ' + rep('a', 1024 * 1024) + '; } }'),
    c('one 1 MB comment line', '# ' + rep('x', 1024 * 1024) + '\nhttp { }'),
    c('one 1 MB line of directives', 'http { server { ' + rep('add_header X-A 1; ', 55_000) + '} }'),
    c('100k directives in one server', 'http {\n  server {\n    listen 443 ssl;\n' + rep('    add_header X-A "1" always;\n', 100_000) + '  }\n}\n'),
    c('2000 servers with locations', 'http {\n' + Array.from({ length: 2000 }, (_, i) => SERVER(i)).join('') + '}\n'),
    c('5000 locations with add_header under http headers', 'http {\n  add_header X-Frame-Options DENY;\n  add_header X-Content-Type-Options nosniff;\n  server {\n    listen 443 ssl;\n' + Array.from({ length: 5000 }, (_, i) => `    location /l${i} { add_header X-L${i} 1; }\n`).join('') + '  }\n}\n'),
    c('10k if blocks in one location', 'http { server { location / {\n' + rep('  if ($http_x = "a") { return 403; }\n', 10_000) + '} } }'),
    c('20k map rows', 'http {\n  map $uri $x {\n' + Array.from({ length: 20_000 }, (_, i) => `    ~^/p${i}$ ${i};`).join('\n') + '\n  }\n}\n'),
    c('10k unresolved includes', 'http {\n' + rep('  include /nonexistent/*.conf;\n', 10_000) + '  server { listen 80; }\n}\n'),
    c('20k suppression comments', 'http { server {\n' + rep('  # readiness-lint-disable-next-line nginx/unknown-directive -- why\n  server_token off;\n', 10_000) + '} }'),
    c('CR-only line endings', rep('http {\r  server {\r    listen 80;\r    server_tokens on;\r  }\r}\r', 2000)),
    c('CRLF line endings', rep('http {\r\n  server {\r\n    listen 443 ssl;\r\n    server_tokens on;\r\n  }\r\n}\r\n', 2000)),
    c('all astral characters', 'http { server { add_header X "' + rep('\u{1F600}', 100_000) + '"; } }'),
    c('lone surrogates', 'http { server { server_name ' + rep('\uD800x\uDC00', 10_000) + '; } }'),
    c('template placeholders everywhere', 'http {\n' + rep('  server { listen {{ .Values.port }}; server_name ${HOST}; {% if ssl %}ssl_protocols TLSv1;{% endif %} }\n', 2000) + '}\n'),
    c(
      'random bytes 100 KB (no NUL)',
      (() => {
        const r = new Rng(7);
        let s = '';
        for (let i = 0; i < 100_000; i++) s += String.fromCharCode(r.range(1, 255));
        return s;
      })(),
    ),
    // Includes, with the files they name in the workspace view.
    c('include cycle a -> b -> a', 'http {\n  include /etc/nginx/b.conf;\n  server { listen 80; }\n}\n', [
      { path: '/etc/nginx/b.conf', text: 'include /etc/nginx/nginx.conf;\nadd_header X-B 1;\n' },
    ]),
    c('file that includes itself', 'http {\n  include nginx.conf;\n  server { listen 443 ssl; add_header X 1; }\n}\n'),
    c('include of a missing file', 'http {\n  include /etc/nginx/missing.conf;\n  include snippets/*.conf;\n  server { listen 443 ssl; include missing-too.conf; }\n}\n', [
      { path: '/etc/nginx/other.conf', text: 'server_tokens off;\n' },
    ]),
    c(
      'chain of 200 includes',
      'http {\n  include /etc/nginx/chain/c0.conf;\n}\n',
      Array.from({ length: 200 }, (_, i) => ({ path: `/etc/nginx/chain/c${i}.conf`, text: `add_header X-C${i} 1;\ninclude /etc/nginx/chain/c${i + 1}.conf;\n` })),
    ),
    c(
      'conf.d fan-out: 12 files that each include conf.d/*.conf',
      'http {\n  include conf.d/*.conf;\n}\n',
      conf(12).map((p, i) => ({ path: p, text: `server {\n  listen 80;\n  server_name c${i};\n  include conf.d/*.conf;\n  location / { add_header X-C${i} 1; }\n}\n` })),
    ),
    c(
      'a conf.d file linted while its siblings include each other',
      'server {\n  listen 443 ssl;\n  include /etc/nginx/conf.d/*.conf;\n  location / { add_header X 1; }\n}\n',
      [...conf(10).map((p, i) => ({ path: p, text: `include /etc/nginx/conf.d/*.conf;\nadd_header X-${i} 1;\n` })), { path: '/etc/nginx/nginx.conf', text: 'http {\n  include conf.d/*.conf;\n}\n' }],
      '/etc/nginx/conf.d/site.conf',
    ),
    c(
      'snippet included from 500 places',
      'add_header X-Frame-Options DENY;\nadd_header Strict-Transport-Security "max-age=63072000" always;\n',
      Array.from({ length: 500 }, (_, i) => ({ path: `/etc/nginx/sites-enabled/s${i}`, text: `server {\n  listen 443 ssl;\n  include snippets/headers.conf;\n  location / { include snippets/headers.conf; }\n}\n` })),
      '/etc/nginx/snippets/headers.conf',
    ),
    c('included file nested 5k levels', 'http {\n  include /etc/nginx/deep.conf;\n}\n', [{ path: '/etc/nginx/deep.conf', text: 'server {' + rep('location / {', 5000) + rep('}', 5000) + '}' }]),
  ];
}

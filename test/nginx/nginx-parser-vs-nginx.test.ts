// Our parser against nginx itself: `nginx -t` (Debian's nginx, installed by .ci/setup-system.sh)
// must accept exactly the corpus configs our parser accepts without errors, each file wrapped in a
// minimal main config where it is a fragment. "We accept" = no parse error and no finding of the
// validity rules (unknown directive, directive not allowed here, invalid arguments). What makes
// nginx fail for reasons outside the text (missing includes and certificates, host names, modules
// Debian's build lacks, unrendered envsubst templates) is neutralised first: see nginx-t.ts; the
// per-file log is written to test-results/nginx-t/neutralisations.txt.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireCorpus } from '../corpus/corpora';
import {
  ALL_CATEGORIES,
  ENVIRONMENT_ONLY,
  WILD_NGINX,
  corpusVsNginx,
  requireNginx,
  sharedRunner,
  type Category,
  type CorpusVerdict,
} from './nginx-t';

/**
 * Configs nginx rejects for a reason no parser and none of our validity rules sees: semantic checks
 * nginx makes when it loads the config. Keyed by corpus id; `nginx` must still be nginx's message
 * (so a stale entry fails). `check` says whether a cheap static rule could catch it.
 */
const EXCLUSIONS: { id: string; nginx: string; reason: string; check: string }[] = [
  ...['yandex', 'dvershinin'].flatMap((lineage) => [
    {
      id: `gixy-${lineage}/add_header_redefinition/if_replaces.conf`,
      nginx: 'invalid condition "1"',
      reason: 'A gixy test fixture: `if (1)` is not an nginx condition (nginx wants a variable, a comparison or a -f/-d/-e/-x test). nginx parses the condition when it loads the config.',
      check: 'cheap: validate `if` conditions (variable | $var op value | [!]-f/-d/-e/-x path) in invalid-arguments',
    },
    {
      id: `gixy-${lineage}/add_header_redefinition/non_block_fp.conf`,
      nginx: 'directive "server" has no opening "{"',
      reason: 'A gixy test fixture: `server "some";` at http level. Our validity rules accept it because `server` with one argument is valid in `upstream`; nginx wants the http `server` block there.',
      check: 'cheap: match block-ness with the spec of the context (a block directive written with ";" and vice versa) in directive-not-allowed or invalid-arguments',
    },
    {
      id: `gixy-${lineage}/ssrf/vars_from_loc.conf`,
      nginx: 'the duplicate "scheme" variable',
      reason: 'A gixy test fixture: `set $scheme $1;` assigns a built-in variable, which nginx refuses (only a few built-ins such as $args and $limit_rate are changeable).',
      check: 'cheap: a rule for `set` of a built-in, non-changeable variable (the variable list of @nginx/reference-lib)',
    },
  ]),
  {
    id: 'gixy-dvershinin/resolver_external/resolver_local_ipv6_fp.conf',
    nginx: 'invalid port in resolver "::1"',
    reason: 'A gixy test fixture: `resolver 127.0.0.1 ::1;` — nginx wants an IPv6 resolver address in brackets ([::1]); without them it reads "::1" as host:port.',
    check: 'cheap: flag unbracketed IPv6 addresses in `resolver` (and `listen`, `server`, `proxy_pass`)',
  },
];

function summary(rows: CorpusVerdict[]): string {
  const cats = new Map<Category, number>();
  const files = new Map<Category, number>();
  for (const r of rows) {
    for (const n of r.nginx.neutralisations) cats.set(n.category, (cats.get(n.category) ?? 0) + 1);
    for (const c of new Set(r.nginx.neutralisations.map((n) => n.category))) files.set(c, (files.get(c) ?? 0) + 1);
  }
  return [...ALL_CATEGORIES].map((c) => `${c} ${cats.get(c) ?? 0} in ${files.get(c) ?? 0} file(s)`).join(', ');
}

function writeLog(rows: CorpusVerdict[]): string {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/nginx-t');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'neutralisations.txt');
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(`${r.config.id}  [${r.nginx.context}]  nginx: ${r.nginx.ok ? 'accepts' : `rejects: ${r.nginx.message}`}  ours: ${r.ours.length ? `rejects: ${r.ours[0]}` : 'accepts'}`);
    for (const n of r.nginx.neutralisations) lines.push(`    ${n.category.padEnd(11)} ${n.what}\n                because: ${n.nginx}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('nginx parser vs nginx -t (corpus)', function () {
  this.timeout(300_000);
  let bin = '';

  before(function () {
    requireCorpus(WILD_NGINX, 'the wild nginx corpus');
    bin = requireNginx(this);
  });

  it('nginx accepts exactly the corpus configs our parser accepts', function () {
    const started = Date.now();
    const rows = corpusVsNginx(bin);
    const runner = sharedRunner(bin);
    assert.ok(rows.length > 250, `expected the wild and gixy corpora (${rows.length} configs found)`);
    const excluded = new Map(EXCLUSIONS.map((e) => [e.id, e]));
    let bothAccept = 0;
    let bothReject = 0;
    const disagreements: string[] = [];
    const excludedRows: string[] = [];
    const rejectedBoth: string[] = [];
    for (const r of rows) {
      const ours = r.ours.length === 0;
      if (ours === r.nginx.ok) {
        if (ours) bothAccept++;
        else {
          bothReject++;
          rejectedBoth.push(`  ${r.config.id}\n      nginx: ${r.nginx.message}\n      ours:  ${r.ours[0]}`);
        }
        continue;
      }
      const line = `  ${r.config.id} [${r.nginx.context}]\n      nginx: ${r.nginx.ok ? 'accepts' : r.nginx.message}\n      ours:  ${ours ? 'accepts' : r.ours.join('\n             ')}`;
      const ex = excluded.get(r.config.id);
      if (ex && !r.nginx.ok && r.nginx.message.includes(ex.nginx)) excludedRows.push(`${line}\n      excluded: ${ex.reason}\n      static check: ${ex.check}`);
      else disagreements.push(line);
    }
    const log = writeLog(rows);
    console.log(
      [
        `nginx -t (${runner.mode === 'sandbox' ? 'sandboxed' : 'run directly: no sandbox here'}) vs our parser on ${rows.length} corpus configs, ${runner.runs} nginx runs, ${((Date.now() - started) / 1000).toFixed(1)} s:`,
        `  both accept ${bothAccept}, both reject ${bothReject}, excluded ${excludedRows.length}, disagreements ${disagreements.length}`,
        `  neutralisations: ${summary(rows)}`,
        `  per-file log: ${path.relative(process.cwd(), log)}`,
        `Both reject:`,
        ...rejectedBoth,
        `Excluded (nginx's semantic checks):`,
        ...excludedRows,
        ...(disagreements.length ? ['DISAGREEMENTS:', ...disagreements] : []),
      ].join('\n'),
    );
    assert.deepEqual(disagreements, [], 'ours and nginx disagree on these configs');
  });

  it('every exclusion is still a disagreement with the message it documents', function () {
    const rows = new Map(corpusVsNginx(bin).map((r) => [r.config.id, r]));
    const stale = EXCLUSIONS.filter((e) => {
      const r = rows.get(e.id);
      return !r || r.nginx.ok || !r.nginx.message.includes(e.nginx) || r.ours.length > 0;
    }).map((e) => e.id);
    assert.deepEqual(stale, [], 'remove these exclusions (the file is gone, or ours and nginx now agree)');
  });

});

// The harness itself, on small configs whose verdicts are known: it must reject real errors and
// neutralise only what lies outside the text.
describe('nginx -t harness', function () {
  this.timeout(120_000);
  let bin = '';

  before(function () {
    bin = requireNginx(this);
  });

  const cases: { name: string; text: string; contexts: string[]; allow?: ReadonlySet<Category>; ok: boolean; message?: string; categories: Category[] }[] = [
    { name: 'a clean server fragment', text: 'location / {\n    return 200 "ok";\n}\n', contexts: ['server'], ok: true, categories: [] },
    { name: 'a typo', text: 'server_token off;\n', contexts: ['server'], ok: false, message: 'unknown directive "server_token"', categories: [] },
    { name: 'a directive in the wrong context', text: 'listen 80;\n', contexts: ['http'], ok: false, message: '"listen" directive is not allowed here', categories: [] },
    { name: 'a missing include', text: 'include snippets/nginx-t-missing.conf;\nlocation / { return 204; }\n', contexts: ['server'], ok: true, categories: ['include'] },
    {
      name: 'certificates that are not here',
      text: 'server {\n    listen 443 ssl;\n    ssl_certificate /nonexistent/site.crt;\n    ssl_certificate_key /nonexistent/site.key;\n}\n',
      contexts: ['http'],
      ok: true,
      categories: ['certificate', 'certificate'],
    },
    { name: 'an njs directive', text: 'location / {\n    js_content main.hello;\n}\n', contexts: ['server'], ok: true, categories: ['module'] },
    { name: 'http2 on (1.25+) where only the environment may be neutralised', text: 'http2 on;\n', contexts: ['server'], allow: ENVIRONMENT_ONLY, ok: false, message: 'unknown directive "http2"', categories: [] },
    { name: 'an unknown user', text: 'user nginx-t-nobody;\nevents {}\nhttp {}\n', contexts: ['main'], ok: true, categories: ['user'] },
    { name: 'an envsubst template', text: 'server {\n    listen ${NGINX_PORT};\n    server_name ${SERVER_NAME};\n}\n', contexts: ['http'], ok: true, categories: ['template'] },
    { name: 'a host that does not resolve', text: 'upstream app {\n    server app.internal:8080;\n}\n', contexts: ['http'], ok: true, categories: ['host'] },
    { name: 'an undefined variable in a main config', text: 'events {}\nhttp {\n    server {\n        return 200 $nginx_t_nope;\n    }\n}\n', contexts: ['main'], ok: false, message: 'unknown "nginx_t_nope" variable', categories: [] },
    { name: 'a fragment tried in its second context', text: 'return 204;\n', contexts: ['http', 'server'], ok: true, categories: [] },
  ];

  it('gives the known verdicts', function () {
    const verdicts = sharedRunner(bin).checkMany(cases.map((c) => ({ key: c.name, text: c.text, contexts: c.contexts, allow: c.allow ?? ALL_CATEGORIES })));
    const wrong: string[] = [];
    cases.forEach((c, i) => {
      const v = verdicts[i];
      const cats = v.neutralisations.map((n) => n.category);
      if (v.ok !== c.ok || (c.message && !v.message.includes(c.message)) || cats.join() !== c.categories.join()) {
        wrong.push(`${c.name}: ok=${v.ok} message=${v.message} neutralised=${cats.join() || 'nothing'}`);
      }
    });
    assert.deepEqual(wrong, []);
  });

  it('replays neutralisations on an edited text', function () {
    const runner = sharedRunner(bin);
    const original = 'include snippets/nginx-t-missing.conf;\nlocation / { js_content main.hello; }\n';
    const [first] = runner.checkMany([{ key: 'original', text: original, contexts: ['server'], allow: ALL_CATEGORIES }]);
    assert.ok(first.ok, first.message);
    assert.deepEqual(first.neutralisations.map((n) => n.category), ['include', 'module']);
    const edited = original + 'server_tokens off;\n';
    const bad = original + 'http2 on;\n';
    const [again, worse] = runner.checkMany([
      { key: 'edited', text: edited, contexts: ['server'], replay: first.neutralisations, allow: ENVIRONMENT_ONLY },
      { key: 'bad', text: bad, contexts: ['server'], replay: first.neutralisations, allow: ENVIRONMENT_ONLY },
    ]);
    assert.ok(again.ok, again.message);
    assert.equal(again.neutralisations.length, 0);
    assert.equal(again.replayMissed, 0);
    assert.ok(!worse.ok && worse.message.includes('unknown directive "http2"'), worse.message);
  });
});

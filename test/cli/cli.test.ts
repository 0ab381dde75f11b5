// CLI contract tests: exit codes, stdout carries only the document, JSON shape, SARIF validity
// against the 2.1.0 schema, --fix, and golden files of every format on examples/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync, readFileSync, existsSync, cpSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { lintFile } from '../../server/src/engine/workspace';
import { resolveConfig } from '../../server/src/engine/config';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli.js');
const goldenDir = path.join(repo, 'test/cli/golden');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('CLI (dist/cli.js)', function () {
  before(function () {
    if (!existsSync(cli)) {
      if (process.env.CI === 'true') throw new Error('dist/cli.js is missing: run `npm run build` first');
      console.log('      skipped: dist/cli.js is missing (run `npm run build`)');
      this.skip();
    }
  });

  it('exits 0 when nothing is at level block, and 1 when something is', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nRUN sudo ls\n' });
    assert.equal(run(['.'], dir).code, 0);
    writeFileSync(path.join(dir, '.readiness-lint.yaml'), 'rules:\n  docker/no-sudo: block\n');
    const r = run(['.', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const doc = JSON.parse(r.stdout);
    assert.ok(doc.findings.some((f: { ruleId: string; level: string }) => f.ruleId === 'docker/no-sudo' && f.level === 'block'));
  });

  it('exits 2 on usage and configuration errors, with messages on stderr only', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\n', '.readiness-lint.yaml': 'rules:\n  docker/nope: warn\n' });
    const bad = run(['.', '--format', 'json'], dir);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /\.readiness-lint\.yaml:2:3: Unknown rule "docker\/nope"/);
    assert.equal(run(['--format', 'xml'], dir).code, 2);
    assert.equal(run(['--bogus'], dir).code, 2);
    assert.equal(run(['does-not-exist'], dir).code, 2);
  });

  it('I/O problems give one line and exit 2, never a stack trace', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\n', '.env': 'TOKEN=x\n' });
    const out = run(['.', '-o', path.join(dir, 'missing/folder/report.txt')], dir);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^readiness-lint: cannot write .*report\.txt: no such file or folder\.\n$/);
    // A config that is a folder, and a .gitignore that is a folder next to a .env file.
    mkdirSync(path.join(dir, '.readiness-lint.yaml'));
    mkdirSync(path.join(dir, '.gitignore'));
    const cfg = run(['.'], dir);
    assert.equal(cfg.code, 2);
    assert.match(cfg.stderr, /Cannot read the config file \(it is a folder\)/);
    rmSync(path.join(dir, '.readiness-lint.yaml'), { recursive: true });
    const gitignoreFolder = run(['.', '--format', 'json'], dir);
    assert.equal(gitignoreFolder.code, 0, gitignoreFolder.stderr);
    const env = JSON.parse(gitignoreFolder.stdout).checklist.categories.flatMap((c: { controls: { id: string }[] }) => c.controls).find((k: { id: string }) => k.id === 'ops.env-files');
    assert.equal(env.status, 'fail', 'an unreadable .gitignore ignores nothing');
    for (const r of [out, cfg, gitignoreFolder]) assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, 'no stack trace');
  });

  it('a symlink loop next to a .env file does not make the .env scan walk forever', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\n', '.env': 'TOKEN=x\n' });
    symlinkSync('.', path.join(dir, 'a'));
    symlinkSync('.', path.join(dir, 'b'));
    const r = spawnSync(process.execPath, [cli, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr || String(r.signal));
    const env = JSON.parse(r.stdout).checklist.categories.flatMap((c: { controls: { id: string }[] }) => c.controls).find((k: { id: string }) => k.id === 'ops.env-files');
    assert.deepEqual(env.evidence.map((e: { file: string }) => path.basename(e.file)), ['.env'], 'the .env is found once, not through the links');
  });

  it('a 1,000-deep JSON manifest of 8 KB is one parse error, and the process survives', () => {
    const deep = `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}}`;
    const ok = run(['.', '--format', 'json'], workspace({ 'deploy/deep.json': deep }));
    assert.equal(ok.code, 0, ok.stderr.slice(0, 300));
    assert.deepEqual(JSON.parse(ok.stdout).findings.map((f: { ruleId: string }) => f.ruleId), ['readiness-lint/parse-error']);
    const cfg = run(['.'], workspace({ Dockerfile: 'FROM alpine:3.20\n', '.readiness-lint.yaml': `rules: ${'['.repeat(500)}${']'.repeat(500)}\n` }));
    assert.equal(cfg.code, 2);
    assert.match(cfg.stderr, /Nested more than 64 levels deep/);
  });

  it('--fix never writes through a symlink or to a file that is not UTF-8, and says so', () => {
    const outside = workspace({ 'target/Dockerfile': 'from alpine:3.20\n' });
    const dir = workspace({ 'latin1/Dockerfile': '' });
    // A Latin-1 comment: not UTF-8. The casing fix would rewrite every byte as U+FFFD.
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from('\nfrom alpine:3.20\n')]);
    writeFileSync(path.join(dir, 'latin1/Dockerfile'), latin1);
    symlinkSync(path.join(outside, 'target/Dockerfile'), path.join(dir, 'Dockerfile'));
    const r = run(['latin1/Dockerfile', 'Dockerfile', '--fix', '--format', 'json'], dir);
    assert.deepEqual(readFileSync(path.join(dir, 'latin1/Dockerfile')), latin1, 'every byte kept');
    assert.equal(readFileSync(path.join(outside, 'target/Dockerfile'), 'utf8'), 'from alpine:3.20\n', 'the link target outside is untouched');
    const ids = JSON.parse(r.stdout).findings.map((f: { ruleId: string; file: string }) => `${f.file} ${f.ruleId}`);
    assert.ok(ids.includes('latin1/Dockerfile readiness-lint/not-utf8'), ids.join('\n'));
    assert.ok(ids.includes('Dockerfile readiness-lint/unreadable-file'), ids.join('\n'));
  });

  it('a manifest that cannot be read is a finding, not a silent skip', function () {
    // As root every file is readable: a file that disappears between the scan and the read fails the same way.
    const dir = workspace({ 'deploy/app.yaml': 'apiVersion: v1\nkind: Pod\n' });
    const gone = lintFile(path.join(dir, 'deploy/gone.yaml'), resolveConfig());
    assert.deepEqual(gone?.findings.map((f) => [f.ruleId, f.level, f.message]), [['readiness-lint/unreadable-file', 'warn', 'Cannot read this file (no such file or folder): it was not checked.']]);
    assert.equal(lintFile(path.join(dir, 'notes.txt'), resolveConfig()), null, 'a file of no checked kind stays out');
    if (process.getuid?.() === 0) return;
    chmodSync(path.join(dir, 'deploy/app.yaml'), 0);
    const r = run(['.', '--format', 'json'], dir);
    assert.ok(JSON.parse(r.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'readiness-lint/unreadable-file'));
  });

  it('--max-warnings fails the run when warnings exceed it', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nRUN sudo ls\n' });
    assert.equal(run(['.', '--max-warnings', '100'], dir).code, 0);
    assert.equal(run(['.', '--max-warnings', '0'], dir).code, 1);
  });

  it('--profile strict turns warnings into blocking errors', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\nRUN sudo ls\n' });
    const r = run(['.', '--profile', 'strict', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    assert.ok(JSON.parse(r.stdout).findings.some((f: { ruleId: string; level: string }) => f.ruleId === 'docker/no-sudo' && f.level === 'block'));
  });

  it('honours inline suppressions, reports reasonless ones, and --no-inline-suppressions ignores them', () => {
    const dir = workspace({ Dockerfile: 'FROM alpine:3.20\n# readiness-lint-disable-next-line docker/no-sudo\nRUN sudo ls\n' });
    const withSup = JSON.parse(run(['.', '--format', 'json'], dir).stdout);
    const ids = withSup.findings.map((f: { ruleId: string }) => f.ruleId);
    assert.ok(!ids.includes('docker/no-sudo'));
    assert.ok(ids.includes('readiness-lint/disable-without-reason'));
    const strict = JSON.parse(run(['.', '--format', 'json', '--no-inline-suppressions'], dir).stdout);
    assert.ok(strict.findings.some((f: { ruleId: string }) => f.ruleId === 'docker/no-sudo'));
  });

  it('--fix applies only the safe fixes; --fix-type hardening applies the ones that change what runs', () => {
    const dir = workspace({ 'app/Dockerfile': 'FROM alpine:3.20\nMAINTAINER ops@example.com\nRUN sudo apk add curl\n' });
    const file = path.join(dir, 'app/Dockerfile');
    const safe = run(['.', '--fix', '--format', 'json'], dir);
    let text = readFileSync(file, 'utf8');
    assert.match(text, /^LABEL org\.opencontainers\.image\.authors=/m, 'MAINTAINER -> LABEL keeps what runs');
    assert.match(text, /^RUN sudo apk add curl$/m, 'removing sudo changes the build: not applied by --fix');
    const left = JSON.parse(safe.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'docker/no-sudo');
    assert.deepEqual([left.fixable, left.fixType], [true, 'hardening']);
    assert.match(safe.stderr, /fixed 1 file/);
    const hardening = run(['.', '--fix-type', 'hardening', '--format', 'json'], dir);
    text = readFileSync(file, 'utf8');
    assert.match(text, /^RUN apk add (--no-cache )?curl$/m);
    assert.ok(!JSON.parse(hardening.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'docker/no-sudo'));
    // Both again: nothing left to change.
    run(['.', '--fix-type', 'safe,hardening'], dir);
    assert.equal(readFileSync(file, 'utf8'), text);
    const bad = run(['.', '--fix-type', 'cosmetic'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown fix type "cosmetic"/);
  });

  it('--list-rules --format json lists every rule with the contract fields', () => {
    const rules = JSON.parse(run(['--list-rules', '--format', 'json'], repo).stdout);
    assert.ok(rules.length >= 1);
    for (const r of rules) {
      assert.deepEqual(Object.keys(r), ['id', 'domain', 'title', 'level', 'fixable', 'fixType', 'controls', 'aliases']);
      assert.equal(r.fixType, r.fixable ? r.fixType : null);
      if (r.fixable) assert.ok(['safe', 'hardening'].includes(r.fixType), `${r.id}: ${r.fixType}`);
    }
  });

  it('--format json follows the documented contract', () => {
    const doc = JSON.parse(run(['examples', '--format', 'json'], repo).stdout);
    assert.deepEqual(Object.keys(doc), ['version', 'findings', 'checklist']);
    assert.equal(doc.version, 1);
    for (const f of doc.findings) {
      assert.deepEqual(Object.keys(f), ['ruleId', 'level', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'fixable', 'fixType']);
      assert.equal(f.fixType === null, !f.fixable);
      assert.ok(!path.isAbsolute(f.file) && f.file.startsWith('examples/'));
      assert.ok(f.line >= 1 && f.column >= 1);
    }
    assert.deepEqual(Object.keys(doc.checklist), ['score', 'categories']);
    for (const c of doc.checklist.categories) {
      assert.deepEqual(Object.keys(c), ['id', 'title', 'status', 'controls']);
      for (const k of c.controls) {
        assert.deepEqual(Object.keys(k), ['id', 'title', 'status', 'evidence']);
        assert.ok(['pass', 'fail', 'partial', 'not-applicable', 'needs-evidence'].includes(k.status));
        for (const e of k.evidence) assert.deepEqual(Object.keys(e), ['file', 'line', 'ruleId', 'passed', 'message']);
      }
    }
  });

  it('--format sarif validates against the SARIF 2.1.0 schema, with locations and rule help', () => {
    const Ajv = require('ajv-draft-04');
    const addFormats = require('ajv-formats');
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    const sarif = JSON.parse(run(['examples', '--format', 'sarif'], repo).stdout);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const runObj = sarif.runs[0];
    assert.ok(runObj.results.length > 0);
    for (const r of runObj.results) {
      const loc = r.locations[0].physicalLocation;
      assert.ok(loc.artifactLocation.uri && loc.region.startLine >= 1);
      assert.equal(runObj.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    }
    for (const rule of runObj.tool.driver.rules.filter((x: { id: string }) => !x.id.startsWith('readiness-lint/'))) {
      assert.ok(rule.help.text && rule.help.markdown && rule.properties.tags.length);
    }
  });

  it('--format github prints workflow annotations', () => {
    const out = run(['examples', '--format', 'github'], repo).stdout.trim().split('\n');
    assert.ok(out.length > 1);
    for (const line of out) assert.match(line, /^::(error|warning|notice) (file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,)?title=[^:]+::.+/);
  });

  for (const fmt of ['text', 'json', 'sarif', 'markdown', 'github'] as const) {
    it(`matches the golden ${fmt} output on examples/`, () => {
      const r = run(['examples', '--format', fmt], repo);
      // SARIF embeds the absolute checkout path and the version: normalise them.
      const actual = r.stdout.split('file://' + encodeURI(repo)).join('file://<repo>').replace(/"(semanticVersion|version)": "\d+\.\d+\.\d+[^"]*"/g, '"$1": "<v>"');
      const file = path.join(goldenDir, `examples.${fmt === 'markdown' ? 'md' : fmt === 'text' ? 'txt' : fmt === 'github' ? 'github.txt' : fmt + '.json'}`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      assert.ok(existsSync(file), `missing golden file ${path.relative(repo, file)}: run UPDATE_GOLDEN=1 npx mocha test/cli/cli.test.ts`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }

  it('never writes to examples/ without --fix', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'rl-ex-'));
    cpSync(path.join(repo, 'examples'), copy, { recursive: true });
    const before = readFileSync(path.join(copy, 'services/api/Dockerfile'), 'utf8');
    run(['.', '--format', 'json'], copy);
    assert.equal(readFileSync(path.join(copy, 'services/api/Dockerfile'), 'utf8'), before);
  });
});

// The checklist of the two real repositories in test/corpora/repos/, read as their owners would:
// no control passes without something checked and found good, evidence sits under the controls
// it is about, files of other programs are not scored as nginx, and nothing blocks by mistake.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPORA_ROOT, requireCorpus } from './corpora';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli.js');

interface Evidence {
  file: string;
  ruleId: string;
  passed: boolean;
  message: string;
}
interface Control {
  id: string;
  status: string;
  evidence: Evidence[];
}
interface Report {
  findings: { ruleId: string; level: string; file: string; line: number; message: string }[];
  checklist: { score: number | null; categories: { controls: Control[] }[] };
}

function report(name: string): Report {
  const dir = path.join(CORPORA_ROOT, 'repos', name);
  requireCorpus(dir, `the ${name} repository`);
  const r = spawnSync(process.execPath, [cli, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout) as Report;
}
const controlsOf = (r: Report) => new Map(r.checklist.categories.flatMap((c) => c.controls).map((k) => [k.id, k]));

describe('the checklist of real repositories', function () {
  let compose: Report;
  let voting: Report;
  before(() => {
    compose = report('awesome-compose');
    voting = report('example-voting-app');
  });

  it('no control passes without a passing item, and none with a failing one', () => {
    for (const r of [compose, voting]) {
      for (const k of controlsOf(r).values()) {
        if (k.status !== 'pass') continue;
        assert.ok(k.evidence.some((e) => e.passed), `${k.id} passes with nothing checked`);
        assert.ok(!k.evidence.some((e) => !e.passed), `${k.id} passes with a failing item`);
      }
    }
  });

  it('the compose monorepo has no TLS server, CSP or sessions: those controls are not applicable, not green', () => {
    const k = controlsOf(compose);
    for (const id of ['edge.tls', 'edge.hsts', 'edge.https-redirect', 'app.csp', 'app.session-cookies']) assert.equal(k.get(id)?.status, 'not-applicable', id);
  });

  it('evidence sits under the controls it is about', () => {
    for (const r of [compose, voting]) {
      const k = controlsOf(r);
      const hsts = k.get('edge.hsts')?.evidence ?? [];
      assert.ok(!hsts.some((e) => /X-Frame-Options|X-Content-Type-Options|Referrer-Policy|Content-Security-Policy/.test(e.message) && !/Strict-Transport-Security/.test(e.message)), 'HSTS lists other headers');
      const loads = k.get('edge.config-valid')?.evidence ?? [];
      assert.ok(!loads.some((e) => /server_tokens/.test(e.message)), '"Config loads" lists server_tokens');
    }
  });

  it('only nginx configs are scored as nginx', () => {
    const nginxFiles = new Set(compose.findings.filter((f) => f.ruleId.startsWith('nginx/')).map((f) => f.file));
    for (const f of nginxFiles) assert.match(f, /(^|\/)(nginx|proxy|\.nginx)\/[^/]+\.conf$|nginx\.conf$/, f);
    assert.ok(!compose.findings.some((f) => f.ruleId === 'readiness-lint/parse-error' && /\.conf$/.test(f.file)), 'a .conf that is not nginx gets an nginx parse error');
  });

  it('nothing blocks by mistake: every blocking finding is a real literal secret or a real hazard', () => {
    const blocking = [...compose.findings, ...voting.findings].filter((f) => f.level === 'block');
    // The voting app's Postgres password is a real literal (POSTGRES_PASSWORD: postgres).
    assert.deepEqual(
      blocking.map((f) => `${f.ruleId} ${f.file}:${f.line}`),
      ['k8s/secret-literal-in-env k8s-specifications/db-deployment.yaml:24'],
    );
  });
});

import assert from 'node:assert/strict';
import { evaluateChecklist } from '../../server/src/engine/checklist';
import { resolveConfig } from '../../server/src/engine/config';
import type { FileResult } from '../../server/src/engine/runner';

const r0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const file = (path: string, findings: [string, 'warn' | 'report' | 'block'][], passes: string[] = [], domain = 'docker'): FileResult => ({
  path,
  domain,
  suppressed: 0,
  checked: !findings.some(([id]) => id === 'readiness-lint/parse-error'),
  findings: findings.map(([ruleId, level]) => ({ ruleId, level, message: 'm', range: r0 })),
  passes: passes.map((ruleId) => ({ ruleId, message: 'p', range: r0 })),
});
const control = (cl: ReturnType<typeof evaluateChecklist>, id: string) => cl.categories.flatMap((c) => c.controls).find((c) => c.id === id)!;

describe('checklist status and score', () => {
  const config = resolveConfig();
  it('is not applicable (and unscored) without files of the domain', () => {
    const cl = evaluateChecklist([], config);
    assert.equal(cl.score, null);
    assert.equal(control(cl, 'container.non-root').status, 'not-applicable');
  });
  it('fail, partial and pass follow the evidence', () => {
    const cl = evaluateChecklist([file('a/Dockerfile', [['docker/no-sudo', 'warn']]), file('b/Dockerfile', [], ['docker/no-sudo'])], config);
    assert.equal(control(cl, 'container.non-root').status, 'partial');
    const only = evaluateChecklist([file('a/Dockerfile', [['docker/no-sudo', 'warn']])], config);
    assert.equal(control(only, 'container.non-root').status, 'fail');
    const clean = evaluateChecklist([file('b/Dockerfile', [], ['docker/no-sudo'])], config);
    assert.equal(control(clean, 'container.non-root').status, 'pass');
    const info = evaluateChecklist([file('a/Dockerfile', [['docker/no-sudo', 'report']])], config);
    assert.equal(control(info, 'container.non-root').status, 'partial', 'report-level findings never fail a control');
  });
  it('evidence lists failing items before passing ones, with file and rule', () => {
    const cl = evaluateChecklist([file('b/Dockerfile', [], ['docker/no-sudo']), file('a/Dockerfile', [['docker/no-sudo', 'warn']])], config);
    const ev = control(cl, 'container.non-root').evidence;
    assert.deepEqual(ev.map((e) => [e.file, e.passed]), [['a/Dockerfile', false], ['b/Dockerfile', true]]);
  });
  it('scores applicable controls only: pass 1, partial 0.5, others 0', () => {
    const cl = evaluateChecklist([file('a/Dockerfile', [])], config);
    assert.equal(cl.applicable, cl.categories.flatMap((c) => c.controls).filter((c) => c.status !== 'not-applicable').length);
    assert.equal(cl.score, 100);
    const half = evaluateChecklist([file('a/Dockerfile', [['docker/no-sudo', 'report']])], config);
    assert.equal(half.score, Math.round(((half.applicable - 0.5) / half.applicable) * 100));
  });
  it('a control disabled in the config leaves the checklist', () => {
    const cfg = resolveConfig({ controls: { 'container.non-root': { enabled: false } } });
    const cl = evaluateChecklist([file('a/Dockerfile', [])], cfg);
    assert.equal(cl.categories.flatMap((c) => c.controls).find((c) => c.id === 'container.non-root'), undefined);
  });

  it('passes only on positive evidence: with nothing of its subject to check, a control is not applicable', () => {
    // An nginx config with no TLS server: the TLS rules ran and had nothing to look at.
    const cl = evaluateChecklist([file('nginx.conf', [], ['nginx/server-tokens'], 'nginx')], config);
    for (const id of ['edge.tls', 'edge.hsts', 'edge.https-redirect']) {
      assert.equal(control(cl, id).status, 'not-applicable', id);
      assert.match(control(cl, id).reason, /^Nothing to check: no .+ in the nginx files\.$/);
    }
    assert.equal(control(cl, 'edge.server-tokens').status, 'pass');
    assert.ok(!cl.categories.flatMap((c) => c.controls).some((c) => c.status === 'pass' && !c.evidence.some((e) => e.passed)), 'no pass without a passing item');
  });
  it('a file that is itself what a control checks passes it when its rules found nothing (everyFile)', () => {
    const cl = evaluateChecklist([file('Dockerfile', [])], config);
    const c = control(cl, 'container.build-secrets');
    assert.equal(c.status, 'pass');
    assert.deepEqual(c.evidence.map((e) => [e.file, e.ruleId, e.passed]), [['Dockerfile', 'readiness-lint/file-checked', true]]);
    assert.equal(control(cl, 'container.healthcheck').status, 'not-applicable', 'no stage was checked for a HEALTHCHECK');
  });
  it('a file that does not parse is never passing evidence, and fails "Config loads"', () => {
    const broken = file('nginx.conf', [['readiness-lint/parse-error', 'warn']], [], 'nginx');
    const good = file('other.conf', [], ['nginx/unknown-directive'], 'nginx');
    const cl = evaluateChecklist([broken, good], config);
    const valid = control(cl, 'edge.config-valid');
    assert.equal(valid.status, 'partial');
    assert.deepEqual(valid.evidence.map((e) => [e.file, e.passed]), [['nginx.conf', false], ['other.conf', true]]);
    assert.match(valid.evidence[0].message, /^Does not parse: /);
    const alone = evaluateChecklist([broken], config);
    assert.equal(control(alone, 'edge.config-valid').status, 'fail');
    assert.ok(!alone.categories.flatMap((c) => c.controls).some((c) => c.evidence.some((e) => e.passed)));
  });
  it('counts are what is listed: informational findings count, and say so', () => {
    const cl = evaluateChecklist([file('a/Dockerfile', [['docker/no-sudo', 'warn'], ['docker/numeric-user', 'report']])], config);
    const c = control(cl, 'container.non-root');
    assert.equal(c.status, 'fail');
    assert.equal(c.evidence.filter((e) => !e.passed).length, 2);
    assert.equal(c.reason, '2 problem(s) found (1 of them informational).');
  });
  it('each evidence item sits only under the controls its finding names', () => {
    const r: FileResult = file('nginx.conf', [], [], 'nginx');
    r.findings.push({ ruleId: 'nginx/add-header-inheritance', level: 'warn', message: 'X-Frame-Options is lost', range: r0, controls: ['edge.security-headers'] });
    const cl = evaluateChecklist([r], config);
    assert.equal(control(cl, 'edge.security-headers').evidence.length, 1);
    assert.equal(control(cl, 'edge.hsts').evidence.length, 0);
  });
  it('.env files kept out of git is not applicable when there are none', () => {
    const cl = evaluateChecklist([file('Dockerfile', [])], config, [{ root: '/w', items: [], globs: {} }]);
    assert.equal(control(cl, 'ops.env-files').status, 'not-applicable');
    assert.equal(control(cl, 'ops.owner').status, 'needs-evidence', 'an operational control with nothing found still needs evidence');
  });
});

import assert from 'node:assert/strict';
import { evaluateChecklist } from '../../server/src/engine/checklist';
import { resolveConfig } from '../../server/src/engine/config';
import type { FileResult } from '../../server/src/engine/runner';

const r0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const file = (path: string, findings: [string, 'warn' | 'report' | 'block'][], passes: string[] = []): FileResult => ({
  path,
  domain: 'docker',
  suppressed: 0,
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
});

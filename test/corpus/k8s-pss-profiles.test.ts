// The `pss-baseline` and `pss-restricted` profiles must give every Pod of the pod-security-admission
// fixtures the verdict Kubernetes admission gives it: the Pod is rejected at a level exactly when
// the profile reports a blocking finding.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText, staticWorkspace } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { CORPORA_ROOT, requireCorpus } from './corpora';

const PSA = path.join(CORPORA_ROOT, 'k8s/pod-security-admission');

interface Fixture {
  file: string;
  level: 'baseline' | 'restricted';
  expect: 'pass' | 'fail';
}

describe('Pod Security Standards profiles (pss-baseline, pss-restricted)', function () {
  before(function () {
    requireCorpus(PSA, 'the pod-security-admission fixtures');
  });

  for (const level of ['baseline', 'restricted'] as const) {
    it(`profile pss-${level} gives every ${level} fixture its admission verdict`, () => {
      const fixtures = readFileSync(path.join(PSA, 'expectations.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Fixture)
        .filter((f) => f.level === level);
      const config = resolveConfig({ profile: `pss-${level}` });
      const wrong: string[] = [];
      for (const f of fixtures) {
        const text = readFileSync(path.join(PSA, f.file), 'utf8');
        const r = lintText({ path: f.file, text, config, workspace: staticWorkspace([]) });
        const blocking = (r?.findings ?? []).filter((x) => x.level === 'block' && !x.ruleId.startsWith('readiness-lint/'));
        const verdict = blocking.length ? 'fail' : 'pass';
        if (verdict !== f.expect) wrong.push(`${f.file}: admission says ${f.expect}, we say ${verdict}${blocking.length ? ` (${blocking.map((b) => b.ruleId).join(', ')})` : ''}`);
      }
      console.log(`      pss-${level}: ${fixtures.length - wrong.length} of ${fixtures.length} fixtures agree`);
      assert.deepEqual(wrong, []);
    });
  }

  it('turns every other rule off', () => {
    const config = resolveConfig({ profile: 'pss-restricted' });
    assert.equal(config.levelOf('k8s/cpu-requests'), 'off');
    assert.equal(config.levelOf('docker/no-sudo'), 'off');
    assert.equal(config.levelOf('k8s/privileged-container'), 'block');
    assert.equal(resolveConfig({ profile: 'pss-baseline' }).levelOf('k8s/seccomp-profile'), 'off', 'an unset profile is allowed at baseline');
  });
});

import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';

const ids = (text: string, noInline = false) =>
  lintText({ path: 'Dockerfile', text, config: resolveConfig({}, { noInlineSuppressions: noInline }) })!.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('suppressions', () => {
  const base = 'FROM alpine:3.20\n';
  it('next-line suppression with a reason silences only that rule on the next statement', () => {
    const r = ids(base + '# readiness-lint-disable-next-line docker/no-sudo -- vendor script\nRUN sudo ls\nRUN sudo pwd\n');
    assert.ok(!r.includes('3:docker/no-sudo'));
    assert.ok(r.includes('4:docker/no-sudo'));
    assert.ok(!r.some((x) => x.includes('readiness-lint/')), r.join(', '));
  });
  it('covers every line of a multi-line instruction', () => {
    const r = ids(base + '# readiness-lint-disable-next-line docker/no-sudo -- ok\nRUN set -e; \\\n  sudo ls\n');
    assert.ok(!r.some((x) => x.endsWith('docker/no-sudo')), r.join(', '));
  });
  it('file-wide suppression', () => {
    const r = ids('# readiness-lint-disable-file docker/no-sudo -- legacy image\n' + base + 'RUN sudo ls\nRUN sudo pwd\n');
    assert.ok(!r.some((x) => x.endsWith('docker/no-sudo')));
  });
  it('reports a suppression without a reason, one that suppresses nothing, and unknown ids', () => {
    const r = ids(base + '# readiness-lint-disable-next-line docker/no-sudo\nRUN sudo ls\n# readiness-lint-disable-next-line docker/no-sudo -- x\nRUN ls\n# readiness-lint-disable-next-line docker/bogus -- x\nRUN ls\n');
    assert.ok(r.includes('2:readiness-lint/disable-without-reason'), r.join(', '));
    assert.ok(r.includes('4:readiness-lint/unused-disable'), r.join(', '));
    assert.ok(r.includes('6:readiness-lint/unknown-rule-in-disable'), r.join(', '));
  });
  it("honours peers' pragmas through aliases: hadolint, checkov, trivy", () => {
    assert.ok(!ids(base + '# hadolint ignore=DL3004\nRUN sudo ls\n').some((x) => x.endsWith('docker/no-sudo')));
    assert.ok(!ids(base + '# hadolint global ignore=DL3004\nRUN ls\nRUN sudo ls\n').some((x) => x.endsWith('docker/no-sudo')));
    assert.ok(!ids('#checkov:skip=CKV2_DOCKER_1: legacy\n' + base + 'RUN sudo ls\n').some((x) => x.endsWith('docker/no-sudo')));
    assert.ok(!ids(base + '# trivy:ignore:AVD-DS-0010\nRUN sudo ls\n').some((x) => x.endsWith('docker/no-sudo')));
    assert.ok(ids(base + '# hadolint ignore=DL3008\nRUN sudo ls\n').some((x) => x.endsWith('docker/no-sudo')), 'other ids do not silence it');
  });
  it("honours BuildKit's check=skip directive (file) and comment (next instruction)", () => {
    const top = ids('# check=skip=JSONArgsRecommended\n' + base + 'CMD node a.js\nCMD node b.js\n');
    assert.ok(!top.some((x) => x.endsWith('docker/exec-form-cmd-entrypoint')), top.join(', '));
    const all = ids('# check=skip=all\n' + base + 'MAINTAINER me\nCMD node a.js\n');
    assert.ok(!all.some((x) => x.endsWith('docker/no-maintainer') || x.endsWith('docker/exec-form-cmd-entrypoint')), all.join(', '));
    const one = ids(base + '# check=skip=JSONArgsRecommended\nCMD node a.js\nENTRYPOINT node b.js\n');
    assert.ok(!one.includes('3:docker/exec-form-cmd-entrypoint') && one.includes('4:docker/exec-form-cmd-entrypoint'), one.join(', '));
  });
  it('--no-inline-suppressions ignores them all', () => {
    const r = ids(base + '# readiness-lint-disable-next-line docker/no-sudo -- x\nRUN sudo ls\n', true);
    assert.ok(r.includes('3:docker/no-sudo'));
  });
});

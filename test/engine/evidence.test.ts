import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gitignoreMatch, matchesAny } from '../../server/src/engine/glob';
import { collectWorkspaceEvidence } from '../../server/src/engine/evidence';
import { evaluateChecklist } from '../../server/src/engine/checklist';
import { resolveConfig, parseConfigText } from '../../server/src/engine/config';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rl-ev-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const control = (cl: ReturnType<typeof evaluateChecklist>, id: string) => cl.categories.flatMap((c) => c.controls).find((c) => c.id === id);

describe('gitignore and glob matching', () => {
  it('matches .gitignore patterns the way git does for common cases', () => {
    assert.equal(gitignoreMatch(['.env'], 'services/api/.env')?.ignored, true, 'no slash: any depth');
    assert.equal(gitignoreMatch(['/.env'], 'services/api/.env'), null, 'leading slash anchors');
    assert.equal(gitignoreMatch(['*.env', '!prod.env'], 'prod.env')?.ignored, false, 'negation, last match wins');
    assert.equal(gitignoreMatch(['.env*'], '.env.local')?.ignored, true);
    assert.equal(gitignoreMatch(['secrets/'], 'secrets/.env')?.ignored, true, 'folder pattern');
    assert.equal(gitignoreMatch(['# .env', ''], '.env'), null, 'comments and blanks');
    assert.equal(gitignoreMatch(['node_modules/', '.env'], '.env')?.line, 1);
  });
  it('matches ignore globs relative to the root', () => {
    assert.ok(matchesAny(['vendor/**'], 'vendor/x/Dockerfile'));
    assert.ok(matchesAny(['**/testdata/**'], 'a/testdata/Dockerfile'));
    assert.ok(!matchesAny(['vendor/**'], 'src/vendor.Dockerfile'));
  });
});

describe('operational controls evidenced by files', () => {
  it('passes with the files present, needs evidence without them, and fails on an unignored .env', async () => {
    const dir = workspace({
      '.github/CODEOWNERS': '* @team\n',
      'docs/runbooks/incident.md': '# Incident\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'app/.env': 'TOKEN=x\n',
      'app/.env.example': 'TOKEN=\n',
      'other/.env': 'A=1\n',
      'other/.gitignore': '.env\n',
    });
    const config = resolveConfig();
    const ev = await collectWorkspaceEvidence(dir, config);
    const cl = evaluateChecklist([], config, [ev]);
    assert.equal(control(cl, 'ops.owner')?.status, 'pass');
    assert.equal(control(cl, 'ops.incident-runbook')?.status, 'pass');
    assert.equal(control(cl, 'ops.ci-pipeline')?.status, 'pass');
    assert.equal(control(cl, 'ops.slo')?.status, 'needs-evidence');
    assert.match(control(cl, 'ops.slo')!.reason, /controls\.ops\.slo\.evidence/);
    const env = control(cl, 'ops.env-files')!;
    assert.equal(env.status, 'partial');
    assert.deepEqual(env.evidence.map((e) => [path.relative(dir, e.file), e.passed]), [['app/.env', false], ['other/.gitignore', true]]);
  });
  it('uses the globs from .readiness-lint.yaml and can drop a control', async () => {
    const dir = workspace({ 'ops/objectives.txt': 'availability 99.9%\n' });
    const { config: file, errors } = parseConfigText('controls:\n  ops.slo: { evidence: ["ops/objectives.txt"] }\n  ops.dr-runbook: { enabled: false }\n');
    assert.deepEqual(errors, []);
    const config = resolveConfig(file);
    const cl = evaluateChecklist([], config, [await collectWorkspaceEvidence(dir, config)]);
    assert.equal(control(cl, 'ops.slo')?.status, 'pass');
    assert.equal(control(cl, 'ops.dr-runbook'), undefined);
    assert.equal(control(cl, 'ops.env-files')?.status, 'not-applicable', 'no .env files at all: nothing to keep out of git');
  });
  it('leaves file controls out when no workspace was scanned (single files)', () => {
    const cl = evaluateChecklist([], resolveConfig());
    assert.equal(control(cl, 'ops.owner'), undefined);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { lintText, staticWorkspace, languageFor } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';

const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n';
const kustomization = 'resources:\n  - ../../base\npatchesStrategicMerge:\n  - replicas.yaml\npatches:\n  - path: probes.yaml\n    target: {kind: Deployment}\n';

function entry(p: string, text: string) {
  const language = languageFor(p, undefined, text)!;
  return { domain: language.domain, path: p, items: language.indexItems!(language.parse(text, p).model, p) };
}

describe('Kustomize patches', () => {
  it('a kustomization.yaml without apiVersion/kind is read for its patch list', () => {
    assert.equal(languageFor('overlays/prod/kustomization.yaml', undefined, kustomization)?.domain, 'k8s');
  });
  it('files named as strategic-merge patches are not checked as complete objects', () => {
    const workspace = staticWorkspace([entry('overlays/prod/kustomization.yaml', kustomization)]);
    for (const file of ['overlays/prod/replicas.yaml', 'overlays/prod/probes.yaml']) {
      const r = lintText({ path: file, text: patch, config: resolveConfig(), workspace })!;
      assert.deepEqual(r.findings.map((f) => f.ruleId), ['readiness-lint/partial-file'], file);
      assert.match(r.findings[0].message, /patch in prod\/kustomization.yaml/);
    }
  });
  it('other files, and the same file without a workspace, are checked', () => {
    const workspace = staticWorkspace([entry('overlays/prod/kustomization.yaml', kustomization)]);
    assert.ok(lintText({ path: 'base/deployment.yaml', text: patch, config: resolveConfig(), workspace })!.findings.some((f) => f.ruleId.startsWith('k8s/')));
  });
  it('the CLI skips patches of kustomizations it finds', function () {
    const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/cli.js');
    if (!existsSync(cli)) {
      if (process.env.CI === 'true') throw new Error('dist/cli.js is missing');
      console.log('      skipped: dist/cli.js is missing (run `npm run build`)');
      return this.skip();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'rl-kust-'));
    mkdirSync(path.join(dir, 'overlays/prod'), { recursive: true });
    writeFileSync(path.join(dir, 'overlays/prod/kustomization.yaml'), kustomization);
    writeFileSync(path.join(dir, 'overlays/prod/replicas.yaml'), patch);
    const out = JSON.parse(spawnSync(process.execPath, [cli, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout);
    assert.deepEqual(out.findings.filter((f: { file: string }) => f.file.endsWith('replicas.yaml')).map((f: { ruleId: string }) => f.ruleId), ['readiness-lint/partial-file']);
    // The note is not a problem: the summary counts it apart.
    const text = spawnSync(process.execPath, [cli, 'overlays', '--no-color'], { cwd: dir, encoding: 'utf8' }).stdout;
    assert.match(text, /^✔ No problems in 2 files\.$/m);
    assert.match(text, /^  1 note \(files not checked on their own, such as Kustomize patches\): not problems\.$/m);
  });
});

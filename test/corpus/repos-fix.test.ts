// `--fix` on real repositories changes nothing a deployment would notice; `--fix-type hardening`
// then applies the fixes that do; running either again changes nothing. On copies of the two real
// repositories in test/corpora/repos/ (a compose monorepo and a five-service app with manifests).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { CORPORA_ROOT, requireCorpus } from './corpora';
import { getRule } from '../../rules/index';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli.js');
const REPOS = ['example-voting-app', 'awesome-compose'];

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  fixable: boolean;
  fixType: 'safe' | 'hardening' | null;
}

function run(dir: string, args: string[]): { code: number | null; findings: JsonFinding[]; stderr: string } {
  const r = spawnSync(process.execPath, [cli, '.', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { code: r.status, findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings, stderr: r.stderr };
}

/** Every file under `dir` with its text (the tree as a deployment pipeline would read it). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

/** Kubernetes objects as the API server sees them: data, with the deprecated serviceAccount alias resolved. */
function objectsOf(text: string): unknown[] {
  const normalise = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(normalise);
    if (!v || typeof v !== 'object') return v;
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = normalise(x);
    if ('serviceAccount' in o && !('serviceAccountName' in o)) o.serviceAccountName = o.serviceAccount;
    delete o.serviceAccount;
    return o;
  };
  return parseAllDocuments(text).map((d) => normalise(d.toJS()));
}

const count = (fs: JsonFinding[], pred: (f: JsonFinding) => boolean) => fs.filter(pred).length;

/** Every leaf value of the objects by its path (`0.spec.template.spec.hostNetwork`). */
function leaves(v: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, at ? `${at}.${k}` : k, out);
  else out.set(at, v);
  return out;
}

describe('--fix on real repositories', function () {
  for (const name of REPOS) {
    describe(name, () => {
      let dir: string;
      before(function () {
        requireCorpus(path.join(CORPORA_ROOT, 'repos', name), `the ${name} repository`);
        if (process.env.CI !== 'true' && !statSync(cli, { throwIfNoEntry: false })) throw new Error('dist/cli.js is missing: run `npm run build` first');
        dir = path.join(mkdtempSync(path.join(tmpdir(), 'rl-repo-fix-')), name);
        cpSync(path.join(CORPORA_ROOT, 'repos', name), dir, { recursive: true });
      });
      after(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

      it('--fix applies only safe fixes: every Kubernetes object stays the same, and no hardening finding goes away', () => {
        const before = run(dir, []);
        const tree = snapshot(dir);
        const after = run(dir, ['--fix']);
        const changed = [...snapshot(dir)].filter(([f, t]) => tree.get(f) !== t).map(([f]) => f);
        for (const f of changed.filter((f) => /\.ya?ml$/.test(f))) {
          assert.deepEqual(objectsOf(readFileSync(path.join(dir, f), 'latin1')), objectsOf(tree.get(f)!), `${f}: the objects changed`);
        }
        const hardening = (f: JsonFinding) => getRule(f.ruleId)?.fixType === 'hardening';
        assert.equal(count(after.findings, hardening), count(before.findings, hardening), 'a hardening finding went away under --fix');
        // What --fix changed, it changed with safe fixes: safe findings went down by at least as many files.
        const safeBefore = count(before.findings, (f) => f.fixType === 'safe');
        assert.ok(count(after.findings, (f) => f.fixType === 'safe') === 0, 'every fixable safe finding is fixed');
        assert.ok(changed.length <= safeBefore, `${changed.length} files changed for ${safeBefore} safe fixes`);
        // Again: nothing left to change.
        const tree2 = snapshot(dir);
        run(dir, ['--fix']);
        assert.deepEqual([...snapshot(dir)].filter(([f, t]) => tree2.get(f) !== t).map(([f]) => f), [], '--fix twice changes nothing more');
      });

      it('--fix-type hardening then applies the hardening fixes, and a second run changes nothing', () => {
        const before = run(dir, []);
        const fixableHardening = count(before.findings, (f) => f.fixType === 'hardening');
        const tree0 = snapshot(dir);
        run(dir, ['--fix-type', 'hardening']);
        const after = run(dir, []);
        // Hardening adds what was missing; a value the author wrote is never flipped or removed.
        for (const [f, t] of snapshot(dir)) {
          if (!/\.ya?ml$/.test(f) || tree0.get(f) === t) continue;
          const was = leaves(objectsOf(tree0.get(f)!));
          const now = leaves(objectsOf(t));
          const lost = [...was].filter(([k, v]) => now.get(k) !== v).map(([k, v]) => `${k}: ${String(v)} -> ${String(now.get(k))}`);
          assert.deepEqual(lost, [], `${f}: --fix-type hardening changed values the author wrote`);
        }
        assert.equal(count(after.findings, (f) => f.fixType === 'hardening'), 0, 'every fixable hardening finding is fixed');
        if (fixableHardening) assert.ok(count(after.findings, () => true) < count(before.findings, () => true));
        const tree = snapshot(dir);
        run(dir, ['--fix-type', 'safe,hardening']);
        assert.deepEqual([...snapshot(dir)].filter(([f, t]) => tree.get(f) !== t).map(([f]) => f), [], 'a second run changes nothing');
      });
    });
  }
});

// Installing Readiness Lint without a registry, the ways the README documents: the npm tarball (what
// it holds, and its CLI run by `npx` from an empty folder with npm offline), a global install from
// the checkout, the files the VSIX ships, and the GitHub Action's steps run the way a runner would.
// Needs dist/ (npm test builds it first); nothing here touches the network.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { name: string; version: string; files: string[]; dependencies?: object };
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
const tarballName = `${pkg.name}-${pkg.version}.tgz`;

function sh(cmd: string, args: string[], opts: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 120_000, ...opts, env: { ...process.env, NO_COLOR: '1', ...opts.env } });
  return { code: r.status, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? '') };
}

/** A user's project: a copy of examples/ (which has findings at level block, so the CLI exits 1). */
function userProject(root: string): string {
  const dir = path.join(root, 'project');
  cpSync(path.join(repo, 'examples'), dir, { recursive: true });
  return dir;
}

/** The names in a zip file's central directory (a VSIX is a zip). */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

/** The checklist of a JSON report, proving the CLI ran the whole engine. */
function assertReport(stdout: string): void {
  const doc = JSON.parse(stdout) as { version: number; findings: { ruleId: string }[]; checklist: { score: number; categories: unknown[] } };
  assert.equal(doc.version, 1);
  assert.ok(doc.findings.some((f) => f.ruleId.startsWith('docker/')) && doc.findings.some((f) => f.ruleId.startsWith('k8s/')), 'findings of several domains');
  assert.ok(doc.checklist.categories.length > 0);
}

describe('Installing without a registry', function () {
  let tmp: string;
  let tarball: string;

  before(function () {
    if (!existsSync(path.join(repo, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    tmp = mkdtempSync(path.join(tmpdir(), 'rl-install-'));
    // --ignore-scripts: dist/ is already built (prepack would rebuild it in the middle of the suite).
    const r = sh('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp, '--json'], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    const [info] = JSON.parse(r.stdout) as { filename: string }[];
    assert.equal(info.filename, tarballName);
    tarball = path.join(tmp, tarballName);
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('package.json is ready to publish: not private, an allow-list, a bin, engines, no runtime dependencies', () => {
    const raw = pkg as Record<string, unknown>;
    assert.equal(raw.private, undefined);
    assert.deepEqual(raw.bin, { 'readiness-lint': 'dist/cli.js' });
    assert.match(String((raw.engines as Record<string, string>).node), /^>=20/);
    // Every bundle is self-contained, so installing the CLI fetches nothing.
    assert.equal(raw.dependencies, undefined);
    assert.ok(!raw.repository || !/example\.invalid/.test(JSON.stringify(raw.repository)), 'no placeholder repository URL');
  });

  it('the tarball holds the CLI, its docs and schema, and no test data, sources or examples', () => {
    const r = sh('tar', ['-tzf', tarball], { cwd: tmp });
    assert.equal(r.code, 0, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/cli.js', 'dist/typescript.js', 'dist/config.schema.json']) assert.ok(files.includes(f), `tarball lacks ${f}`);
    assert.ok(files.filter((f) => /^dist\/docs\/.+\.md$/.test(f)).length > 100, 'rule docs');
    const stray = files.filter((f) => !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/(cli\.js|typescript\.js|config\.schema\.json|docs\/[^/]+\.md))$/.test(f));
    assert.deepEqual(stray, []);
  });

  it('`npx ./readiness-lint-<v>.tgz` runs the CLI from an empty folder, with npm offline', () => {
    assert.ok(readme.includes(`npx --yes ./${tarballName} .`), 'the README documents this command');
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    cpSync(tarball, path.join(empty, tarballName));
    const project = userProject(tmp);
    // A fresh npm cache and offline mode: the tarball alone must be enough.
    const env = { npm_config_cache: path.join(tmp, 'npm-cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const r = sh('npx', ['--yes', `./${tarballName}`, path.relative(empty, project), '--format', 'json'], { cwd: empty, env });
    assert.equal(r.code, 1, `exit 1: examples/ has a finding at level block\n${r.stderr}`);
    assertReport(r.stdout);
    const help = sh('npx', ['--yes', `./${tarballName}`, '--help'], { cwd: empty, env });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /Dockerfiles, Kubernetes manifests, nginx configs and the security setup of Node apps/);
  });

  it('a project can keep the tarball as a devDependency and run `npx readiness-lint`', () => {
    const project = userProject(path.join(tmp, 'dev'));
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
    mkdirSync(path.join(project, 'tools'));
    cpSync(tarball, path.join(project, 'tools', tarballName));
    assert.ok(readme.includes(`npm install --save-dev ./tools/${tarballName}`), 'the README documents this command');
    const env = { npm_config_cache: path.join(tmp, 'npm-cache-dev'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    const install = sh('npm', ['install', '--save-dev', `./tools/${tarballName}`], { cwd: project, env });
    assert.equal(install.code, 0, install.stderr);
    const r = sh('npx', ['readiness-lint', '.', '--format', 'json'], { cwd: project, env });
    assert.equal(r.code, 1, r.stderr);
    assertReport(r.stdout);
  });

  it('`npm install -g .` from the checkout puts readiness-lint on the PATH', () => {
    assert.ok(readme.includes('npm install -g .'), 'the README documents this command');
    const prefix = path.join(tmp, 'global');
    const env = { npm_config_cache: path.join(tmp, 'npm-cache-global'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    const install = sh('npm', ['install', '-g', '--prefix', prefix, '.'], { cwd: repo, env });
    assert.equal(install.code, 0, install.stderr);
    const project = userProject(path.join(tmp, 'g'));
    const r = sh(path.join(prefix, 'bin', 'readiness-lint'), ['--format', 'json'], { cwd: project });
    assert.equal(r.code, 1, r.stderr);
    assertReport(r.stdout);
  });

  it('the VSIX ships the extension, its icon, docs and change log, and neither the CLI bundle nor test data', () => {
    const vsix = path.join(tmp, 'readiness-lint.vsix');
    const r = sh(process.execPath, [path.join(repo, 'scripts/package-vsix.mjs'), '--out', vsix], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    // vsce stores the README, change log and license under its own names.
    const files = zipEntries(readFileSync(vsix)).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length));
    for (const f of ['package.json', 'readme.md', 'LICENSE.txt', 'changelog.md', 'images/icon.png', 'dist/client.js', 'dist/server.js', 'dist/typescript.js', 'dist/config.schema.json', 'syntaxes/nginx.tmLanguage.json', 'docs/architecture.md', 'docs/cli-contract.md']) {
      assert.ok(files.includes(f), `VSIX lacks ${f}`);
    }
    assert.ok(files.filter((f) => /^dist\/docs\/.+\.md$/.test(f)).length > 100, 'rule docs');
    assert.ok(!files.includes('dist/cli.js'), 'the CLI bundle is not used by the extension');
    assert.deepEqual(files.filter((f) => /^(test|examples|rules|server|client|scripts|node_modules)\//.test(f) || f.endsWith('.map')), []);
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { icon: string; main: string };
    assert.equal(manifest.icon, 'images/icon.png');
    assert.ok(files.includes(manifest.main.replace(/^\.\//, '')), 'main is in the VSIX');
  });

  it('action.yml builds the CLI from the repository and gates on its exit code, with an optional SARIF report', () => {
    interface Step { name: string; id?: string; if?: string; shell: string; 'working-directory': string; env?: Record<string, string>; run: string }
    const action = parseYaml(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default: string }> };
    assert.equal(action.runs.using, 'composite');
    const [build, sarif, lint] = action.runs.steps;
    // The build step is the README's own build, run where the action is checked out.
    assert.equal(build['working-directory'], '${{ github.action_path }}');
    assert.match(build.run, /^npm ci\b.*&& npm run build\b/);

    // Run the other steps as a runner would, against this checkout's dist/ (already built).
    const project = userProject(path.join(tmp, 'action'));
    const output = path.join(tmp, 'github-output');
    const inputs: Record<string, string> = { args: action.inputs.args.default, 'sarif-file': 'readiness.sarif', 'working-directory': '.' };
    const expand = (s: string) =>
      s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
        if (expr === 'github.action_path') return repo;
        const input = /^inputs\.([\w-]+)$/.exec(expr);
        if (input) return inputs[input[1]];
        if (expr === "inputs.sarif-file != ''") return String(inputs['sarif-file'] !== '');
        throw new Error(`unexpected expression ${expr}`);
      });
    const runStep = (step: Step) => {
      writeFileSync(output, '');
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
      return sh('bash', ['-e', '-c', step.run], { cwd: path.resolve(project, expand(step['working-directory'])), env: { ...env, GITHUB_OUTPUT: output } });
    };
    assert.equal(expand(sarif.if!), 'true');
    const s = runStep(sarif);
    assert.equal(s.code, 0, `writing the report never fails the job\n${s.stderr}`);
    const report = JSON.parse(readFileSync(path.join(project, 'readiness.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(report.version, '2.1.0');
    assert.ok(report.runs[0].results.length > 0);

    const l = runStep(lint);
    assert.equal(l.code, 1, 'the gate fails on a finding at level block');
    assert.match(l.stdout, /^::(error|warning) file=/m, 'GitHub annotations');
    assert.equal(readFileSync(output, 'utf8').trim(), 'exit-code=1');
  });
});

// The TypeScript parser (about 9 MB of JavaScript) is loaded only when a JS/TS file that imports
// one of the helmet domain's modules is linted: Dockerfiles, manifests, nginx configs and JS files
// that import nothing of ours never pay for it. Each check runs in a fresh node process, since a
// loaded module cannot be unloaded: the engine from source (through tsx) and the built CLI (dist/).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repo, 'dist/cli.js');
const bundledParser = path.join(repo, 'dist/typescript.js');

const DOCKERFILE = 'FROM node:22-alpine\nUSER node\nCMD ["node", "server.js"]\n';
const MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
const NGINX = 'events {}\nhttp {\n  server {\n    listen 80;\n    server_tokens off;\n  }\n}\n';
const PLAIN_JS = "const _ = require('lodash');\nmodule.exports = (xs) => _.uniq(xs);\n";
const PLAIN_TS = "import { readFile } from 'node:fs/promises';\nexport const load = (p: string) => readFile(p, 'utf8');\n";
const EXPRESS_APP = "const express = require('express');\nconst helmet = require('helmet');\nconst app = express();\napp.use(helmet());\napp.listen(3000);\n";

interface Step {
  path: string;
  domain: string | null;
  loaded: boolean;
  /** Is any file of the typescript package in node's module cache? */
  inCache: boolean;
}

/** Lint the inputs one after the other in a fresh process; after each, is the parser loaded? */
function lintInFreshProcess(inputs: { path: string; text: string }[]): Step[] {
  const url = (p: string) => pathToFileURL(path.join(repo, p)).href;
  const script = `
    import { createRequire } from 'node:module';
    // tsx may hand a TypeScript module over as CommonJS (its exports under default).
    const load = async (u) => { const m = await import(u); return m.default ?? m; };
    const { lintText } = await load(${JSON.stringify(url('server/src/engine/runner.ts'))});
    const { parserLoadInfo } = await load(${JSON.stringify(url('rules/helmet/ts.ts'))});
    const cache = createRequire(import.meta.url).cache;
    const inputs = JSON.parse(process.env.INPUTS);
    const steps = inputs.map((i) => {
      const r = lintText(i);
      return { path: i.path, domain: r ? r.domain : null, loaded: parserLoadInfo().loaded, inCache: Object.keys(cache).some((k) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(k)) };
    });
    process.stdout.write(JSON.stringify(steps));
  `;
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8', env: { ...process.env, INPUTS: JSON.stringify(inputs) }, timeout: 120_000 });
  assert.equal(res.status, 0, `the probe failed:\n${res.stderr}`);
  return JSON.parse(res.stdout) as Step[];
}

/** Skip (with the reason printed) when dist/ is missing; under CI=true that is a failure (npm test builds first). */
function requireDist(ctx: Mocha.Context): void {
  const missing = [cli, bundledParser].filter((f) => !existsSync(f));
  if (!missing.length) return;
  const why = `${missing.map((f) => path.relative(repo, f)).join(' and ')} missing: run npm run build.`;
  if (process.env.CI === 'true') throw new Error(`${why} CI=true, so this is a failure, not a skip.`);
  process.stderr.write(`      skipping: ${why}\n`);
  ctx.skip();
}

describe('the TypeScript parser is loaded only when needed', function () {
  this.timeout(120_000);

  it('engine: not for a Dockerfile, a manifest, an nginx config or JS/TS files that import nothing of ours; then for an Express app', () => {
    const steps = lintInFreshProcess([
      { path: 'Dockerfile', text: DOCKERFILE },
      { path: 'k8s/pod.yaml', text: MANIFEST },
      { path: 'nginx/nginx.conf', text: NGINX },
      { path: 'src/util.js', text: PLAIN_JS },
      { path: 'src/load.ts', text: PLAIN_TS },
      // Tests are not app code, even when they build an app.
      { path: 'src/app.test.js', text: EXPRESS_APP },
      { path: 'src/app.js', text: EXPRESS_APP },
    ]);
    const before = steps.slice(0, -1);
    assert.deepEqual(
      before.map((s) => s.domain),
      ['docker', 'k8s', 'nginx', null, null, null],
      'each input went where expected (the JS/TS files to no domain)',
    );
    for (const s of before) assert.deepEqual([s.loaded, s.inCache], [false, false], `the parser was loaded after linting ${s.path}`);
    const last = steps[steps.length - 1];
    assert.equal(last.domain, 'helmet');
    assert.deepEqual([last.loaded, last.inCache], [true, true], 'linting an Express app loads the parser');
  });

  describe('the built CLI (dist/cli.js loads dist/typescript.js)', () => {
    let dir = '';
    let preload = '';
    before(function () {
      requireDist(this);
      dir = mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-parser-loading-'));
      // Records whether dist/typescript.js was required (Module._load hook) and writes it at exit.
      preload = path.join(dir, 'record-typescript.cjs');
      writeFileSync(
        preload,
        `const Module = require('node:module');
const fs = require('node:fs');
let loaded = false;
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    if (Module._resolveFilename(request, parent, isMain) === ${JSON.stringify(bundledParser)}) loaded = true;
  } catch {}
  return load.apply(this, arguments);
};
process.on('exit', () => fs.writeFileSync(process.env.RECORD_FILE, JSON.stringify({ loaded })));
`,
      );
    });
    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    function runCli(files: Record<string, string>): { loaded: boolean; domains: string[] } {
      const ws = mkdtempSync(path.join(dir, 'ws-'));
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(ws, name), text);
      const record = path.join(ws, '..', path.basename(ws) + '.json');
      const res = spawnSync(process.execPath, ['--require', preload, cli, ws, '--format', 'json'], { cwd: ws, encoding: 'utf8', env: { ...process.env, RECORD_FILE: record }, timeout: 60_000 });
      assert.ok(res.status === 0 || res.status === 1, `the CLI failed (exit ${res.status}):\n${res.stderr}`);
      const doc = JSON.parse(res.stdout) as { findings: { ruleId: string }[] };
      return { loaded: (JSON.parse(readFileSync(record, 'utf8')) as { loaded: boolean }).loaded, domains: [...new Set(doc.findings.map((f) => f.ruleId.split('/')[0]))].sort() };
    }

    it('not on a workspace with only a Dockerfile (and a JS file that imports nothing of ours)', () => {
      const r = runCli({ Dockerfile: 'FROM node:latest\nRUN sudo ls\n', 'util.js': PLAIN_JS });
      assert.ok(r.domains.includes('docker'), `the Dockerfile was linted: ${r.domains}`);
      assert.equal(r.loaded, false, 'dist/typescript.js was loaded for a workspace without JS/TS app files');
    });

    it('on a workspace with an Express app', () => {
      const r = runCli({ Dockerfile: 'FROM node:latest\nRUN sudo ls\n', 'app.js': EXPRESS_APP });
      assert.equal(r.loaded, true, 'dist/typescript.js was not loaded although app.js imports express and helmet');
      assert.ok(r.domains.includes('helmet'), `the app was linted by the helmet rules: ${r.domains}`);
    });
  });
});

#!/usr/bin/env node
// `npm run bench`: speed and memory of the engine on the wild corpora, one section per domain.
//   docker: lintText on wild/dockerfiles compared in the same run with the bare parser
//           (dockerfile-ast), dockerfilelint and dockerfile-utils;
//   k8s:    lintText on wild/k8s compared with the bare parser (`yaml` parseAllDocuments);
//   nginx:  lintText on wild/nginx compared with our bare parser (parseNginx) and, in the same
//           process, the npm package nginx-linter (GPL: a bench peer only, never bundled);
//   helmet: lintText on the JS/TS files of wild/express compared with the bare TypeScript parse
//           (createSourceFile, as analyze() calls it), analyze() alone, and the one-off cost of
//           loading the parser (time and RSS, in fresh processes).
// Each section also times the whole corpus through the CLI and reports peak memory.
// Prints tables; never asserts on time (the architecture budgets are shown for information).
//
//   node --expose-gc test/bench/bench.mjs [--domain all|docker|k8s|nginx|helmet] [--iterations N] [--cli-runs N]
//                                         [--corpus DIR (docker)] [--k8s-corpus DIR] [--nginx-corpus DIR]
//                                         [--helmet-corpus DIR]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const ITERATIONS = Number(opt('--iterations', 10));
const WARMUP = 3;
const CLI_RUNS = Number(opt('--cli-runs', 3));
const DOMAIN = opt('--domain', 'all');
if (!['all', 'docker', 'k8s', 'nginx', 'helmet'].includes(DOMAIN)) {
  console.error(`bench: --domain must be all, docker, k8s, nginx or helmet (got ${DOMAIN}).`);
  process.exit(2);
}
const corpusDir = path.resolve(opt('--corpus', path.resolve(repo, 'test/corpora/wild/dockerfiles')));
const k8sCorpusDir = path.resolve(opt('--k8s-corpus', path.resolve(repo, 'test/corpora/wild/k8s')));
const nginxCorpusDir = path.resolve(opt('--nginx-corpus', path.resolve(repo, 'test/corpora/wild/nginx')));
const helmetCorpusDir = path.resolve(opt('--helmet-corpus', path.resolve(repo, 'test/corpora/wild/express')));

for (const [domain, dir, rel] of [
  ['docker', corpusDir, 'wild/dockerfiles'],
  ['k8s', k8sCorpusDir, 'wild/k8s'],
  ['nginx', nginxCorpusDir, 'wild/nginx'],
  ['helmet', helmetCorpusDir, 'wild/express'],
]) {
  if ((DOMAIN === 'all' || DOMAIN === domain) && !existsSync(dir)) {
    console.error(`bench: corpus ${dir} not found (expected test/corpora/${rel} in the repository).`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Main: one domain in this process; `all` runs each domain in its own child process, so that the
// peak memory of one section does not include the other's.

if (DOMAIN === 'all') {
  const passOn = argv.filter((a, i) => a !== '--domain' && argv[i - 1] !== '--domain');
  let status = 0;
  for (const domain of ['docker', 'k8s', 'nginx', 'helmet']) {
    const res = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--domain', domain, ...passOn], { stdio: 'inherit' });
    status ||= res.status ?? 1;
  }
  process.exit(status);
}
// ---------------------------------------------------------------------------------------------
// The engine, bundled like the shipped CLI (esbuild), into a temporary ES module.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-bench-'));
const engineFile = path.join(tmp, 'engine.mjs');
await build({
  entryPoints: [path.join(here, 'engine-entry.ts')],
  outfile: engineFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  define: { __READINESS_LINT_VERSION__: JSON.stringify('bench') },
  // The TypeScript parser stays out of the bundle, as in dist/ (scripts/build.mjs), and is loaded
  // on first use from the repository's node_modules (the bundle lives in a temporary folder).
  plugins: [{ name: 'typescript-external', setup: (b) => b.onResolve({ filter: /^typescript$/ }, () => ({ path: require.resolve('typescript'), external: true })) }],
});
const engine = await import(pathToFileURL(engineFile).href);
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

// ---------------------------------------------------------------------------------------------
// Shared: statistics, formatting, in-process timing and the CLI run.

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const gc = () => globalThis.gc?.();
const sum = (xs) => xs.reduce((n, x) => n + x, 0);
const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const fmtX = (x) => x.toFixed(2) + 'x';
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   ')).join('\n');
}

/**
 * In-process timing: warm up, then ITERATIONS rounds; tools interleaved per file so that machine
 * noise hits all of them alike; the per-file figure is the median of its rounds.
 * `run(text, file)` must do the whole job of that tool on one file.
 */
function timeTools(tools, files, texts, failures) {
  const timeOnce = (tool, i) => {
    const t0 = process.hrtime.bigint();
    try {
      tool.run(texts[i], files[i]);
    } catch (e) {
      failures.set(`${tool.id} ${files[i]}`, e.message);
    }
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  process.stderr.write(`bench: ${files.length} files, warm-up ${WARMUP} rounds, ${ITERATIONS} timed rounds...\n`);
  for (let w = 0; w < WARMUP; w++) for (let i = 0; i < files.length; i++) for (const tool of tools) timeOnce(tool, i);
  const samples = Object.fromEntries(tools.map((t) => [t.id, files.map(() => [])]));
  for (let it = 0; it < ITERATIONS; it++) {
    gc();
    // Rotate the order each round so that no tool always runs right after another (caches, GC debt).
    const order = tools.map((_, k) => tools[(k + it) % tools.length]);
    for (let i = 0; i < files.length; i++) for (const tool of order) samples[tool.id][i].push(timeOnce(tool, i));
  }
  return Object.fromEntries(tools.map((t) => [t.id, samples[t.id].map(median)]));
}

/** The CLI on a whole corpus: wall time (median of CLI_RUNS) and peak RSS of the process. */
function runCli(dir) {
  const cli = path.join(repo, 'dist/cli.js');
  if (!existsSync(cli)) return { missing: `${cli} not found (run npm run build)` };
  const useTime = existsSync('/usr/bin/time');
  const runs = [];
  for (let r = 0; r <= CLI_RUNS; r++) {
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const args = [...(useTime ? ['-v', process.execPath] : []), cli, dir, '--format', 'json'];
    const t0 = process.hrtime.bigint();
    const res = spawnSync(cmd, args, { cwd: repo, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr ?? '');
    let findings = null;
    let filesSeen = null;
    try {
      const doc = JSON.parse(res.stdout);
      findings = doc.findings.length;
      filesSeen = new Set(doc.findings.map((f) => f.file)).size;
    } catch {
      // reported below through the exit status
    }
    if (r > 0) runs.push({ ms, rssMb: rss ? Number(rss[1]) / 1024 : null, status: res.status, findings, filesSeen, stderr: res.stderr });
  }
  return { runs, useTime };
}

function printCli(cli) {
  console.log('\nwhole corpus through the CLI: node dist/cli.js <corpus> --format json');
  if (cli.missing) {
    console.log(`  skipped: ${cli.missing}`);
    return;
  }
  const ok = cli.runs.every((r) => (r.status === 0 || r.status === 1) && r.findings !== null);
  const rss = cli.runs.map((r) => r.rssMb).filter((x) => x !== null);
  console.log(
    table([
      ['runs', 'median wall', 'min', 'max', 'peak RSS (max)', 'findings', 'files with findings', 'exit'],
      [
        String(cli.runs.length),
        fmtMs(median(cli.runs.map((r) => r.ms))),
        fmtMs(Math.min(...cli.runs.map((r) => r.ms))),
        fmtMs(Math.max(...cli.runs.map((r) => r.ms))),
        rss.length ? `${Math.max(...rss).toFixed(0)} MB` : 'n/a',
        String(cli.runs[0].findings ?? 'n/a'),
        String(cli.runs[0].filesSeen ?? 'n/a'),
        [...new Set(cli.runs.map((r) => r.status))].join(','),
      ],
    ]),
  );
  console.log(`  peak RSS measured with ${cli.useTime ? '/usr/bin/time -v (the CLI process)' : 'nothing (no /usr/bin/time)'}`);
  if (!ok) console.log(`  the CLI did not produce a JSON report: ${cli.runs.map((r) => `exit ${r.status}: ${(r.stderr ?? '').split('\n').slice(0, 3).join(' ')}`).join(' | ')}`);
}

function printFailures(failures) {
  if (!failures.size) return;
  console.log(`\n${failures.size} tool call(s) threw (not timed as failures, listed for information):`);
  for (const [k, v] of [...failures].slice(0, 10)) console.log(`  ${k}: ${v}`);
}

const machine = () => `node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load average ${os.loadavg()[0].toFixed(2)}; ${WARMUP} warm-up + ${ITERATIONS} timed rounds; per-file figure = median of its rounds\n`;

// ---------------------------------------------------------------------------------------------
// Dockerfiles

function benchDocker() {
  // Inputs
  function dockerfilesUnder(dir) {
    const out = [];
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) out.push(...dockerfilesUnder(p));
      else if (/^(Dockerfile|Containerfile)(\.[^/]+)?$|\.(dockerfile|Dockerfile)$/.test(name) && !/\.(md|txt|template|jsonl?)$/.test(name)) out.push(p);
    }
    return out;
  }
  const files = dockerfilesUnder(corpusDir);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const lineCounts = texts.map((t) => t.split('\n').length);

  const dockerRules = engine.rulesOfDomain('docker');
  const allOn = engine.resolveConfig({}, { ruleLevels: Object.fromEntries(dockerRules.map((r) => [r.id, 'warn'])) });

  const dockerfilelint = require('dockerfilelint');
  const dockerfileUtils = require('dockerfile-utils');
  // dockerfilelint reads `<dir>/.dockerfilelintrc` on every call: give it an empty directory.
  const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'readiness-lint-bench-dfl-'));

  /** Tools timed per file. `run(text, file)` must do the whole job of that tool on one file. */
  const tools = [
    { id: 'parse', name: `bare parse (dockerfile-ast ${version('dockerfile-ast')})`, run: (t) => engine.DockerfileParser.parse(t) },
    { id: 'ours', name: `readiness-lint lintText (recommended, ${dockerRules.filter((r) => r.level !== 'off').length} rules)`, run: (t, f) => engine.lintText({ path: f, text: t }) },
    { id: 'oursAll', name: `readiness-lint lintText (all ${dockerRules.length} rules on)`, run: (t, f) => engine.lintText({ path: f, text: t, config: allOn }) },
    { id: 'dfl', name: `dockerfilelint ${version('dockerfilelint')} (run)`, run: (t) => dockerfilelint.run(emptyDir, t) },
    { id: 'dfu', name: `dockerfile-utils ${version('dockerfile-utils')} (validate)`, run: (t) => dockerfileUtils.validate(t) },
  ];

  const failures = new Map();
  const perFile = timeTools(tools, files, texts, failures);
  const inProcessMaxRssMb = process.resourceUsage().maxRSS / 1024;

  // ---------------------------------------------------------------------------------------------
  // Where our time goes: model construction over the parse, the shell tokenizer, each rule (on
  // models whose shell is already tokenized). Whole-corpus totals, median of 3 rounds.

  function breakdown() {
    const rounds = 3;
    const acc = { model: [], shell: [] };
    const perRule = new Map(dockerRules.map((r) => [r.id, []]));
    for (let k = 0; k < rounds; k++) {
      gc();
      let parseMs = 0;
      let modelMs = 0;
      const models = texts.map((t) => {
        let t0 = process.hrtime.bigint();
        engine.DockerfileParser.parse(t);
        parseMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const m = engine.parseDockerfile(t);
        modelMs += Number(process.hrtime.bigint() - t0) / 1e6;
        return m;
      });
      acc.model.push(modelMs - parseMs);
      let t0 = process.hrtime.bigint();
      for (const m of models) for (const ins of m.instructions) if (ins.keyword === 'RUN') m.shell(ins);
      acc.shell.push(Number(process.hrtime.bigint() - t0) / 1e6);
      for (const rule of dockerRules) {
        t0 = process.hrtime.bigint();
        models.forEach((m, i) => {
          try {
            rule.check(m, { filePath: files[i], options: { ...(rule.defaultOptions ?? {}) }, report() {}, pass() {} });
          } catch {
            // counted by the robustness tests, not here
          }
        });
        perRule.get(rule.id).push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    return { model: median(acc.model), shell: median(acc.shell), rules: [...perRule].map(([id, xs]) => [id, median(xs)]).sort((a, b) => b[1] - a[1]) };
  }
  const costs = breakdown();

  gc();
  const cli = runCli(corpusDir);

  // Report
  const ratioMedian = (a, b) => median(perFile[a].map((x, i) => x / perFile[b][i]));
  const sum = (xs) => xs.reduce((n, x) => n + x, 0);
  const typical = files.map((_, i) => i).filter((i) => lineCounts[i] <= 300);

  console.log(`\nReadiness Lint bench — ${files.length} Dockerfiles in ${path.relative(process.cwd(), corpusDir) || corpusDir} (${(totalBytes / 1024 / 1024).toFixed(2)} MB, median ${median(lineCounts)} lines, max ${Math.max(...lineCounts)})`);
  console.log(`node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}, load average ${os.loadavg()[0].toFixed(2)}; ${WARMUP} warm-up + ${ITERATIONS} timed rounds; per-file figure = median of its rounds\n`);
  const rows = [['per file', 'median', 'p99', 'max', 'sum of medians', 'median ratio to bare parse']];
  for (const t of tools) {
    rows.push([t.name, fmtMs(median(perFile[t.id])), fmtMs(quantile(perFile[t.id], 0.99)), fmtMs(Math.max(...perFile[t.id])), fmtMs(sum(perFile[t.id])), fmtX(ratioMedian(t.id, 'parse'))]);
  }
  console.log(table(rows));

  console.log('\nours compared with the peers (median over files of the per-file time ratio; >1 means we are slower)');
  const cmpRows = [['', 'vs dockerfilelint', 'vs dockerfile-utils', 'vs bare parse']];
  for (const id of ['ours', 'oursAll']) {
    cmpRows.push([tools.find((t) => t.id === id).name, fmtX(ratioMedian(id, 'dfl')), fmtX(ratioMedian(id, 'dfu')), fmtX(ratioMedian(id, 'parse'))]);
  }
  console.log(table(cmpRows));

  const parseSum = sum(perFile.parse);
  const rulesSum = sum(costs.rules.map((r) => r[1]));
  console.log(`\nwhere lintText's time goes (whole corpus, median of 3 rounds; bare parse = ${fmtMs(parseSum)})`);
  console.log(
    table([
      ['part', 'total', 'share of bare parse'],
      ['model over the parse (stages, flags, JSON args)', fmtMs(costs.model), fmtX(costs.model / parseSum)],
      ['shell tokenizer (RUN)', fmtMs(costs.shell), fmtX(costs.shell / parseSum)],
      [`all ${dockerRules.length} rules' check()`, fmtMs(rulesSum), fmtX(rulesSum / parseSum)],
      ...costs.rules.slice(0, 8).map(([id, ms]) => [`  ${id}`, fmtMs(ms), fmtX(ms / parseSum)]),
    ]),
  );
  printCli(cli);
  console.log(`\nthis bench process (all five tools in-process): peak RSS ${inProcessMaxRssMb.toFixed(0)} MB (process.resourceUsage().maxRSS)`);

  console.log('\nbudgets (information only; never asserted)');
  const typicalMed = median(typical.map((i) => perFile.ours[i]));
  const typicalP99 = quantile(typical.map((i) => perFile.ours[i]), 0.99);
  console.log(`  typical file (<= 300 lines, ${typical.length} files): median ${fmtMs(typicalMed)}, p99 ${fmtMs(typicalP99)} — budget: well under 5 ms`);
  console.log(`  lint / bare parse, median per file: ${fmtX(ratioMedian('ours', 'parse'))} (recommended), ${fmtX(ratioMedian('oursAll', 'parse'))} (all rules) — budget: within 2x`);
  printFailures(failures);
  rmSync(emptyDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Kubernetes manifests

function benchK8s() {
  const manifestsUnder = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) return manifestsUnder(p);
        return /\.(ya?ml|json)$/i.test(name) ? [p] : [];
      });
  const all = manifestsUnder(k8sCorpusDir);
  const allTexts = all.map((f) => readFileSync(f, 'utf8'));
  // Files the domain recognises are timed; the others (not objects, Helm-style templates) cost us
  // one cheap test and would only flatter the ratio.
  const keep = all.map((f, i) => engine.k8sLanguage.matches(f, undefined, allTexts[i]));
  const files = all.filter((_, i) => keep[i]);
  const texts = allTexts.filter((_, i) => keep[i]);
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const lineCounts = texts.map((t) => t.split('\n').length);
  const skipped = all.length - files.length;

  const k8sRules = engine.rulesOfDomain('k8s');
  const allOn = engine.resolveConfig({}, { ruleLevels: Object.fromEntries(k8sRules.map((r) => [r.id, 'warn'])) });
  // The same options as the domain's parser (rules/k8s/language.ts), so the baseline does the same parse.
  const PARSE = { prettyErrors: false, uniqueKeys: false, maxAliasCount: 100, strict: false };

  // Each file is its own workspace, so the rules that relate objects (NetworkPolicy, PDB, Service
  // selectors, ...) run on the file's objects as they do in a CLI scan.
  const workspace = engine.staticWorkspace([]);
  const tools = [
    { id: 'parse', name: `bare parse (yaml ${version('yaml')} parseAllDocuments)`, run: (t) => engine.parseAllDocuments(t, PARSE) },
    { id: 'ours', name: `readiness-lint lintText (recommended, ${k8sRules.filter((r) => r.level !== 'off').length} rules)`, run: (t, f) => engine.lintText({ path: f, text: t, workspace }) },
    { id: 'oursAll', name: `readiness-lint lintText (all ${k8sRules.length} rules on)`, run: (t, f) => engine.lintText({ path: f, text: t, config: allOn, workspace }) },
  ];

  gc();
  const rss0 = process.memoryUsage().rss;
  const failures = new Map();
  const perFile = timeTools(tools, files, texts, failures);
  const inProcessMaxRssMb = process.resourceUsage().maxRSS / 1024;
  const rssAfterMb = (process.memoryUsage().rss - rss0) / 1024 / 1024;

  // Where our time goes: the model over the parse (object and pod-spec discovery, line index) and
  // each rule's check() on ready models. Whole-corpus totals, median of 3 rounds.
  function breakdown() {
    const rounds = 3;
    const acc = [];
    const perRule = new Map(k8sRules.map((r) => [r.id, []]));
    for (let k = 0; k < rounds; k++) {
      gc();
      let parseMs = 0;
      let modelMs = 0;
      const models = texts.map((t) => {
        let t0 = process.hrtime.bigint();
        engine.parseAllDocuments(t, PARSE);
        parseMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const m = engine.parseManifests(t);
        modelMs += Number(process.hrtime.bigint() - t0) / 1e6;
        return m;
      });
      acc.push(modelMs - parseMs);
      for (const rule of k8sRules) {
        const t0 = process.hrtime.bigint();
        models.forEach((m, i) => {
          if (m.parseErrors.length) return;
          try {
            const ws = engine.staticWorkspace([{ domain: 'k8s', path: files[i], items: engine.k8sLanguage.indexItems?.(m.model, files[i]) ?? [] }]);
            rule.check(m.model, { filePath: files[i], workspace: ws, options: { ...(rule.defaultOptions ?? {}) }, report() {}, pass() {} });
          } catch {
            // counted by the robustness tests, not here
          }
        });
        perRule.get(rule.id).push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    return { model: median(acc), rules: [...perRule].map(([id, xs]) => [id, median(xs)]).sort((a, b) => b[1] - a[1]) };
  }
  const costs = breakdown();

  gc();
  const cli = runCli(k8sCorpusDir);

  // Report
  const ratioMedian = (a, b) => median(perFile[a].map((x, i) => x / perFile[b][i]));
  const ratioQuantile = (a, b, q) => quantile(perFile[a].map((x, i) => x / perFile[b][i]), q);
  const typical = files.map((_, i) => i).filter((i) => lineCounts[i] <= 300);
  console.log(
    `\nReadiness Lint bench — ${files.length} Kubernetes manifests in ${path.relative(process.cwd(), k8sCorpusDir) || k8sCorpusDir} (${(totalBytes / 1024 / 1024).toFixed(2)} MB, median ${median(lineCounts)} lines, max ${Math.max(...lineCounts)}; ${skipped} more files are not manifests or are templates and are skipped)`,
  );
  console.log(machine());
  const rows = [['per file', 'median', 'p99', 'max', 'sum of medians', 'ratio to bare parse: median', 'p99']];
  for (const t of tools) {
    rows.push([t.name, fmtMs(median(perFile[t.id])), fmtMs(quantile(perFile[t.id], 0.99)), fmtMs(Math.max(...perFile[t.id])), fmtMs(sum(perFile[t.id])), fmtX(ratioMedian(t.id, 'parse')), fmtX(ratioQuantile(t.id, 'parse', 0.99))]);
  }
  console.log(table(rows));

  const parseSum = sum(perFile.parse);
  const rulesSum = sum(costs.rules.map((r) => r[1]));
  console.log(`\nwhere lintText's time goes (whole corpus, median of 3 rounds; bare parse = ${fmtMs(parseSum)})`);
  console.log(
    table([
      ['part', 'total', 'share of bare parse'],
      ['model over the parse (objects, pod specs, line index)', fmtMs(costs.model), fmtX(costs.model / parseSum)],
      [`all ${k8sRules.length} rules' check()`, fmtMs(rulesSum), fmtX(rulesSum / parseSum)],
      ...costs.rules.slice(0, 8).map(([id, ms]) => [`  ${id}`, fmtMs(ms), fmtX(ms / parseSum)]),
    ]),
  );
  printCli(cli);
  console.log(`\nthis bench process (bare parse and lintText in-process): peak RSS ${inProcessMaxRssMb.toFixed(0)} MB (process.resourceUsage().maxRSS); RSS growth over the timed rounds ${rssAfterMb.toFixed(0)} MB`);

  console.log('\nbudgets (information only; never asserted)');
  const typicalMed = median(typical.map((i) => perFile.ours[i]));
  const typicalP99 = quantile(typical.map((i) => perFile.ours[i]), 0.99);
  console.log(`  typical file (<= 300 lines, ${typical.length} files): median ${fmtMs(typicalMed)}, p99 ${fmtMs(typicalP99)} — budget: well under 5 ms`);
  console.log(`  lint / bare parse, median per file: ${fmtX(ratioMedian('ours', 'parse'))} (recommended), ${fmtX(ratioMedian('oursAll', 'parse'))} (all rules) — budget: within 2x`);
  printFailures(failures);
}

// ---------------------------------------------------------------------------------------------
// nginx configs

function benchNginx() {
  const configsUnder = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? configsUnder(p) : [p];
      });
  const all = configsUnder(nginxCorpusDir);
  // The files the domain recognises (nginx.conf, conf.d/*.conf, templates under nginx/, ...);
  // the rest (licences, mime.types, fastcgi_params, notes) are not linted by a scan either.
  const files = all.filter((f) => engine.nginxLanguage.matches(f));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const lineCounts = texts.map((t) => t.split('\n').length);
  const skipped = all.length - files.length;
  const parseFailures = texts.filter((t) => engine.parseNginx(t).errors.length).length;

  const nginxRules = engine.rulesOfDomain('nginx');
  const allOn = engine.resolveConfig({}, { ruleLevels: Object.fromEntries(nginxRules.map((r) => [r.id, 'warn'])) });
  // Each file is its own workspace (includes of other files stay unresolved), as for a lone file.
  const workspace = engine.staticWorkspace([]);

  // nginx-linter (GPL-3.0, dev dependency only): its parser and its six built-in rules, in-process,
  // exactly what its CLI does per file (lib/parser parse + lib/validator runRules).
  const nl = { parse: require('nginx-linter/lib/parser').parse, runRules: require('nginx-linter/lib/validator').runRules, rules: require('nginx-linter/lib/rules').builtins };
  const nlFails = new Set();
  const tools = [
    { id: 'parse', name: 'bare parse (readiness-lint parseNginx)', run: (t) => engine.parseNginx(t) },
    { id: 'ours', name: `readiness-lint lintText (recommended, ${nginxRules.filter((r) => r.level !== 'off').length} rules)`, run: (t, f) => engine.lintText({ path: f, text: t, workspace }) },
    { id: 'oursAll', name: `readiness-lint lintText (all ${nginxRules.length} rules on)`, run: (t, f) => engine.lintText({ path: f, text: t, config: allOn, workspace }) },
    {
      id: 'nl',
      name: `nginx-linter ${version('nginx-linter')} (parse + ${nl.rules.length} rules)`,
      run: (t, f) => {
        try {
          nl.runRules({ type: 'file', name: f, root: nl.parse(t) }, nl.rules, {});
        } catch {
          // Its PEG parser rejects some configs (templates, some Lua): the time to fail is still its time.
          nlFails.add(f);
        }
      },
    },
  ];

  gc();
  const rss0 = process.memoryUsage().rss;
  const failures = new Map();
  const perFile = timeTools(tools, files, texts, failures);
  const inProcessMaxRssMb = process.resourceUsage().maxRSS / 1024;
  const rssAfterMb = (process.memoryUsage().rss - rss0) / 1024 / 1024;

  // Where our time goes: the model over the parse (line index, top-context inference), the index
  // summary (include resolution) and each rule's check() on ready models. Median of 3 rounds.
  function breakdown() {
    const rounds = 3;
    const acc = { model: [], index: [] };
    const perRule = new Map(nginxRules.map((r) => [r.id, []]));
    for (let k = 0; k < rounds; k++) {
      gc();
      let parseMs = 0;
      let modelMs = 0;
      let indexMs = 0;
      const models = texts.map((t, i) => {
        let t0 = process.hrtime.bigint();
        engine.parseNginx(t, files[i]);
        parseMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const m = engine.nginxLanguage.parse(t, files[i]);
        modelMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const items = engine.nginxLanguage.indexItems(m.model, files[i]);
        indexMs += Number(process.hrtime.bigint() - t0) / 1e6;
        return { ...m, ws: engine.staticWorkspace([{ domain: 'nginx', path: files[i], items }]) };
      });
      acc.model.push(modelMs - parseMs);
      acc.index.push(indexMs);
      for (const rule of nginxRules) {
        const t0 = process.hrtime.bigint();
        models.forEach((m, i) => {
          if (m.parseErrors.length) return;
          try {
            rule.check(m.model, { filePath: files[i], workspace: m.ws, options: { ...(rule.defaultOptions ?? {}) }, report() {}, pass() {} });
          } catch {
            // counted by the robustness tests, not here
          }
        });
        perRule.get(rule.id).push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    return { model: median(acc.model), index: median(acc.index), rules: [...perRule].map(([id, xs]) => [id, median(xs)]).sort((a, b) => b[1] - a[1]) };
  }
  const costs = breakdown();

  gc();
  const cli = runCli(nginxCorpusDir);

  // Report
  const ratios = (a, b) => perFile[a].map((x, i) => x / perFile[b][i]);
  const ratioMedian = (a, b) => median(ratios(a, b));
  const ratioQuantile = (a, b, q) => quantile(ratios(a, b), q);
  const typical = files.map((_, i) => i).filter((i) => lineCounts[i] <= 300);
  console.log(
    `\nReadiness Lint bench — ${files.length} nginx configs in ${path.relative(process.cwd(), nginxCorpusDir) || nginxCorpusDir} (${(totalBytes / 1024).toFixed(0)} KB, median ${median(lineCounts)} lines, max ${Math.max(...lineCounts)}; ${parseFailures} do not parse (templates); ${skipped} more files are not nginx configs by name and are skipped)`,
  );
  console.log(machine());
  const rows = [['per file', 'median', 'p99', 'max', 'sum of medians', 'ratio to bare parse: median', 'p99']];
  for (const t of tools) {
    rows.push([t.name, fmtMs(median(perFile[t.id])), fmtMs(quantile(perFile[t.id], 0.99)), fmtMs(Math.max(...perFile[t.id])), fmtMs(sum(perFile[t.id])), fmtX(ratioMedian(t.id, 'parse')), fmtX(ratioQuantile(t.id, 'parse', 0.99))]);
  }
  console.log(table(rows));

  console.log(`\nours compared with nginx-linter (median over files of the per-file time ratio; >1 means we are slower; nginx-linter's parser rejected ${nlFails.size} of ${files.length} files, timed to the failure)`);
  const cmpRows = [['', 'vs nginx-linter: median', 'p99', 'vs bare parse']];
  for (const id of ['ours', 'oursAll']) cmpRows.push([tools.find((t) => t.id === id).name, fmtX(ratioMedian(id, 'nl')), fmtX(ratioQuantile(id, 'nl', 0.99)), fmtX(ratioMedian(id, 'parse'))]);
  console.log(table(cmpRows));

  const parseSum = sum(perFile.parse);
  const rulesSum = sum(costs.rules.map((r) => r[1]));
  console.log(`\nwhere lintText's time goes (whole corpus, median of 3 rounds; bare parse = ${fmtMs(parseSum)})`);
  console.log(
    table([
      ['part', 'total', 'share of bare parse'],
      ['model over the parse (line index, top contexts)', fmtMs(costs.model), fmtX(costs.model / parseSum)],
      ['index summary (include resolution)', fmtMs(costs.index), fmtX(costs.index / parseSum)],
      [`all ${nginxRules.length} rules' check()`, fmtMs(rulesSum), fmtX(rulesSum / parseSum)],
      ...costs.rules.slice(0, 8).map(([id, ms]) => [`  ${id}`, fmtMs(ms), fmtX(ms / parseSum)]),
    ]),
  );
  printCli(cli);
  console.log(`\nthis bench process (bare parse, lintText and nginx-linter in-process): peak RSS ${inProcessMaxRssMb.toFixed(0)} MB (process.resourceUsage().maxRSS); RSS growth over the timed rounds ${rssAfterMb.toFixed(0)} MB`);

  console.log('\nbudgets (information only; never asserted)');
  const typicalMed = median(typical.map((i) => perFile.ours[i]));
  const typicalP99 = quantile(typical.map((i) => perFile.ours[i]), 0.99);
  console.log(`  typical file (<= 300 lines, ${typical.length} files): median ${fmtMs(typicalMed)}, p99 ${fmtMs(typicalP99)} — budget: well under 5 ms`);
  console.log(`  lint / bare parse, median per file: ${fmtX(ratioMedian('ours', 'parse'))} (recommended), ${fmtX(ratioMedian('oursAll', 'parse'))} (all rules); p99 ${fmtX(ratioQuantile('ours', 'parse', 0.99))}`);
  console.log(`  nginx-linter median per file: ${fmtMs(median(perFile.nl))}; ours (recommended) / nginx-linter, median per file: ${fmtX(ratioMedian('ours', 'nl'))}`);
  printFailures(failures);
}

// ---------------------------------------------------------------------------------------------
// helmet: JS/TS app files (Express, NestJS, Fastify, Koa)

/** Loading the TypeScript parser in a fresh process: require time and RSS growth (median of runs). */
function parserLoadCost(runs = 5) {
  const tsPath = require.resolve('typescript');
  const script = `const r0 = process.memoryUsage().rss; const t0 = process.hrtime.bigint(); require(${JSON.stringify(tsPath)}); const ms = Number(process.hrtime.bigint() - t0) / 1e6; process.stdout.write(JSON.stringify({ ms, rssMb: (process.memoryUsage().rss - r0) / 1024 / 1024 }));`;
  const out = [];
  for (let i = 0; i < runs; i++) {
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    if (res.status === 0) out.push(JSON.parse(res.stdout));
  }
  const bytes = statSync(tsPath).size;
  return out.length ? { ms: median(out.map((o) => o.ms)), rssMb: median(out.map((o) => o.rssMb)), runs: out.length, bytes } : null;
}

function benchHelmet() {
  const sourcesUnder = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) return sourcesUnder(p);
        return /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/.test(name) ? [p] : [];
      });
  const all = sourcesUnder(helmetCorpusDir);
  const allTexts = all.map((f) => readFileSync(f, 'utf8'));
  // The files the domain parses (they import an app framework or security middleware); the others
  // cost one text test and would only flatter the ratios.
  const keep = all.map((f, i) => engine.helmetLanguage.matches(f, undefined, allTexts[i]));
  const files = all.filter((_, i) => keep[i]);
  const texts = allTexts.filter((_, i) => keep[i]);
  const totalBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const lineCounts = texts.map((t) => t.split('\n').length);
  const skipped = all.length - files.length;

  const load = parserLoadCost();
  const helmetRules = engine.rulesOfDomain('helmet');
  const allOn = engine.resolveConfig({}, { ruleLevels: Object.fromEntries(helmetRules.map((r) => [r.id, 'warn'])) });
  // Each file is its own workspace, so the rules that look across files (helmet-missing,
  // x-powered-by, rate limits) run on the file as they do in a CLI scan of it.
  const workspace = engine.staticWorkspace([]);
  const ts = engine.typescript();
  // The bare parse is the one analyze() does: same script kind (JSX for .js), parent pointers set.
  const kinds = files.map((f) => engine.analyze('', f).sf.scriptKind);
  const kindOf = new Map(files.map((f, i) => [f, kinds[i]]));
  const tools = [
    { id: 'parse', name: `bare parse (typescript ${version('typescript')} createSourceFile)`, run: (t, f) => ts.createSourceFile(f, t, ts.ScriptTarget.Latest, true, kindOf.get(f)) },
    { id: 'analyze', name: 'readiness-lint analyze() (parse + model)', run: (t, f) => engine.analyze(t, f) },
    { id: 'ours', name: `readiness-lint lintText (recommended, ${helmetRules.filter((r) => r.level !== 'off').length} rules)`, run: (t, f) => engine.lintText({ path: f, text: t, workspace }) },
    { id: 'oursAll', name: `readiness-lint lintText (all ${helmetRules.length} rules on)`, run: (t, f) => engine.lintText({ path: f, text: t, config: allOn, workspace }) },
  ];

  gc();
  const rss0 = process.memoryUsage().rss;
  const failures = new Map();
  const perFile = timeTools(tools, files, texts, failures);
  const inProcessMaxRssMb = process.resourceUsage().maxRSS / 1024;
  const rssAfterMb = (process.memoryUsage().rss - rss0) / 1024 / 1024;

  // Where our time goes: the model over the parse, the index summary and each rule's check() on
  // ready models. Whole-corpus totals, median of 3 rounds.
  function breakdown() {
    const rounds = 3;
    const acc = { model: [], index: [] };
    const perRule = new Map(helmetRules.map((r) => [r.id, []]));
    for (let k = 0; k < rounds; k++) {
      gc();
      let parseMs = 0;
      let modelMs = 0;
      let indexMs = 0;
      const models = texts.map((t, i) => {
        let t0 = process.hrtime.bigint();
        ts.createSourceFile(files[i], t, ts.ScriptTarget.Latest, true, kinds[i]);
        parseMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const m = engine.helmetLanguage.parse(t, files[i]);
        modelMs += Number(process.hrtime.bigint() - t0) / 1e6;
        t0 = process.hrtime.bigint();
        const items = engine.helmetLanguage.indexItems(m.model, files[i]);
        indexMs += Number(process.hrtime.bigint() - t0) / 1e6;
        return { ...m, ws: engine.staticWorkspace([{ domain: 'helmet', path: files[i], items }]) };
      });
      acc.model.push(modelMs - parseMs);
      acc.index.push(indexMs);
      for (const rule of helmetRules) {
        const t0 = process.hrtime.bigint();
        models.forEach((m, i) => {
          try {
            rule.check(m.model, { filePath: files[i], workspace: m.ws, options: { ...(rule.defaultOptions ?? {}) }, report() {}, pass() {} });
          } catch {
            // counted by the robustness tests, not here
          }
        });
        perRule.get(rule.id).push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }
    return { model: median(acc.model), index: median(acc.index), rules: [...perRule].map(([id, xs]) => [id, median(xs)]).sort((a, b) => b[1] - a[1]) };
  }
  const costs = breakdown();

  gc();
  const cli = runCli(helmetCorpusDir);

  // Report
  const ratios = (a, b) => perFile[a].map((x, i) => x / perFile[b][i]);
  const ratioMedian = (a, b) => median(ratios(a, b));
  const ratioQuantile = (a, b, q) => quantile(ratios(a, b), q);
  const typical = files.map((_, i) => i).filter((i) => lineCounts[i] <= 300);
  console.log(
    `\nReadiness Lint bench — ${files.length} JS/TS app files in ${path.relative(process.cwd(), helmetCorpusDir) || helmetCorpusDir} (${(totalBytes / 1024).toFixed(0)} KB, median ${median(lineCounts)} lines, max ${Math.max(...lineCounts)}; ${skipped} more files import nothing the domain knows and are skipped)`,
  );
  console.log(machine());
  console.log('loading the parser once (a fresh node process requiring typescript, as the first JS/TS app file does)');
  console.log(
    table([
      ['', 'require time', 'RSS growth', 'file'],
      load ? [`median of ${load.runs} processes`, fmtMs(load.ms), `${load.rssMb.toFixed(0)} MB`, `${(load.bytes / 1024 / 1024).toFixed(1)} MB of JavaScript`] : ['failed to measure', '', '', ''],
    ]),
  );
  console.log(`  in this process (first lintText of a JS/TS app file): ${fmtMs(engine.parserLoadInfo().ms)}\n`);
  const rows = [['per file', 'median', 'p99', 'max', 'sum of medians', 'ratio to bare parse: median', 'p99']];
  for (const t of tools) {
    rows.push([t.name, fmtMs(median(perFile[t.id])), fmtMs(quantile(perFile[t.id], 0.99)), fmtMs(Math.max(...perFile[t.id])), fmtMs(sum(perFile[t.id])), fmtX(ratioMedian(t.id, 'parse')), fmtX(ratioQuantile(t.id, 'parse', 0.99))]);
  }
  console.log(table(rows));

  const parseSum = sum(perFile.parse);
  const rulesSum = sum(costs.rules.map((r) => r[1]));
  console.log(`\nwhere lintText's time goes (whole corpus, median of 3 rounds; bare parse = ${fmtMs(parseSum)})`);
  console.log(
    table([
      ['part', 'total', 'share of bare parse'],
      ['model over the parse (imports, apps, helmet/CORS/session uses, values)', fmtMs(costs.model), fmtX(costs.model / parseSum)],
      ['index summary (headers helmet sends, for workspace rules)', fmtMs(costs.index), fmtX(costs.index / parseSum)],
      [`all ${helmetRules.length} rules' check()`, fmtMs(rulesSum), fmtX(rulesSum / parseSum)],
      ...costs.rules.slice(0, 8).map(([id, ms]) => [`  ${id}`, fmtMs(ms), fmtX(ms / parseSum)]),
    ]),
  );
  printCli(cli);
  console.log(`\nthis bench process (bare parse, analyze and lintText in-process): peak RSS ${inProcessMaxRssMb.toFixed(0)} MB (process.resourceUsage().maxRSS); RSS growth over the timed rounds ${rssAfterMb.toFixed(0)} MB`);

  console.log('\nbudgets (information only; never asserted)');
  const typicalMed = median(typical.map((i) => perFile.ours[i]));
  const typicalP99 = quantile(typical.map((i) => perFile.ours[i]), 0.99);
  console.log(`  typical file (<= 300 lines, ${typical.length} files): median ${fmtMs(typicalMed)}, p99 ${fmtMs(typicalP99)} — budget: well under 5 ms`);
  console.log(`  lint / bare parse, median per file: ${fmtX(ratioMedian('ours', 'parse'))} (recommended), ${fmtX(ratioMedian('oursAll', 'parse'))} (all rules); p99 ${fmtX(ratioQuantile('ours', 'parse', 0.99))} — budget: within 2x`);
  if (load) console.log(`  one-off parser load: ${fmtMs(load.ms)} and ${load.rssMb.toFixed(0)} MB, paid only by workspaces with JS/TS app files`);
  printFailures(failures);
}

// Run the selected domain.
if (DOMAIN === 'docker') benchDocker();
else if (DOMAIN === 'k8s') benchK8s();
else if (DOMAIN === 'nginx') benchNginx();
else benchHelmet();
rmSync(tmp, { recursive: true, force: true });

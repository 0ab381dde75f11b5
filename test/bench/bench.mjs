#!/usr/bin/env node
// `npm run bench`: speed and memory of the Dockerfile engine on the wild corpus, compared in the
// same run with the bare parser (dockerfile-ast), dockerfilelint and dockerfile-utils.
// Prints tables; never asserts on time (the architecture budgets are shown for information).
//
//   node --expose-gc test/bench/bench.mjs [--iterations N] [--cli-runs N] [--corpus DIR]
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
const corpusDir = path.resolve(opt('--corpus', path.resolve(repo, '../shared/corpora/wild/dockerfiles')));

if (!existsSync(corpusDir)) {
  console.error(`bench: corpus ${corpusDir} not found (expected ../shared/corpora/wild/dockerfiles next to the repository).`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
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
});
const engine = await import(pathToFileURL(engineFile).href);
const dockerRules = engine.rulesOfDomain('docker');
const allOn = engine.resolveConfig({}, { ruleLevels: Object.fromEntries(dockerRules.map((r) => [r.id, 'warn'])) });

const dockerfilelint = require('dockerfilelint');
const dockerfileUtils = require('dockerfile-utils');
const version = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
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

// ---------------------------------------------------------------------------------------------
// In-process timing: warm up, then ITERATIONS rounds; tools interleaved per file so that machine
// noise hits all of them alike; the per-file figure is the median of its rounds.

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

const failures = new Map();
function timeOnce(tool, i) {
  const t0 = process.hrtime.bigint();
  try {
    tool.run(texts[i], files[i]);
  } catch (e) {
    failures.set(`${tool.id} ${files[i]}`, e.message);
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

process.stderr.write(`bench: ${files.length} files, warm-up ${WARMUP} rounds, ${ITERATIONS} timed rounds...\n`);
for (let w = 0; w < WARMUP; w++) for (let i = 0; i < files.length; i++) for (const tool of tools) timeOnce(tool, i);
const samples = Object.fromEntries(tools.map((t) => [t.id, files.map(() => [])]));
for (let it = 0; it < ITERATIONS; it++) {
  gc();
  // Rotate the order each round so that no tool always runs right after another (caches, GC debt).
  const order = tools.map((_, k) => tools[(k + it) % tools.length]);
  for (let i = 0; i < files.length; i++) for (const tool of order) samples[tool.id][i].push(timeOnce(tool, i));
}
const perFile = Object.fromEntries(tools.map((t) => [t.id, samples[t.id].map(median)]));
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

// ---------------------------------------------------------------------------------------------
// The CLI on the whole corpus: wall time (median of CLI_RUNS) and peak RSS of the process.

function runCli() {
  const cli = path.join(repo, 'dist/cli.js');
  if (!existsSync(cli)) return { missing: `${cli} not found (run npm run build)` };
  const useTime = existsSync('/usr/bin/time');
  const runs = [];
  for (let r = 0; r <= CLI_RUNS; r++) {
    const cmd = useTime ? '/usr/bin/time' : process.execPath;
    const args = [...(useTime ? ['-v', process.execPath] : []), cli, corpusDir, '--format', 'json'];
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
gc();
const cli = runCli();

// ---------------------------------------------------------------------------------------------
// Report

const fmtMs = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)) + ' ms';
const fmtX = (x) => x.toFixed(2) + 'x';
function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('   ')).join('\n');
}
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
console.log('\nwhole corpus through the CLI: node dist/cli.js <corpus> --format json');
if (cli.missing) console.log(`  skipped: ${cli.missing}`);
else {
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
console.log(`\nthis bench process (all five tools in-process): peak RSS ${inProcessMaxRssMb.toFixed(0)} MB (process.resourceUsage().maxRSS)`);

console.log('\nbudgets (information only; never asserted)');
const typicalMed = median(typical.map((i) => perFile.ours[i]));
const typicalP99 = quantile(typical.map((i) => perFile.ours[i]), 0.99);
console.log(`  typical file (<= 300 lines, ${typical.length} files): median ${fmtMs(typicalMed)}, p99 ${fmtMs(typicalP99)} — budget: well under 5 ms`);
console.log(`  lint / bare parse, median per file: ${fmtX(ratioMedian('ours', 'parse'))} (recommended), ${fmtX(ratioMedian('oursAll', 'parse'))} (all rules) — budget: within 2x`);
if (failures.size) {
  console.log(`\n${failures.size} tool call(s) threw (not timed as failures, listed for information):`);
  for (const [k, v] of [...failures].slice(0, 10)) console.log(`  ${k}: ${v}`);
}

rmSync(tmp, { recursive: true, force: true });
rmSync(emptyDir, { recursive: true, force: true });

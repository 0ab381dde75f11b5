#!/usr/bin/env node
// Scale bench: a generated workspace of 10,000 files, 2,000 of them relevant (Dockerfiles,
// Kubernetes manifests, nginx configs and Node app files, copied from the real-world corpora and
// renamed per service), the rest ordinary project files (sources, docs, data, other YAML and .conf).
// Measures, for the CLI and for the language server's workspace index:
//   - wall time and peak RSS (/usr/bin/time -v on the process),
//   - for the server: progress notifications while indexing, and how fast it answers requests
//     (the Readiness view's checklist request and a hover) while the index builds.
//
//   node test/bench/scale.mjs [--files 10000] [--relevant 2000] [--keep]
// Part of `npm run bench`. Needs `npm run build` (dist/cli.js, dist/server.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const wild = path.resolve(repo, 'test/corpora/wild');
const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const TOTAL = Number(opt('--files', 10_000));
const RELEVANT = Number(opt('--relevant', 2_000));
const KEEP = argv.includes('--keep');
const useTime = existsSync('/usr/bin/time');

for (const f of ['dist/cli.js', 'dist/server.js']) {
  if (!existsSync(path.join(repo, f))) {
    console.log(`scale bench: skipped: ${f} is missing (run npm run build).`);
    process.exit(process.env.CI === 'true' ? 1 : 0);
  }
}
if (!existsSync(wild)) {
  console.log(`scale bench: skipped: ${wild} is missing (see test/corpora/README.md).`);
  process.exit(process.env.CI === 'true' ? 1 : 0);
}

function walk(dir, keep, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

// ---------- generate ----------

const sources = {
  docker: walk(path.join(wild, 'dockerfiles'), (p) => /Dockerfile|Containerfile/i.test(path.basename(p))),
  k8s: walk(path.join(wild, 'k8s'), (p) => /\.ya?ml$/.test(p)),
  nginx: walk(path.join(wild, 'nginx'), (p) => /\.conf$|nginx\.conf/.test(p) && statSync(p).size < 200_000),
  node: walk(path.join(wild, 'express'), (p) => /\.(c|m)?[jt]s$/.test(p)),
};
// Share of the relevant files per domain.
const shares = { docker: 0.3, k8s: 0.35, nginx: 0.2, node: 0.15 };

function generate(root) {
  let written = 0;
  const counts = { docker: 0, k8s: 0, nginx: 0, node: 0, other: 0 };
  const put = (rel, text) => {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    written++;
  };
  const services = Math.ceil(RELEVANT / 10);
  for (const [domain, share] of Object.entries(shares)) {
    const n = Math.round(RELEVANT * share);
    const list = sources[domain];
    for (let i = 0; i < n; i++) {
      const src = list[i % list.length];
      const svc = `svc-${String(i % services).padStart(3, '0')}`;
      const text = readFileSync(src, 'utf8');
      if (domain === 'docker') put(`services/${svc}/${i < services ? 'Dockerfile' : `Dockerfile.v${i}`}`, text);
      else if (domain === 'k8s') put(`deploy/${svc}/m${i}-${path.basename(src)}`, text);
      else if (domain === 'nginx') put(`edge/${svc}/nginx/conf.d/site${i}.conf`, text);
      else put(`services/${svc}/src/app${i}${path.extname(src)}`, text);
      counts[domain]++;
    }
  }
  // Ordinary project files nobody lints: sources, docs, data, CI YAML, other .conf files.
  const filler = [
    (i) => [`services/svc-${String(i % services).padStart(3, '0')}/src/lib/util${i}.ts`, `export function f${i}(x: number): number {\n  return x * ${i};\n}\n`.repeat(8)],
    (i) => [`docs/page${i}.md`, `# Page ${i}\n\nSome documentation text for page ${i}.\n`.repeat(10)],
    (i) => [`data/fixture${i}.json`, JSON.stringify({ id: i, items: Array.from({ length: 20 }, (_, k) => ({ k, v: `value-${k}` })) })],
    (i) => [`ci/workflow${i}.yaml`, `name: build-${i}\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n`],
    (i) => [`config/app${i}.conf`, `[server]\nport = ${8000 + (i % 1000)}\nhost = 0.0.0.0\n`],
  ];
  for (let i = 0; written < TOTAL; i++) {
    const [rel, text] = filler[i % filler.length](i);
    put(rel, text);
    counts.other++;
  }
  return { written, counts };
}

// ---------- measure ----------

function timed(args, opts = {}) {
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-v', process.execPath, ...args] : args;
  const t0 = process.hrtime.bigint();
  const res = spawnSync(cmd, full, { cwd: repo, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr ?? '');
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : null, res };
}

function runCli(root) {
  const { ms, rssMb, res } = timed([path.join(repo, 'dist/cli.js'), root, '--format', 'json']);
  let files = 0;
  let findings = 0;
  try {
    const doc = JSON.parse(res.stdout);
    findings = doc.findings.length;
    files = new Set(doc.findings.map((f) => f.file)).size;
  } catch {
    throw new Error(`the CLI did not print JSON (exit ${res.status}): ${(res.stderr ?? '').slice(0, 400)}`);
  }
  return { ms, rssMb, findings, files, exit: res.status };
}

/** The server indexing the workspace, with requests sent every 50 ms while it works. */
async function runServer(root, openFile) {
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const prof = process.env.SCALE_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.SCALE_CPU_PROF] : [];
  const args = useTime ? ['-v', process.execPath, ...prof, path.join(repo, 'dist/server.js'), '--stdio'] : [...prof, path.join(repo, 'dist/server.js'), '--stdio'];
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const progress = { begin: 0, report: 0, end: 0 };
  let resolveDone;
  const done = new Promise((r) => (resolveDone = r));
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ enable: true, run: 'onType', maxFileSizeKb: 2048, profile: 'recommended', exclude: [] })));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('textDocument/publishDiagnostics', () => undefined);
  conn.onNotification('$/progress', (p) => {
    progress[p.value.kind] = (progress[p.value.kind] ?? 0) + 1;
    if (p.value.kind === 'end') resolveDone();
  });
  conn.listen();

  const t0 = performance.now();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'scale' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  conn.sendNotification('initialized', {});
  const uri = pathToFileURL(openFile).href;
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text: readFileSync(openFile, 'utf8') } });

  // While the index builds: the view's checklist request and a hover, every 50 ms.
  const latencies = { checklist: [], hover: [] };
  let indexing = true;
  const probe = (async () => {
    while (indexing) {
      let t = performance.now();
      const cl = await conn.sendRequest('readinessLint/checklist');
      latencies.checklist.push(performance.now() - t);
      if (!cl.indexing && progress.end) break;
      t = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      latencies.hover.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error('the server did not finish indexing within 10 minutes')), 600_000));
  await Promise.race([done, timeout]);
  const indexMs = performance.now() - t0;
  indexing = false;
  await probe;
  const cl = await conn.sendRequest('readinessLint/checklist');
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  await new Promise((r) => child.on('close', r));
  conn.dispose();
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { indexMs, rssMb: rss ? Number(rss[1]) / 1024 : null, progress, latencies, fileCount: cl.fileCount, score: cl.score };
}

const q = (xs, p) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

const root = mkdtempSync(path.join(tmpdir(), 'readiness-scale-'));
try {
  const t0 = performance.now();
  const gen = generate(root);
  console.log(`\nscale bench: generated workspace of ${gen.written} files in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${root}`);
  console.log(`  relevant: ${gen.counts.docker} Dockerfiles, ${gen.counts.k8s} YAML files from Kubernetes corpora, ${gen.counts.nginx} nginx configs, ${gen.counts.node} Node app files; ${gen.counts.other} other files`);
  const cli = runCli(root);
  const server = await runServer(root, path.join(root, 'services/svc-000/Dockerfile'));
  const rows = [
    ['front', 'wall time', 'peak RSS', 'files', 'notes'],
    ['CLI (dist/cli.js --format json)', `${(cli.ms / 1000).toFixed(1)} s`, cli.rssMb ? `${cli.rssMb.toFixed(0)} MB` : 'n/a', String(cli.files), `files with findings; ${cli.findings} findings, exit ${cli.exit}`],
    [
      'server workspace index (stdio)',
      `${(server.indexMs / 1000).toFixed(1)} s`,
      server.rssMb ? `${server.rssMb.toFixed(0)} MB` : 'n/a',
      String(server.fileCount), 
      `files in the index; progress: ${server.progress.begin} begin, ${server.progress.report} reports, ${server.progress.end} end; score ${server.score ?? 'n/a'}%`,
    ],
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows) console.log('  ' + r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  const lat = (xs) => `median ${q(xs, 0.5).toFixed(1)} ms, p95 ${q(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} requests`;
  console.log('  while the server indexed (view responsiveness):');
  console.log(`    readinessLint/checklist (the Readiness view): ${lat(server.latencies.checklist)}`);
  console.log(`    textDocument/hover on the open Dockerfile:    ${lat(server.latencies.hover)}`);
  console.log(`  peak RSS measured with ${useTime ? '/usr/bin/time -v on each process' : 'nothing (no /usr/bin/time)'}`);
} finally {
  if (KEEP) console.log(`  kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

// Robustness of the Dockerfile domain: every corpus Dockerfile and thousands of deterministic
// mutations go through lintText without an exception, an internal-error finding, a range outside
// the document, or a hang; every verified fix is safe; fix-all is idempotent; a 20 MB file is
// skipped at the size cap and completes when the cap is raised.
// Work runs in worker threads: they use both cores, and a hung lint is detected and killed.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DOCKER_CORPORA, allCorpusDockerfiles, dockerfilesUnder, requireCorpus } from '../corpus/corpora';
import { mutationCase, pathologicalCases } from './mutations';
import type { Failure, Task, TaskResult } from './robustness-worker';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260821);
const MUTATIONS = Number(process.env.ROBUSTNESS_MUTATIONS ?? 3000);
const WORKERS = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
/** Extra time beyond an item's own bound before its worker is declared hung and terminated. */
const HANG_GRACE_MS = 15_000;

const bootUrl = new URL('./worker-boot.mjs', import.meta.url);
const workerEntry = new URL('./robustness-worker.ts', import.meta.url).href;

function merge(results: TaskResult[]): TaskResult {
  const out: TaskResult = { items: 0, failures: [], stats: {}, samples: {}, slowest: [] };
  for (const r of results) {
    out.items += r.items;
    out.failures.push(...r.failures);
    for (const [k, v] of Object.entries(r.stats)) out.stats[k] = (out.stats[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.samples)) out.samples[k] = [...(out.samples[k] ?? []), ...v].slice(0, 5);
    out.slowest.push(...r.slowest);
  }
  out.slowest.sort((a, b) => b.ms - a.ms);
  out.slowest.length = Math.min(5, out.slowest.length);
  return out;
}

/** Run one task in a worker; a hang ends in a failure naming the input, written for reproduction. */
function runWorker(task: Task, reproduce: (label: string) => string | undefined): Promise<TaskResult> {
  return new Promise((resolve) => {
    const worker = new Worker(bootUrl, { workerData: { entry: workerEntry, task } });
    let current = { label: '(startup)', limitMs: 60_000, since: Date.now() };
    let finished = false;
    const done = (r: TaskResult) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      void worker.terminate();
      resolve(r);
    };
    const crashed = (problem: string) => done({ items: 0, failures: [{ label: current.label, problem, repro: reproduce(current.label) }], stats: {}, samples: {}, slowest: [] });
    const watchdog = setInterval(() => {
      const elapsed = Date.now() - current.since;
      if (elapsed > current.limitMs + HANG_GRACE_MS) {
        crashed(`hang: no progress for ${elapsed} ms; worker terminated`);
        void worker.terminate();
      }
    }, 500);
    worker.on('message', (m: { type: 'begin'; label: string; limitMs: number } | { type: 'done'; result: TaskResult }) => {
      if (m.type === 'begin') current = { label: m.label, limitMs: m.limitMs, since: Date.now() };
      else done(m.result);
    });
    worker.on('error', (e) => crashed(`worker crashed: ${e.stack ?? e}`));
    worker.on('exit', (code) => crashed(`worker exited with code ${code} before finishing`));
  });
}

/** Split `items` round-robin over the workers and run them in parallel. */
async function runSplit<T>(items: T[], makeTask: (slice: T[]) => Task, reproduce: (label: string) => string | undefined = () => undefined): Promise<TaskResult> {
  const slices: T[][] = Array.from({ length: WORKERS }, () => []);
  items.forEach((it, i) => slices[i % WORKERS].push(it));
  return merge(await Promise.all(slices.filter((s) => s.length).map((s) => runWorker(makeTask(s), reproduce))));
}

function describeResult(title: string, r: TaskResult, t0: number): void {
  const stats = Object.entries(r.stats)
    .filter(([k]) => !k.includes(' '))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`\n  ${title}: ${r.items} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${stats}`);
  if (r.slowest.length) console.log(`    slowest: ${r.slowest.slice(0, 3).map((s) => `${s.ms.toFixed(0)} ms ${s.label}`).join(' | ')}`);
  for (const [k, list] of Object.entries(r.samples)) console.log(`    ${k} (${r.stats[k] ?? list.length}), e.g.:\n${list.map((s) => `      ${s}`).join('\n')}`);
}

function assertNoFailures(r: TaskResult): void {
  if (!r.failures.length) return;
  const shown = r.failures.slice(0, 25).map((f: Failure) => `  - ${f.label}\n      ${f.problem.split('\n').slice(0, 6).join('\n      ')}${f.repro ? `\n      input: ${f.repro}` : ''}`);
  assert.fail(`${r.failures.length} robustness failure(s):\n${shown.join('\n')}${r.failures.length > 25 ? `\n  ... and ${r.failures.length - 25} more` : ''}`);
}

function writeRepro(label: string, text: string): string {
  const dir = path.join(os.tmpdir(), 'readiness-lint-robustness');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, label.replace(/[^A-Za-z0-9#._+-]+/g, '_').slice(0, 150) + '.Dockerfile');
  writeFileSync(file, text);
  return file;
}

describe('docker robustness', function () {
  this.timeout(180_000);
  let corpus: string[] = [];
  let wild: string[] = [];

  before(function () {
    requireCorpus(this, DOCKER_CORPORA.wild, 'Dockerfile robustness');
    corpus = allCorpusDockerfiles();
    wild = dockerfilesUnder(DOCKER_CORPORA.wild);
    assert.ok(wild.length >= 100, `expected hundreds of wild Dockerfiles, found ${wild.length}`);
  });

  it('lints every corpus Dockerfile (recommended and all rules on) without exception, internal error or bad range', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'corpus', files }));
    describeResult('corpus files', r, t0);
    assert.equal(r.items, corpus.length, 'every corpus file was linted');
    assertNoFailures(r);
  });

  it(`survives ${MUTATIONS} deterministic mutations (seed ${SEED}) and hand-made pathological inputs`, async function () {
    const t0 = Date.now();
    const indices = Array.from({ length: MUTATIONS }, (_, i) => i);
    let pool: { texts: string[]; names: string[] } | undefined;
    const reproduce = (label: string) => {
      const m = /^mutation #(\d+) /.exec(label);
      if (!m) return undefined;
      pool ??= { texts: corpus.map((f) => readFileSync(f, 'utf8')), names: corpus.map((f) => f.split('/corpora/').pop()!) };
      return writeRepro(label, mutationCase(SEED, Number(m[1]), pool.texts, pool.names).text);
    };
    const mutated = await runSplit(indices, (slice) => ({ kind: 'mutations', seed: SEED, indices: slice, poolFiles: corpus }), reproduce);
    const cases = pathologicalCases();
    const reproducePath = (label: string) => {
      const c = cases.find((x) => x.label === label);
      return c ? writeRepro(label, c.text) : undefined;
    };
    const patho = await runSplit(
      cases.map((_, i) => i),
      (slice) => ({ kind: 'pathological', indices: slice }),
      reproducePath,
    );
    const r = merge([mutated, patho]);
    describeResult('mutations + pathological inputs', r, t0);
    assert.equal(r.items, MUTATIONS + cases.length, 'every generated input was linted');
    assertNoFailures(r);
  });

  it('skips a 20 MB file at the size cap with one finding, and lints it when the cap is raised', async function () {
    const t0 = Date.now();
    const base = wild.find((f) => f.includes('docker-library+php')) ?? wild[0];
    const r = await runSplit([0], () => ({ kind: 'big', baseFile: base, bytes: 20 * 1024 * 1024 }));
    describeResult(`20 MB file (raised cap: ${r.stats.bigMs} ms, ${r.stats.bigFindings} findings)`, r, t0);
    assert.equal(r.items, 2);
    assertNoFailures(r);
  });

  it('every verified fix keeps the file parseable, removes its finding and adds none; fix-all twice equals once', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'fixes', files }));
    describeResult('fixes on corpus files', r, t0);
    const perRule = new Map<string, { verified: number; rejected: number }>();
    for (const [k, v] of Object.entries(r.stats)) {
      const m = /^fix(Safe|Rejected) (.+)$/.exec(k);
      if (!m) continue;
      const e = perRule.get(m[2]) ?? { verified: 0, rejected: 0 };
      if (m[1] === 'Safe') e.verified += v;
      else e.rejected += v;
      perRule.set(m[2], e);
    }
    if (perRule.size) {
      console.log('    fixes per rule (safe = passes every check above; unsafe = breaks one, and verifyFix rightly never offers it):');
      for (const [id, e] of [...perRule].sort()) console.log(`      ${id.padEnd(40)} safe ${String(e.verified).padStart(5)}  unsafe ${String(e.rejected).padStart(5)}`);
    }
    assert.equal(r.items, corpus.length);
    assertNoFailures(r);
  });
});

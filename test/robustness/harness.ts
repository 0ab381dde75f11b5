// Parent side of the robustness suites of every domain: run task slices in worker threads (both
// cores; a hung lint is detected by a watchdog and the worker killed), merge their results, print
// them, and fail with the inputs written out for reproduction.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { Failure, TaskResult } from './worker-kit';

export const WORKERS = Math.max(1, Math.min(2, os.availableParallelism?.() ?? os.cpus().length));
/** Extra time beyond an item's own bound before its worker is declared hung and terminated. */
const HANG_GRACE_MS = 15_000;

const bootUrl = new URL('./worker-boot.mjs', import.meta.url);

export function merge(results: TaskResult[]): TaskResult {
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

export interface WorkerRunner<Task> {
  /** Run one task in a worker; a hang or crash ends in a failure naming the input, written for reproduction. */
  runWorker(task: Task, reproduce: (label: string) => string | undefined, resourceLimits?: ResourceLimits): Promise<TaskResult>;
  /** Split `items` round-robin over the workers and run them in parallel. */
  runSplit<T>(items: T[], makeTask: (slice: T[]) => Task, reproduce?: (label: string) => string | undefined): Promise<TaskResult>;
}

/** Runner for one worker module (a TypeScript file started through worker-boot.mjs). */
export function workerRunner<Task>(workerEntry: string): WorkerRunner<Task> {
  function runWorker(task: Task, reproduce: (label: string) => string | undefined, resourceLimits?: ResourceLimits): Promise<TaskResult> {
    return new Promise((resolve) => {
      const worker = new Worker(bootUrl, { workerData: { entry: workerEntry, task }, resourceLimits });
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
  async function runSplit<T>(items: T[], makeTask: (slice: T[]) => Task, reproduce: (label: string) => string | undefined = () => undefined): Promise<TaskResult> {
    const slices: T[][] = Array.from({ length: WORKERS }, () => []);
    items.forEach((it, i) => slices[i % WORKERS].push(it));
    return merge(await Promise.all(slices.filter((s) => s.length).map((s) => runWorker(makeTask(s), reproduce))));
  }
  return { runWorker, runSplit };
}

export function describeResult(title: string, r: TaskResult, t0: number): void {
  const stats = Object.entries(r.stats)
    .filter(([k]) => !k.includes(' '))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`\n  ${title}: ${r.items} inputs in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${stats}`);
  if (r.slowest.length) console.log(`    slowest: ${r.slowest.slice(0, 3).map((s) => `${s.ms.toFixed(0)} ms ${s.label}`).join(' | ')}`);
  for (const [k, list] of Object.entries(r.samples)) console.log(`    ${k} (${r.stats[k] ?? list.length}), e.g.:\n${list.map((s) => `      ${s}`).join('\n')}`);
}

export function assertNoFailures(r: TaskResult): void {
  if (!r.failures.length) return;
  const shown = r.failures.slice(0, 25).map((f: Failure) => `  - ${f.label}\n      ${f.problem.split('\n').slice(0, 6).join('\n      ')}${f.repro ? `\n      input: ${f.repro}` : ''}`);
  assert.fail(`${r.failures.length} robustness failure(s):\n${shown.join('\n')}${r.failures.length > 25 ? `\n  ... and ${r.failures.length - 25} more` : ''}`);
}

/** Write a generated input to the temp folder so that a failure can be reproduced; returns its path. */
export function writeRepro(label: string, text: string, ext: string): string {
  const dir = path.join(os.tmpdir(), 'readiness-lint-robustness');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, label.replace(/[^A-Za-z0-9#._+-]+/g, '_').slice(0, 150) + ext);
  writeFileSync(file, text);
  return file;
}

/** Per-rule tally of the `fixSafe <rule>` / `fixRejected <rule>` counters of a fixes task. */
export function printFixTally(r: TaskResult): void {
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
}

// Runs one slice of a robustness task in a worker thread (so that the parent can detect and kill a
// hang) and posts back failures and counters. Started through worker-boot.mjs.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Level } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { ENGINE_IDS } from '../../server/src/engine/runner';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { mutationCase, pathologicalCases, repeatedDockerfile } from './mutations';
import { createKit, boundFor, PER_FILE_MS, BIG_FILE_MS } from './worker-kit';

export type { Failure, TaskResult } from './worker-kit';
export { PER_FILE_MS, BIG_FILE_MS } from './worker-kit';

export type Task =
  | { kind: 'corpus'; files: string[] }
  | { kind: 'mutations'; seed: number; indices: number[]; poolFiles: string[] }
  | { kind: 'pathological'; indices: number[] }
  | { kind: 'fixes'; files: string[] }
  | { kind: 'big'; baseFile: string; bytes: number };

const dockerRules = rulesOfDomain('docker');
export const allOnConfig = (extra: { maxFileSizeKb?: number } = {}): ResolvedConfig =>
  resolveConfig({}, { ...extra, ruleLevels: Object.fromEntries(dockerRules.map((r) => [r.id, 'warn' as Level])) });

const kit = createKit({ lintPath: 'Dockerfile', reproExt: '.Dockerfile', nullIsFailure: true });
const { result, bump, sample, fail, begin, checkedLint, checkOfferedFix, checkFixAll } = kit;

function readPool(files: string[]): { texts: string[]; names: string[] } {
  return { texts: files.map((f) => readFileSync(f, 'utf8')), names: files.map((f) => f.split('/corpora/').pop()!) };
}

/** Each verified fix keeps the file parseable, removes its finding and adds no other; fix-all is idempotent. */
function checkFixes(file: string): void {
  const text = readFileSync(file, 'utf8');
  const label = file.split('/corpora/').pop()!;
  const config = allOnConfig();
  const opts = { path: file, text, config };
  begin(`fixes of ${label}`, PER_FILE_MS * 10);
  const before = checkedLint(label, text, config, boundFor(text), false);
  if (!before) return;
  for (const f of before.findings) {
    if (!f.fix) continue;
    checkOfferedFix(opts, before, f, `${label}:${f.range.start.line + 1} ${f.ruleId} fix "${f.fix.title}"`);
  }
  checkFixAll(opts, label);
}

function run(task: Task): void {
  switch (task.kind) {
    case 'corpus': {
      const def = resolveConfig();
      const all = allOnConfig();
      for (const file of task.files) {
        const label = file.split('/corpora/').pop()!;
        const text = readFileSync(file, 'utf8');
        begin(label, 2 * boundFor(text));
        checkedLint(`${label} (recommended)`, text, def, boundFor(text), false);
        checkedLint(`${label} (all rules on)`, text, all, boundFor(text), false);
      }
      break;
    }
    case 'mutations': {
      const pool = readPool(task.poolFiles);
      const all = allOnConfig();
      for (const i of task.indices) {
        const c = mutationCase(task.seed, i, pool.texts, pool.names);
        begin(c.label, boundFor(c.text));
        checkedLint(c.label, c.text, all);
      }
      break;
    }
    case 'pathological': {
      const cases = pathologicalCases();
      const all = allOnConfig();
      for (const i of task.indices) {
        begin(cases[i].label, boundFor(cases[i].text));
        checkedLint(cases[i].label, cases[i].text, all);
      }
      break;
    }
    case 'fixes':
      for (const file of task.files) checkFixes(file);
      break;
    case 'big': {
      const text = repeatedDockerfile(readFileSync(task.baseFile, 'utf8'), task.bytes);
      const mb = (text.length / 1024 / 1024).toFixed(1);
      const capped = `${mb} MB file at the default size cap`;
      begin(capped);
      const r = checkedLint(capped, text, allOnConfig(), PER_FILE_MS, false);
      if (r) {
        const ids = r.findings.map((f) => f.ruleId);
        if (ids.length !== 1 || ids[0] !== ENGINE_IDS.tooLarge) fail(capped, `expected exactly one ${ENGINE_IDS.tooLarge} finding, got ${JSON.stringify(ids.slice(0, 5))}`);
      }
      const raised = `${mb} MB file with maxFileSizeKb 40000`;
      begin(raised, BIG_FILE_MS);
      const t0 = performance.now();
      const r2 = checkedLint(raised, text, allOnConfig({ maxFileSizeKb: 40000 }), BIG_FILE_MS, false);
      result.stats.bigMs = Math.round(performance.now() - t0);
      if (r2) {
        if (r2.findings.some((f) => f.ruleId === ENGINE_IDS.tooLarge || f.ruleId === ENGINE_IDS.parseError)) fail(raised, 'the raised cap did not lint the file');
        result.stats.bigFindings = r2.findings.length;
      }
      break;
    }
  }
}

run(workerData.task as Task);
kit.finish();

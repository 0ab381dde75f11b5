// Runs one slice of a robustness task in a worker thread (so that the parent can detect and kill a
// hang) and posts back failures and counters. Started through worker-boot.mjs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Level } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { LineIndex, applyTextEdits } from '../../rules/text';
import { lintText, ENGINE_IDS, type FileResult, type Finding } from '../../server/src/engine/runner';
import { fixAll, verifyFix } from '../../server/src/engine/fix';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { mutationCase, pathologicalCases, repeatedDockerfile } from './mutations';

export type Task =
  | { kind: 'corpus'; files: string[] }
  | { kind: 'mutations'; seed: number; indices: number[]; poolFiles: string[] }
  | { kind: 'pathological'; indices: number[] }
  | { kind: 'fixes'; files: string[] }
  | { kind: 'big'; baseFile: string; bytes: number };

export interface Failure {
  label: string;
  problem: string;
  /** Where the input was written for reproduction (generated inputs only). */
  repro?: string;
}

export interface TaskResult {
  items: number;
  failures: Failure[];
  stats: Record<string, number>;
  samples: Record<string, string[]>;
  slowest: { label: string; ms: number }[];
}

/**
 * A lint that takes longer than its bound fails the test: generous, only meant to catch hangs and
 * blow-ups (the machine may be busy). 2 s, plus 10 ms per KB for the large generated inputs.
 */
export const PER_FILE_MS = 2000;
export const BIG_FILE_MS = 60_000;
const boundFor = (text: string) => Math.round(PER_FILE_MS + (text.length / 1024) * 10);

const dockerRules = rulesOfDomain('docker');
export const allOnConfig = (extra: { maxFileSizeKb?: number } = {}): ResolvedConfig =>
  resolveConfig({}, { ...extra, ruleLevels: Object.fromEntries(dockerRules.map((r) => [r.id, 'warn' as Level])) });

const result: TaskResult = { items: 0, failures: [], stats: {}, samples: {}, slowest: [] };
const bump = (k: string, n = 1) => (result.stats[k] = (result.stats[k] ?? 0) + n);
const sample = (k: string, s: string) => {
  const list = (result.samples[k] ??= []);
  if (list.length < 5) list.push(s);
};

function reproFile(label: string, text: string): string {
  const dir = path.join(os.tmpdir(), 'readiness-lint-robustness');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, label.replace(/[^A-Za-z0-9#._+-]+/g, '_').slice(0, 150) + '.Dockerfile');
  writeFileSync(file, text);
  return file;
}

function fail(label: string, problem: string, text?: string): void {
  result.failures.push({ label, problem, repro: text === undefined ? undefined : reproFile(label, text) });
}

function begin(label: string, limitMs = PER_FILE_MS): void {
  result.items++;
  parentPort!.postMessage({ type: 'begin', label, limitMs });
}

function noteTime(label: string, ms: number): void {
  result.slowest.push({ label, ms });
  if (result.slowest.length > 20) {
    result.slowest.sort((a, b) => b.ms - a.ms);
    result.slowest.length = 5;
  }
}

/** Every range a front end will show must lie inside the document. */
function badRange(index: LineIndex, f: Finding): string | null {
  const { start, end } = f.range;
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineEnd(p.line) - index.lineStart(p.line);
  if (!ok(start) || !ok(end)) return `range ${JSON.stringify(f.range)} is outside the document`;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `range ${JSON.stringify(f.range)} ends before it starts`;
  return null;
}

/** Lint once with every check that applies to any input; returns the result when it is usable. */
function checkedLint(label: string, text: string, config: ResolvedConfig, limitMs = boundFor(text), keepText = true): FileResult | null {
  const t0 = performance.now();
  let res: FileResult | null;
  try {
    res = lintText({ path: 'Dockerfile', text, config });
  } catch (e) {
    fail(label, `lintText threw: ${(e as Error).stack ?? e}`, keepText ? text : undefined);
    return null;
  }
  const ms = performance.now() - t0;
  noteTime(label, ms);
  bump('lints');
  if (ms > limitMs) fail(label, `lint took ${ms.toFixed(0)} ms (bound ${limitMs} ms)`, keepText ? text : undefined);
  if (!res) {
    fail(label, 'lintText returned null for a path named Dockerfile');
    return null;
  }
  const internal = res.findings.filter((f) => f.ruleId === ENGINE_IDS.internalError);
  if (internal.length) fail(label, internal.map((f) => f.message).join(' | '), keepText ? text : undefined);
  const index = new LineIndex(text);
  for (const f of res.findings) {
    const bad = badRange(index, f);
    if (bad) fail(label, `${f.ruleId}: ${bad}`, keepText ? text : undefined);
  }
  const parse = res.findings.find((f) => f.ruleId === ENGINE_IDS.parseError);
  if (parse) {
    bump('parseErrors');
    // The parser itself threw (the engine caught it): not a failure, but worth seeing.
    if (parse.message.startsWith('Could not parse this file')) {
      bump('parserExceptions');
      sample('parserExceptions', `${label}: ${parse.message.slice(0, 160)}`);
    }
  }
  bump('findings', res.findings.length);
  return res;
}

function readPool(files: string[]): { texts: string[]; names: string[] } {
  return { texts: files.map((f) => readFileSync(f, 'utf8')), names: files.map((f) => f.split('/corpora/').pop()!) };
}

const count = (fs: Finding[], id: string) => fs.reduce((n, f) => n + (f.ruleId === id ? 1 : 0), 0);

/** Why applying `f.fix` is unsafe, or null: it must apply, change the text, keep it parseable, lower its rule's count and raise no other. */
function fixProblem(opts: { path: string; text: string; config: ResolvedConfig }, before: FileResult, f: Finding): string | null {
  let fixed: string;
  try {
    fixed = applyTextEdits(opts.text, f.fix!.edits);
  } catch (e) {
    return `has edits that do not apply (${(e as Error).message})`;
  }
  if (fixed === opts.text) return 'changes nothing';
  const after = lintText({ ...opts, text: fixed });
  bump('lints');
  if (!after) return 'makes the file unrecognisable';
  if (after.findings.some((x) => x.ruleId === ENGINE_IDS.parseError)) return 'leaves a file that no longer parses';
  if (after.findings.some((x) => x.ruleId === ENGINE_IDS.internalError)) return 'leaves a file a rule crashes on';
  const b = count(before.findings, f.ruleId);
  const a = count(after.findings, f.ruleId);
  if (a >= b) return `does not remove its finding (${b} -> ${a} ${f.ruleId})`;
  for (const id of new Set(after.findings.map((x) => x.ruleId))) {
    if (id !== f.ruleId && count(after.findings, id) > count(before.findings, id)) return `adds ${id} findings (${count(before.findings, id)} -> ${count(after.findings, id)})`;
  }
  return null;
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
    bump('fixesOffered');
    const what = `${label}:${f.range.start.line + 1} ${f.ruleId} fix "${f.fix.title}"`;
    // Check the safety properties directly (one lint per fix). Only when a fix breaks one do we ask
    // verifyFix, which must then refuse it: a fix that reaches users must always be safe.
    const problem = fixProblem(opts, before, f);
    if (!problem) {
      bump(`fixSafe ${f.ruleId}`);
      continue;
    }
    let offered: boolean;
    try {
      offered = verifyFix(opts, f, f.fix);
    } catch (e) {
      fail(what, `verifyFix threw: ${(e as Error).message}`);
      continue;
    }
    if (offered) fail(what, `verifyFix accepts a fix that ${problem}`);
    else {
      bump(`fixRejected ${f.ruleId}`);
      sample(`fixRejected ${f.ruleId}`, `${what}: ${problem}`);
    }
  }
  const once = fixAll(opts);
  bump('fixAllApplied', once.applied);
  if (once.text !== text) {
    bump('filesChangedByFixAll');
    const r = lintText({ ...opts, text: once.text });
    if (r?.findings.some((x) => x.ruleId === ENGINE_IDS.parseError)) fail(`fix-all of ${label}`, 'the file no longer parses after fix-all');
  }
  const twice = fixAll({ ...opts, text: once.text });
  if (twice.text !== once.text) {
    fail(`fix-all of ${label}`, `fix-all twice differs from fix-all once (${twice.applied} more fix(es) applied on the second run)`, once.text);
  }
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
result.slowest.sort((a, b) => b.ms - a.ms);
result.slowest.length = Math.min(result.slowest.length, 5);
parentPort!.postMessage({ type: 'done', result });

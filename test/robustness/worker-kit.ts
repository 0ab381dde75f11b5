// Worker side of the robustness suites of every domain: the result a worker posts back, progress
// messages for the parent's watchdog, one checked lint (no exception, no internal error, every
// range inside the document, bounded time), and the safety check of one fix.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { LineIndex, applyTextEdits } from '../../rules/text';
import { lintText, ENGINE_IDS, type FileResult, type Finding } from '../../server/src/engine/runner';
import { fixAll, verifyFix } from '../../server/src/engine/fix';
import { FIX_TYPES, type WorkspaceView } from '../../rules/types';
import type { ResolvedConfig } from '../../server/src/engine/config';

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
export const boundFor = (text: string) => Math.round(PER_FILE_MS + (text.length / 1024) * 10);

export interface KitOptions {
  /** Path given to lintText for generated inputs (decides the domain). */
  lintPath: string;
  /** Extension of reproduction files. */
  reproExt: string;
  /** Is `lintText` returning null (file not recognised) a failure? */
  nullIsFailure: boolean;
  /** Workspace given to every lint, so that rules relating objects across files run too. */
  workspace?: WorkspaceView;
  /**
   * A domain's own check of the text after every offered fix, safe or not (a rule must never offer
   * one that breaks it): returns the problem, or null. E.g. JS/TS: no more syntax errors than before.
   */
  fixedTextProblem?(before: string, after: string): string | null;
}

export type Kit = ReturnType<typeof createKit>;

export function createKit(opts: KitOptions) {
  const result: TaskResult = { items: 0, failures: [], stats: {}, samples: {}, slowest: [] };
  const bump = (k: string, n = 1) => (result.stats[k] = (result.stats[k] ?? 0) + n);
  const sample = (k: string, s: string) => {
    const list = (result.samples[k] ??= []);
    if (list.length < 5) list.push(s);
  };

  function reproFile(label: string, text: string): string {
    const dir = path.join(os.tmpdir(), 'readiness-lint-robustness');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, label.replace(/[^A-Za-z0-9#._+-]+/g, '_').slice(0, 150) + opts.reproExt);
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
  function checkedLint(label: string, text: string, config: ResolvedConfig, limitMs = boundFor(text), keepText = true, lintPath = opts.lintPath): FileResult | null {
    const t0 = performance.now();
    let res: FileResult | null;
    try {
      res = lintText({ path: lintPath, text, config, workspace: opts.workspace });
    } catch (e) {
      fail(label, `lintText threw: ${(e as Error).stack ?? e}`, keepText ? text : undefined);
      return null;
    }
    const ms = performance.now() - t0;
    noteTime(label, ms);
    bump('lints');
    if (ms > limitMs) fail(label, `lint took ${ms.toFixed(0)} ms (bound ${limitMs} ms)`, keepText ? text : undefined);
    if (!res) {
      if (opts.nullIsFailure) fail(label, `lintText returned null for a path named ${lintPath}`);
      else bump('notRecognised');
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

  const count = (fs: Finding[], id: string) => fs.reduce((n, f) => n + (f.ruleId === id ? 1 : 0), 0);

  /**
   * The parse-error finding's message. Where rules run on recovered code (JS/TS), a file may have
   * one before a fix: as verifyFix does, a fix must leave it as it was (same first error and count).
   */
  const parseMessage = (r: FileResult | null | undefined) => r?.findings.find((x) => x.ruleId === ENGINE_IDS.parseError)?.message;
  const breaksParse = (before: FileResult | null | undefined, after: FileResult | null | undefined) => parseMessage(after) !== undefined && parseMessage(after) !== parseMessage(before);

  /**
   * Why applying `f.fix` is unsafe, or null: it must apply, change the text, keep it parseable, lower
   * its rule's count and raise no other. `fixedText` receives the fixed text for further checks.
   */
  function fixProblem(lintOpts: { path: string; text: string; config: ResolvedConfig; workspace?: WorkspaceView }, before: FileResult, f: Finding, fixedText?: (t: string) => void): string | null {
    let fixed: string;
    try {
      fixed = applyTextEdits(lintOpts.text, f.fix!.edits);
    } catch (e) {
      return `has edits that do not apply (${(e as Error).message})`;
    }
    if (fixed === lintOpts.text) return 'changes nothing';
    fixedText?.(fixed);
    const after = lintText({ ...lintOpts, text: fixed });
    bump('lints');
    if (!after) return 'makes the file unrecognisable';
    if (breaksParse(before, after)) return parseMessage(before) === undefined ? 'leaves a file that no longer parses' : 'changes the syntax errors the file had';
    if (after.findings.some((x) => x.ruleId === ENGINE_IDS.internalError)) return 'leaves a file a rule crashes on';
    const b = count(before.findings, f.ruleId);
    const a = count(after.findings, f.ruleId);
    if (a >= b) return `does not remove its finding (${b} -> ${a} ${f.ruleId})`;
    for (const id of new Set(after.findings.map((x) => x.ruleId))) {
      if (id !== f.ruleId && count(after.findings, id) > count(before.findings, id)) return `adds ${id} findings (${count(before.findings, id)} -> ${count(after.findings, id)})`;
    }
    return null;
  }

  type LintOpts = { path: string; text: string; config: ResolvedConfig; workspace?: WorkspaceView };

  /**
   * One offered fix: check its safety directly (one lint). Only when it breaks a property do we ask
   * verifyFix, which must then refuse it: a fix that reaches users must always be safe. `safeAlso`
   * may add a domain's own check of a safe fix's text (returns the problem, or null).
   */
  function checkOfferedFix(lintOpts: LintOpts, before: FileResult, f: Finding, what: string, safeAlso?: (fixed: string) => string | null): void {
    bump('fixesOffered');
    let fixed = lintOpts.text;
    const problem = fixProblem(lintOpts, before, f, (t) => (fixed = t));
    const broken = opts.fixedTextProblem && fixed !== lintOpts.text ? opts.fixedTextProblem(lintOpts.text, fixed) : null;
    if (broken) fail(what, broken, fixed);
    if (!problem) {
      const extra = safeAlso?.(fixed);
      if (extra) fail(what, `passes verification but ${extra}`);
      else bump(`fixSafe ${f.ruleId}`);
      return;
    }
    let offered: boolean;
    try {
      offered = verifyFix(lintOpts, f, f.fix!);
    } catch (e) {
      fail(what, `verifyFix threw: ${(e as Error).message}`);
      return;
    }
    if (offered) fail(what, `verifyFix accepts a fix that ${problem}`);
    else {
      bump(`fixRejected ${f.ruleId}`);
      sample(`fixRejected ${f.ruleId}`, `${what}: ${problem}`);
    }
  }

  /** Fix-all keeps the file parseable and is idempotent; `changedAlso` checks a changed text further. */
  function checkFixAll(lintOpts: LintOpts, label: string, changedAlso?: (fixed: string) => void): void {
    const once = fixAll(lintOpts, { types: FIX_TYPES });
    bump('fixAllApplied', once.applied);
    if (once.text !== lintOpts.text) {
      bump('filesChangedByFixAll');
      const r = lintText({ ...lintOpts, text: once.text });
      if (breaksParse(parseMessage(r) === undefined ? undefined : lintText(lintOpts), r)) fail(`fix-all of ${label}`, 'the file no longer parses after fix-all (or has other syntax errors than before)', once.text);
      changedAlso?.(once.text);
    }
    const twice = fixAll({ ...lintOpts, text: once.text }, { types: FIX_TYPES });
    if (twice.text !== once.text) fail(`fix-all of ${label}`, `fix-all twice differs from fix-all once (${twice.applied} more fix(es) applied on the second run)`, once.text);
  }

  /** Post the result to the parent (last call of a worker). */
  function finish(): void {
    result.slowest.sort((a, b) => b.ms - a.ms);
    result.slowest.length = Math.min(result.slowest.length, 5);
    parentPort!.postMessage({ type: 'done', result });
  }

  return { result, bump, sample, fail, begin, noteTime, checkedLint, fixProblem, checkOfferedFix, checkFixAll, count, finish };
}

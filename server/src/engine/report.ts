// A run over some files: results, checklist and the facts every output format needs.
import path from 'node:path';
import type { ResolvedConfig } from './config';
import { evaluateChecklist, type Checklist } from './checklist';
import type { WorkspaceEvidence } from './evidence';
import { isNote, type FileResult, type Finding } from './runner';
import { fixTypeOf } from './fix';

export interface Report {
  /** Directory that relative paths in outputs are relative to. */
  cwd: string;
  results: FileResult[];
  checklist: Checklist;
  config: ResolvedConfig;
  /** Is this finding's fix verified safe? */
  isFixable(file: FileResult, finding: Finding): boolean;
  maxWarnings?: number;
}

export function buildReport(
  cwd: string,
  results: FileResult[],
  config: ResolvedConfig,
  isFixable: Report['isFixable'],
  maxWarnings?: number,
  workspace: WorkspaceEvidence[] = [],
): Report {
  return { cwd, results, config, checklist: evaluateChecklist(results, config, workspace), isFixable, maxWarnings };
}

export function relativePath(report: Report, file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(report.cwd, file) : file;
  return rel.split(path.sep).join('/') || '.';
}

export interface Counts {
  block: number;
  warn: number;
  report: number;
  /** Notes (a Kustomize patch not checked on its own): shown, but not problems. */
  notes: number;
  /** Findings with a verified safe fix (what `--fix` applies). */
  fixable: number;
  /** Findings with a verified hardening fix (applied only with `--fix-type hardening`). */
  fixableHardening: number;
}

export function countFindings(report: Report): Counts {
  const c: Counts = { block: 0, warn: 0, report: 0, notes: 0, fixable: 0, fixableHardening: 0 };
  for (const r of report.results) {
    for (const f of r.findings) {
      if (isNote(f)) {
        c.notes++;
        continue;
      }
      c[f.level]++;
      if (f.fix && report.isFixable(r, f)) c[fixTypeOf(f.ruleId) === 'hardening' ? 'fixableHardening' : 'fixable']++;
    }
  }
  return c;
}

/** Gate state: what decides the exit code. */
export function gateState(report: Report): { blocked: boolean; tooManyWarnings: boolean; counts: Counts } {
  const counts = countFindings(report);
  const tooManyWarnings = report.maxWarnings !== undefined && report.maxWarnings >= 0 && counts.warn > report.maxWarnings;
  return { blocked: counts.block > 0, tooManyWarnings, counts };
}

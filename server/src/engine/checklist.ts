// Checklist evaluation: rule findings and pass evidence -> control and category statuses -> score.
import { categories, controls, type ControlDef } from '../../../rules/controls';
import { allRules, getRule } from '../../../rules/index';
import type { Domain, Range } from '../../../rules/types';
import type { ResolvedConfig } from './config';
import type { FileResult } from './runner';
import { FILE_EVIDENCE_ID, type WorkspaceEvidence } from './evidence';

export type Status = 'pass' | 'fail' | 'partial' | 'not-applicable' | 'needs-evidence';

export interface EvidenceItem {
  file: string;
  range: Range;
  ruleId: string;
  passed: boolean;
  message: string;
  level?: string;
}

export interface ControlResult {
  id: string;
  title: string;
  description: string;
  status: Status;
  /** Why the status is what it is, in one sentence. */
  reason: string;
  evidence: EvidenceItem[];
  rules: string[];
}

export interface CategoryResult {
  id: string;
  title: string;
  status: Status;
  controls: ControlResult[];
}

export interface Checklist {
  /** 0-100, over applicable controls only; null when nothing is applicable. */
  score: number | null;
  applicable: number;
  passed: number;
  categories: CategoryResult[];
}

const MAX_EVIDENCE_PER_CONTROL = 200;

/**
 * Build the checklist for a set of linted files (paths as they should appear in reports). Controls
 * evidenced by files are evaluated only when a workspace scan supplied `workspace` evidence.
 */
export function evaluateChecklist(results: FileResult[], config: ResolvedConfig, workspace: WorkspaceEvidence[] = []): Checklist {
  const domainsPresent = new Set<Domain>(results.map((r) => r.domain as Domain));
  const controlResults = new Map<string, ControlResult>();

  for (const control of controls) {
    if (config.controls[control.id]?.enabled === false) continue;
    if (control.files || control.fileCheck) {
      if (!workspace.length) continue;
      const evidence = workspace.flatMap((w) => w.items.filter((i) => i.controlId === control.id));
      controlResults.set(control.id, {
        id: control.id,
        title: control.title,
        description: control.description,
        status: 'needs-evidence',
        reason: '',
        rules: [],
        evidence: evidence.map((e) => ({ file: e.file, range: e.range, ruleId: FILE_EVIDENCE_ID, passed: e.passed, message: e.message, level: e.passed ? undefined : 'warn' })),
      });
      continue;
    }
    // A control that no rule can evidence yet is not part of the checklist.
    if (!allRules.some((r) => r.controls.includes(control.id))) continue;
    const rules = allRules.filter((r) => r.controls.includes(control.id) && config.levelOf(r.id) !== 'off').map((r) => r.id);
    controlResults.set(control.id, { id: control.id, title: control.title, description: control.description, status: 'needs-evidence', reason: '', evidence: [], rules });
  }

  for (const file of results) {
    for (const f of file.findings) {
      const rule = getRule(f.ruleId);
      if (!rule) continue;
      for (const c of rule.controls) {
        const cr = controlResults.get(c);
        if (cr && cr.evidence.length < MAX_EVIDENCE_PER_CONTROL) cr.evidence.push({ file: file.path, range: f.range, ruleId: f.ruleId, passed: false, message: f.message, level: f.level });
      }
    }
    // Several rules may prove the same control on the same line: one passing item is enough.
    const passSeen = new Set<string>();
    for (const p of file.passes) {
      const rule = getRule(p.ruleId);
      if (!rule || config.levelOf(rule.id) === 'off') continue;
      for (const c of rule.controls) {
        const cr = controlResults.get(c);
        const key = `${c}:${p.range.start.line}`;
        if (passSeen.has(key)) continue;
        passSeen.add(key);
        if (cr && cr.evidence.length < MAX_EVIDENCE_PER_CONTROL) cr.evidence.push({ file: file.path, range: p.range, ruleId: p.ruleId, passed: true, message: p.message });
      }
    }
  }

  for (const control of controls) {
    const cr = controlResults.get(control.id);
    if (!cr) continue;
    decide(cr, control, domainsPresent, workspace);
    cr.evidence.sort((a, b) => Number(a.passed) - Number(b.passed) || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  }

  const cats: CategoryResult[] = categories
    .map((cat) => {
      const list = controls.filter((c) => c.category === cat.id).map((c) => controlResults.get(c.id)).filter((c): c is ControlResult => !!c);
      return { id: cat.id, title: cat.title, status: aggregate(list.map((c) => c.status)), controls: list };
    })
    .filter((c) => c.controls.length > 0);

  const applicable = [...controlResults.values()].filter((c) => c.status !== 'not-applicable');
  const points = applicable.reduce((sum, c) => sum + (c.status === 'pass' ? 1 : c.status === 'partial' ? 0.5 : 0), 0);
  return {
    score: applicable.length ? Math.round((points / applicable.length) * 100) : null,
    applicable: applicable.length,
    passed: applicable.filter((c) => c.status === 'pass').length,
    categories: cats,
  };
}

function decide(cr: ControlResult, control: ControlDef, domainsPresent: Set<Domain>, workspace: WorkspaceEvidence[]): void {
  if (control.files || control.fileCheck) {
    const fails = cr.evidence.filter((e) => !e.passed).length;
    const passes = cr.evidence.length - fails;
    if (fails) {
      cr.status = passes ? 'partial' : 'fail';
      cr.reason = `${fails} problem(s) found.`;
    } else if (passes || control.fileCheck === 'env-files-ignored') {
      cr.status = 'pass';
      cr.reason = passes ? `${passes} file(s) found.` : 'No .env files in the workspace.';
    } else {
      const globs = [...new Set(workspace.flatMap((w) => w.globs[control.id] ?? []))];
      cr.status = 'needs-evidence';
      cr.reason = `Not found: ${control.files?.what ?? 'evidence'} (looked for ${globs.slice(0, 4).map((g) => '`' + g + '`').join(', ')}${globs.length > 4 ? ', …' : ''}); add one, or point \`controls.${control.id}.evidence\` in .readiness-lint.yaml at yours.`;
    }
    return;
  }
  if (!control.domains.some((d) => domainsPresent.has(d))) {
    cr.status = 'not-applicable';
    cr.reason = `No ${control.domains.join('/')} files in the workspace.`;
    return;
  }
  const fails = cr.evidence.filter((e) => !e.passed);
  const gating = fails.filter((e) => e.level === 'warn' || e.level === 'block');
  const passes = cr.evidence.filter((e) => e.passed);
  if (cr.rules.length === 0) {
    cr.status = 'needs-evidence';
    cr.reason = 'Every rule that evidences this control is turned off.';
  } else if (gating.length && passes.length) {
    cr.status = 'partial';
    cr.reason = `${gating.length} problem(s) and ${passes.length} passing item(s).`;
  } else if (gating.length) {
    cr.status = 'fail';
    cr.reason = `${gating.length} problem(s) found.`;
  } else if (fails.length) {
    cr.status = 'partial';
    cr.reason = `${fails.length} report-level finding(s), no warnings.`;
  } else {
    cr.status = 'pass';
    cr.reason = passes.length ? `${passes.length} passing item(s), no problems.` : `No problems found by ${cr.rules.length} rule(s).`;
  }
}

function aggregate(statuses: Status[]): Status {
  const applicable = statuses.filter((s) => s !== 'not-applicable');
  if (!applicable.length) return 'not-applicable';
  if (applicable.includes('fail')) return 'fail';
  if (applicable.every((s) => s === 'pass')) return 'pass';
  if (applicable.every((s) => s === 'needs-evidence')) return 'needs-evidence';
  return 'partial';
}

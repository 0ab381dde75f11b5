// Checklist evaluation: rule findings and pass evidence -> control and category statuses -> score.
import { categories, controls, type ControlDef } from '../../../rules/controls';
import { allRules, getRule } from '../../../rules/index';
import type { Domain, Range } from '../../../rules/types';
import { ENGINE_IDS, FILE_START } from './runner';
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

/** Evidence id of a file a control's rules checked without a finding (controls with `everyFile`). */
export const FILE_CHECKED_ID = 'readiness-lint/file-checked';

/** A control being evaluated: its result plus the true counts (the evidence list is capped). */
interface Tally {
  result: ControlResult;
  def: ControlDef;
  failing: number;
  /** Failing items at warn or block: they make the control fail; report-level ones only make it partial. */
  gating: number;
  passing: number;
}

/**
 * Build the checklist for a set of linted files (paths as they should appear in reports). Controls
 * evidenced by files are evaluated only when a workspace scan supplied `workspace` evidence.
 */
export function evaluateChecklist(results: FileResult[], config: ResolvedConfig, workspace: WorkspaceEvidence[] = []): Checklist {
  const domainsPresent = new Set<Domain>(results.map((r) => r.domain as Domain));
  const tallies = new Map<string, Tally>();
  const add = (t: Tally | undefined, item: EvidenceItem) => {
    if (!t) return;
    if (item.passed) t.passing++;
    else {
      t.failing++;
      if (item.level === 'warn' || item.level === 'block') t.gating++;
    }
    if (t.result.evidence.length < MAX_EVIDENCE_PER_CONTROL) t.result.evidence.push(item);
  };

  for (const control of controls) {
    if (config.controls[control.id]?.enabled === false) continue;
    const fileControl = !!(control.files || control.fileCheck);
    if (fileControl && !workspace.length) continue;
    // A control that no rule can evidence yet is not part of the checklist.
    if (!fileControl && !allRules.some((r) => r.controls.includes(control.id))) continue;
    const rules = fileControl ? [] : allRules.filter((r) => r.controls.includes(control.id) && config.levelOf(r.id) !== 'off').map((r) => r.id);
    const t: Tally = {
      result: { id: control.id, title: control.title, description: control.description, status: 'needs-evidence', reason: '', evidence: [], rules },
      def: control,
      failing: 0,
      gating: 0,
      passing: 0,
    };
    tallies.set(control.id, t);
    if (fileControl) {
      for (const w of workspace) {
        for (const e of w.items) {
          if (e.controlId === control.id) add(t, { file: e.file, range: e.range, ruleId: FILE_EVIDENCE_ID, passed: e.passed, message: e.message, level: e.passed ? undefined : 'warn' });
        }
      }
    }
  }

  for (const file of results) {
    const evidenced = new Set<string>();
    for (const f of file.findings) {
      if (f.ruleId === ENGINE_IDS.parseError && !file.checked) {
        for (const t of tallies.values()) {
          if (t.def.parseErrorsFail && t.def.domains.includes(file.domain as Domain)) add(t, { file: file.path, range: f.range, ruleId: f.ruleId, passed: false, message: `Does not parse: ${f.message}`, level: f.level });
        }
        continue;
      }
      for (const c of f.controls ?? getRule(f.ruleId)?.controls ?? []) {
        evidenced.add(c);
        add(tallies.get(c), { file: file.path, range: f.range, ruleId: f.ruleId, passed: false, message: f.message, level: f.level });
      }
    }
    // A file the rules did not run on (parse error, size cap, patch) is never passing evidence.
    if (!file.checked) continue;
    // Several rules may prove the same control on the same line: one passing item is enough.
    const passSeen = new Set<string>();
    for (const p of file.passes) {
      const rule = getRule(p.ruleId);
      if (!rule || config.levelOf(rule.id) === 'off') continue;
      for (const c of p.controls ?? rule.controls) {
        evidenced.add(c);
        const key = `${c}:${p.range.start.line}`;
        if (passSeen.has(key)) continue;
        passSeen.add(key);
        add(tallies.get(c), { file: file.path, range: p.range, ruleId: p.ruleId, passed: true, message: p.message });
      }
    }
    for (const t of tallies.values()) {
      if (!t.def.everyFile || evidenced.has(t.def.id) || !t.def.domains.includes(file.domain as Domain) || !t.result.rules.length) continue;
      add(t, { file: file.path, range: FILE_START, ruleId: FILE_CHECKED_ID, passed: true, message: `Checked by ${t.result.rules.length} rule(s): no problems` });
    }
  }

  for (const t of tallies.values()) {
    decide(t, domainsPresent, workspace);
    t.result.evidence.sort((a, b) => Number(a.passed) - Number(b.passed) || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  }

  const cats: CategoryResult[] = categories
    .map((cat) => {
      const list = controls.filter((c) => c.category === cat.id).map((c) => tallies.get(c.id)?.result).filter((c): c is ControlResult => !!c);
      return { id: cat.id, title: cat.title, status: aggregate(list.map((c) => c.status)), controls: list };
    })
    .filter((c) => c.controls.length > 0);

  const applicable = [...tallies.values()].map((t) => t.result).filter((c) => c.status !== 'not-applicable');
  const points = applicable.reduce((sum, c) => sum + (c.status === 'pass' ? 1 : c.status === 'partial' ? 0.5 : 0), 0);
  return {
    score: applicable.length ? Math.round((points / applicable.length) * 100) : null,
    applicable: applicable.length,
    passed: applicable.filter((c) => c.status === 'pass').length,
    categories: cats,
  };
}

/** "N problem(s)" as listed: every failing item counts, and a capped list says so. */
function counted(n: number, what: string, t: Tally): string {
  const capped = t.failing + t.passing > t.result.evidence.length ? ` (the first ${t.result.evidence.length} items are listed)` : '';
  return `${n} ${what}${capped}`;
}

function decide(t: Tally, domainsPresent: Set<Domain>, workspace: WorkspaceEvidence[]): void {
  const cr = t.result;
  const control = t.def;
  const { failing, gating, passing } = t;
  const informational = failing - gating;
  const ofThem = informational ? ` (${informational} of them informational)` : '';
  if (control.files || control.fileCheck) {
    if (failing) {
      cr.status = passing ? 'partial' : 'fail';
      cr.reason = counted(failing, passing ? `problem(s) and ${passing} file(s) found.` : 'problem(s) found.', t);
    } else if (passing) {
      cr.status = 'pass';
      cr.reason = counted(passing, 'file(s) found.', t);
    } else if (control.fileCheck === 'env-files-ignored') {
      cr.status = 'not-applicable';
      cr.reason = 'Nothing to check: no .env files in the workspace.';
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
  if (cr.rules.length === 0) {
    cr.status = 'needs-evidence';
    cr.reason = 'Every rule that evidences this control is turned off.';
  } else if (gating && passing) {
    cr.status = 'partial';
    cr.reason = counted(failing, `problem(s)${ofThem} and ${passing} passing item(s).`, t);
  } else if (gating) {
    cr.status = 'fail';
    cr.reason = counted(failing, `problem(s) found${ofThem}.`, t);
  } else if (failing) {
    cr.status = 'partial';
    cr.reason = counted(failing, `informational finding(s)${passing ? ` and ${passing} passing item(s)` : ''}, no warnings.`, t);
  } else if (passing) {
    cr.status = 'pass';
    cr.reason = counted(passing, 'passing item(s), no problems.', t);
  } else {
    // Positive evidence only: rules that found nothing to look at prove nothing.
    cr.status = 'not-applicable';
    cr.reason = `Nothing to check: no ${control.subject ?? 'files this control checks'} in the ${control.domains.join('/')} files.`;
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

// Applying fixes: one fix (verified), all fixes of a rule, or all fixes in a file, looping until
// nothing changes so that fix-all twice equals fix-all once.
import { applyTextEdits, comparePositions } from '../../../rules/text';
import type { Fix, FixType, Rule } from '../../../rules/types';
import { getRule } from '../../../rules/index';
import { lintText, ENGINE_IDS, type Finding, type LintOptions } from './runner';

const MAX_PASSES = 10;

/**
 * A fix is offered only when it is safe: the edits apply, the result still parses, the finding's
 * rule reports fewer findings afterwards, and no other rule reports more.
 */
export function verifyFix(opts: LintOptions, finding: Finding, fix: Fix): boolean {
  let fixed: string;
  try {
    fixed = applyTextEdits(opts.text, fix.edits);
  } catch {
    return false;
  }
  if (fixed === opts.text) return false;
  const before = lintBefore(opts);
  const after = lintText({ ...opts, text: fixed });
  if (!before || !after) return false;
  if (newSyntaxErrors(before.findings, after.findings)) return false;
  const count = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id).length;
  if (finding.ruleId !== ENGINE_IDS.unusedDisable && count(after.findings, finding.ruleId) >= count(before.findings, finding.ruleId)) return false;
  const ids = new Set(after.findings.map((f) => f.ruleId));
  for (const id of ids) {
    if (id === finding.ruleId) continue;
    if (count(after.findings, id) <= count(before.findings, id)) continue;
    // Fixing a blocking finding (helmet would throw at startup) may reveal lesser findings the
    // broken code hid (`maxage: 1234` -> `maxAge: 1234` is then too short): still progress.
    if (finding.level === 'block' && after.findings.every((f) => f.ruleId !== id || f.level !== 'block')) continue;
    return false;
  }
  return true;
}

/**
 * Did the edit break the file? A parse error where there was none, or (JS/TS, whose recovered syntax
 * errors are reported while rules run) a different first error or count than before.
 */
function newSyntaxErrors(before: Finding[], after: Finding[]): boolean {
  const message = (fs: Finding[]) => fs.find((f) => f.ruleId === ENGINE_IDS.parseError)?.message;
  const a = message(after);
  return a !== undefined && a !== message(before);
}

/**
 * Which findings of one file have a safe fix? Each rule's fixes are checked together with one
 * re-lint (the common case: they all apply cleanly); a rule whose batch fails is checked fix by fix.
 */
export function verifiedFixes(opts: LintOptions, findings: Finding[]): Set<Finding> {
  const ok = new Set<Finding>();
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) if (f.fix && f.ruleId !== ENGINE_IDS.unusedDisable) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  const before = lintBefore(opts);
  if (!before) return ok;
  const count = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id).length;
  // Common case first: every fix of every rule applies together and each rule loses exactly its
  // fixed findings. One re-lint for the whole file.
  const all = [...byRule.values()].flat();
  const allTaken: Finding[] = [];
  for (const f of all) if (!overlapsAny(f.fix!, allTaken.map((t) => t.fix!))) allTaken.push(f);
  if (all.length > 1 && allTaken.length === all.length) {
    try {
      const fixed = applyTextEdits(opts.text, all.flatMap((f) => f.fix!.edits));
      const after = fixed === opts.text ? null : lintText({ ...opts, text: fixed });
      const ids = new Set([...before.findings, ...(after?.findings ?? [])].map((f) => f.ruleId));
      const good =
        !!after &&
        !newSyntaxErrors(before.findings, after.findings) &&
        [...ids].every((id) => count(after.findings, id) <= count(before.findings, id) - (byRule.get(id)?.length ?? 0));
      if (good) {
        all.forEach((f) => ok.add(f));
        return ok;
      }
    } catch {
      // fall through to the per-rule check
    }
  }
  for (const [ruleId, group] of byRule) {
    const taken: Finding[] = [];
    for (const f of group) if (!overlapsAny(f.fix!, taken.map((t) => t.fix!))) taken.push(f);
    let batchOk = taken.length === group.length;
    if (batchOk) {
      try {
        const fixed = applyTextEdits(opts.text, taken.flatMap((f) => f.fix!.edits));
        const after = fixed === opts.text ? null : lintText({ ...opts, text: fixed });
        batchOk =
          !!after &&
          !newSyntaxErrors(before.findings, after.findings) &&
          count(after.findings, ruleId) <= count(before.findings, ruleId) - taken.length &&
          [...new Set(after.findings.map((f) => f.ruleId))].every((id) => id === ruleId || count(after.findings, id) <= count(before.findings, id));
      } catch {
        batchOk = false;
      }
    }
    if (batchOk) taken.forEach((f) => ok.add(f));
    else for (const f of group) if (verifyFix(opts, f, f.fix!)) ok.add(f);
  }
  return ok;
}

// Verifying every fix of a file re-lints the same unchanged text each time: remember the last one.
let lastBefore: { opts: LintOptions; result: ReturnType<typeof lintText> } | undefined;
function lintBefore(opts: LintOptions): ReturnType<typeof lintText> {
  const l = lastBefore?.opts;
  if (l && l.text === opts.text && l.path === opts.path && l.config === opts.config && l.onlyRules === opts.onlyRules && l.languageId === opts.languageId) {
    return lastBefore!.result;
  }
  const result = lintText(opts);
  lastBefore = { opts, result };
  return result;
}

export interface FixAllResult {
  text: string;
  /** Number of fixes applied. */
  applied: number;
  passes: number;
}

/** Which fixes an unattended fix-all applies: `--fix` and fix on save take the safe ones only. */
export interface FixAllScope {
  /** Only this rule's fixes, of every type: the user asked for that rule by name. */
  ruleId?: string;
  /** Without a rule: the fix types to apply (default: safe only). */
  types?: readonly FixType[];
}

/** The type of a finding's fix; engine fixes (removing an unused suppression) are safe. */
export function fixTypeOf(ruleId: string): FixType {
  return getRule(ruleId)?.fixType ?? 'safe';
}

/**
 * A quick fix's title as the editor shows it: a fix or suggestion of a hardening rule says what
 * changes for what runs, so nobody applies it thinking it is cosmetic.
 */
export function fixTitle(ruleId: string, fix: Fix): string {
  const rule = getRule(ruleId);
  return rule?.fixType === 'hardening' && rule.fixConsequence ? `${fix.title} (changes what runs: ${rule.fixConsequence})` : fix.title;
}

/**
 * Apply every verified fix in scope. Each pass applies the fixes that do not overlap, then
 * re-lints; stops when no fix applies.
 */
export function fixAll(opts: LintOptions, scope: FixAllScope = {}): FixAllResult {
  const onlyRuleId = scope.ruleId;
  const types = scope.types ?? ['safe'];
  const inScope = (ruleId: string) => (onlyRuleId ? ruleId === onlyRuleId : types.includes(fixTypeOf(ruleId)));
  let text = opts.text;
  let applied = 0;
  let passes = 0;
  for (; passes < MAX_PASSES; passes++) {
    const current = { ...opts, text };
    const result = lintText(current);
    if (!result) break;
    const candidates = result.findings.filter((f) => f.fix && inScope(f.ruleId) && f.ruleId !== ENGINE_IDS.unusedDisable);
    let changed = false;
    // Apply one rule's fixes at a time so that every applied fix was verified on the same text.
    const taken: Fix[] = [];
    for (const f of candidates) {
      if (!verifyFix(current, f, f.fix!)) continue;
      if (overlapsAny(f.fix!, taken)) continue;
      taken.push(f.fix!);
    }
    if (taken.length) {
      try {
        const next = applyTextEdits(text, taken.flatMap((f) => f.edits));
        if (next !== text && !(lintText({ ...opts, text: next })?.findings.some((f) => f.ruleId === ENGINE_IDS.parseError))) {
          text = next;
          applied += taken.length;
          changed = true;
        }
      } catch {
        // Overlap between fixes of different findings: fall back to one fix per pass.
        text = applyTextEdits(text, taken[0].edits);
        applied++;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { text, applied, passes };
}

function overlapsAny(fix: Fix, taken: Fix[]): boolean {
  // Two edits conflict when their ranges intersect, or when both start at the same point (the
  // order of two insertions there would be ambiguous).
  for (const t of taken) {
    for (const a of fix.edits) {
      for (const b of t.edits) {
        if (comparePositions(a.range.start, b.range.start) === 0) return true;
        if (comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0) return true;
      }
    }
  }
  return false;
}

export function ruleOf(id: string): Rule | undefined {
  return getRule(id);
}

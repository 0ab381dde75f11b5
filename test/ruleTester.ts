// RuleTester: ESLint-style `valid` / `invalid` cases for one rule, run through the real engine
// (parse, suppressions, fix verification, fix-all loop).
import assert from 'node:assert/strict';
import type { Rule } from '../rules/types';
import { controlById } from '../rules/controls';
import { lintText, languageFor, staticWorkspace, ENGINE_IDS, type Finding } from '../server/src/engine/runner';
import type { WorkspaceView } from '../rules/types';
import { fixAll } from '../server/src/engine/fix';
import { resolveConfig } from '../server/src/engine/config';
import { applyTextEdits } from '../rules/text';

export interface ValidCase {
  code: string;
  filename?: string;
  options?: Record<string, unknown>;
  name?: string;
  /** Other files of the workspace (for rules with `needsWorkspace`). */
  workspace?: { path: string; code: string }[];
}

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
  /** The level the finding is shown at (the rule's level, or warn when a report finding escalates). */
  level?: 'report' | 'warn' | 'block';
  /** The checklist controls the finding evidences (the rule's own, or the subset it names). */
  controls?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** Text after fix-all of this rule. Required when any finding carries a fix; `null`: no fix. */
  output?: string | null;
  /** Expected suggestions of the first finding: title pattern and the text after applying it. */
  suggestions?: { title: string | RegExp; output: string }[];
}

const DEFAULT_FILENAME: Record<string, string> = { docker: 'Dockerfile', k8s: 'manifest.yaml', nginx: 'nginx.conf', helmet: 'app.js' };

/** The case's other files as a workspace view (always present for workspace rules). */
export function workspaceOf(rule: Rule, c: ValidCase): WorkspaceView | undefined {
  if (!rule.needsWorkspace && !c.workspace) return undefined;
  return staticWorkspace(
    (c.workspace ?? []).map((f) => {
      const language = languageFor(f.path, undefined, f.code);
      assert.ok(language, `workspace file ${f.path} belongs to no domain`);
      const parsed = language.parse(f.code, f.path);
      return { domain: language.domain, path: f.path, items: language.indexItems?.(parsed.model, f.path) ?? [] };
    }),
  );
}

function run(rule: Rule, c: ValidCase): Finding[] {
  const config = resolveConfig({ rules: c.options ? { [rule.id]: { options: c.options } } : {} });
  const result = lintText({ path: c.filename ?? DEFAULT_FILENAME[rule.domain], text: c.code, config, onlyRules: [rule], workspace: workspaceOf(rule, c) });
  assert.ok(result, `file name ${c.filename} is not recognised for domain ${rule.domain}`);
  const broken = result.findings.filter((f) => f.ruleId === ENGINE_IDS.internalError || f.ruleId === ENGINE_IDS.parseError);
  assert.deepEqual(broken, [], 'the rule crashed or the case does not parse');
  return result.findings.filter((f) => f.ruleId === rule.id);
}

function label(c: ValidCase): string {
  return c.name ?? c.code.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ⏎ ').slice(0, 90);
}

export function ruleTester(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it('has complete metadata', () => {
      assert.ok(rule.title.length > 5, 'title');
      for (const k of ['rationale', 'howToFix', 'whenNotToUse'] as const) assert.ok(rule.docs[k].length > 20, `docs.${k} is too short`);
      for (const c of rule.controls) assert.ok(controlById.has(c), `unknown control ${c}`);
      assert.ok(rule.controls.length > 0, 'a rule evidences at least one control');
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'needs valid and invalid cases');
      if (rule.fixable) assert.ok(cases.invalid.some((c) => typeof c.output === 'string'), 'a fixable rule needs a case with output');
    });
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid: ${label(c)}`, () => {
        const found = run(rule, c);
        assert.deepEqual(found.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, () => {
        const found = run(rule, c);
        const actual = found.map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, message: f.message }));
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} finding(s), got ${JSON.stringify(actual)}`);
        c.errors.forEach((e, i) => {
          const f = found[i];
          assert.equal(f.range.start.line + 1, e.line, `finding ${i} line (${f.message})`);
          assert.equal(f.range.start.character + 1, e.column, `finding ${i} column (${f.message})`);
          if (e.endLine !== undefined) assert.equal(f.range.end.line + 1, e.endLine, `finding ${i} endLine`);
          if (e.endColumn !== undefined) assert.equal(f.range.end.character + 1, e.endColumn, `finding ${i} endColumn`);
          if (e.message instanceof RegExp) assert.match(f.message, e.message);
          else if (typeof e.message === 'string') assert.equal(f.message, e.message);
          if (e.level !== undefined) assert.equal(f.level, e.level, `finding ${i} level`);
          if (e.controls !== undefined) assert.deepEqual(f.controls, e.controls, `finding ${i} controls`);
        });
        const hasFix = found.some((f) => f.fix);
        if (hasFix && c.output === undefined) assert.fail('findings carry a fix: give `output` (or null if the fix must not apply)');
        if (c.output !== undefined) {
          const config = resolveConfig({ rules: c.options ? { [rule.id]: { options: c.options } } : {} });
          const opts = { path: c.filename ?? DEFAULT_FILENAME[rule.domain], text: c.code, config, onlyRules: [rule], workspace: workspaceOf(rule, c) };
          const fixed = fixAll(opts, { ruleId: rule.id }).text;
          assert.equal(fixed, c.output ?? c.code, 'text after fix-all');
          if (c.output !== null) {
            assert.equal(fixAll({ ...opts, text: fixed }, { ruleId: rule.id }).text, fixed, 'fix-all is idempotent');
            assert.ok(run(rule, { ...c, code: fixed }).length < found.length, 'the fix removes findings');
          }
        }
        if (c.suggestions) {
          const sugg = found[0].suggestions ?? [];
          assert.equal(sugg.length, c.suggestions.length, 'number of suggestions');
          c.suggestions.forEach((s, i) => {
            if (s.title instanceof RegExp) assert.match(sugg[i].title, s.title);
            else assert.equal(sugg[i].title, s.title);
            assert.equal(applyTextEdits(c.code, sugg[i].edits), s.output, `text after suggestion ${i}`);
          });
        }
      });
    }
  });
}

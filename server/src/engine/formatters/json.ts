// `--format json`: the contract in docs/cli-contract.md. Keys and shapes are fixed.
import { fixTypeOf } from '../fix';
import { relativePath, type Report } from '../report';

export function formatJson(report: Report): string {
  const findings = report.results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      level: f.level,
      message: f.message,
      file: relativePath(report, r.path),
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      fixable: !!f.fix && report.isFixable(r, f),
      fixType: f.fix && report.isFixable(r, f) ? fixTypeOf(f.ruleId) : null,
    })),
  );
  const checklist = {
    score: report.checklist.score,
    categories: report.checklist.categories.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      controls: c.controls.map((k) => ({
        id: k.id,
        title: k.title,
        status: k.status,
        evidence: k.evidence.map((e) => ({ file: relativePath(report, e.file), line: e.range.start.line + 1, ruleId: e.ruleId, passed: e.passed, message: e.message })),
      })),
    })),
  };
  return JSON.stringify({ version: 1, findings, checklist }, null, 2) + '\n';
}

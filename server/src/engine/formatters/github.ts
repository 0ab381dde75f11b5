// `--format github`: GitHub Actions workflow commands, one annotation per finding.
import { relativePath, type Report } from '../report';
import { isNote, plainMessage } from '../runner';

const COMMAND = { block: 'error', warn: 'warning', report: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: Report): string {
  const out: string[] = [];
  for (const r of report.results) {
    const file = relativePath(report, r.path);
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(f.ruleId)}`,
      ];
      out.push(`::${isNote(f) ? 'notice' : COMMAND[f.level]} ${props.join(',')}::${escapeData(plainMessage(f.message))}`);
    }
  }
  const score = report.checklist.score;
  out.push(`::notice title=Readiness score::${score === null ? 'n/a' : score + '%'} (${report.checklist.passed} of ${report.checklist.applicable} applicable controls pass)`);
  return out.join('\n') + '\n';
}

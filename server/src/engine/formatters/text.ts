// `--format text` (default): ESLint-like problems per file, then the readiness checklist.
import { countFindings, relativePath, type Report } from '../report';
import { isNote } from '../runner';
import type { Status } from '../checklist';

const LEVEL_WORD = { block: 'error', warn: 'warning', report: 'info' } as const;
export const STATUS_MARK: Record<Status, string> = { pass: '✔', fail: '✖', partial: '◐', 'not-applicable': '–', 'needs-evidence': '?' };

export function formatText(report: Report, opts: { color?: boolean; checklist?: boolean } = {}): string {
  const c = opts.color ? colors : plain;
  const out: string[] = [];
  for (const r of report.results) {
    if (!r.findings.length) continue;
    out.push(c.underline(relativePath(report, r.path)));
    const rows = r.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, isNote(f) ? 'note' : LEVEL_WORD[f.level], f.message, f.ruleId]);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, lvl, msg, id] of rows) {
      const colored = lvl === 'error' ? c.red(lvl.padEnd(w1)) : lvl === 'warning' ? c.yellow(lvl.padEnd(w1)) : c.dim(lvl.padEnd(w1));
      out.push(`  ${c.dim(pos.padStart(w0))}  ${colored}  ${msg}  ${c.dim(id)}`);
    }
    out.push('');
  }
  const counts = countFindings(report);
  const total = counts.block + counts.warn + counts.report;
  if (total) {
    out.push(`${counts.block ? c.red('✖') : '⚠'} ${total} problem${total === 1 ? '' : 's'} (${counts.block} error${counts.block === 1 ? '' : 's'}, ${counts.warn} warning${counts.warn === 1 ? '' : 's'}, ${counts.report} info)`);
    if (counts.fixable) out.push(`  ${counts.fixable} fixable with the \`--fix\` option (nothing that runs changes).`);
    if (counts.fixableHardening) out.push(`  ${counts.fixableHardening} ${counts.fixable ? 'more ' : ''}fixable with \`--fix-type hardening\` (changes what runs: review the diff).`);
  } else {
    out.push(c.green(`✔ No problems in ${report.results.length} file${report.results.length === 1 ? '' : 's'}.`));
  }
  if (counts.notes) out.push(c.dim(`  ${counts.notes} note${counts.notes === 1 ? '' : 's'} (files not checked on their own, such as Kustomize patches): not problems.`));
  if (opts.checklist !== false) {
    out.push('', formatChecklistText(report, c));
  }
  return out.join('\n') + '\n';
}

function formatChecklistText(report: Report, c: typeof plain): string {
  const cl = report.checklist;
  const out: string[] = [];
  const score = cl.score === null ? 'n/a (no applicable controls)' : `${cl.score}%`;
  out.push(c.bold(`Readiness checklist: ${score}`) + c.dim(` (${cl.passed} of ${cl.applicable} applicable controls pass; not-applicable controls are not counted)`));
  for (const cat of cl.categories) {
    out.push('', `${paint(c, cat.status, STATUS_MARK[cat.status])} ${c.bold(cat.title)} ${c.dim(cat.status)}`);
    for (const k of cat.controls) {
      out.push(`  ${paint(c, k.status, STATUS_MARK[k.status])} ${k.title} ${c.dim(`(${k.status}: ${k.reason})`)}`);
      const shown = [...k.evidence.filter((e) => !e.passed).slice(0, 5), ...k.evidence.filter((e) => e.passed).slice(0, 3)];
      for (const e of shown) {
        out.push(`      ${e.passed ? c.green('✔') : c.red('✖')} ${relativePath(report, e.file)}:${e.range.start.line + 1} ${c.dim(e.message)}`);
      }
      const hidden = k.evidence.length - shown.length;
      if (hidden > 0) out.push(c.dim(`      … ${hidden} more`));
    }
  }
  return out.join('\n');
}

function paint(c: typeof plain, status: Status, s: string): string {
  return status === 'pass' ? c.green(s) : status === 'fail' ? c.red(s) : status === 'partial' ? c.yellow(s) : c.dim(s);
}

const id = (s: string) => s;
const plain = { red: id, yellow: id, green: id, dim: id, bold: id, underline: id };
const esc = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const colors = { red: esc('31'), yellow: esc('33'), green: esc('32'), dim: esc('2'), bold: esc('1'), underline: esc('4') };

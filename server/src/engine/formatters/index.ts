import type { Report } from '../report';
import { formatJson } from './json';
import { formatText } from './text';
import { formatSarif } from './sarif';
import { formatMarkdown } from './markdown';
import { formatGithub } from './github';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export function format(report: Report, fmt: Format, opts: { color?: boolean } = {}): string {
  switch (fmt) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'markdown':
      return formatMarkdown(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatText(report, opts);
  }
}

// nginx in the editor, without vscode imports (unit-tested directly): the file patterns the client
// selects and watches, and folding by braces (a language configuration can only fold by indentation
// or markers; nginx blocks fold by "{ ... }" whatever their indentation).
import { parseNginx, walkDirectives } from '../../rules/nginx/parser';
import { LineIndex } from '../../rules/text';

/**
 * nginx config files by path, as package.json's `filenames`/`extensions`/`filenamePatterns` and the
 * server's nginx language (rules/nginx/language.ts) recognise them. Never every `.conf`.
 */
export const NGINX_GLOBS = [
  '**/nginx.conf',
  '**/*.nginx',
  '**/nginx/**/*.conf',
  '**/conf.d/*.conf',
  '**/sites-available/*',
  '**/sites-enabled/*',
  '**/nginx/**/*.conf.template',
  '**/nginx.conf.template',
];

/** Language ids nginx documents have: ours, and the one other nginx extensions use. */
export const NGINX_LANGUAGE_IDS = ['nginx', 'NGINX'];

export interface FoldRange {
  start: number;
  end: number;
  kind?: 'comment';
}

/**
 * One range per block (from the line of its "{" to the line before its "}", so the closing brace
 * stays visible) and per run of two or more comment lines. Unclosed blocks fold to the end.
 */
export function nginxFoldingRanges(text: string): FoldRange[] {
  const out: FoldRange[] = [];
  const index = new LineIndex(text);
  const { directives, comments } = parseNginx(text);
  for (const d of walkDirectives(directives)) {
    if (d.blockOpen === undefined || d.blockClose === undefined) continue;
    const start = index.positionAt(d.blockOpen).line;
    const close = index.positionAt(d.blockClose);
    // A "}" that starts its line stays visible; one after other text ends the fold on its line.
    const closeAtLineStart = /^\s*$/.test(text.slice(index.lineStart(close.line), d.blockClose));
    const end = d.blockClose >= text.length ? index.lineCount - 1 : closeAtLineStart ? close.line - 1 : close.line;
    if (end > start) out.push({ start, end });
  }
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ start: runStart, end: runEnd, kind: 'comment' });
  };
  for (const c of comments) {
    const line = index.positionAt(c.start).line;
    // Only comments alone on their line form a foldable run.
    if (!/^\s*$/.test(text.slice(index.lineStart(line), c.start))) continue;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      flush();
      runStart = runEnd = line;
    }
  }
  flush();
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

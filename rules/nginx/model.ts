// Questions rules ask of an nginx config: which blocks are servers, which serve TLS, what value a
// directive has at a point after nginx's inheritance, plus the text edits fixes are made of.
import type { TextEdit } from '../types';
import type { NginxDirective } from './parser';
import { allDirectives, type NginxModel } from './language';

/** Children of `block`, or the file's top level for null. */
export function childrenOf(model: NginxModel, block: NginxDirective | null): NginxDirective[] {
  return block ? block.block ?? [] : model.directives;
}

export function directivesNamed(model: NginxModel, name: string | RegExp): NginxDirective[] {
  return allDirectives(model).filter((d) => (typeof name === 'string' ? d.name === name : name.test(d.name)));
}

/** Enclosing blocks from the innermost outwards. */
export function ancestors(d: NginxDirective): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (let p = d.parent; p; p = p.parent) out.push(p);
  return out;
}

export function enclosing(d: NginxDirective, name: string): NginxDirective | null {
  for (let p = d.parent; p; p = p.parent) if (p.name === name) return p;
  return null;
}

/** http `server` blocks (not upstream `server` lines, not stream/mail servers). */
export function httpServers(model: NginxModel): NginxDirective[] {
  return allDirectives(model).filter((d) => d.name === 'server' && d.block && !enclosing(d, 'stream') && !enclosing(d, 'mail') && !enclosing(d, 'upstream'));
}

/** `listen` arguments that make a server accept TLS (`ssl`, `quic`, or port 443 without `ssl` elsewhere). */
export function isTlsListen(d: NginxDirective): boolean {
  if (d.name !== 'listen') return false;
  const vals = d.args.map((a) => a.value);
  return vals.includes('ssl') || vals.includes('quic') || /(^|:)443$/.test(vals[0] ?? '');
}

/** Does this server terminate TLS (and is not a handshake-rejecting catch-all)? */
export function isTlsServer(server: NginxDirective): boolean {
  const kids = server.block ?? [];
  if (kids.some((k) => k.name === 'ssl_reject_handshake' && k.args[0]?.value === 'on')) return false;
  return kids.some(isTlsListen) || kids.some((k) => k.name === 'ssl' && k.args[0]?.value === 'on');
}

/**
 * The directive that applies at `block` for a directive nginx inherits from outer levels (the
 * nearest one in the block or its ancestors), or null when only the default applies.
 */
export function inherited(block: NginxDirective | null, name: string, model: NginxModel): NginxDirective | null {
  for (let b = block; b; b = b.parent) {
    const hit = [...(b.block ?? [])].reverse().find((d) => d.name === name);
    if (hit) return hit;
  }
  return [...model.directives].reverse().find((d) => d.name === name) ?? null;
}

/** Is the value a literal (no variables)? */
export const isLiteral = (s: string) => !s.includes('$');

/** Indentation unit of the file (the first indented line's leading whitespace), default 4 spaces. */
export function indentUnit(model: NginxModel): string {
  const m = /\n([ \t]+)\S/.exec(model.text);
  return m ? m[1] : '    ';
}

function lineIndentAt(model: NginxModel, offset: number): string {
  const line = model.index.positionAt(offset).line;
  return /^[ \t]*/.exec(model.index.lineText(line))![0];
}

/** Indentation of the children of `block` (from its first child, else the block's own + one unit). */
export function childIndent(model: NginxModel, block: NginxDirective | null): string {
  const kids = childrenOf(model, block);
  const own = block ? lineIndentAt(model, block.start) + indentUnit(model) : '';
  // A first child on the block's own line (`server { listen 80; }`) says nothing about indentation.
  if (kids.length && !(block && model.index.positionAt(kids[0].start).line === model.index.positionAt(block.start).line)) return lineIndentAt(model, kids[0].start);
  return own;
}

/**
 * Insert whole directive lines at the start (after leading comments are not skipped) or the end of
 * a block, or after a given directive, indented like their siblings.
 */
export function insertLines(model: NginxModel, block: NginxDirective | null, lines: string[], where: 'start' | 'end' | NginxDirective = 'end'): TextEdit {
  const eol = model.index.eol;
  const indent = typeof where === 'object' ? lineIndentAt(model, where.start) : childIndent(model, block);
  const body = lines.map((l) => indent + l).join(eol);
  if (typeof where === 'object') {
    const at = model.index.lineEnd(model.index.positionAt(where.end).line);
    const p = model.index.positionAt(at);
    return { range: { start: p, end: p }, newText: eol + body };
  }
  if (!block) {
    if (where === 'start') return { range: model.index.range(0, 0), newText: body + eol };
    const t = model.text;
    const needsEol = t.length > 0 && !t.endsWith('\n');
    const p = model.index.positionAt(t.length);
    return { range: { start: p, end: p }, newText: (needsEol ? eol : '') + body + eol };
  }
  const open = block.blockOpen!;
  const close = block.blockClose!;
  if (where === 'start') {
    const p = model.index.positionAt(open + 1);
    return { range: { start: p, end: p }, newText: eol + body };
  }
  // Before the closing brace: after the last non-blank content of the block.
  let at = close;
  while (at > open + 1 && /[ \t\r\n]/.test(model.text[at - 1])) at--;
  const closeLine = model.index.positionAt(close).line;
  const atLine = model.index.positionAt(at).line;
  const p = model.index.positionAt(at);
  if (closeLine === atLine) {
    // `server { listen 80; }` on one line: break it open.
    const outer = lineIndentAt(model, block.start);
    return { range: { start: p, end: model.index.positionAt(close) }, newText: eol + body + eol + outer };
  }
  return { range: { start: p, end: p }, newText: eol + body };
}

/** Delete a directive together with its line when it is alone on it. */
export function deleteDirective(model: NginxModel, d: NginxDirective): TextEdit {
  const startLine = model.index.positionAt(d.start).line;
  const endLine = model.index.positionAt(d.end).line;
  const before = model.text.slice(model.index.lineStart(startLine), d.start);
  const after = model.text.slice(d.end, model.index.lineEnd(endLine));
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) {
    const end = endLine + 1 < model.index.lineCount ? model.index.lineStart(endLine + 1) : model.index.lineEnd(endLine);
    const start = endLine + 1 < model.index.lineCount || startLine === 0 ? model.index.lineStart(startLine) : model.index.lineEnd(startLine - 1);
    return { range: model.index.range(start, end), newText: '' };
  }
  return { range: model.index.range(d.start, d.end), newText: '' };
}

/** Replace one argument's source text. */
export function replaceArg(model: NginxModel, d: NginxDirective, i: number, raw: string): TextEdit {
  const a = d.args[i];
  return { range: model.index.range(a.start, a.end), newText: raw };
}

/** Replace all arguments of a simple directive (keeps the name and the `;`). */
export function replaceArgs(model: NginxModel, d: NginxDirective, raw: string): TextEdit {
  if (!d.args.length) return { range: model.index.range(d.nameEnd, d.nameEnd), newText: ' ' + raw };
  return { range: model.index.range(d.args[0].start, d.args[d.args.length - 1].end), newText: raw };
}

/** Quote a value for nginx when it needs quoting. */
export function quoteValue(v: string): string {
  return /^[^\s;{}"'#\\]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

export { allDirectives };

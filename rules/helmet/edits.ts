// Text edits on JS/TS source that keep the file's own style (quotes, semicolons, ESM or CommonJS,
// indentation). Every fix of the helmet domain is built from these, and the robustness suite
// re-parses the result to prove no fix introduces a syntax error.
import type * as TS from 'typescript';
import type { TextEdit } from '../types';
import type { HelmetModel } from './analyze';
import { typescript } from './ts';

export function replaceNode(model: HelmetModel, node: TS.Node, newText: string): TextEdit {
  return { range: model.index.range(node.getStart(model.sf), node.getEnd()), newText };
}

/** A string literal in the file's quote style. */
export function quoted(model: HelmetModel, s: string): string {
  // "'self'" reads better than '\'self\'': switch quotes when only the file's own quote occurs.
  const other = model.style.quote === "'" ? '"' : "'";
  const q = s.includes(model.style.quote) && !s.includes(other) ? other : model.style.quote;
  return q + s.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), '\\' + q) + q;
}

/** `;` when the file ends statements with semicolons. */
export function semi(model: HelmetModel): string {
  return model.style.semicolons ? ';' : '';
}

/** The indentation of the line a node starts on. */
export function indentOf(model: HelmetModel, node: TS.Node): string {
  const line = model.index.positionAt(node.getStart(model.sf)).line;
  return /^[ \t]*/.exec(model.index.lineText(line))![0];
}

/** New lines right after a statement (and after a comment that ends its line), at its indentation. */
export function insertAfterStatement(model: HelmetModel, statement: TS.Node, lines: string[]): TextEdit {
  const end = statement.getEnd();
  // `const app = express(); // the app`: the comment stays with its statement.
  const trailing = /^[ \t]*(\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/[ \t]*)(?=\r?\n|$)/.exec(model.text.slice(end));
  const pos = model.index.positionAt(end + (trailing ? trailing[0].length : 0));
  const indent = indentOf(model, statement);
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: pos, end: pos }, newText: lines.map((l) => eol + indent + l).join('') };
}

/** New lines right before a statement, at its indentation. */
export function insertBeforeStatement(model: HelmetModel, statement: TS.Node, lines: string[]): TextEdit {
  const start = statement.getStart(model.sf);
  const pos = model.index.positionAt(start);
  const indent = indentOf(model, statement);
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: pos, end: pos }, newText: lines.map((l, i) => (i === 0 ? '' : indent) + l + eol).join('') + indent };
}

/**
 * `import helmet from 'helmet'` (or `const helmet = require('helmet')`) after the file's last
 * top-level import, or at the top after a shebang, 'use strict' and header comments.
 * Returns null when `local` is already bound (the fix would shadow or clash).
 */
export function addDefaultImport(model: HelmetModel, module: string, local: string): TextEdit | null {
  const ts = typescript();
  if (model.imports.some((i) => i.local === local)) return null;
  const line = model.style.esm ? `import ${local} from ${quoted(model, module)}${semi(model)}` : `const ${local} = require(${quoted(model, module)})${semi(model)}`;
  const tops = model.sf.statements;
  let last: TS.Statement | undefined;
  for (const s of tops) {
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s)) last = s;
    else if (ts.isVariableStatement(s) && s.declarationList.declarations.every((d) => d.initializer && /^\s*(await\s+)?require\s*\(/.test(d.initializer.getText(model.sf)))) last = s;
    else if (last || !isPrologue(s)) break;
  }
  const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
  if (last) {
    const pos = model.index.positionAt(last.getEnd());
    return { range: { start: pos, end: pos }, newText: eol + line };
  }
  // Before the first statement (after 'use strict' and a shebang).
  const first = tops.find((s) => !isPrologue(s));
  const at = first ? first.getStart(model.sf) : model.text.length;
  const pos = model.index.positionAt(at);
  return { range: { start: pos, end: pos }, newText: line + eol + (first ? eol : '') };
}

function isPrologue(s: TS.Statement): boolean {
  const ts = typescript();
  return ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
}

/** Remove one property of an object literal with its comma, and its line when it stood alone. */
export function deleteProperty(model: HelmetModel, property: TS.ObjectLiteralElementLike): TextEdit {
  const ts = typescript();
  const obj = property.parent as TS.ObjectLiteralExpression;
  const props = obj.properties;
  const i = props.indexOf(property);
  const text = model.text;
  let start = property.getStart(model.sf);
  let end = property.getEnd();
  // Take the comma after it and the blanks that followed the comma (or, for the last property, the comma before it).
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  if (after && i < props.length - 1) end += after[0].length;
  else if (after) end += after[0].length;
  else if (i > 0) {
    const prevEnd = props[i - 1].getEnd();
    const between = text.slice(prevEnd, start);
    const comma = between.indexOf(',');
    if (comma >= 0) start = prevEnd + comma;
  }
  // Whole-line removal when the property had its own line(s).
  const lineStart = text.lastIndexOf('\n', property.getStart(model.sf) - 1) + 1;
  const before = text.slice(lineStart, property.getStart(model.sf));
  const restOfLine = /^[ \t]*(\/\/[^\n]*)?\r?\n/.exec(text.slice(end));
  if (/^[ \t]*$/.test(before) && restOfLine && !restOfLine[1] && start >= lineStart) {
    start = lineStart;
    end += restOfLine[0].length;
  } else if (ts.isObjectLiteralExpression(obj) && props.length === 1) {
    // `{ a: 1 }` -> `{}`
    start = obj.getStart(model.sf) + 1;
    end = obj.getEnd() - 1;
  }
  return { range: model.index.range(start, end), newText: '' };
}

/** Is `name` free to introduce: no identifier of that name anywhere in the file (a conservative test). */
export function isNameFree(model: HelmetModel, name: string): boolean {
  const ts = typescript();
  if (!new RegExp(`\\b${name}\\b`).test(model.text)) return true;
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(model.sf);
  return !found;
}

/** Is the file TypeScript (where `process.env.X` needs `as string` to stand for a `string`)? */
export function isTypeScript(model: HelmetModel): boolean {
  return /\.[cm]?tsx?$/i.test(model.path);
}

/** Is this node inside an async function (where `await` may be written)? */
export function inAsyncFunction(node: TS.Node): boolean {
  const ts = typescript();
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isFunctionLike(p)) return ts.canHaveModifiers(p) && !!ts.getModifiers(p)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
    if (ts.isClassStaticBlockDeclaration(p)) return false;
  }
  return false;
}

/** Add a property (`key: value` as text) at the end of an object literal, in its layout (one line or one per line). */
export function addProperty(model: HelmetModel, obj: TS.ObjectLiteralExpression, property: string): TextEdit[] {
  const text = model.text;
  const sf = model.sf;
  const open = obj.getStart(sf);
  const close = obj.getEnd() - 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const props = obj.properties;
  const at = (pos: number, newText: string): TextEdit => ({ range: model.index.range(pos, pos), newText });
  if (!props.length) {
    const inner = text.slice(open + 1, close);
    if (!inner.includes('\n')) return [{ range: model.index.range(open + 1, close), newText: ` ${property} ` }];
    return [at(open + 1, eol + indentOf(model, obj) + '  ' + property + ',')];
  }
  const last = props[props.length - 1];
  const lastEnd = last.getEnd();
  const comma = /^\s*,/.exec(text.slice(lastEnd, close));
  const lineOf = (pos: number) => model.index.positionAt(pos).line;
  const multiline = lineOf(last.getStart(sf)) !== lineOf(open) || lineOf(close) !== lineOf(lastEnd);
  if (!multiline) return comma ? [at(lastEnd + comma[0].length, ` ${property},`)] : [at(lastEnd, `, ${property}`)];
  // One property per line: the new one goes on its own line after the last one (and its comment).
  const afterLast = lastEnd + (comma ? comma[0].length : 0);
  const rest = /^[ \t]*(\/\/[^\r\n]*|\/\*[^\r\n]*?\*\/[ \t]*)?(?=\r?\n|$)/.exec(text.slice(afterLast));
  const lineEnd = rest && afterLast + rest[0].length <= close ? afterLast + rest[0].length : afterLast;
  const newLine = eol + indentOf(model, last) + property + (comma ? ',' : '');
  if (comma) return [at(lineEnd, newLine)];
  return lineEnd === lastEnd ? [at(lastEnd, ',' + newLine)] : [at(lastEnd, ','), at(lineEnd, newLine)];
}

/**
 * Move a whole-line statement (with the comment lines directly above it) to just before another
 * statement of the same block. Returns null when that cannot be done without touching other code:
 * the statement shares a line with other code, or does not start its line.
 */
export function moveStatementBefore(model: HelmetModel, statement: TS.Statement, before: TS.Statement): TextEdit[] | null {
  const text = model.text;
  const block = wholeLines(model, statement);
  const target = wholeLines(model, before);
  if (!block || !target || target.start >= block.start) return null;
  let { start, end } = block;
  let moved = text.slice(start, end);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!/\n$/.test(moved)) {
    // The last line of the file: take the line break before it instead.
    moved += eol;
    const prev = text.lastIndexOf('\n', start - 1);
    start = prev > 0 && text[prev - 1] === '\r' ? prev - 1 : prev;
  }
  return [
    { range: model.index.range(target.start, target.start), newText: moved },
    { range: model.index.range(start, end), newText: '' },
  ];
}

/** The lines a statement occupies with the comment lines right above it, or null when it shares a line with other code. */
function wholeLines(model: HelmetModel, statement: TS.Statement): { start: number; end: number } | null {
  const ts = typescript();
  const text = model.text;
  const s = statement.getStart(model.sf);
  let lineStart = text.lastIndexOf('\n', s - 1) + 1;
  if (!/^[ \t]*$/.test(text.slice(lineStart, s))) return null;
  const e = statement.getEnd();
  const tail = /^[ \t]*(\/\/[^\r\n]*)?(\r?\n|$)/.exec(text.slice(e));
  if (!tail) return null;
  // Comment lines directly above (no blank line between) travel with the statement.
  const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
  for (let i = comments.length - 1; i >= 0; i--) {
    const c = comments[i];
    const between = text.slice(c.end, lineStart);
    if (!/^[ \t]*\r?\n$/.test(between)) break;
    const cLineStart = text.lastIndexOf('\n', c.pos - 1) + 1;
    if (!/^[ \t]*$/.test(text.slice(cLineStart, c.pos))) break;
    lineStart = cLineStart;
  }
  return { start: lineStart, end: e + tail[0].length };
}

/**
 * Is the code around `node` free of syntax errors? Fixes edit only code the parser read cleanly:
 * on half-typed code the recovered tree may end an object or a call elsewhere than the author
 * will, and an edit there could add errors. `wholeStatement` widens the span to the node's
 * statement up to the next statement (where insertions after it land).
 */
export function parsedCleanly(model: HelmetModel, node: TS.Node, wholeStatement = false): boolean {
  const ts = typescript();
  let start = node.getStart(model.sf);
  let end = node.getEnd();
  if (wholeStatement) {
    let st: TS.Node = node;
    while (st.parent && !(ts.isBlock(st.parent) || ts.isSourceFile(st.parent) || ts.isModuleBlock(st.parent) || ts.isCaseClause(st.parent) || ts.isDefaultClause(st.parent))) st = st.parent;
    const siblings = (st.parent as TS.Block | undefined)?.statements;
    const next = siblings ? siblings[siblings.indexOf(st as TS.Statement) + 1] : undefined;
    start = st.getFullStart();
    end = next ? next.getStart(model.sf) : (st.parent ?? st).getEnd();
  }
  return !model.syntaxErrors.some((e) => e.start >= start && e.start <= end);
}

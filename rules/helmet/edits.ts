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
  const q = model.style.quote;
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

/** New lines right after a statement, at its indentation. */
export function insertAfterStatement(model: HelmetModel, statement: TS.Node, lines: string[]): TextEdit {
  const end = statement.getEnd();
  const pos = model.index.positionAt(end);
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
  // Take the comma after it (or, for the last property, the comma before it).
  const after = /^\s*,/.exec(text.slice(end));
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

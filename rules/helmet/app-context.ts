// What the app-level rules (helmet-missing, x-powered-by, rate limits, CSRF, health) share: the
// workspace's helmet-domain files as index items, "file:line" locations for messages and evidence,
// and the statement that installs a middleware right after an app is created.
import type * as TS from 'typescript';
import type { RuleContext, TextEdit } from '../types';
import type { AppCreation, HelmetModel } from './analyze';
import type { HelmetIndexItem } from './language';
import { addDefaultImport, insertAfterStatement, insertBeforeStatement, isNameFree, parsedCleanly, quoted, semi } from './edits';
import { typescript } from './ts';

export interface HelmetFile {
  path: string;
  item: HelmetIndexItem;
  /** The file being linted. */
  self: boolean;
}

/** Every helmet-domain file of the workspace (the linted one included), as published by `indexItems`. */
export function helmetFiles(ctx: RuleContext): HelmetFile[] {
  if (!ctx.workspace) return [];
  const out: HelmetFile[] = [];
  for (const e of ctx.workspace.entries('helmet')) {
    for (const i of e.items as HelmetIndexItem[]) if (i?.kind === 'node-app-file') out.push({ path: e.path, item: i, self: e.path === ctx.filePath });
  }
  return out;
}

/** 1-based line of a node. */
export function lineOf(model: HelmetModel, node: TS.Node): number {
  return model.index.positionAt(node.getStart(model.sf)).line + 1;
}

/** `line 12` (the evidence row itself shows the file). */
export function at(_ctx: RuleContext, model: HelmetModel, node: TS.Node): string {
  return `line ${lineOf(model, node)}`;
}

/** `other` relative to the folder they share with `from` (short enough for a message). */
export function shortPath(from: string, other: string): string {
  const pa = from.replace(/\\/g, '/').split('/');
  const pb = other.replace(/\\/g, '/').split('/');
  let i = 0;
  while (i < pa.length - 1 && i < pb.length - 1 && pa[i] === pb[i]) i++;
  return pb.slice(i).join('/');
}

/** "Express app", "NestJS app (Fastify adapter)", ... */
export function appLabel(app: AppCreation): string {
  if (app.framework === 'nest') return `NestJS app (${app.adapter === 'fastify' ? 'Fastify' : 'Express'} adapter)`;
  return `${{ express: 'Express', fastify: 'Fastify', koa: 'Koa' }[app.framework]} app`;
}

/** The file's apps, one per receiver (an app created in both branches of an `if` is one app). */
export function distinctApps(model: HelmetModel): AppCreation[] {
  const seen = new Set<string>();
  return model.apps.filter((a) => !a.receiver || (!seen.has(a.receiver) && !!seen.add(a.receiver)));
}

/** Does the app run on Express (where X-Powered-By, express-rate-limit and express-session apply)? */
export const onExpress = (app: AppCreation) => app.framework === 'express' || (app.framework === 'nest' && app.adapter !== 'fastify');
export const onFastify = (app: AppCreation) => app.framework === 'fastify' || (app.framework === 'nest' && app.adapter === 'fastify');

/**
 * The statement that can be followed by new statements on the app: a declaration or an assignment
 * statement holding the creation, with a receiver other statements can name. Null otherwise
 * (`return express()`, class fields, `module.exports = express()`).
 */
export function appendableApp(model: HelmetModel, app: AppCreation): { receiver: string; statement: TS.Statement } | null {
  const ts = typescript();
  if (!app.receiver || /\bexports\b/.test(app.receiver)) return null;
  // `if (x) app = create(A); else app = create(B);`: a line after one of them misses the other.
  if (model.apps.some((a) => a !== app && a.receiver === app.receiver)) return null;
  const st = app.statement;
  if (!ts.isVariableStatement(st) && !ts.isExpressionStatement(st)) return null;
  if (!parsedCleanly(model, st, true)) return null;
  return { receiver: app.receiver, statement: st };
}

/**
 * Edits that import `module` as a default import (first free name of `names`) and add `line(local)`
 * right after the app's creation. Null when no name is free or the app cannot be followed.
 */
export function installAfterApp(model: HelmetModel, app: AppCreation, module: string, names: string[], line: (local: string, receiver: string) => string): TextEdit[] | null {
  const target = appendableApp(model, app);
  if (!target) return null;
  const use = (local: string) => insertAfterStatement(model, target.statement, [line(local, target.receiver) + semi(model)]);
  // Imported (or required) but never installed: use that name.
  const existing = model.imports.find((i) => i.module === module && !i.member && !i.namespace && i.local);
  if (existing) return [use(existing.local)];
  const local = names.find((n) => isNameFree(model, n));
  if (!local) return null;
  let imp = addDefaultImport(model, module, local);
  if (!imp) return null;
  // A `const x = require()` placed after the app's statement would be read before it is set (TDZ):
  // then the require goes right above the app instead. ESM imports are hoisted, so they may follow.
  if (!model.style.esm && model.index.offsetAt(imp.range.start) > target.statement.getStart(model.sf)) {
    imp = insertBeforeStatement(model, target.statement, [`const ${local} = require(${quoted(model, module)})${semi(model)}`]);
  }
  const install = use(local);
  // Both land at the same point when the app is created in the last require statement.
  if (imp.range.start.line === install.range.start.line && imp.range.start.character === install.range.start.character) return [{ range: imp.range, newText: imp.newText + install.newText }];
  return [imp, install];
}

/** Insert `line` (a statement on the app) right after the app's creation. */
export function statementAfterApp(model: HelmetModel, app: AppCreation, line: (receiver: string) => string): TextEdit | null {
  const target = appendableApp(model, app);
  return target ? insertAfterStatement(model, target.statement, [line(target.receiver) + semi(model)]) : null;
}

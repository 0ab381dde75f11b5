// helmet domain: JS/TS files that create an HTTP app or configure security middleware. A file is
// parsed only when it imports one of the modules in modules.ts, so the TypeScript parser is loaded
// only for workspaces that have such files.
import type { Language, ParsedFile } from '../types';
import { analyze, AUTH_ROUTE, HEALTH_ROUTE, routePaths, type HelmetModel } from './analyze';
import { mentionsRelevantModule } from './modules';
import { fileHeaders } from './setup';
import { typescript } from './ts';

export type { HelmetModel } from './analyze';

const EXTENSIONS = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/i;
/** Declarations, bundles and tests: not app code a reviewer ships (tests build throwaway apps). */
const NOT_APP_CODE = /(\.d\.[cm]?ts$|\.min\.js$|\.bundle\.js$|[.-](test|spec|e2e-spec)\.[cm]?[jt]sx?$|(^|\/)(__tests__|__mocks__|__fixtures__|fixtures)\/)/i;
const LANGUAGE_IDS = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

/** What other files need to know about this one (workspace rules: helmet-missing, x-powered-by, rate limits). */
export interface HelmetIndexItem {
  kind: 'node-app-file';
  apps: { framework: string; adapter?: string; line: number; receiver: string | null }[];
  /** Lines of helmet uses (installed or called). */
  helmetLines: number[];
  /** Headers of the file's helmet setup: value, null (off/removed), or "?" (runtime). */
  headers: Record<string, string | null> | null;
  helmetImported: boolean;
  poweredByDisabled: boolean;
  rateLimit: boolean;
  csrf: boolean;
  cors: boolean;
  sessions: number;
  authRoutes: string[];
  /** Routes that answer health probes (`/healthz`, `/ready`, ...). */
  healthRoutes: string[];
  /** Health-check packages imported (@nestjs/terminus, lightship, ...). */
  healthModules: string[];
}

export const helmetLanguage: Language<HelmetModel> = {
  domain: 'helmet',
  commentPrefix: '//',
  globs: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],

  matches(path, languageId, text) {
    const p = path.replace(/\\/g, '/');
    const byLanguage = languageId !== undefined && LANGUAGE_IDS.has(languageId);
    if (!byLanguage && !EXTENSIONS.test(p)) return false;
    if (languageId !== undefined && !byLanguage && languageId !== 'plaintext') return false;
    if (NOT_APP_CODE.test(p)) return false;
    return text === undefined || mentionsRelevantModule(text);
  },

  parse(text, path): ParsedFile<HelmetModel> {
    typescript();
    const model = analyze(text, path);
    // Half-written code is normal while typing: the parser recovers, and rules run on what it kept.
    const recovered = model.syntaxErrors.map((e) => ({ range: model.index.range(e.start, e.end), message: `Syntax error: ${e.message}` }));
    return { model, parseErrors: [], recoveredErrors: recovered };
  },

  indexItems(model): HelmetIndexItem[] {
    const headers = fileHeaders(model);
    const line = (n: { getStart(): number }) => model.index.positionAt(n.getStart()).line;
    return [
      {
        kind: 'node-app-file',
        apps: model.apps.map((a) => ({ framework: a.framework, adapter: a.adapter, line: line(a.node), receiver: a.receiver })),
        helmetLines: model.helmet.map((h) => line(h.node)),
        headers: headers ? Object.fromEntries([...headers].map(([k, v]) => [k, v === undefined ? '?' : v])) : null,
        helmetImported: model.imports.some((i) => i.module === 'helmet' || i.module === '@fastify/helmet' || i.module === 'fastify-helmet' || i.module === 'koa-helmet'),
        poweredByDisabled: model.poweredByDisabled.length > 0,
        rateLimit: model.rateLimitImports.length > 0,
        csrf: model.csrfImports.length > 0,
        cors: model.cors.length > 0,
        sessions: model.sessions.length,
        authRoutes: [...new Set(routePaths(model).filter((p) => AUTH_ROUTE.test(p)))],
        healthRoutes: [...new Set(routePaths(model).filter((p) => HEALTH_ROUTE.test(p)))],
        healthModules: [...new Set(model.healthImports.map((i) => i.module))],
      },
    ];
  },

  statementStart(model, line) {
    // The innermost simple statement containing the line: the comment goes right above it.
    let start = line;
    let found = false;
    for (const [s, e] of simpleStatements(model)) if (s <= line && line <= e && (!found || s > start)) [start, found] = [s, true];
    return start;
  },

  statementEnd(model, line) {
    // The outermost simple statement that starts on the line: `app.use(helmet({ ... }))` is covered whole.
    let end = line;
    for (const [s, e] of simpleStatements(model)) if (s === line && e > end) end = e;
    return end;
  },
};

/**
 * First and last lines of every simple statement (declarations, expressions, returns, exports):
 * what a suppression comment above a line covers. Blocks (functions, ifs) are not simple: a comment
 * above a function does not silence its body.
 */
function simpleStatements(model: HelmetModel): [number, number][] {
  let cached = statementCache.get(model);
  if (cached) return cached;
  const ts = typescript();
  cached = [];
  const out = cached;
  const visit = (node: import('typescript').Node): void => {
    if (ts.isVariableStatement(node) || ts.isExpressionStatement(node) || ts.isReturnStatement(node) || ts.isExportAssignment(node) || ts.isImportDeclaration(node)) {
      out.push([model.index.positionAt(node.getStart(model.sf)).line, model.index.positionAt(node.getEnd()).line]);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(model.sf, visit);
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  statementCache.set(model, out);
  return out;
}
const statementCache = new WeakMap<HelmetModel, [number, number][]>();

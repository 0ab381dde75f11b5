import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel, HelmetUse, RequestHandlerSetup } from './analyze';
import { nodeRange } from './analyze';
import { lineOf } from './app-context';
import { moveStatementBefore, parsedCleanly } from './edits';
import { typescript } from './ts';
import { unwrap } from './values';

/** Identifiers a statement reads (a moved statement must not climb above their declarations). */
function identifiersIn(node: TS.Node): Set<string> {
  const ts = typescript();
  const out = new Set<string>();
  const visit = (n: TS.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/**
 * Can the helmet statement move up to `target` without changing what it means? Only when it is a
 * plain `app.use(helmet(...))` statement and no statement it would climb over mentions a name it
 * uses (other than the app itself): a declaration of its options, or code that changes them.
 */
function movable(model: HelmetModel, use: HelmetUse, target: TS.Statement): boolean {
  const ts = typescript();
  const st = use.statement;
  if (!ts.isExpressionStatement(st) || unwrap(st.expression) !== use.registration?.call) return false;
  const list = (st.parent as TS.Block | TS.SourceFile).statements;
  const from = list.indexOf(target);
  const to = list.indexOf(st);
  if (from < 0 || to < 0 || from >= to) return false;
  if (!list.slice(from, to + 1).every((s) => parsedCleanly(model, s, true))) return false;
  const receiver = new Set([...use.registration.receiver.split('.'), 'use']);
  const names = [...identifiersIn(st)].filter((n) => !receiver.has(n));
  const between = list.slice(from, to).map((s) => identifiersIn(s));
  return !between.some((ids) => names.some((n) => ids.has(n)));
}

export default defineRule<HelmetModel>({
  id: 'helmet/registered-after-routes',
  title: 'helmet is registered before routes, routers and static files',
  level: 'warn',
  controls: ['app.security-headers'],
  aliases: {},
  hasSuggestions: true,
  docs: {
    rationale:
      'Express and Koa run middleware in the order it is registered. A route, a mounted router, `express.static()` or a handler registered before `app.use(helmet())` answers its requests before helmet runs, so those responses carry none of its headers (the NestJS docs ask for helmet before any other `app.use()` for the same reason).',
    howToFix: 'Move `app.use(helmet())` up, right after the app is created and before the first route, router or static middleware. The quick fix moves the statement (with its comment lines) when nothing it uses is declared in between.',
    whenNotToUse: 'Routes that deliberately go without helmet headers (a health check answered before helmet, a legacy endpoint that must be framed). Then suppress the finding on that line with a reason.',
    examples: {
      bad: "app.use(express.static('public'));\napp.get('/', home);\napp.use(helmet());",
      good: "app.use(helmet());\napp.use(express.static('public'));\napp.get('/', home);",
    },
  },
  check(model, ctx) {
    const fastifyReceivers = new Set(model.apps.filter((a) => a.framework === 'fastify' || a.adapter === 'fastify').map((a) => a.receiver));
    for (const use of model.helmet) {
      const reg = use.registration;
      // Fastify installs helmet as an onRequest hook of the whole instance: registration order does not apply.
      if (!reg || reg.method !== 'use' || use.via === 'fastify' || fastifyReceivers.has(reg.receiver)) continue;
      const parent = reg.statement.parent;
      const start = reg.statement.getStart(model.sf);
      const before: RequestHandlerSetup | undefined = model.handlers.find(
        // CORS preflight answers (OPTIONS) are never rendered: their missing headers do not matter.
        (h) => h.receiver === reg.receiver && h.method !== 'options' && h.statement.parent === parent && h.statement !== reg.statement && h.statement.getStart(model.sf) < start,
      );
      if (!before) continue;
      const edits = movable(model, use, before.statement) ? moveStatementBefore(model, reg.statement, before.statement) : null;
      ctx.report({
        range: nodeRange(model, use.node),
        message: `helmet is registered after ${before.kind === 'route' ? 'the route' : 'the'} ${before.label} (line ${lineOf(model, before.node)}): responses from it and anything else registered earlier go out without helmet's headers. Register helmet first, right after the app is created.`,
        suggestions: edits ? [{ title: `Move the helmet registration above line ${lineOf(model, before.node)}`, edits }] : undefined,
      });
    }
  },
});

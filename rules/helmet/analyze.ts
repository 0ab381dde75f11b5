// The model of one JS/TS file: the apps it creates, and how it configures helmet, CORS, sessions,
// rate limits and CSRF protection. Built from the TypeScript parser's syntax tree (which survives
// half-written code); nothing is executed and no types are checked. Commented-out code is not in
// the tree, so it never counts.
import type * as TS from 'typescript';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { typescript } from './ts';
import { APP_MODULES, CORS_MODULES, CSRF_MODULES, DIRECTORY_LISTING_MODULES, HEALTH_MODULES, HELMET_MODULES, JWT_MODULES, RATE_LIMIT_MODULES, SESSION_MODULES } from './modules';
import { evaluate, propertyKey, unwrap, type EvalEnv, type SVal } from './values';
import { DEFAULT_DIRECTIVES, middlewareNamed, REMOVED, type Middleware } from './effective';

export type Framework = 'express' | 'nest' | 'fastify' | 'koa';

export interface ImportBinding {
  module: string;
  local: string;
  /** The member imported (`contentSecurityPolicy` of `import { contentSecurityPolicy }`); absent for the module itself. */
  member?: string;
  namespace: boolean;
  node: TS.Node;
  statement: TS.Statement;
}

/** What an expression refers to: a module, or a member path of it (`helmet.contentSecurityPolicy`). */
export interface ModuleRef {
  module: string;
  path: string[];
}

export interface AppCreation {
  framework: Framework;
  /** Nest apps: the HTTP adapter (express unless a FastifyAdapter is passed or the type says so). */
  adapter?: 'express' | 'fastify';
  /** The expression the app is reachable by (`app`, `this.app`), or null. */
  receiver: string | null;
  node: TS.Expression;
  statement: TS.Statement;
  /** Nest: the options object (`{ cors: true }`). */
  options?: SVal;
}

/** `x.use(...)` / `x.register(...)`: where middleware and plugins are installed, in source order. */
export interface Registration {
  receiver: string;
  method: 'use' | 'register';
  call: TS.CallExpression;
  statement: TS.Statement;
  /** `app.use('/path', ...)` mount path. */
  path?: string;
  /**
   * What the registration installs that answers requests itself (so middleware registered after
   * it never runs for those requests): a router or sub-app, static files, or a terminal handler
   * (a function without `next`). Absent for ordinary middleware.
   */
  serves?: 'router' | 'static' | 'handler';
}

/** A statement that makes the app answer requests: a route, a router mount, static files. */
export interface RequestHandlerSetup {
  receiver: string;
  kind: 'route' | 'router' | 'static' | 'handler';
  /** Routes: the HTTP method (`get`, `options`, `route`). */
  method?: string;
  /** Short description for messages: `GET /users`, `express.static()`, `router mount /api`. */
  label: string;
  node: TS.CallExpression;
  statement: TS.Statement;
}

/** `jwt.sign(payload, secret)` / `jwt.verify(token, secret)` of jsonwebtoken. */
export interface JwtCall {
  method: 'sign' | 'verify';
  call: TS.CallExpression;
  /** The secret argument as written (absent when not passed). */
  secret: TS.Expression | undefined;
}

/** `app.keys = [...]` on a Koa app: the keys that sign its cookies (koa-session). */
export interface KeysAssignment {
  receiver: string;
  node: TS.BinaryExpression;
  value: SVal;
}

/** A NestJS controller route: `@Controller('health')` + `@Get()` = GET /health. */
export interface ControllerRoute {
  method: string;
  path: string;
  /** The method decorator's call (`Get('live')`), or the controller's when the method has no path. */
  node: TS.CallExpression;
}

export interface HelmetUse {
  via: 'helmet' | 'fastify' | 'koa';
  /** 'topLevel' for `helmet()` and the Fastify plugin, else the middleware called piecemeal. */
  middleware: 'topLevel' | Middleware;
  /** The name as written (`hsts`, `frameguard`) for piecemeal calls. */
  writtenName?: string;
  /** The `helmet(...)` call or `register(helmet, ...)` call. */
  node: TS.Expression;
  /** The options as evaluated (undefined: called without options). */
  options: SVal | undefined;
  /** Installed by `x.use(...)` / `x.register(...)` (null: called elsewhere, e.g. inside a middleware class). */
  registration: Registration | null;
  statement: TS.Statement;
}

/** helmet referenced where it must be called, or a helmet function that no longer exists. */
export interface HelmetMisuse {
  kind: 'not-called' | 'removed-function';
  node: TS.Expression;
  name: string;
  module: string;
}

export interface CorsUse {
  kind: 'cors-call' | 'fastify-register' | 'nest-enable-cors' | 'nest-create-option' | 'autoload';
  /** The CORS package (absent for NestJS, which wraps `cors`). */
  module?: string;
  node: TS.Node;
  /** undefined: no options (any origin). */
  options: SVal | undefined;
}

export interface HeaderWrite {
  name: string;
  value: SVal;
  node: TS.CallExpression;
}

export interface SessionUse {
  module: string;
  kind: 'express-session' | 'cookie-session' | 'fastify' | 'koa';
  node: TS.Expression;
  options: SVal | undefined;
}

export interface RouteDef {
  receiver: string;
  method: string;
  path: string | undefined;
  node: TS.CallExpression;
  statement: TS.Statement;
  /** Fastify route options (`{ helmet: false }`). */
  options?: SVal;
}

export interface CodeStyle {
  esm: boolean;
  quote: "'" | '"';
  semicolons: boolean;
}

export interface HelmetModel {
  path: string;
  text: string;
  index: LineIndex;
  sf: TS.SourceFile;
  syntaxErrors: { start: number; end: number; message: string }[];
  imports: ImportBinding[];
  apps: AppCreation[];
  registrations: Registration[];
  helmet: HelmetUse[];
  misuse: HelmetMisuse[];
  cors: CorsUse[];
  headerWrites: HeaderWrite[];
  sessions: SessionUse[];
  routes: RouteDef[];
  /** NestJS controller routes (decorators). */
  controllerRoutes: ControllerRoute[];
  /** Routes, router mounts, static files and terminal handlers, in source order. */
  handlers: RequestHandlerSetup[];
  /** `app.disable('x-powered-by')` / `app.set('x-powered-by', false)` calls. */
  poweredByDisabled: TS.CallExpression[];
  /** Imports of rate limiters, CSRF protection and directory listing packages. */
  rateLimitImports: ImportBinding[];
  csrfImports: ImportBinding[];
  /** Imports of health-check packages (@nestjs/terminus, lightship, ...). */
  healthImports: ImportBinding[];
  directoryListing: TS.Expression[];
  jwtCalls: JwtCall[];
  /** `app.keys = ...` assignments on Koa apps of this file. */
  appKeys: KeysAssignment[];
  env: EvalEnv;
  style: CodeStyle;
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'route']);
const NEST_ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head']);
/** Names that say "this is a router" (`router`, `apiRoutes`, `usersRouter`, `v1Api`). */
const ROUTER_NAME = /(^|[a-z0-9_])(router|routes|api|controller)s?$/i;
const STATIC_MODULES = new Set(['serve-static', 'koa-static', 'koa-static-cache', 'koa-static-server', '@koa/static']);
const ROUTER_FACTORIES = new Set(['express.Router', 'koa-router', '@koa/router', 'express-promise-router']);

function scriptKind(ts: typeof TS, path: string): TS.ScriptKind {
  const ext = /\.([cm]?[jt]sx?)$/i.exec(path)?.[1].toLowerCase() ?? 'js';
  if (ext === 'tsx') return ts.ScriptKind.TSX;
  if (ext === 'jsx') return ts.ScriptKind.JSX;
  if (ext.endsWith('ts')) return ts.ScriptKind.TS;
  // .js files often hold JSX in React-ish servers; the JSX kind parses plain JS the same way.
  return ts.ScriptKind.JSX;
}

export function analyze(text: string, path: string): HelmetModel {
  const ts = typescript();
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKind(ts, path));
  const diags = ((sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? []) as TS.DiagnosticWithLocation[];
  const syntaxErrors = diags.map((d) => ({ start: d.start ?? 0, end: (d.start ?? 0) + (d.length ?? 0), message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
  return new Analyzer(ts, sf, text, path, syntaxErrors).run();
}

class Analyzer {
  private readonly declarations = new Map<TS.Node, Map<string, { init: TS.Expression | undefined; constant: boolean }>>();
  private readonly reassigned = new Set<string>();
  private readonly imports: ImportBinding[] = [];
  private readonly importByLocal = new Map<string, ImportBinding>();
  private readonly keysAssignments: KeysAssignment[] = [];
  private readonly staticAssets: { receiver: string; call: TS.CallExpression }[] = [];
  /** Registrations by their call: looked up once per argument, so a list search would be quadratic. */
  private readonly registrationByCall = new Map<TS.CallExpression, Registration>();
  private readonly model: HelmetModel;

  constructor(
    private readonly ts: typeof TS,
    private readonly sf: TS.SourceFile,
    text: string,
    path: string,
    syntaxErrors: HelmetModel['syntaxErrors'],
  ) {
    const env: EvalEnv = { lookup: (id) => this.lookup(id), special: (e) => this.special(e) };
    this.model = {
      path,
      text,
      index: new LineIndex(text),
      sf,
      syntaxErrors,
      imports: this.imports,
      apps: [],
      registrations: [],
      helmet: [],
      misuse: [],
      cors: [],
      headerWrites: [],
      sessions: [],
      routes: [],
      controllerRoutes: [],
      handlers: [],
      poweredByDisabled: [],
      rateLimitImports: [],
      csrfImports: [],
      healthImports: [],
      directoryListing: [],
      jwtCalls: [],
      appKeys: [],
      env,
      style: { esm: false, quote: "'", semicolons: true },
    };
  }

  run(): HelmetModel {
    this.collectDeclarations();
    this.visitAll();
    const m = this.model;
    m.rateLimitImports = this.imports.filter((i) => RATE_LIMIT_MODULES.has(i.module));
    m.csrfImports = this.imports.filter((i) => CSRF_MODULES.has(i.module));
    m.healthImports = this.imports.filter((i) => HEALTH_MODULES.has(i.module));
    const koaReceivers = new Set(m.apps.filter((a) => a.framework === 'koa' && a.receiver).map((a) => a.receiver));
    m.appKeys = this.keysAssignments.filter((k) => koaReceivers.has(k.receiver));
    m.handlers = this.collectHandlers();
    m.style = this.detectStyle();
    return m;
  }

  // ---- names -------------------------------------------------------------------------------

  private collectDeclarations(): void {
    const ts = this.ts;
    const visit = (node: TS.Node): void => {
      if (ts.isImportDeclaration(node)) this.addImport(node);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
        this.bind({ module: node.moduleReference.expression.text, local: node.name.text, namespace: false, node, statement: node });
      } else if (ts.isVariableDeclaration(node)) this.addVariable(node);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) this.reassigned.add(node.left.text);
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
  }

  private bind(b: ImportBinding): void {
    this.imports.push(b);
    this.importByLocal.set(b.local, b);
  }

  private addImport(node: TS.ImportDeclaration): void {
    const ts = this.ts;
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (!clause) {
      this.imports.push({ module, local: '', namespace: false, node, statement: node });
      return;
    }
    if (clause.name) this.bind({ module, local: clause.name.text, namespace: false, node: clause.name, statement: node });
    const nb = clause.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) this.bind({ module, local: nb.name.text, namespace: true, node: nb, statement: node });
    if (nb && ts.isNamedImports(nb)) {
      for (const el of nb.elements) {
        const imported = (el.propertyName ?? el.name).text;
        this.bind({ module, local: el.name.text, member: imported === 'default' ? undefined : imported, namespace: false, node: el, statement: node });
      }
    }
  }

  private addVariable(node: TS.VariableDeclaration): void {
    const ts = this.ts;
    const init = node.initializer;
    const ref = init ? this.requireRef(init) : undefined;
    const statement = this.statementOf(node);
    if (ref && ts.isIdentifier(node.name)) {
      this.bind({ module: ref.module, local: node.name.text, member: ref.path[0], namespace: false, node, statement });
      return;
    }
    if (ref && ts.isObjectBindingPattern(node.name)) {
      for (const el of node.name.elements) {
        if (!ts.isIdentifier(el.name)) continue;
        const key = el.propertyName ? propertyKey(el.propertyName) : el.name.text;
        if (key === undefined) continue;
        this.bind({ module: ref.module, local: el.name.text, member: key === 'default' ? undefined : key, namespace: false, node: el, statement });
      }
      return;
    }
    if (!ts.isIdentifier(node.name)) return;
    const list = node.parent;
    const constant = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
    const scope = this.scopeOf(node);
    let names = this.declarations.get(scope);
    if (!names) this.declarations.set(scope, (names = new Map()));
    names.set(node.name.text, { init, constant });
  }

  /** `require('m')`, `require('m').default`, `require('m').x` (and `await import('m')`). */
  private requireRef(expr: TS.Expression): ModuleRef | undefined {
    const ts = this.ts;
    let e = unwrap(expr);
    if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    if (ts.isCallExpression(e) && e.arguments.length >= 1 && ts.isStringLiteralLike(e.arguments[0])) {
      if ((ts.isIdentifier(e.expression) && e.expression.text === 'require') || e.expression.kind === ts.SyntaxKind.ImportKeyword) return { module: e.arguments[0].text, path: [] };
    }
    if (ts.isPropertyAccessExpression(e)) {
      const inner = this.requireRef(e.expression);
      if (inner) return { module: inner.module, path: [...inner.path, e.name.text].filter((p, i) => !(i === 0 && p === 'default')) };
    }
    return undefined;
  }

  /** The block (or function, or file) a declaration is scoped to. `var` is function-scoped but the difference never matters here. */
  private scopeOf(node: TS.Node): TS.Node {
    const ts = this.ts;
    for (let p = node.parent; p; p = p.parent) if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isFunctionLike(p) || ts.isForStatement(p) || ts.isForOfStatement(p) || ts.isForInStatement(p) || ts.isCaseBlock(p)) return p;
    return this.sf;
  }

  private lookup(id: TS.Identifier): TS.Expression | undefined {
    const ts = this.ts;
    for (let p: TS.Node | undefined = id.parent; p; p = p.parent) {
      const d = this.declarations.get(p)?.get(id.text);
      if (d) return d.constant || !this.reassigned.has(id.text) ? d.init : undefined;
      // A parameter of an enclosing function with this name shadows anything outside.
      if (ts.isFunctionLike(p) && p.parameters?.some((q) => ts.isIdentifier(q.name) && q.name.text === id.text)) return undefined;
    }
    return undefined;
  }

  /** What an expression refers to in terms of imported modules. */
  refOf(expr: TS.Expression): ModuleRef | undefined {
    const ts = this.ts;
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      const b = this.importByLocal.get(e.text);
      if (!b || this.shadowed(e)) return undefined;
      return { module: b.module, path: b.member ? [b.member] : [] };
    }
    if (ts.isPropertyAccessExpression(e)) {
      const inner = this.refOf(e.expression);
      if (!inner) return undefined;
      const name = e.name.text;
      // `helmet.default` and `express.default` are the module itself (CJS interop).
      if (name === 'default' && inner.path.length === 0) return inner;
      return { module: inner.module, path: [...inner.path, name] };
    }
    return this.requireRef(e);
  }

  /** Is this identifier a local variable or parameter rather than the import of the same name? */
  private shadowed(id: TS.Identifier): boolean {
    const ts = this.ts;
    for (let p: TS.Node | undefined = id.parent; p && !ts.isSourceFile(p); p = p.parent) {
      if (this.declarations.get(p)?.has(id.text)) return true;
      if (ts.isFunctionLike(p) && p.parameters?.some((q) => ts.isIdentifier(q.name) && q.name.text === id.text)) return true;
    }
    return false;
  }

  private special(e: TS.Expression): SVal | undefined {
    const ts = this.ts;
    // helmet.contentSecurityPolicy.getDefaultDirectives()
    if (ts.isCallExpression(e) && e.arguments.length === 0) {
      const r = this.refOf(e.expression);
      if (r && HELMET_MODULES.has(r.module) && r.path.join('.').replace(/^contentSecurityPolicy\./, '') === 'getDefaultDirectives') {
        return {
          kind: 'object',
          node: e,
          open: false,
          props: DEFAULT_DIRECTIVES.map(([name, sources]) => ({
            key: name,
            node: e,
            keyNode: e,
            own: false,
            value: { kind: 'array' as const, node: e, open: false, items: sources.map((s) => ({ kind: 'string' as const, value: s, node: e })) },
          })),
        };
      }
    }
    if (ts.isPropertyAccessExpression(e) && e.name.text === 'dangerouslyDisableDefaultSrc') {
      const r = this.refOf(e);
      if (r && HELMET_MODULES.has(r.module)) return { kind: 'disable-default-src', node: e };
    }
    return undefined;
  }

  // ---- the walk ------------------------------------------------------------------------------

  private visitAll(): void {
    const ts = this.ts;
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node)) this.onCall(node);
      else if (ts.isNewExpression(node)) this.onNew(node);
      else if (ts.isExportAssignment(node) && !node.isExportEquals) this.onExportDefault(node);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) this.onAssignment(node);
      ts.forEachChild(node, visit);
    };
    visit(this.sf);
  }

  /** `app.keys = [...]` (kept for Koa apps once every app is known). */
  private onAssignment(node: TS.BinaryExpression): void {
    const ts = this.ts;
    const left = node.left;
    if (ts.isPropertyAccessExpression(left) && left.name.text === 'keys') {
      this.keysAssignments.push({ receiver: this.text(left.expression), node, value: evaluate(node.right, this.model.env) });
    }
  }

  private statementOf(node: TS.Node): TS.Statement {
    const ts = this.ts;
    let n: TS.Node = node;
    while (n.parent && !(ts.isBlock(n.parent) || ts.isSourceFile(n.parent) || ts.isModuleBlock(n.parent) || ts.isCaseClause(n.parent) || ts.isDefaultClause(n.parent))) n = n.parent;
    return n as TS.Statement;
  }

  private text(node: TS.Node): string {
    return node.getText(this.sf).replace(/\s+/g, '');
  }

  private onNew(node: TS.NewExpression): void {
    const r = this.refOf(node.expression);
    if (r && r.module === 'koa' && (r.path.length === 0 || r.path[0] === 'Koa')) this.addApp('koa', node);
  }

  private addApp(framework: Framework, node: TS.Expression, extra: Partial<AppCreation> = {}): void {
    const ts = this.ts;
    let outer: TS.Node = node;
    while (outer.parent && (ts.isAwaitExpression(outer.parent) || ts.isParenthesizedExpression(outer.parent) || ts.isAsExpression(outer.parent) || ts.isNonNullExpression(outer.parent))) outer = outer.parent;
    const p = outer.parent;
    let receiver: string | null = null;
    if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) receiver = p.name.text;
    else if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) receiver = this.text(p.left);
    else if (p && ts.isPropertyDeclaration(p) && p.name && ts.isIdentifier(p.name)) receiver = `this.${p.name.text}`;
    this.model.apps.push({ framework, receiver, node, statement: this.statementOf(node), ...extra });
  }

  private onCall(call: TS.CallExpression): void {
    const ts = this.ts;
    const callee = unwrap(call.expression);
    const r = this.refOf(callee);
    if (r) this.onModuleCall(call, r);
    if (ts.isPropertyAccessExpression(callee)) this.onMethodCall(call, callee);
  }

  private onModuleCall(call: TS.CallExpression, r: ModuleRef): void {
    const ts = this.ts;
    const m = this.model;
    const app = APP_MODULES.get(r.module);
    if (app === 'express' && r.path.length === 0) this.addApp('express', call);
    if (app === 'fastify' && (r.path.length === 0 || (r.path.length === 1 && r.path[0] === 'fastify'))) this.addApp('fastify', call);
    if (app === 'nest' && r.path.join('.') === 'NestFactory.create') {
      const second = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
      const adapterRef = second && ts.isNewExpression(second) ? this.refOf(second.expression) : undefined;
      const typeArg = call.typeArguments?.[0]?.getText(this.sf) ?? '';
      const fastifyAdapter = adapterRef?.module === '@nestjs/platform-fastify' || /Fastify/.test(typeArg);
      const optionsNode = call.arguments.slice(1).find((a) => ts.isObjectLiteralExpression(unwrap(a)) || ts.isIdentifier(unwrap(a)));
      const options = optionsNode ? evaluate(optionsNode, m.env) : undefined;
      this.addApp('nest', call, { adapter: fastifyAdapter ? 'fastify' : 'express', options });
      const cors = options?.kind === 'object' ? options.props.find((p) => p.key === 'cors') : undefined;
      if (cors && !(cors.value.kind === 'boolean' && !cors.value.value)) m.cors.push({ kind: 'nest-create-option', node: cors.node, options: cors.value.kind === 'boolean' ? undefined : cors.value });
    }
    const helmetVia = HELMET_MODULES.get(r.module);
    if (helmetVia && helmetVia !== 'fastify') {
      const registration = this.registrationOf(call);
      const options = call.arguments.length ? (ts.isSpreadElement(call.arguments[0]) ? ({ kind: 'unknown', node: call.arguments[0] } as SVal) : evaluate(call.arguments[0], m.env)) : undefined;
      if (r.path.length === 0) m.helmet.push({ via: helmetVia, middleware: 'topLevel', node: call, options, registration, statement: this.statementOf(call) });
      else if (r.path.length === 1) {
        const mw = middlewareNamed(r.path[0]);
        if (mw) m.helmet.push({ via: helmetVia, middleware: mw, writtenName: r.path[0], node: call, options, registration, statement: this.statementOf(call) });
        else if (REMOVED[r.path[0]]) m.misuse.push({ kind: 'removed-function', node: call.expression, name: r.path[0], module: r.module });
      }
    }
    if (CORS_MODULES.has(r.module) && r.path.length === 0 && !r.module.startsWith('@fastify/') && r.module !== 'fastify-cors') {
      m.cors.push({ kind: 'cors-call', module: r.module, node: call, options: call.arguments.length ? evaluate(call.arguments[0], m.env) : undefined });
    }
    const session = SESSION_MODULES.get(r.module);
    if (session && session !== 'fastify' && r.path.length === 0) {
      m.sessions.push({ module: r.module, kind: session, node: call, options: call.arguments.length ? evaluate(call.arguments[0], m.env) : undefined });
    }
    if (DIRECTORY_LISTING_MODULES.has(r.module) && r.path.length === 0) m.directoryListing.push(call);
    if (JWT_MODULES.has(r.module) && r.path.length === 1 && (r.path[0] === 'sign' || r.path[0] === 'verify')) {
      m.jwtCalls.push({ method: r.path[0], call, secret: call.arguments[1] });
    }
    if (r.module === '@nestjs/common' && r.path.length === 1 && NEST_ROUTE_DECORATORS.has(r.path[0])) this.onNestRoute(call, r.path[0]);
  }

  /** `@Get('live')` on a method of `@Controller('health')`: the route GET /health/live. */
  private onNestRoute(call: TS.CallExpression, decorator: string): void {
    const ts = this.ts;
    const dec = call.parent;
    const method = dec && ts.isDecorator(dec) ? dec.parent : undefined;
    const cls = method && ts.isMethodDeclaration(method) ? method.parent : undefined;
    if (!cls || !ts.isClassDeclaration(cls)) return;
    let prefix: string | undefined;
    let controller: TS.CallExpression | undefined;
    for (const d of ts.getDecorators(cls) ?? []) {
      const e = d.expression;
      if (!ts.isCallExpression(e) || this.refOf(e.expression)?.path.join('.') !== 'Controller') continue;
      controller = e;
      prefix = e.arguments.length ? this.nestPath(e.arguments[0], true) : '';
    }
    if (prefix === undefined || !controller) return;
    const sub = call.arguments.length ? this.nestPath(call.arguments[0], false) : '';
    if (sub === undefined) return;
    const path = '/' + [prefix, sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter(Boolean).join('/');
    this.model.controllerRoutes.push({ method: decorator.toUpperCase(), path, node: call });
  }

  /** A Nest path argument: a string, or `{ path: '...' }` for controllers; undefined when not static. */
  private nestPath(arg: TS.Expression, controller: boolean): string | undefined {
    const v = evaluate(arg, this.model.env);
    if (v.kind === 'string') return v.value;
    if (v.kind === 'array' && v.items[0]?.kind === 'string') return v.items[0].value;
    if (controller && v.kind === 'object') {
      const p = v.props.find((x) => x.key === 'path')?.value;
      if (!p) return '';
      return p.kind === 'string' ? p.value : undefined;
    }
    return undefined;
  }

  /** The `x.use(...)`/`x.register(...)` call this expression is an argument of, if any. */
  private registrationOf(node: TS.Expression): Registration | null {
    const ts = this.ts;
    let n: TS.Node = node;
    while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isAsExpression(n.parent) || ts.isAwaitExpression(n.parent))) n = n.parent;
    const p = n.parent;
    if (!p || !ts.isCallExpression(p) || !p.arguments.includes(n as TS.Expression)) return null;
    return this.registrationByCall.get(p) ?? this.asRegistration(p);
  }

  private asRegistration(call: TS.CallExpression): Registration | null {
    const ts = this.ts;
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return null;
    const method = callee.name.text;
    if (method !== 'use' && method !== 'register') return null;
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const path = first && ts.isStringLiteralLike(first) ? first.text : undefined;
    const reg: Registration = { receiver: this.text(callee.expression), method, call, statement: this.statementOf(call), path };
    if (method === 'use') {
      const serves = call.arguments.slice(path === undefined ? 0 : 1).map((a) => this.servesOf(a, path !== undefined));
      reg.serves = serves.find((x) => x === 'router') ?? serves.find((x) => x === 'static') ?? serves.find((x) => x === 'handler');
    }
    this.model.registrations.push(reg);
    this.registrationByCall.set(call, reg);
    return reg;
  }

  /** Does this `use` argument answer requests itself (router, sub-app, static files, a handler without `next`)? */
  private servesOf(arg: TS.Expression, mounted: boolean): Registration['serves'] {
    const ts = this.ts;
    const a = unwrap(arg);
    if (ts.isArrowFunction(a) || ts.isFunctionExpression(a)) {
      // Express handlers take (req, res, next), Koa middleware (ctx, next): without `next` nothing after runs.
      const koa = this.model.apps.some((x) => x.framework === 'koa');
      return a.parameters.length < (koa ? 2 : 3) && !a.parameters.some((p) => !!p.dotDotDotToken) ? 'handler' : undefined;
    }
    if (ts.isCallExpression(a)) {
      const r = this.refOf(a.expression);
      if (r && ((r.module === 'express' && r.path.join('.') === 'static') || (STATIC_MODULES.has(r.module) && r.path.length === 0))) return 'static';
      if (r && this.isRouterFactory(r)) return 'router';
      // koa-router: `app.use(router.routes())`
      const callee = unwrap(a.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'routes' && a.arguments.length === 0) return 'router';
      return undefined;
    }
    if (ts.isIdentifier(a) || ts.isPropertyAccessExpression(a)) {
      const r = this.refOf(a);
      if (r) {
        // An imported name: a router when its module is the app's own code and it is mounted at a path.
        return r.module.startsWith('.') && (mounted || ROUTER_NAME.test(ts.isIdentifier(a) ? a.text : a.name.text)) ? 'router' : undefined;
      }
      const init = ts.isIdentifier(a) ? this.lookup(a) : undefined;
      if (init) {
        const i = unwrap(ts.isAwaitExpression(unwrap(init)) ? (unwrap(init) as TS.AwaitExpression).expression : init);
        const made = ts.isCallExpression(i) || ts.isNewExpression(i) ? this.refOf(i.expression) : undefined;
        if (made && this.isRouterFactory(made)) return 'router';
        if (made && APP_MODULES.get(made.module) === 'express' && made.path.length === 0) return 'router'; // a sub-app
        if (made && ((made.module === 'express' && made.path.join('.') === 'static') || STATIC_MODULES.has(made.module))) return 'static';
        if (made) return undefined; // middleware from a package (rateLimit(...), cors(...))
      }
      return ROUTER_NAME.test(ts.isIdentifier(a) ? a.text : a.name.text) ? 'router' : undefined;
    }
    return undefined;
  }

  /** `express.Router()`, `new Router()` of koa-router / @koa/router, express-promise-router. */
  private isRouterFactory(r: ModuleRef): boolean {
    return ROUTER_FACTORIES.has(r.path.length ? `${r.module}.${r.path.join('.')}` : r.module) || ((r.module === 'koa-router' || r.module === '@koa/router') && r.path.length === 1 && r.path[0] === 'Router');
  }

  /** Routes, router mounts, static files and handlers in source order. */
  private collectHandlers(): RequestHandlerSetup[] {
    const m = this.model;
    const out: RequestHandlerSetup[] = [];
    for (const r of m.routes) {
      out.push({ receiver: r.receiver, kind: 'route', method: r.method, label: `${r.method === 'route' ? 'route' : r.method.toUpperCase()}${r.path !== undefined ? ' ' + r.path : ''}`, node: r.node, statement: r.statement });
    }
    for (const r of m.registrations) {
      if (!r.serves) continue;
      const what = r.serves === 'router' ? 'router' : r.serves === 'static' ? 'static files' : 'request handler';
      out.push({ receiver: r.receiver, kind: r.serves, label: `${what}${r.path !== undefined ? ' at ' + r.path : ''}`, node: r.call, statement: r.statement });
    }
    for (const s of this.staticAssets) out.push({ receiver: s.receiver, kind: 'static', label: 'static files (useStaticAssets)', node: s.call, statement: this.statementOf(s.call) });
    return out.sort((a, b) => a.node.getStart(this.sf) - b.node.getStart(this.sf));
  }

  private onMethodCall(call: TS.CallExpression, callee: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    const m = this.model;
    const method = callee.name.text;
    const args = call.arguments;
    const receiver = this.text(callee.expression);
    if (method === 'use' || method === 'register') {
      const reg = this.registrationByCall.get(call) ?? this.asRegistration(call);
      if (!reg) return;
      for (const a of args) {
        // A module or a member of it, passed uncalled (`register(helmet)`, `register(require('@fastify/helmet'))`).
        const r = this.refOf(a);
        if (!r) continue;
        const via = HELMET_MODULES.get(r.module);
        if (via === 'fastify' && method === 'register' && a === args[0] && r.path.length === 0) {
          const options = args[1] ? evaluate(args[1], m.env) : undefined;
          m.helmet.push({ via, middleware: 'topLevel', node: call, options, registration: reg, statement: reg.statement });
        } else if (via && via !== 'fastify' && (r.path.length === 0 || middlewareNamed(r.path[0]))) {
          m.misuse.push({ kind: 'not-called', node: a, name: r.path.length ? r.path[0] : 'helmet', module: r.module });
        }
        if (CORS_MODULES.has(r.module) && method === 'register' && a === args[0]) m.cors.push({ kind: 'fastify-register', module: r.module, node: call, options: args[1] ? evaluate(args[1], m.env) : undefined });
        const session = SESSION_MODULES.get(r.module);
        if (session === 'fastify' && method === 'register' && a === args[0]) m.sessions.push({ module: r.module, kind: 'fastify', node: call, options: args[1] ? evaluate(args[1], m.env) : undefined });
      }
      return;
    }
    if (method === 'useStaticAssets') {
      this.staticAssets.push({ receiver, call });
      return;
    }
    if (method === 'enableCors') {
      m.cors.push({ kind: 'nest-enable-cors', node: call, options: args.length ? evaluate(args[0], m.env) : undefined });
      return;
    }
    if ((method === 'disable' && args.length === 1) || (method === 'set' && args.length === 2)) {
      const name = unwrap(args[0]);
      if (ts.isStringLiteralLike(name) && name.text.toLowerCase() === 'x-powered-by') {
        const off = method === 'disable' || evaluate(args[1], m.env).kind === 'boolean' && !(evaluate(args[1], m.env) as { value: boolean }).value;
        if (off) m.poweredByDisabled.push(call);
        return;
      }
    }
    if ((method === 'set' || method === 'header' || method === 'setHeader' || method === 'append') && args.length === 2) {
      const name = evaluate(args[0], m.env);
      if (name.kind === 'string') m.headerWrites.push({ name: name.value.toLowerCase(), value: evaluate(args[1], m.env), node: call });
      return;
    }
    if (method === 'writeHead' && args.length >= 2) {
      const headers = evaluate(args[args.length - 1], m.env);
      if (headers.kind === 'object') for (const p of headers.props) m.headerWrites.push({ name: p.key.toLowerCase(), value: p.value, node: call });
      return;
    }
    if (ROUTE_METHODS.has(method) && args.length >= 1) {
      const first = evaluate(args[0], m.env);
      // Fastify's `route({ method, url, helmet })` and `get(path, { helmet: false }, handler)`.
      if (method === 'route' && first.kind === 'object') {
        const url = first.props.find((p) => p.key === 'url' || p.key === 'path')?.value;
        m.routes.push({ receiver, method, path: url?.kind === 'string' ? url.value : undefined, node: call, statement: this.statementOf(call), options: first });
        return;
      }
      if (first.kind !== 'string' && first.kind !== 'regexp' && first.kind !== 'array') return;
      // Method calls on things that are clearly not routers (`map.get('x')`, `headers.get(...)`) have one argument.
      if (method !== 'route' && args.length < 2) return;
      const options = args.length >= 3 ? evaluate(args[1], m.env) : undefined;
      m.routes.push({ receiver, method, path: first.kind === 'string' ? first.value : undefined, node: call, statement: this.statementOf(call), options: options?.kind === 'object' ? options : undefined });
    }
  }

  /** fastify-autoload plugins: `export default helmet` (with `export const autoConfig = {...}`). */
  private onExportDefault(node: TS.ExportAssignment): void {
    const r = this.refOf(node.expression);
    if (!r || r.path.length) return;
    const m = this.model;
    const autoConfig = this.exportedConst('autoConfig');
    const options = autoConfig ? evaluate(autoConfig, m.env) : undefined;
    if (HELMET_MODULES.get(r.module) === 'fastify') m.helmet.push({ via: 'fastify', middleware: 'topLevel', node: node.expression, options, registration: null, statement: node });
    if (CORS_MODULES.has(r.module)) m.cors.push({ kind: 'autoload', module: r.module, node: node.expression, options });
    if (SESSION_MODULES.get(r.module) === 'fastify') m.sessions.push({ module: r.module, kind: 'fastify', node: node.expression, options });
  }

  private exportedConst(name: string): TS.Expression | undefined {
    const ts = this.ts;
    for (const st of this.sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer;
    }
    return undefined;
  }

  private detectStyle(): CodeStyle {
    const ts = this.ts;
    const esm = this.sf.statements.some((s) => ts.isImportDeclaration(s) || (ts.isExportDeclaration(s) && !!s.moduleSpecifier));
    let single = 0;
    let double = 0;
    for (const b of this.imports) {
      const q = b.statement.getText(this.sf).match(/['"]/)?.[0];
      if (q === "'") single++;
      else if (q === '"') double++;
    }
    let withSemi = 0;
    let without = 0;
    for (const s of this.sf.statements) {
      if (ts.isVariableStatement(s) || ts.isExpressionStatement(s) || ts.isImportDeclaration(s)) {
        if (s.getText(this.sf).trimEnd().endsWith(';')) withSemi++;
        else without++;
      }
    }
    return { esm, quote: double > single ? '"' : "'", semicolons: withSemi >= without };
  }
}

/** The range of a node (without leading trivia). */
export function nodeRange(model: HelmetModel, node: TS.Node): Range {
  return model.index.range(node.getStart(model.sf), node.getEnd());
}

/** Route paths that answer health probes (Kubernetes, load balancers, uptime checks). */
export const HEALTH_ROUTE = /(^|\/)(_?health(z|check|-check|_check)?|livez?|liveness|readyz?|readiness|status|ping|heartbeat)\/?$/i;

/** Every route path of the file: app/router routes and NestJS controller routes. */
export function routePaths(model: HelmetModel): string[] {
  return [...model.routes.map((r) => r.path), ...model.controllerRoutes.map((r) => r.path)].filter((p): p is string => !!p);
}

/** Route paths that handle credentials: where rate limits matter most. */
export const AUTH_ROUTE = /(^|\/)(log-?in|sign-?in|sign-?up|register|auth|authenticate|session|sessions|token|oauth|password|forgot|reset|verify|otp|2fa|mfa)(\/|$|\b)/i;

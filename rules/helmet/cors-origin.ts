// What a file's CORS setup lets through, for cors-wildcard-origin and
// cors-reflect-origin-with-credentials: every cors() / enableCors / @fastify/cors registration and
// every hand-written Access-Control-Allow-Origin header, classified by the origins it accepts.
import type * as TS from 'typescript';
import type { CorsUse, HelmetModel } from './analyze';
import { AUTH_ROUTE, routePaths } from './analyze';
import { typescript } from './ts';
import { get, prop, type SVal } from './values';

export type OriginVerdict =
  /** Any origin gets `*` (or no origin option at all, which means `*`). */
  | { kind: 'any'; node: TS.Node; reason: string }
  /** Every origin is echoed back (origin: true, a match-all regex, an always-yes callback, the request's Origin header). */
  | { kind: 'reflect'; node: TS.Node; reason: string }
  /** An origin pattern with an unescaped `.`: look-alike hosts pass. */
  | { kind: 'loose-pattern'; node: TS.Node; reason: string }
  | { kind: 'restricted'; node: TS.Node; origins: string }
  | { kind: 'off' }
  | { kind: 'unknown' };

export interface CorsSetup {
  /** Where the setup is written (the cors() call, the register call, the header write). */
  node: TS.Node;
  verdict: OriginVerdict;
  /** `credentials: true` (or Access-Control-Allow-Credentials: true); undefined when not known. */
  credentials: boolean | undefined;
}

const USE_LABEL: Record<CorsUse['kind'], string> = {
  'cors-call': 'cors() without options',
  'fastify-register': '@fastify/cors registered without options',
  'nest-enable-cors': 'enableCors() without options',
  'nest-create-option': 'NestFactory.create(..., { cors: true })',
  autoload: '@fastify/cors autoloaded without options',
};

/** The file's CORS setups in source order. */
export function corsSetups(model: HelmetModel): CorsSetup[] {
  const out: CorsSetup[] = model.cors.map((use) => fromUse(use));
  const credentialsHeader = model.headerWrites.some((w) => w.name === 'access-control-allow-credentials' && ((w.value.kind === 'string' && w.value.value === 'true') || (w.value.kind === 'boolean' && w.value.value)));
  for (const w of model.headerWrites) {
    if (w.name !== 'access-control-allow-origin') continue;
    let verdict: OriginVerdict;
    if (w.value.kind === 'string' && w.value.value.trim() === '*') verdict = { kind: 'any', node: w.node, reason: 'Access-Control-Allow-Origin: * set by hand' };
    else if (fromRequestOrigin(w.value.node)) verdict = { kind: 'reflect', node: w.node, reason: "Access-Control-Allow-Origin copied from the request's Origin header" };
    else if (w.value.kind === 'string') verdict = { kind: 'restricted', node: w.node, origins: w.value.value };
    else verdict = { kind: 'unknown' };
    out.push({ node: w.node, verdict, credentials: credentialsHeader });
  }
  return out.sort((a, b) => a.node.pos - b.node.pos);
}

function fromUse(use: CorsUse): CorsSetup {
  const o = use.options;
  // kcors (the old name of @koa/cors, v2) echoes the request's Origin header unless told otherwise.
  if (o === undefined && use.module === 'kcors') return { node: use.node, verdict: { kind: 'reflect', node: use.node, reason: 'kcors without options echoes the request origin' }, credentials: false };
  if (o === undefined) return { node: use.node, verdict: { kind: 'any', node: use.node, reason: USE_LABEL[use.kind] }, credentials: false };
  if (o.kind !== 'object') return { node: use.node, verdict: { kind: 'unknown' }, credentials: undefined };
  const c = get(o, 'credentials');
  const credentials = c === undefined ? (o.open ? undefined : false) : c.kind === 'boolean' ? c.value : undefined;
  const originProp = prop(o, 'origin');
  if (!originProp) {
    // @koa/cors 5 answers "*" by default, but echoes the request origin once credentials are on.
    const echoes = use.module === 'kcors' || (use.module === '@koa/cors' && credentials === true);
    const verdict: OriginVerdict = o.open
      ? { kind: 'unknown' }
      : echoes
        ? { kind: 'reflect', node: use.node, reason: `${use.module} without an origin option echoes the request origin${use.module === 'kcors' ? '' : ' when credentials are on'}` }
        : { kind: 'any', node: use.node, reason: 'no origin option, so the default "*" applies' };
    return { node: use.node, verdict, credentials };
  }
  return { node: use.node, verdict: originVerdict(originProp.value), credentials };
}

function originVerdict(v: SVal): OriginVerdict {
  switch (v.kind) {
    case 'string':
      return v.value.trim() === '*' ? { kind: 'any', node: v.node, reason: 'origin: "*"' } : { kind: 'restricted', node: v.node, origins: v.value };
    case 'boolean':
      return v.value ? { kind: 'reflect', node: v.node, reason: 'origin: true echoes the request origin' } : { kind: 'off' };
    case 'regexp':
      return regexpVerdict(v) ?? { kind: 'restricted', node: v.node, origins: `/${v.source}/${v.flags}` };
    case 'array': {
      for (const item of v.items) {
        if (item.kind === 'string' && item.value.trim() === '*') return { kind: 'any', node: item.node, reason: 'origin list contains "*"' };
        const r = item.kind === 'regexp' ? regexpVerdict(item) : undefined;
        if (r) return r;
      }
      if (v.open || v.items.some((i) => i.kind !== 'string' && i.kind !== 'regexp')) return { kind: 'unknown' };
      return { kind: 'restricted', node: v.node, origins: v.items.map((i) => (i.kind === 'string' ? i.value : i.kind === 'regexp' ? `/${i.source}/` : '?')).join(', ') };
    }
    case 'function':
      return alwaysAllows(v.node) ? { kind: 'reflect', node: v.node, reason: 'the origin callback allows every origin' } : { kind: 'unknown' };
    default:
      return { kind: 'unknown' };
  }
}

function regexpVerdict(v: Extract<SVal, { kind: 'regexp' }>): OriginVerdict | undefined {
  let re: RegExp;
  try {
    re = new RegExp(v.source, v.flags.replace(/[gy]/g, ''));
  } catch {
    return undefined;
  }
  if (re.test('https://attacker.invalid') && re.test('http://evil.example.net:8080')) return { kind: 'reflect', node: v.node, reason: `origin /${v.source}/ matches every origin` };
  if (hasUnescapedDot(v.source)) return { kind: 'loose-pattern', node: v.node, reason: `origin /${v.source}/ has an unescaped "." (any character), so look-alike hosts pass` };
  return undefined;
}

/** A `.` outside a character class, not escaped, between two host characters (`example.com`). */
export function hasUnescapedDot(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '.' && /[A-Za-z0-9-]/.test(source[i - 1] ?? '') && /[A-Za-z0-9]/.test(source[i + 1] ?? '')) return true;
  }
  return false;
}

/** `(origin, cb) => cb(null, true)`: every call of the callback says yes (or echoes the origin). */
function alwaysAllows(node: TS.Node): boolean {
  const ts = typescript();
  if (!ts.isFunctionLike(node) || !('body' in node) || !node.body) return false;
  const [originParam, cbParam] = node.parameters;
  if (!cbParam || !ts.isIdentifier(cbParam.name)) return false;
  const cb = cbParam.name.text;
  const origin = originParam && ts.isIdentifier(originParam.name) ? originParam.name.text : undefined;
  let calls = 0;
  let allYes = true;
  const visit = (n: TS.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === cb) {
      calls++;
      const [err, ok] = n.arguments;
      const noError = !err || err.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(err) && err.text === 'undefined');
      const yes = !!ok && (ok.kind === ts.SyntaxKind.TrueKeyword || (ts.isIdentifier(ok) && ok.text === origin));
      if (!noError || !yes) allYes = false;
    }
    ts.forEachChild(n, visit);
  };
  visit(node.body as TS.Node);
  return calls > 0 && allYes;
}

const REQUEST_ORIGIN = /\bheaders\s*(\.\s*origin\b|\[\s*['"`]origin['"`]\s*\])|\.(get|header|getHeader)\s*\(\s*['"`]origin['"`]\s*\)/i;

/** `req.headers.origin`, `req.header('Origin')`, `ctx.get('Origin')`, `request.headers['origin']`. */
function fromRequestOrigin(node: TS.Node): boolean {
  return REQUEST_ORIGIN.test(node.getText());
}

/** Why a wildcard matters more here: the file uses sessions, cookies, credentials or auth routes (null: none). */
export function credentialContext(model: HelmetModel, setups: CorsSetup[]): string | null {
  const why: string[] = [];
  if (model.sessions.length) why.push('sessions');
  else if (model.imports.some((i) => /^(cookie-parser|@fastify\/cookie|cookie-session)$/.test(i.module))) why.push('cookies');
  if (setups.some((s) => s.credentials)) why.push('credentials: true');
  const auth = routePaths(model).find((p) => AUTH_ROUTE.test(p));
  if (auth) why.push(`auth routes (${auth})`);
  return why.length ? why.join(', ') : null;
}

// What helmet 8 does with a set of options, computed from source: the headers it sets (or removes)
// and the errors it throws at startup. This mirrors helmet 8.3's index.cjs branch by branch and is
// proven against real helmet in test/helmet/helmet-agreement.test.ts. Values that cannot be known
// statically give `undefined` header values, never a guess.
import type * as TS from 'typescript';
import { get, isUndef, prop, truthiness, type SProp, type SVal } from './values';
import { typescript } from './ts';

export const MIDDLEWARES = [
  'contentSecurityPolicy',
  'crossOriginEmbedderPolicy',
  'crossOriginOpenerPolicy',
  'crossOriginResourcePolicy',
  'originAgentCluster',
  'referrerPolicy',
  'strictTransportSecurity',
  'xContentTypeOptions',
  'xDnsPrefetchControl',
  'xDownloadOptions',
  'xFrameOptions',
  'xPermittedCrossDomainPolicies',
  'xPoweredBy',
  'xXssProtection',
] as const;
export type Middleware = (typeof MIDDLEWARES)[number];

// Null-prototype objects: a lookup of `constructor` or `toString` must not find Object's.
/** Legacy names helmet 8 still accepts, as top-level options and as functions. */
export const LEGACY_ALIASES: Record<string, Middleware> = Object.assign(Object.create(null), {
  hsts: 'strictTransportSecurity',
  noSniff: 'xContentTypeOptions',
  dnsPrefetchControl: 'xDnsPrefetchControl',
  ieNoOpen: 'xDownloadOptions',
  frameguard: 'xFrameOptions',
  permittedCrossDomainPolicies: 'xPermittedCrossDomainPolicies',
  hidePoweredBy: 'xPoweredBy',
  xssFilter: 'xXssProtection',
});

/** Options and functions removed from helmet (CHANGELOG 4.0, 7.0): accepted silently or a TypeError. */
export const REMOVED: Record<string, string> = Object.assign(Object.create(null), {
  featurePolicy: 'removed in helmet 4 (use a Permissions-Policy header)',
  hpkp: 'removed in helmet 4 (HTTP Public Key Pinning is obsolete)',
  noCache: 'removed in helmet 4 (use a Cache-Control header or the nocache package)',
  expectCt: 'removed in helmet 7 (Expect-CT is obsolete)',
  iexss: 'removed in helmet 4',
  xssFilterOld: 'removed',
});

export const HEADER_OF: Record<Middleware, string> = {
  contentSecurityPolicy: 'content-security-policy',
  crossOriginEmbedderPolicy: 'cross-origin-embedder-policy',
  crossOriginOpenerPolicy: 'cross-origin-opener-policy',
  crossOriginResourcePolicy: 'cross-origin-resource-policy',
  originAgentCluster: 'origin-agent-cluster',
  referrerPolicy: 'referrer-policy',
  strictTransportSecurity: 'strict-transport-security',
  xContentTypeOptions: 'x-content-type-options',
  xDnsPrefetchControl: 'x-dns-prefetch-control',
  xDownloadOptions: 'x-download-options',
  xFrameOptions: 'x-frame-options',
  xPermittedCrossDomainPolicies: 'x-permitted-cross-domain-policies',
  xPoweredBy: 'x-powered-by',
  xXssProtection: 'x-xss-protection',
};
export const CSP_REPORT_ONLY = 'content-security-policy-report-only';

export type HelmetErrorKind = 'unquoted-keyword' | 'alias-twice' | 'bad-value' | 'not-an-object';

export interface HelmetError {
  kind: HelmetErrorKind;
  /** helmet's own message (or the TypeError it would hit). */
  message: string;
  node: TS.Node;
}

/** One middleware's effect: the headers it sets (value), removes (null), or sets to something only known at runtime (undefined). */
export interface Effect {
  headers: Map<string, string | null | undefined>;
  errors: HelmetError[];
  /** Which middleware produced each header, and the options node it read (for evidence and fixes). */
  origin: Map<string, { middleware: Middleware; options: SVal | undefined }>;
}

function newEffect(): Effect {
  return { headers: new Map(), errors: [], origin: new Map() };
}

/** `helmet(options)`: every middleware with its switch, aliases checked as helmet checks them. */
export function topLevelEffect(options: SVal | undefined, at: TS.Node): Effect {
  const out = newEffect();
  if (options?.kind === 'unknown') {
    // Nothing is known: every header may be anything.
    for (const m of MIDDLEWARES) out.headers.set(HEADER_OF[m], undefined);
    out.headers.set(CSP_REPORT_ONLY, undefined);
    return out;
  }
  if (options && isPrimitive(options)) {
    // helmet reads options.constructor, then uses `in` on the options: both throw on primitives.
    out.errors.push({ kind: 'not-an-object', message: `helmet() options must be an object, not ${options.kind}`, node: options.node });
    return out;
  }
  const opts = options?.kind === 'object' ? options : undefined;
  for (const [alias, m] of Object.entries(LEGACY_ALIASES)) {
    // helmet checks `"x" in options && "alias" in options`: a written `undefined` counts too.
    const legacy = prop(opts, alias);
    if (prop(opts, m) && legacy) out.errors.push({ kind: 'alias-twice', message: `${headerTitle(m)} option was specified twice. Remove the \`${alias}\` option to fix this error.`, node: legacy.node });
  }
  for (const c of middlewareConfigs('topLevel', options)) {
    if (c.on === undefined) setUnknown(out, c.middleware);
    else if (!c.on) setOff(out, c.middleware);
    else merge(out, middlewareEffect(c.middleware, c.options, at));
  }
  return out;
}

/** How one helmet use configures one middleware. */
export interface MiddlewareConfig {
  middleware: Middleware;
  /** The helmet() option that configures it (`hsts` or `strictTransportSecurity`); absent for piecemeal calls and defaults. */
  prop?: SProp;
  /** Switched on, off, or not known statically. */
  on: boolean | undefined;
  /** The options the middleware receives (undefined: none, its defaults). */
  options: SVal | undefined;
}

const ALIAS_OF = Object.fromEntries(Object.entries(LEGACY_ALIASES).map(([alias, m]) => [m, alias])) as Partial<Record<Middleware, string>>;

/**
 * The middlewares a use runs and their options: for `helmet(options)` every middleware, switched
 * the way helmet 8 switches it; for a piecemeal call (`helmet.hsts(options)`) that one middleware.
 */
export function middlewareConfigs(middleware: 'topLevel' | Middleware, options: SVal | undefined): MiddlewareConfig[] {
  if (middleware !== 'topLevel') return [{ middleware, on: true, options }];
  if (options?.kind === 'unknown') return MIDDLEWARES.map((m) => ({ middleware: m, on: undefined, options }));
  if (options && isPrimitive(options)) return [];
  const opts = options?.kind === 'object' ? options : undefined;
  // Every rule asks, for every use: many uses of one big options const would rescan it each time.
  const cached = opts && configsOf.get(opts);
  if (cached) return cached;
  const configs = MIDDLEWARES.map((m): MiddlewareConfig => {
    const alias = ALIAS_OF[m];
    const own = prop(opts, m);
    const legacy = alias ? prop(opts, alias) : undefined;
    // `options.x ?? options.alias` for aliased middlewares; the others read `options.x` alone, so
    // their `null` reaches the middleware (and throws where it destructures its options).
    let written = own;
    let value = own?.value;
    if (alias && (isUndef(value) || value?.kind === 'null')) {
      written = legacy ?? own;
      value = legacy?.value;
    }
    // An unknown spread may bring the option in.
    if (opts?.open && !own && !legacy) return { middleware: m, on: undefined, options: { kind: 'unknown', node: opts.node } };
    if (value?.kind === 'unknown') return { middleware: m, prop: written, on: undefined, options: value };
    const on = isUndef(value) ? m !== 'crossOriginEmbedderPolicy' : value!.kind === 'boolean' ? value!.value : true;
    return { middleware: m, prop: written, on, options: isUndef(value) || value!.kind === 'boolean' ? undefined : value };
  });
  if (opts) configsOf.set(opts, configs);
  return configs;
}
const configsOf = new WeakMap<SVal, MiddlewareConfig[]>();

/** Values `in` and destructuring-with-defaults treat as primitives (a Symbol too). */
function isPrimitive(v: SVal): boolean {
  return v.kind === 'string' || v.kind === 'number' || v.kind === 'boolean' || v.kind === 'null' || v.kind === 'disable-default-src';
}

function headerTitle(m: Middleware): string {
  return HEADER_OF[m].replace(/(^|-)([a-z])/g, (_, d: string, c: string) => d + c.toUpperCase()).replace('Dns', 'DNS').replace('Xss', 'XSS');
}

function setOff(out: Effect, m: Middleware): void {
  if (m === 'xPoweredBy') return; // not removing X-Powered-By leaves whatever the framework sets
  if (m === 'contentSecurityPolicy') out.headers.set(CSP_REPORT_ONLY, null);
  out.headers.set(HEADER_OF[m], null);
}

function setUnknown(out: Effect, m: Middleware): void {
  if (m === 'contentSecurityPolicy') out.headers.set(CSP_REPORT_ONLY, undefined);
  out.headers.set(HEADER_OF[m], undefined);
}

function merge(into: Effect, from: Effect): void {
  for (const [k, v] of from.headers) into.headers.set(k, v);
  for (const [k, v] of from.origin) into.origin.set(k, v);
  into.errors.push(...from.errors);
}

/**
 * One middleware called with `options` (undefined = no argument). `at` is where errors point when
 * the options are not written anywhere (the call).
 */
export function middlewareEffect(m: Middleware, options: SVal | undefined, at: TS.Node): Effect {
  const out = newEffect();
  const header = HEADER_OF[m];
  const set = (value: string | null | undefined) => {
    out.headers.set(header, value);
    out.origin.set(header, { middleware: m, options });
  };
  const fail = (kind: HelmetErrorKind, message: string, node: TS.Node | undefined) => out.errors.push({ kind, message, node: node ?? options?.node ?? at });
  if (options?.kind === 'unknown') {
    setUnknown(out, m);
    if (m === 'xPoweredBy') out.headers.set(header, null);
    return out;
  }
  // Destructuring `{policy = ...}` of null throws before anything else.
  if (options?.kind === 'null' && m !== 'originAgentCluster' && m !== 'xContentTypeOptions' && m !== 'xDownloadOptions' && m !== 'xPoweredBy' && m !== 'xXssProtection') {
    fail('not-an-object', `Cannot read properties of null (${m} options)`, options.node);
    return out;
  }
  const opt = (key: string) => get(options, key);
  const policyFrom = (allowed: Set<string>, fallback: string, what: string) => {
    const p = opt('policy');
    if (isUndef(p)) return fallback;
    if (p!.kind === 'unknown') return undefined;
    if (p!.kind === 'string' && allowed.has(p!.value)) return p!.value;
    fail('bad-value', `${what} does not support the ${JSON.stringify(display(p!))} policy`, p!.node);
    return null;
  };
  switch (m) {
    case 'contentSecurityPolicy':
      return cspEffect(options, at);
    case 'crossOriginEmbedderPolicy': {
      const v = policyFrom(new Set(['require-corp', 'credentialless', 'unsafe-none']), 'require-corp', 'Cross-Origin-Embedder-Policy');
      if (v !== null) set(v);
      return out;
    }
    case 'crossOriginOpenerPolicy': {
      const v = policyFrom(new Set(['same-origin', 'same-origin-allow-popups', 'noopener-allow-popups', 'unsafe-none']), 'same-origin', 'Cross-Origin-Opener-Policy');
      if (v !== null) set(v);
      return out;
    }
    case 'crossOriginResourcePolicy': {
      const v = policyFrom(new Set(['same-origin', 'same-site', 'cross-origin']), 'same-origin', 'Cross-Origin-Resource-Policy');
      if (v !== null) set(v);
      return out;
    }
    case 'originAgentCluster':
      set('?1');
      return out;
    case 'referrerPolicy': {
      const p = opt('policy');
      let tokens: SVal[];
      if (isUndef(p)) tokens = [{ kind: 'string', value: 'no-referrer', node: at }];
      else if (p!.kind === 'unknown') return set(undefined), out;
      else if (p!.kind === 'string') tokens = [p!];
      else if (p!.kind === 'array') {
        // A Set has forEach but no join: helmet throws after checking the tokens.
        if (isSetConstruction(p!)) return fail('bad-value', 'Referrer-Policy received a Set (tokens.join is not a function); pass an array', p!.node), out;
        if (p!.open) return set(undefined), out;
        tokens = p!.items;
        if (!tokens.length) return fail('bad-value', 'Referrer-Policy received no policy tokens', p!.node), out;
      } else return fail('bad-value', 'Referrer-Policy received an invalid policy (tokens.forEach is not a function)', p!.node), out;
      const seen = new Set<string>();
      const allowed = new Set(['no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url', '']);
      for (const t of tokens) {
        if (t.kind === 'unknown') return set(undefined), out;
        const s = t.kind === 'string' ? t.value : undefined;
        if (s === undefined || !allowed.has(s)) return fail('bad-value', `Referrer-Policy received an unexpected policy token ${JSON.stringify(display(t))}`, t.node), out;
        if (seen.has(s)) return fail('bad-value', `Referrer-Policy received a duplicate policy token ${JSON.stringify(s)}`, t.node), out;
        seen.add(s);
      }
      set([...seen].join(','));
      return out;
    }
    case 'strictTransportSecurity': {
      if (options && isPrimitive(options)) return fail('not-an-object', `Strict-Transport-Security options must be an object (helmet uses \`in\` on them), not ${options.kind}`, options.node), out;
      // helmet throws at the first of these typos; both are reported so one round of fixes clears them.
      const maxage = prop(options, 'maxage');
      const includeSubdomains = prop(options, 'includeSubdomains');
      if (maxage) fail('bad-value', 'Strict-Transport-Security received an unsupported property, `maxage`. Did you mean to pass `maxAge`?', maxage.node);
      if (includeSubdomains) fail('bad-value', 'Strict-Transport-Security middleware should use `includeSubDomains` instead of `includeSubdomains`. (The correct one has an uppercase "D".)', includeSubdomains.node);
      if (maxage || includeSubdomains) return out;
      if (options?.kind === 'object' && options.open) return set(undefined), out;
      const maxAge = opt('maxAge');
      let age: number | undefined;
      if (isUndef(maxAge)) age = 31536000;
      else if (maxAge!.kind === 'unknown') age = undefined;
      else if (maxAge!.kind === 'number' && maxAge!.value >= 0 && Number.isFinite(maxAge!.value)) age = Math.floor(maxAge!.value);
      else return fail('bad-value', `Strict-Transport-Security: ${display(maxAge!)} is not a valid value for maxAge. Please choose a positive integer.`, maxAge!.node), out;
      const inc = opt('includeSubDomains');
      const pre = opt('preload');
      const incT = isUndef(inc) ? true : truthiness(inc!);
      const preT = isUndef(pre) ? false : truthiness(pre!);
      if (age === undefined || incT === undefined || preT === undefined) return set(undefined), out;
      set([`max-age=${age}`, ...(incT ? ['includeSubDomains'] : []), ...(preT ? ['preload'] : [])].join('; '));
      return out;
    }
    case 'xContentTypeOptions':
      set('nosniff');
      return out;
    case 'xDnsPrefetchControl': {
      const a = opt('allow');
      const t = isUndef(a) ? false : truthiness(a!);
      set(t === undefined ? undefined : t ? 'on' : 'off');
      return out;
    }
    case 'xDownloadOptions':
      set('noopen');
      return out;
    case 'xFrameOptions': {
      const a = opt('action');
      if (isUndef(a)) return set('SAMEORIGIN'), out;
      if (a!.kind === 'unknown') return set(undefined), out;
      const up = a!.kind === 'string' ? a!.value.toUpperCase() : undefined;
      if (up === 'SAME-ORIGIN' || up === 'SAMEORIGIN') return set('SAMEORIGIN'), out;
      if (up === 'DENY') return set('DENY'), out;
      fail('bad-value', `X-Frame-Options received an invalid action ${JSON.stringify(display(a!))}`, a!.node);
      return out;
    }
    case 'xPermittedCrossDomainPolicies': {
      const p = opt('permittedPolicies');
      if (isUndef(p)) return set('none'), out;
      if (p!.kind === 'unknown') return set(undefined), out;
      if (p!.kind === 'string' && ['none', 'master-only', 'by-content-type', 'all'].includes(p!.value)) return set(p!.value), out;
      fail('bad-value', `X-Permitted-Cross-Domain-Policies does not support ${JSON.stringify(display(p!))}`, p!.node);
      return out;
    }
    case 'xPoweredBy':
      set(null);
      return out;
    case 'xXssProtection':
      set('0');
      return out;
  }
}

/** `new Set([...])`, which values.ts reads as an array of its items. */
function isSetConstruction(v: SVal): boolean {
  return v.node.kind === typescript().SyntaxKind.NewExpression;
}

function display(v: SVal): unknown {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    default:
      return `<${v.kind}>`;
  }
}

const SHOULD_BE_QUOTED = new Set(['none', 'self', 'strict-dynamic', 'report-sample', 'inline-speculation-rules', 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', 'wasm-unsafe-eval']);
const DIRECTIVE_NAME = /^[a-z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

export const DEFAULT_DIRECTIVES: [string, string[]][] = [
  ['default-src', ["'self'"]],
  ['base-uri', ["'self'"]],
  ['font-src', ["'self'", 'https:', 'data:']],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['object-src', ["'none'"]],
  ['script-src', ["'self'"]],
  ['script-src-attr', ["'none'"]],
  ['style-src', ["'self'", 'https:', "'unsafe-inline'"]],
  ['upgrade-insecure-requests', []],
];

/** Does helmet reject this source entry as an unquoted keyword (it throws at startup)? */
export function shouldBeQuoted(entry: string): boolean {
  return SHOULD_BE_QUOTED.has(entry) || /^(nonce|sha256|sha384|sha512)-/.test(entry);
}

export const dashify = (s: string) => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** One CSP directive as helmet will send it, with where it was written. */
export interface CspDirective {
  name: string;
  /** Source entries; a `undefined` entry is only known at request time (a nonce function). */
  sources: (string | undefined)[];
  /** The directive's value as written (absent for helmet's defaults). */
  value?: SVal;
  keyNode?: TS.Node;
  fromDefaults: boolean;
}

export interface CspResult {
  directives: CspDirective[];
  /** Some directives could not be known (an unknown spread or value). */
  open: boolean;
  reportOnly: boolean | undefined;
}

/** The policy helmet builds from `contentSecurityPolicy` options (useDefaults merging), with its errors. */
export function cspDirectives(options: SVal | undefined, errors: HelmetError[], at: TS.Node): CspResult | null {
  if (options?.kind === 'unknown') return null;
  const useDefaultsV = get(options, 'useDefaults');
  const useDefaults = isUndef(useDefaultsV) ? true : truthiness(useDefaultsV!);
  const rawV = get(options, 'directives');
  const ro = get(options, 'reportOnly');
  const reportOnly = isUndef(ro) ? false : truthiness(ro!);
  if (useDefaults === undefined) return null;
  const result = new Map<string, CspDirective>(useDefaults ? DEFAULT_DIRECTIVES.map(([n, s]) => [n, { name: n, sources: [...s], fromDefaults: true }]) : []);
  let open = false;
  let disabledDefaultSrc = false;
  const raw = isUndef(rawV) ? undefined : rawV;
  if (raw?.kind === 'unknown') return null;
  // for..in over a non-empty string or array visits its indices: "0" is not a directive name.
  if ((raw?.kind === 'string' && raw.value.length) || (raw?.kind === 'array' && (raw.items.length || raw.open))) {
    errors.push({ kind: 'bad-value', message: 'Content-Security-Policy received an invalid directive name "0"', node: raw.node });
    return { directives: [], open: false, reportOnly };
  }
  const seen = new Set<string>();
  if (raw?.kind === 'object') {
    open = raw.open;
    // A key given twice (in one literal, or over a spread) keeps its first position and its last
    // value: JavaScript semantics, and the order helmet writes the directives in.
    const last = new Map<string, SProp>();
    for (const p of raw.props) last.set(p.key, p);
    for (const p of last.values()) {
      const rawName = p.key;
      if (!rawName.length || !DIRECTIVE_NAME.test(rawName)) {
        errors.push({ kind: 'bad-value', message: `Content-Security-Policy received an invalid directive name ${JSON.stringify(rawName)}`, node: p.keyNode });
        continue;
      }
      const name = dashify(rawName);
      if (seen.has(name)) {
        errors.push({ kind: 'bad-value', message: `Content-Security-Policy received a duplicate directive ${JSON.stringify(name)}`, node: p.keyNode });
        continue;
      }
      seen.add(name);
      const v = p.value;
      if (v.kind === 'null') {
        if (name === 'default-src') errors.push({ kind: 'bad-value', message: 'Content-Security-Policy needs a default-src but it was set to `null`. If you really want to disable it, set it to `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.', node: v.node });
        result.delete(name);
        continue;
      }
      if (v.kind === 'disable-default-src') {
        if (name === 'default-src') {
          disabledDefaultSrc = true;
          result.delete(name);
        } else errors.push({ kind: 'bad-value', message: `Content-Security-Policy: tried to disable ${JSON.stringify(name)} as if it were default-src; simply omit the key`, node: v.node });
        continue;
      }
      if (v.kind === 'unknown') {
        result.set(name, { name, sources: [undefined], value: v, keyNode: p.keyNode, fromDefaults: false });
        open = true;
        continue;
      }
      let entries: SVal[];
      if (v.kind === 'string') entries = [v];
      else if (v.kind === 'array') {
        entries = v.items;
        if (v.open) open = true;
      } else if (truthiness(v) === false) {
        errors.push({ kind: 'bad-value', message: `Content-Security-Policy received an invalid directive value for ${JSON.stringify(name)}`, node: v.node });
        continue;
      } else {
        errors.push({ kind: 'bad-value', message: `Content-Security-Policy received an invalid directive value for ${JSON.stringify(name)} (it is not a list of sources)`, node: v.node });
        continue;
      }
      const sources: (string | undefined)[] = [];
      for (const el of entries) {
        if (el.kind === 'string') {
          if (/[;,]/.test(el.value)) errors.push({ kind: 'bad-value', message: `Content-Security-Policy received an invalid directive value for ${JSON.stringify(name)}`, node: el.node });
          else if (shouldBeQuoted(el.value)) errors.push({ kind: 'unquoted-keyword', message: `Content-Security-Policy received an invalid directive value for ${JSON.stringify(name)}. ${JSON.stringify(el.value)} should be quoted`, node: el.node });
          sources.push(el.value);
        } else if (el.kind === 'number' || el.kind === 'boolean' || el.kind === 'null' || el.kind === 'undefined') sources.push(String(el.kind === 'null' ? null : el.kind === 'undefined' ? undefined : el.value));
        else sources.push(undefined); // a nonce function or an unknown value: known at request time
      }
      result.set(name, { name, sources, value: v, keyNode: p.keyNode, fromDefaults: false });
    }
  }
  if (!open) {
    if (!result.size) errors.push({ kind: 'bad-value', message: 'Content-Security-Policy has no directives. Either set some or disable the header', node: raw?.node ?? options?.node ?? at });
    else if (!result.has('default-src') && !disabledDefaultSrc)
      errors.push({ kind: 'bad-value', message: 'Content-Security-Policy needs a default-src but none was provided. If you really want to disable it, set it to `contentSecurityPolicy.dangerouslyDisableDefaultSrc`.', node: raw?.node ?? options?.node ?? at });
  }
  return { directives: [...result.values()], open, reportOnly };
}

function cspEffect(options: SVal | undefined, at: TS.Node): Effect {
  const out = newEffect();
  const csp = cspDirectives(options, out.errors, at);
  const origin = { middleware: 'contentSecurityPolicy' as Middleware, options };
  if (!csp || csp.reportOnly === undefined) {
    out.headers.set(HEADER_OF.contentSecurityPolicy, undefined);
    out.headers.set(CSP_REPORT_ONLY, undefined);
    return out;
  }
  // helmet joins the sources with spaces and writes the bare name when that is empty (`sandbox: ''`).
  const value = csp.open || csp.directives.some((d) => d.sources.includes(undefined)) ? undefined : csp.directives.map((d) => (d.sources.join(' ') ? `${d.name} ${d.sources.join(' ')}` : d.name)).join(';');
  const [on, off] = csp.reportOnly ? [CSP_REPORT_ONLY, HEADER_OF.contentSecurityPolicy] : [HEADER_OF.contentSecurityPolicy, CSP_REPORT_ONLY];
  out.headers.set(on, value);
  out.headers.set(off, null);
  out.origin.set(on, origin);
  return out;
}

/** The middleware a helmet member name calls (`hsts` -> strictTransportSecurity), if any. */
export function middlewareNamed(name: string): Middleware | undefined {
  return (MIDDLEWARES as readonly string[]).includes(name) ? (name as Middleware) : Object.hasOwn(LEGACY_ALIASES, name) ? LEGACY_ALIASES[name] : undefined;
}


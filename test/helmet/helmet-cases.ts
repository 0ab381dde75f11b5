// Cases for the helmet agreement test: the 109 cases of the helmet 8.3 test suite
// (test/corpora/helmet/helmet-options/expectations.json) and our own cases for what that
// corpus lacks (CSP merging, consts and spreads, legacy function names, misuse). Every case is a
// JavaScript options expression, so the analyser reads exactly the text real helmet receives.
import { readFileSync } from 'node:fs';

export interface AgreementCase {
  name: string;
  /** 'topLevel' for `helmet(...)`, else the helmet function as written (`hsts`, `frameguard`). */
  middleware: string;
  /** JS expression of the options; undefined: called with no argument. */
  options?: string;
  /** Statements before the app (consts the options use). */
  preamble?: string;
  /** `app.use(helmet)` / `app.use(helmet.x)`: passed uncalled. */
  uncalled?: boolean;
  /** From the corpus: lower-case header -> value (null: absent). */
  expectedHeaders?: Record<string, string | null>;
  expectThrow?: boolean;
}

interface CorpusCase {
  file: string;
  line: number;
  middleware: string;
  options: unknown;
  expectedHeaders?: Record<string, string | null>;
  expectThrow?: boolean;
}

/**
 * JSON cannot hold `Infinity`, `-Infinity` or `NaN`: the corpus writes the numbers of helmet's
 * tests (`maxAge: Infinity`) as these strings. Everything else is JSON as is.
 */
const NON_JSON_NUMBERS = new Set(['Infinity', '-Infinity', 'NaN']);

export function toSource(v: unknown): string {
  if (v === '__undefined__') return 'undefined';
  if (typeof v === 'string' && NON_JSON_NUMBERS.has(v)) return v;
  if (Array.isArray(v)) return `[${v.map(toSource).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${toSource(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

export function corpusCases(file: string): AgreementCase[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { cases: CorpusCase[] };
  return json.cases.map((c) => ({
    name: `${c.file.replace(/^test\//, '')}:${c.line}`,
    middleware: c.middleware,
    options: c.options === '__none__' ? undefined : toSource(c.options),
    expectedHeaders: c.expectedHeaders,
    expectThrow: c.expectThrow,
  }));
}

const CSP = 'helmet.contentSecurityPolicy';

/** What the corpus lacks: CSP merging, consts, spreads, Sets, legacy functions, misuse. */
export const EXTRA_CASES: AgreementCase[] = [
  { name: 'CSP useDefaults (default true) merges a camelCase directive in place', middleware: 'topLevel', options: `{ contentSecurityPolicy: { directives: { scriptSrc: ["'self'", 'cdn.example.com'] } } }` },
  { name: 'CSP useDefaults false keeps only what is written', middleware: 'contentSecurityPolicy', options: `{ useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", 'https://cdn.example.com'], objectSrc: ["'none'"] } }` },
  { name: 'CSP useDefaults false without default-src throws', middleware: 'contentSecurityPolicy', options: `{ useDefaults: false, directives: { scriptSrc: ["'self'"] } }` },
  { name: 'CSP null removes a default directive', middleware: 'topLevel', options: `{ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null, 'form-action': null } } }` },
  { name: 'CSP null default-src throws', middleware: 'contentSecurityPolicy', options: `{ directives: { defaultSrc: null } }` },
  { name: 'CSP dangerouslyDisableDefaultSrc', middleware: 'contentSecurityPolicy', options: `{ directives: { defaultSrc: ${CSP}.dangerouslyDisableDefaultSrc } }` },
  { name: 'CSP dangerouslyDisableDefaultSrc on another directive throws', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ${CSP}.dangerouslyDisableDefaultSrc } }` },
  { name: 'CSP duplicate directive via camelCase and dashed throws', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ["'self'"], 'script-src': ["'self'"] } }` },
  { name: 'CSP unquoted keyword self throws', middleware: 'topLevel', options: `{ contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } }` },
  { name: 'CSP unquoted nonce throws', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ["'self'", 'nonce-abc123'] } }` },
  { name: 'CSP unquoted sha256 throws', middleware: 'contentSecurityPolicy', options: `{ directives: { styleSrc: 'sha256-abc' } }` },
  { name: 'CSP ; inside a value throws', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ["'self'; object-src *"] } }` },
  { name: 'CSP Set values (deduplicated; empty Set)', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: new Set(["'self'", 'cdn.example.com', "'self'"]), imgSrc: new Set() } }` },
  { name: 'CSP getDefaultDirectives() spread, one directive overridden in place', middleware: 'contentSecurityPolicy', options: `{ useDefaults: false, directives: { ...${CSP}.getDefaultDirectives(), 'script-src': ["'self'", 'example.com'], connectSrc: ["'self'"] } }` },
  { name: 'CSP getDefaultDirectives() spread plus a camelCase override is a duplicate: throws', middleware: 'contentSecurityPolicy', options: `{ directives: { ...${CSP}.getDefaultDirectives(), scriptSrc: ["'self'", 'example.com'] } }` },
  { name: 'CSP key written twice keeps its first position and last value', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ["'self'"], imgSrc: ['*'], scriptSrc: ["'none'"] } }` },
  { name: 'CSP empty string and empty list give a bare directive', middleware: 'contentSecurityPolicy', options: `{ directives: { sandbox: '', blockAllMixedContent: [] } }` },
  { name: 'CSP unknown directive names are accepted silently', middleware: 'contentSecurityPolicy', options: `{ directives: { frameAnchestors: ["'none'"] } }` },
  { name: 'CSP nonce function: value only known per request', middleware: 'contentSecurityPolicy', options: `{ directives: { scriptSrc: ["'self'", (req, res) => "'nonce-abc'"] } }` },
  { name: 'CSP reportOnly with defaults', middleware: 'topLevel', options: `{ contentSecurityPolicy: { reportOnly: true } }` },
  { name: 'CSP useDefaults false and no directives throws', middleware: 'contentSecurityPolicy', options: '{ useDefaults: false }' },
  { name: 'CSP a number as directive value is not iterable: throws', middleware: 'contentSecurityPolicy', options: '{ directives: { imgSrc: 5 } }' },
  { name: 'CSP false as directive value throws', middleware: 'contentSecurityPolicy', options: '{ directives: { imgSrc: false } }' },
  { name: 'CSP non-string entries are stringified per request', middleware: 'contentSecurityPolicy', options: "{ directives: { imgSrc: [\"'self'\", 42, null] } }" },
  { name: 'CSP directives given as a string throws (its keys are indices)', middleware: 'contentSecurityPolicy', options: `{ directives: 'default-src' }` },
  {
    name: 'consts and spreads',
    middleware: 'topLevel',
    preamble: "const ONE_YEAR = 60 * 60 * 24 * 365;\nconst base = { frameguard: { action: 'deny' }, referrerPolicy: { policy: ['no-referrer', 'strict-origin-when-cross-origin'] } };",
    options: '{ ...base, hsts: { maxAge: ONE_YEAR * 2, preload: true }, crossOriginEmbedderPolicy: { policy: "credentialless" } }',
  },
  { name: 'arithmetic maxAge (180 days)', middleware: 'hsts', options: '{ maxAge: 60 * 60 * 24 * 180, includeSubDomains: false }' },
  { name: 'legacy function frameguard', middleware: 'frameguard', options: "{ action: 'deny' }" },
  { name: 'legacy function noSniff', middleware: 'noSniff' },
  { name: 'legacy function hidePoweredBy', middleware: 'hidePoweredBy' },
  { name: 'legacy function permittedCrossDomainPolicies', middleware: 'permittedCrossDomainPolicies', options: "{ permittedPolicies: 'master-only' }" },
  { name: 'X-Frame-Options ALLOW-FROM throws', middleware: 'topLevel', options: "{ xFrameOptions: { action: 'ALLOW-FROM https://example.com' } }" },
  { name: 'xPoweredBy false leaves Express header', middleware: 'topLevel', options: '{ xPoweredBy: false, xXssProtection: false }' },
  { name: 'strictTransportSecurity null falls back to hsts (absent): default', middleware: 'topLevel', options: '{ strictTransportSecurity: null }' },
  { name: 'hsts null reaches the middleware and throws', middleware: 'topLevel', options: '{ hsts: null }' },
  { name: 'COEP null (no alias) reaches the middleware and throws', middleware: 'topLevel', options: '{ crossOriginEmbedderPolicy: null }' },
  { name: 'hsts given a string throws (`in` on a primitive)', middleware: 'topLevel', options: "{ hsts: 'yes' }" },
  { name: 'removed options are ignored', middleware: 'topLevel', options: '{ noCache: true, featurePolicy: { features: {} }, expectCt: { maxAge: 10 } }' },
  { name: 'helmet([]) is an object: defaults', middleware: 'topLevel', options: '[]' },
  { name: 'referrerPolicy given a Set throws', middleware: 'referrerPolicy', options: "{ policy: new Set(['no-referrer']) }" },
  { name: 'app.use(helmet) uncalled', middleware: 'topLevel', uncalled: true },
  { name: 'app.use(helmet.frameguard) uncalled', middleware: 'frameguard', uncalled: true },
];

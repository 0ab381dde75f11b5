// Inputs of the helmet-domain robustness suite: the corpus file lists (wild Express/Nest/Fastify/Koa
// apps, helmet's own tests rewritten to import "helmet" as users do), deterministic JS/TS mutations
// (half-typed code: truncation inside calls, lost or extra brackets and quotes, token swaps,
// unbalanced template literals) and hand-made pathological files (10k helmet() calls, options
// nested 500 deep, a 2 MB string, 5,000 chained spreads, self-referencing consts). Case `i` of a run
// depends only on (seed, i, pool), so any failing case can be rebuilt from its label alone.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CORPORA_ROOT } from '../corpus/corpora';
import { mentionsRelevantModule } from '../../rules/helmet/modules';
import { MUTATORS as TEXT_MUTATORS, Rng, mutate, type MutationCase, type Mutator, splitLines, insertAt, insertIndentedLine } from './mutations';

export const HELMET_CORPORA = {
  wild: path.join(CORPORA_ROOT, 'wild/express'),
  helmetTests: path.join(CORPORA_ROOT, 'helmet/helmet-options/test'),
} as const;

const JS_TS = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (JS_TS.test(name)) out.push(p);
  }
  return out;
}

/** The JS/TS files of the wild Express/Nest/Fastify/Koa corpus. */
export const wildExpressFiles = (): string[] => walk(HELMET_CORPORA.wild);

/** helmet's own tests and project-setup checks (JS/TS). */
export const helmetTestFiles = (): string[] => walk(HELMET_CORPORA.helmetTests);

export const allHelmetCorpusFiles = (): string[] => [...wildExpressFiles(), ...helmetTestFiles()];

const isHelmetTest = (file: string) => file.startsWith(HELMET_CORPORA.helmetTests + path.sep);

/**
 * The text a corpus file is linted as. helmet's tests import the package's own sources (`..`,
 * `../middlewares/x-frame-options`); rewritten to import "helmet" as applications do, so that the
 * rules see helmet's every tested option (valid and invalid). Files that still import nothing of
 * ours get one helmet import on top.
 */
export function corpusText(file: string, text: string): string {
  if (!isHelmetTest(file)) return text;
  let t = text
    .replace(/from\s+"\.\.(?:\/index(?:\.js)?)?"/g, 'from "helmet"')
    .replace(/import\s+(\w+)\s*,\s*\{([^}]*)\}\s*from\s+"\.\.\/middlewares\/[\w-]+(?:\/index(?:\.js)?)?"/g, 'import { $1, $2 } from "helmet"')
    .replace(/import\s+(\w+)\s+from\s+"\.\.\/middlewares\/[\w-]+(?:\/index(?:\.js)?)?"/g, 'import { $1 } from "helmet"');
  if (!mentionsRelevantModule(t)) t = 'import helmet from "helmet";\n' + t;
  return t;
}

/** Where a corpus file is linted: its own path, except that test names lose `.test` (the domain skips tests). */
export function corpusLintPath(file: string): string {
  return file.replace(/\.test\.([cm]?[jt]sx?)$/, '.$1');
}

/**
 * The project a corpus file belongs to (the files a workspace rule sees with it): the repository
 * folder of the wild corpus, helmet's test folder.
 */
export function projectOf(file: string): string {
  const rel = path.relative(CORPORA_ROOT, file).split(path.sep);
  return rel[0] === 'wild' ? rel.slice(0, 3).join('/') : 'helmet/helmet-options/test';
}

// ---------------------------------------------------------------------------------------------
// Mutations


/** Lines the domain looks at, complete and half-typed, valid and not; suppressions; other syntax. */
const FRAGMENTS = [
  "import helmet from 'helmet';", "const helmet = require('helmet');", "import * as helmet from 'helmet';", "const { default: helmet, frameguard } = require('helmet');",
  "import helmet, { contentSecurityPolicy } from 'helmet';", "import express from 'express';", 'const app = express();', "const app = require('express')();", 'let app; app = express();',
  "import Fastify from 'fastify';", 'const fastify = Fastify({ logger: true });', "import Koa from 'koa';", 'const app = new Koa();', "import koaHelmet from 'koa-helmet';",
  "import { NestFactory } from '@nestjs/core';", 'const app = await NestFactory.create(AppModule, { cors: true });', 'const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter());',
  'app.use(helmet());', 'app.use(helmet);', 'app.use(helmet({', 'app.use(helmet({ contentSecurityPolicy: false }));', 'app.use(helmet({ contentSecurityPolicy: false',
  'app.use(helmet({ hsts: { maxAge: 0, includeSubdomains: true } }));', 'app.use(helmet({ strictTransportSecurity: false, hsts: false }));', 'app.use(helmet({ hsts: { maxAge: 60 * 60 * 24 } }));',
  'app.use(helmet.noCache());', 'app.use(helmet.hsts({ maxage: 1 }));', 'app.use(helmet.frameguard({ action: "ALLOW-FROM https://x" }));', 'app.use(helmet.xssFilter());',
  "app.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ['self'], scriptSrc: [\"'self' 'unsafe-inline'\"] } }));",
  "app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': null } } }));",
  "contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\", 'self', '*', 'http:'], frameAnchestors: ['none'] } },",
  "scriptSrc: ['self', \"'nonce-abc'\", (req, res) => `'nonce-${res.locals.nonce}'`],", "defaultSrc: helmet.contentSecurityPolicy.dangerouslyDisableDefaultSrc,",
  '...helmet.contentSecurityPolicy.getDefaultDirectives(),', "xFrameOptions: { action: 'ALLOW-FROM https://x' },", "referrerPolicy: { policy: ['no-referrer', 'no-referrer'] },",
  "crossOriginOpenerPolicy: { policy: 'unsafe-none' },", "crossOriginResourcePolicy: { policy: 'cross-origin' },", 'xPoweredBy: false,', 'reportOnly: true,', 'maxAge: -1,', 'maxAge: Infinity,',
  'await app.register(helmet, { global: false });', "await fastify.register(require('@fastify/helmet'), { contentSecurityPolicy: false, enableCSPNonces: true });",
  "fastify.get('/x', { helmet: false }, async () => 'ok');", "fastify.route({ method: 'GET', url: '/login', helmet: false, handler });", 'export default helmet;', 'export const autoConfig = { contentSecurityPolicy: false };',
  "const cors = require('cors');", 'app.use(cors());', 'app.use(cors({ origin: true, credentials: true }));', 'app.use(cors({ origin: /.*/, credentials: true }));', "app.use(cors({ origin: (o, cb) => cb(null, true), credentials: true }));",
  'app.enableCors();', "app.enableCors({ origin: '*' });", "app.options('*', cors());", "res.set('Access-Control-Allow-Origin', '*');", "res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });",
  "res.setHeader('X-Powered-By', 'PHP');", "const session = require('express-session');", "app.use(session({ secret: 'keyboard cat' }));",
  "app.use(session({ secret: 'x', cookie: { secure: false, httpOnly: false, sameSite: 'none' } }));", "app.use(cookieSession({ name: 'session', keys: ['a'] }));",
  "const rateLimit = require('express-rate-limit');", "app.use('/auth', rateLimit({ windowMs: 60000, limit: 5 }));", "app.post('/login', (req, res) => res.send('ok'));",
  "router.post('/password/reset', handler);", "app.use(require('serve-index')('public'));", "const csrf = require('csurf');",
  "app.disable('x-powered-by');", "app.set('x-powered-by', false);", "app.set('trust proxy', 1);",
  'const opts = { ...opts };', 'const a = b; const b = a;', 'const csp = { ...csp, directives: csp.directives };', 'helmet(...args);', 'helmet({ ...base, [key]: false });', 'helmet(null);', "helmet('x');",
  '// readiness-lint-disable-next-line helmet/csp-unquoted-keyword -- migrating', '// readiness-lint-disable-next-line', '// readiness-lint-disable-file * --',
  '// njsscan-ignore: helmet_feature_disabled', '// nosemgrep', '// nosemgrep: javascript.express.security.audit.express-cookie-settings.express-cookie-session-no-secure', 'x(); // nosemgrep',
  '/*', '*/', '`', '${', '}', '})', '}));', '({', '=>', '<div>{x}</div>', '<T,>(x: T) => x;', '@Module({})', 'export class AppModule {}', 'enum E { A }', "declare module 'helmet';",
  '#!/usr/bin/env node', "'use strict';", '/regex[/', 'a ?. b ?? c', 'x!;', 'function (', 'class {', 'async () => {', 'if (', 'else', 'import(', 'require(', "import x from '", '#private',
];

/** JS punctuation that unbalances calls, objects, arrays and strings. */
const PUNCT = ['{', '}', '(', ')', '[', ']', ',', "'", '"', '`', '${', '/', '/*', '*/', '//', ':', ';', '=>', '\\', '\n'];

/** Token boundaries: identifiers, numbers, simple strings, single punctuation characters. */
const TOKEN = /[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'[^'\n]*'|"[^"\n]*"|[^\s\w]/g;

function tokens(s: string): { at: number; text: string }[] {
  return [...s.matchAll(TOKEN)].map((m) => ({ at: m.index!, text: m[0] }));
}

/** Replace tokens (sorted by offset, non-overlapping) by new texts. */
function replaceTokens(s: string, edits: { at: number; len: number; text: string }[]): string {
  let out = '';
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.at - b.at)) {
    if (e.at < pos) continue;
    out += s.slice(pos, e.at) + e.text;
    pos = e.at + e.len;
  }
  return out + s.slice(pos);
}

/** Where half-typed code usually ends: inside a call that installs or configures middleware. */
const CALL_STARTS = /\b(helmet|cors|session|cookieSession|rateLimit|contentSecurityPolicy|hsts|frameguard)\s*\(|\.(use|register|enableCors|disable|set|get|post)\s*\(|NestFactory\.create\s*\(/g;

export const HELMET_MUTATORS: Record<string, Mutator> = {
  truncate: TEXT_MUTATORS.truncate,
  /** Cut inside (or right after) a call that installs middleware: the editor's state mid-typing. */
  truncateInCall: (s, r) => {
    const starts = [...s.matchAll(CALL_STARTS)].map((m) => m.index! + m[0].length);
    if (!starts.length) return s.slice(0, r.int(s.length + 1));
    const at = r.pick(starts);
    return s.slice(0, Math.min(s.length, at + r.int(300)));
  },
  /** Delete a run of characters somewhere inside a call (a selection deleted mid-edit). */
  deleteInCall: (s, r) => {
    const starts = [...s.matchAll(CALL_STARTS)].map((m) => m.index! + m[0].length);
    const at = starts.length ? r.pick(starts) + r.int(200) : r.int(s.length + 1);
    return s.slice(0, at) + s.slice(Math.min(s.length, at + r.range(1, 80)));
  },
  flipBytes: TEXT_MUTATORS.flipBytes,
  deleteLines: TEXT_MUTATORS.deleteLines,
  duplicateLines: TEXT_MUTATORS.duplicateLines,
  shuffleLines: TEXT_MUTATORS.shuffleLines,
  binaryJunk: TEXT_MUTATORS.binaryJunk,
  randomUnicode: TEXT_MUTATORS.randomUnicode,
  splice: TEXT_MUTATORS.splice,
  lineEndings: TEXT_MUTATORS.lineEndings,
  whitespace: TEXT_MUTATORS.whitespace,
  /** Insert brackets, commas, quotes and template pieces at random offsets. */
  unbalanced: (s, r) => {
    let out = s;
    for (let n = r.range(1, 12); n > 0; n--) out = insertAt(out, r.pick(PUNCT), r);
    return out;
  },
  /** Delete some of the structure: brackets, commas, quotes, backticks. */
  dropPunctuation: (s, r) => {
    const p = r.pick([0.02, 0.05, 0.15]);
    return s.replace(/[{}()[\],'"`]/g, (c) => (r.chance(p) ? '' : c));
  },
  /** Swap pairs of tokens (arguments, keys, values, operators trade places). */
  tokenSwap: (s, r) => {
    const ts = tokens(s);
    if (ts.length < 2) return s;
    const edits: { at: number; len: number; text: string }[] = [];
    for (let n = r.range(1, 6); n > 0; n--) {
      const a = ts[r.int(ts.length)];
      const b = ts[r.int(ts.length)];
      if (a === b) continue;
      edits.push({ at: a.at, len: a.text.length, text: b.text }, { at: b.at, len: b.text.length, text: a.text });
    }
    // A token picked twice keeps its first edit (that swap becomes a copy): still a mutation.
    const seen = new Set<number>();
    return replaceTokens(s, edits.filter((e) => !seen.has(e.at) && seen.add(e.at)));
  },
  /** Replace tokens by tokens of the same file or by JS keywords and values. */
  tokenReplace: (s, r) => {
    const ts = tokens(s);
    if (!ts.length) return s;
    const words = ['true', 'false', 'null', 'undefined', '0', '-1', 'NaN', 'Infinity', 'this', 'new', 'await', 'typeof', 'void', 'helmet', 'app', 'use', '...', '?.', '??', '=>', 'function', 'class', 'return'];
    const edits = Array.from({ length: r.range(1, 8) }, () => {
      const t = ts[r.int(ts.length)];
      return { at: t.at, len: t.text.length, text: r.chance(0.5) ? ts[r.int(ts.length)].text : r.pick(words) };
    });
    const seen = new Set<number>();
    return replaceTokens(s, edits.filter((e) => !seen.has(e.at) && seen.add(e.at)));
  },
  /** Unbalanced template literals: stray backticks and `${`, a string turned into an open template. */
  unbalancedTemplate: (s, r) => {
    let out = s;
    for (let n = r.range(1, 4); n > 0; n--) {
      const k = r.int(3);
      if (k === 0) out = insertAt(out, r.pick(['`', '${', '`${', '}`', '`${`', '${`${']), r);
      else {
        const strings = [...out.matchAll(/'[^'\n]*'|"[^"\n]*"/g)];
        if (!strings.length) continue;
        const m = r.pick(strings);
        const body = m[0].slice(1, -1);
        const replaced = k === 1 ? '`' + body + m[0][0] : '`' + body + '${' + body;
        out = out.slice(0, m.index!) + replaced + out.slice(m.index! + m[0].length);
      }
    }
    return out;
  },
  /** Change option values: booleans, numbers and strings become others helmet treats differently. */
  literals: (s, r) =>
    s
      .replace(/\b(true|false)\b/g, (m) => (r.chance(0.3) ? r.pick(['true', 'false', 'null', 'undefined', '0', '1', "''"]) : m))
      .replace(/(?<![\w.$])\d+(?![\w.])/g, (m) => (r.chance(0.3) ? r.pick(['0', '-1', '1e400', 'NaN', '31536000', '63072000', '60 * 60', '0x10', '1_000']) : m))
      .replace(/'[^'\n]*'|"[^"\n]*"/g, (m) => (r.chance(0.15) ? r.pick(["'self'", '"\'self\'"', "'*'", "'none'", "'unsafe-inline'", "'x-powered-by'", "'ALLOW-FROM x'", "''", "'a;b'", "'nonce-x'", '`self`']) : m)),
  fragments: (s, r) => {
    let out = s;
    for (let n = r.range(1, 10); n > 0; n--) out = insertIndentedLine(out, r.pick(FRAGMENTS), r);
    return out;
  },
  /** Wrap a run of lines in a new block (function, if, class method, IIFE, object), closed or not. */
  nest: (s, r) => {
    const lines = splitLines(s);
    const a = r.int(lines.length);
    const b = Math.min(lines.length, a + r.range(1, 30));
    const [open, close] = r.pick([
      ['function setup() {', '}'],
      ['if (process.env.NODE_ENV === "production") {', '}'],
      ['class Server { start() {', '} }'],
      ['(async () => {', '})();'],
      ['export default async function (app, opts) {', '}'],
      ['const o = {', '};'],
      ['app.use(helmet({', '}));'],
      ['/*', '*/'],
    ]);
    lines.splice(b, 0, r.chance(0.85) ? close : '');
    lines.splice(a, 0, open);
    return lines.join('\n');
  },
  /** Comment out a run of lines (the corpus's NodeGoat does this to its helmet setup). */
  commentOut: (s, r) => {
    const lines = splitLines(s);
    const a = r.int(lines.length);
    const b = Math.min(lines.length, a + r.range(1, 20));
    for (let i = a; i < b; i++) lines[i] = '// ' + lines[i];
    return lines.join('\n');
  },
  /** A file made only of fragments. */
  randomApp: (_s, r) => {
    const lines: string[] = [];
    for (let n = r.range(0, 60); n > 0; n--) lines.push(r.pick(FRAGMENTS));
    return lines.join(r.pick(['\n', '\r\n']));
  },
};

export interface HelmetMutationCase extends MutationCase {
  /** Path to lint the text at (its extension chooses JS, JSX or TS parsing). */
  path: string;
}

/** The lint path of a pool file: a plain app file with the source's extension. */
const mutationPath = (poolName: string) => `src/app${/\.[cm]?[jt]sx?$/.exec(poolName)?.[0] ?? '.js'}`;

/** Mutated case `i` of a run. */
export function helmetMutationCase(seed: number, i: number, pool: string[], poolNames: string[]): HelmetMutationCase {
  const m = mutate(seed, i, pool, poolNames, HELMET_MUTATORS);
  const source = /of (.+)$/.exec(m.label)?.[1] ?? '';
  return { label: m.label, text: m.text, path: mutationPath(source) };
}

// ---------------------------------------------------------------------------------------------
// Half-typed code: every prefix of a helmet call, as an editor sees it keystroke by keystroke.

export const HALF_TYPED_HEAD = "import express from 'express';\nimport helmet from 'helmet';\nconst app = express();\n";
export const HALF_TYPED_CALL = 'app.use(helmet({ contentSecurityPolicy: false }));\n';

// ---------------------------------------------------------------------------------------------
// Pathological inputs

export interface HelmetCase extends MutationCase {
  path: string;
  /** Other files of the workspace (nginx configs, app files) the workspace rules see. */
  workspace?: { path: string; text: string }[];
}

export function helmetPathologicalCases(): HelmetCase[] {
  const rep = (s: string, n: number) => s.repeat(n);
  const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n') + '\n';
  const head = HALF_TYPED_HEAD;
  const c = (label: string, text: string, p = 'src/app.js', workspace?: HelmetCase['workspace']): HelmetCase => ({ label, text, path: p, workspace });
  const MB2 = 2 * 1024 * 1024;
  return [
    c('empty file', ''),
    c('only an import', "import helmet from 'helmet';"),
    c('only a require, no newline', "require('helmet')"),
    c('only NUL bytes', '\0'.repeat(1000)),
    c('NUL bytes inside the code', head + rep('app.use(helmet(\0{ hsts\0: false }\0));\n', 1000)),
    c('BOM, shebang, CRLF', '\uFEFF#!/usr/bin/env node\r\n' + head.replace(/\n/g, '\r\n') + rep('app.use(helmet({ hsts: { maxAge: 10 } }));\r\n', 200)),
    c('CR-only line endings', head.replace(/\n/g, '\r') + rep('app.use(helmet({ contentSecurityPolicy: false }));\r', 2000)),
    c('10k app.use(helmet()) lines', head + rep('app.use(helmet());\n', 10_000)),
    c('2,000 helmet() calls with weakening options', head + lines(2000, (i) => `app.use(helmet({ contentSecurityPolicy: ${i % 2 ? 'false' : "{ directives: { defaultSrc: ['self'] } }"}, hsts: { maxAge: ${i} }, frameguard: false }));`)),
    c('one 200 KB line of app.use(helmet())', head + rep('app.use(helmet()); ', 10_000)),
    c('options object nested 500 deep', head + 'app.use(helmet({ contentSecurityPolicy: ' + rep('{ directives: ', 500) + '1' + rep(' }', 500) + ' }));\n'),
    c('CSP source array nested 500 deep', head + "app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: " + rep('[', 500) + "'self'" + rep(']', 500) + ' } } }));\n'),
    c('options nested 500 deep, never closed', head + 'app.use(helmet(' + rep('{ a: ', 500)),
    c('a 2 MB string literal in a CSP source', head + `app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'", "${rep('a', MB2)}"] } } }));\n`),
    c('a 2 MB template literal, unterminated', head + 'app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: [`' + rep('self ', MB2 / 5)),
    c(
      '5,000 chained spreads of consts that refer to each other',
      head + 'const c0 = { contentSecurityPolicy: false };\nconst c1 = { hsts: false };\n' + lines(4998, (i) => `const c${i + 2} = { ...c${i + 1}, ...c${i} };`) + 'app.use(helmet(c4999));\napp.use(helmet({ ...c4999, ...c4998 }));\n',
    ),
    c('5,000 consts each spreading the previous one three times', head + 'const c0 = { frameguard: false };\n' + lines(4999, (i) => `const c${i + 1} = { ...c${i}, ...c${i}, ...c${i} };`) + 'app.use(helmet(c4999));\n'),
    c('5,000 array consts each spreading the previous one twice', head + "const s0 = [\"'self'\"];\n" + lines(4999, (i) => `const s${i + 1} = [...s${i}, ...s${i}];`) + 'app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: s4999 } } }));\n'),
    c('a const that refers to itself', head + 'const a = { ...a };\nconst b = { hsts: b };\nconst d = { contentSecurityPolicy: { directives: d.contentSecurityPolicy } };\napp.use(helmet(a));\napp.use(helmet(b));\napp.use(helmet(d));\n'),
    c('mutual recursion', head + 'const a = b;\nconst b = a;\nconst x = { ...y };\nconst y = { ...x, hsts: false };\napp.use(helmet(a));\napp.use(helmet(x));\napp.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [...p] } } }));\nconst p = [...q];\nconst q = [...p];\n'),
    c('a 5,000-long chain of const aliases', head + 'const o0 = { hsts: false };\n' + lines(4999, (i) => `const o${i + 1} = o${i};`) + 'app.use(helmet(o4999));\n'),
    c('many helmet() calls sharing one big const', head + 'const big = {\n' + lines(1000, (i) => `  k${i}: { maxAge: ${i}, directives: { defaultSrc: ["'self'"] } },`) + '  hsts: false,\n};\n' + rep('app.use(helmet(big));\n', 1000)),
    c('maxAge as a 20k-term sum', head + 'app.use(helmet({ hsts: { maxAge: ' + rep('1 + ', 20_000) + '1 } }));\n'),
    c('a 10k-part string concatenation', head + "app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['" + rep("self' + '", 10_000) + "'] } } }));\n"),
    c('parentheses nested 5,000 deep', head + 'app.use(helmet(' + rep('(', 5000) + '{ hsts: false }' + rep(')', 5000) + '));\n'),
    c('5,000 chained .use() calls', head + 'app' + rep('.use(helmet())', 5000) + ';\n'),
    c('20k-term sum with a suppression comment above it', head + '// readiness-lint-disable-next-line helmet/csp-unquoted-keyword -- x\nconst n = ' + rep('1 + ', 20_000) + '1;\napp.use(helmet({ hsts: { maxAge: n } }));\n'),
    c('functions nested 1,000 deep', head + rep('function f() {\n', 1000) + 'app.use(helmet({ contentSecurityPolicy: false }));\n' + rep('}\n', 1000)),
    c('arrow functions nested 2,000 deep, unclosed', head + rep('() => {', 2000) + 'app.use(helmet({ hsts: false'),
    c('10k auth routes', head + lines(10_000, (i) => `app.post('/login/${i}', (req, res) => res.send('ok'));`)),
    c('5,000 imports of our modules', lines(5000, (i) => `import h${i} from '${['helmet', 'express', 'cors', 'express-session', 'koa', 'fastify'][i % 6]}';`) + 'const app = h1();\napp.use(h0());\n'),
    c('helmet options with 20k properties', head + 'app.use(helmet({\n' + lines(20_000, (i) => `  option${i}: ${i % 3 ? 'false' : '{ policy: "x" }'},`) + '}));\n'),
    c('a 200k-item array const spread into a CSP', head + "const hosts = [" + rep("'https://cdn.example.com', ", 200_000) + "];\napp.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\"'self'\", ...hosts, ...hosts] } } }));\n"),
    c('a CSP with 20k sources', head + "app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\n" + lines(20_000, (i) => `  'https://cdn${i}.example.com', 'self',`) + '] } } }));\n'),
    c('a CSP with 5,000 directives', head + 'app.use(helmet({ contentSecurityPolicy: { directives: {\n' + lines(5000, (i) => `  directive${i}Src: ["'self'", 'none'],`) + '} } }));\n'),
    c('20k duplicate keys', head + 'app.use(helmet({\n' + rep('  hsts: false, strictTransportSecurity: { maxAge: 1 },\n', 10_000) + '}));\n'),
    c('unterminated template literal to EOF', head + 'app.use(helmet({ contentSecurityPolicy: `\n' + rep("app.use(helmet({ hsts: false }));\n", 5000)),
    c('${ nested 5,000 deep in a template', head + 'const s = `' + rep('${`', 5000) + 'x' + rep('`}', 5000) + '`;\napp.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [s] } } }));\n'),
    c('unterminated block comment to EOF', head + 'app.use(helmet());\n/* ' + rep('app.use(helmet({ hsts: false }));\n', 5000)),
    c('unterminated regex and strings', head + rep("app.use(cors({ origin: /.*[/, credentials: true }));\nconst s = 'abc\n", 2000)),
    c('lone surrogates in strings and names', head + rep("app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['\uD800', '\uDC00self'] } }, h\uD800: 1 }));\n", 2000)),
    c('astral characters everywhere', head + rep("app.use(helmet({ '\u{1F600}': '\u{1F4A9}', contentSecurityPolicy: { directives: { '\u{1F600}Src': ['\u{1F600}'] } } }));\n", 2000)),
    c('JSX-heavy .tsx file', head + lines(3000, (i) => `export const C${i} = () => <div className="x">{app.use(helmet({ hsts: ${i % 2 ? 'false' : 'true'} }))}</div>;`), 'src/app.tsx'),
    c('JSX nested 2,000 deep', head + 'const v = ' + rep('<div>', 2000) + rep('</div>', 2000) + ';\napp.use(helmet());\n', 'src/app.jsx'),
    c('TypeScript generics and decorators', "import { NestFactory } from '@nestjs/core';\nimport helmet from 'helmet';\n" + lines(3000, (i) => `@Module({ imports: [] }) export class M${i}<T extends Record<string, Array<Map<K, V>>>> { constructor(private readonly a: T) {} }`) + 'const app = await NestFactory.create(M0);\napp.use(helmet());\n', 'src/main.ts'),
    c('20k suppression comments, own and peers', head + rep('// readiness-lint-disable-next-line helmet/csp-unquoted-keyword -- x\napp.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: [\'self\'] } } })); // nosemgrep\n// njsscan-ignore: helmet_feature_disabled\n', 7000)),
    c('an nginx in the workspace with 150k add_header lines in one server', head + 'app.use(helmet());\n', 'src/app.js', [
      { path: '/etc/nginx/conf.d/big.conf', text: 'server {\n  listen 443 ssl;\n' + rep('  add_header Strict-Transport-Security "max-age=1";\n', 150_000) + '}\n' },
    ]),
    c(
      '3,000 app files in the workspace, each with its own app and helmet setup',
      head + 'app.use(helmet({ hsts: false }));\n',
      'src/app.js',
      Array.from({ length: 3000 }, (_, i) => ({ path: `src/apps/a${i}.js`, text: head + `app.use(helmet({ contentSecurityPolicy: ${i % 2 ? 'false' : '{}'} }));\napp.post('/login', (q, s) => s.end());\n` })),
    ),
    c(
      'random bytes 100 KB after an import',
      head +
        (() => {
          const r = new Rng(11);
          let s = '';
          for (let i = 0; i < 100_000; i++) s += String.fromCharCode(r.range(1, 255));
          return s;
        })(),
    ),
  ];
}

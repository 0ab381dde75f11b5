// Agreement of our helmet-domain model (rules/helmet/analyze.ts) with the machine-extracted facts of
// test/corpora/wild/express/facts.json (36 real Express, NestJS, Fastify and Koa files; see its
// MANIFEST.md). For every file the facts list, we analyse the file and compare, per fact kind:
// whether helmet is imported, each helmet call (position and callee) and its literal options, each
// cors() / enableCors call (position, callee, whether it has arguments) and its literal options,
// each session middleware call and its literal options, app.disable('x-powered-by'), and whether a
// rate limiter or CSRF package is imported. The gate is 100% on every kind; the only exclusions are
// listed in EXCLUSIONS / the exclusion helpers below, each with its reason. The named traps of the
// manifest are asserted separately.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { analyze, type HelmetModel } from '../../rules/helmet/analyze';
import { cspDirectives, type HelmetError } from '../../rules/helmet/effective';
import { HELMET_MODULES } from '../../rules/helmet/modules';
import { effectOf, helmetOptionsOf } from '../../rules/helmet/setup';
import { get, type SVal } from '../../rules/helmet/values';
import helmetMissing from '../../rules/helmet/helmet-missing';
import { helmetLanguage } from '../../rules/helmet/language';
import { lintText, staticWorkspace } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { typescript } from '../../rules/helmet/ts';
import { CORPORA_ROOT, requireCorpus } from './corpora';
import { pct, table } from './agreement';

const WILD = path.join(CORPORA_ROOT, 'wild/express');
const ts = typescript();

type FactValue = string | number | boolean | null | FactValue[];
interface CallFact {
  at: string;
  callee: string;
  options: Record<string, FactValue>;
  noArgs?: boolean;
}
interface FileFacts {
  path: string;
  framework: string;
  helmetImported: boolean;
  helmetCalls: CallFact[];
  xPoweredByDisabled: boolean;
  cors: CallFact[];
  session: CallFact[];
  rateLimit: boolean;
  csrf: boolean;
}

const KINDS = ['helmetImported', 'helmetCalls', 'helmetOptions', 'xPoweredByDisabled', 'cors', 'corsOptions', 'session', 'sessionOptions', 'rateLimit', 'csrf'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Facts the extractor's heuristic records that a real analysis must not (or cannot) match, and
 * things we see that its heuristic does not look for. Each is counted as excluded, not agreed.
 */
function factExclusion(kind: Kind, f: CallFact): string | null {
  // w3tecch: `helmet.hsts({...})(req, res, next)` is listed twice, once with the inner call's text
  // as callee. That outer call invokes the middleware helmet returned; it is not another helmet call.
  if (kind === 'helmetCalls' && f.callee.includes('(') && !/\.register\(/.test(f.callee)) return 'the outer call runs the middleware helmet.x() returned; not a helmet call';
  return null;
}

/** facts.json and index.json list these, but the corpus copy does not hold the files: nothing to compare. */
const KNOWN_MISSING = ['teable/apps/nestjs-backend/src/bootstrap.ts', 'NodeBB/src/webserver.js', 'Unleash/src/lib/middleware/secure-headers.ts'];

/** Whole-fact differences where our reading is the right one (each must still disagree, or it is stale). */
const FILE_EXCLUSIONS: { path: string; kind: Kind; reason: string }[] = [
  {
    path: 'sahat-hackathon-starter/app.js',
    kind: 'csrf',
    reason: 'the app protects forms with lusca.csrf() (lusca is a CSRF middleware); the extractor only knows csurf-style packages',
  },
];

/** What we record that the facts' extractor does not look for (it knows only cors()/enableCors() calls and express-style session() calls). */
function oursExclusion(kind: Kind, label: string): string | null {
  if (kind === 'helmetCalls' && label.startsWith('autoload:')) return "fastify-autoload `export default helmet` registers @fastify/helmet (the manifest's trap); the extractor lists only calls";
  if (kind === 'cors' && /^(fastify-register|autoload|nest-create-option):/.test(label)) return 'the extractor lists only cors() and enableCors() calls, not @fastify/cors registrations or NestFactory { cors } options';
  if (kind === 'session' && label.startsWith('fastify:')) return 'the extractor lists only session() calls, not @fastify/session registrations';
  return null;
}

const at = (m: HelmetModel, node: TS.Node) => {
  const p = m.index.positionAt(node.getStart(m.sf));
  return `${p.line + 1}:${p.character + 1}`;
};
const text = (m: HelmetModel, node: TS.Node) => node.getText(m.sf).replace(/\s+/g, '');

/** Our helmet calls as the facts write them: "line:col callee". */
function ourHelmetCalls(m: HelmetModel): { key: string; label: string; options: SVal | undefined; node: TS.Node }[] {
  const out: { key: string; label: string; options: SVal | undefined; node: TS.Node }[] = [];
  for (const use of m.helmet) {
    const node = use.node;
    if (ts.isCallExpression(node) && use.via === 'fastify' && use.registration) {
      // Facts write the plugin registration as `server.register(helmet)`.
      out.push({ key: `${at(m, node)} ${use.registration.receiver}.register(${text(m, node.arguments[0])})`, label: 'register', options: use.options, node });
    } else if (ts.isCallExpression(node)) out.push({ key: `${at(m, node)} ${text(m, node.expression)}`, label: 'call', options: use.options, node });
    else out.push({ key: `${at(m, node)} ${text(m, node)}`, label: `autoload:${text(m, node)}`, options: use.options, node });
  }
  // Removed helmet functions (helmet.noCache()) are calls too: the facts list them.
  for (const mis of m.misuse) if (mis.kind === 'removed-function') out.push({ key: `${at(m, mis.node)} ${text(m, mis.node)}`, label: 'removed', options: undefined, node: mis.node });
  return out;
}

/** The options argument of a call as written (`cors(corsOption)` -> `corsOption`). */
function optionsArgument(node: TS.Node, index: number): TS.Node | undefined {
  return ts.isCallExpression(node) ? node.arguments[index] : undefined;
}

/** Flatten literal options the way the facts do: `a.b.c` -> value, arrays of literals, "<expr>" for anything else. */
function flatten(v: SVal | undefined, prefix = '', out: Record<string, FactValue> = {}): Record<string, FactValue> {
  if (!v || v.kind !== 'object') return out;
  for (const p of v.props) {
    if (!p.own) continue; // facts read the literal as written: spread-in keys are not theirs
    const key = prefix + p.key;
    if (p.value.kind === 'object') {
      if (p.value.props.length) flatten(p.value, key + '.', out);
      else out[key] = '<expr>';
    } else out[key] = leaf(p.value);
  }
  return out;
}

function leaf(v: SVal): FactValue {
  switch (v.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'null':
      return null;
    case 'array':
      return v.items.map(leaf);
    default:
      return '<expr>';
  }
}

/** Do our flattened options agree with the facts' ("<expr>" in the facts: we may know more, by resolving same-file consts)? */
function optionsAgree(facts: Record<string, FactValue>, ours: Record<string, FactValue>): string | null {
  const same = (f: FactValue, o: FactValue | undefined): boolean => {
    if (f === '<expr>') return true;
    if (Array.isArray(f)) return Array.isArray(o) && o.length === f.length && f.every((x, i) => same(x, o[i]));
    return f === o;
  };
  for (const [k, f] of Object.entries(facts)) {
    const under = Object.keys(ours).some((o) => o.startsWith(k + '.'));
    if (f === '<expr>' ? !(k in ours) && !under : !same(f, ours[k])) return `${k}: facts ${JSON.stringify(f)}, ours ${JSON.stringify(ours[k] ?? (under ? '<object>' : undefined))}`;
  }
  for (const k of Object.keys(ours)) {
    const covered = k in facts || Object.keys(facts).some((f) => facts[f] === '<expr>' && k.startsWith(f + '.'));
    if (!covered) return `${k}: ours ${JSON.stringify(ours[k])}, not in facts`;
  }
  return null;
}

interface Tally {
  covered: number;
  agreed: number;
  excluded: number;
}

describe('helmet: agreement with wild/express facts.json', function () {
  let facts: FileFacts[] = [];
  const models = new Map<string, HelmetModel>();

  before(function () {
    requireCorpus(WILD, 'helmet wild facts');
    facts = (JSON.parse(readFileSync(path.join(WILD, 'facts.json'), 'utf8')) as { facts: FileFacts[] }).facts;
    for (const f of facts) {
      const file = path.join(WILD, f.path);
      if (existsSync(file)) models.set(f.path, analyze(readFileSync(file, 'utf8'), f.path));
    }
  });

  it('agrees on every fact kind (100%, documented exclusions only)', () => {
    const tallies = Object.fromEntries(KINDS.map((k) => [k, { covered: 0, agreed: 0, excluded: 0 }])) as Record<Kind, Tally>;
    const disagreements: string[] = [];
    const exclusions: string[] = [];
    const missing: string[] = [];
    const usedExclusions = new Set<string>();
    const check = (kind: Kind, file: string, ok: boolean, detail: string) => {
      const excluded = FILE_EXCLUSIONS.find((e) => e.path === file && e.kind === kind);
      if (excluded && !ok) {
        usedExclusions.add(`${file} ${kind}`);
        exclude(kind, file, excluded.reason, detail);
        return;
      }
      tallies[kind].covered++;
      if (ok) tallies[kind].agreed++;
      else disagreements.push(`[${kind}] ${file}: ${detail}`);
    };
    /** Options compared only when the call writes them as a literal: the extractor does not resolve consts, we do. */
    const compareOptions = (kind: Kind, file: string, key: string, written: TS.Node | undefined, factOptions: Record<string, FactValue>, ours: Record<string, FactValue>) => {
      const diff = optionsAgree(factOptions, ours);
      if (diff && written && !ts.isObjectLiteralExpression(written) && !Object.keys(factOptions).length) {
        exclude(kind, file, 'options passed through a same-file const: the extractor reads literals only, we resolve the const', `${key}: ${diff}`);
        return;
      }
      check(kind, file, !diff, `${key}: ${diff}`);
    };
    const exclude = (kind: Kind, file: string, why: string, what: string) => {
      tallies[kind].excluded++;
      exclusions.push(`[${kind}] ${file}: ${what} -- ${why}`);
    };

    for (const f of facts) {
      const m = models.get(f.path);
      if (!m) {
        missing.push(f.path);
        continue;
      }
      check('helmetImported', f.path, m.imports.some((i) => HELMET_MODULES.has(i.module)) === f.helmetImported, `facts ${f.helmetImported}`);
      check('xPoweredByDisabled', f.path, m.poweredByDisabled.length > 0 === f.xPoweredByDisabled, `facts ${f.xPoweredByDisabled}`);
      check('rateLimit', f.path, m.rateLimitImports.length > 0 === f.rateLimit, `facts ${f.rateLimit}, ours ${m.rateLimitImports.map((i) => i.module).join(',') || 'none'}`);
      check('csrf', f.path, m.csrfImports.length > 0 === f.csrf, `facts ${f.csrf}`);

      // helmet calls: position + callee, then literal options
      const ours = ourHelmetCalls(m);
      const matched = new Set<string>();
      for (const c of f.helmetCalls) {
        const key = `${c.at} ${c.callee.replace(/\s+/g, '')}`;
        const why = factExclusion('helmetCalls', c);
        if (why) {
          exclude('helmetCalls', f.path, why, key);
          continue;
        }
        const mine = ours.find((o) => o.key === key);
        check('helmetCalls', f.path, !!mine, `facts ${key} not found; ours ${ours.map((o) => o.key).join(' | ') || 'none'}`);
        if (!mine) continue;
        matched.add(mine.key);
        compareOptions('helmetOptions', f.path, key, optionsArgument(mine.node, mine.label === 'register' ? 1 : 0), c.options, flatten(mine.label === 'register' ? helmetOptionsOf({ ...m.helmet[0], options: mine.options }) : mine.options));
      }
      for (const o of ours) {
        if (matched.has(o.key)) continue;
        const why = oursExclusion('helmetCalls', o.label);
        if (why) exclude('helmetCalls', f.path, why, o.key);
        else check('helmetCalls', f.path, false, `ours ${o.key} not in facts`);
      }

      // cors: cors() and enableCors() calls
      const ourCors = m.cors.map((u) => ({
        key: `${at(m, u.node)} ${u.kind === 'cors-call' || u.kind === 'nest-enable-cors' ? text(m, (u.node as TS.CallExpression).expression) : u.kind}`,
        label: `${u.kind}:`,
        use: u,
      }));
      const corsMatched = new Set<string>();
      for (const c of f.cors) {
        const key = `${c.at} ${c.callee}`;
        const mine = ourCors.find((o) => o.key === key);
        check('cors', f.path, !!mine && (mine.use.options === undefined) === !!c.noArgs, mine ? `${key}: noArgs facts ${c.noArgs}, ours ${mine.use.options === undefined}` : `facts ${key} not found; ours ${ourCors.map((o) => o.key).join(' | ') || 'none'}`);
        if (!mine) continue;
        corsMatched.add(mine.key);
        compareOptions('corsOptions', f.path, key, optionsArgument(mine.use.node, 0), c.options, flatten(mine.use.options));
      }
      for (const o of ourCors) {
        if (corsMatched.has(o.key)) continue;
        const why = oursExclusion('cors', o.label);
        if (why) exclude('cors', f.path, why, o.key);
        else check('cors', f.path, false, `ours ${o.key} not in facts`);
      }

      // sessions
      const ourSessions = m.sessions.map((s) => ({
        key: `${at(m, s.node)} ${(s.node as TS.CallExpression).expression ? text(m, (s.node as TS.CallExpression).expression) : text(m, s.node)}`,
        label: `${s.kind}:`,
        use: s,
      }));
      const sessionMatched = new Set<string>();
      for (const c of f.session) {
        const key = `${c.at} ${c.callee}`;
        const mine = ourSessions.find((o) => o.key === key);
        check('session', f.path, !!mine, `facts ${key} not found; ours ${ourSessions.map((o) => o.key).join(' | ') || 'none'}`);
        if (!mine) continue;
        sessionMatched.add(mine.key);
        compareOptions('sessionOptions', f.path, key, optionsArgument(mine.use.node, 0), c.options, flatten(mine.use.options));
      }
      for (const o of ourSessions) {
        if (sessionMatched.has(o.key)) continue;
        const why = oursExclusion('session', o.label);
        if (why) exclude('session', f.path, why, o.key);
        else check('session', f.path, false, `ours ${o.key} not in facts`);
      }
    }

    const rows = [['fact kind', 'compared', 'agreed', 'excluded', 'agreement'], ...KINDS.map((k) => [k, String(tallies[k].covered), String(tallies[k].agreed), String(tallies[k].excluded), pct(tallies[k].agreed, tallies[k].covered)])];
    console.log(`\n  helmet wild facts: ${models.size} of ${facts.length} files analysed\n${table(rows)}`);
    if (missing.length) console.log(`  not in the corpus copy (facts.json and index.json list them, the files were not copied; nothing to compare):\n${missing.map((p) => `    ${p}`).join('\n')}`);
    if (exclusions.length) console.log(`  exclusions (${exclusions.length}):\n${exclusions.map((e) => `    ${e}`).join('\n')}`);
    if (disagreements.length) console.log(`  disagreements (${disagreements.length}):\n${disagreements.map((d) => `    ${d}`).join('\n')}`);
    console.log('');
    assert.deepEqual(missing.filter((p) => !KNOWN_MISSING.includes(p)), [], 'corpus files missing');
    for (const k of KINDS) assert.ok(tallies[k].covered > 0, `fact kind ${k} compared nothing`);
    assert.deepEqual(disagreements, [], 'every fact agrees (disagreements listed above)');
    const stale = FILE_EXCLUSIONS.filter((e) => !usedExclusions.has(`${e.path} ${e.kind}`));
    assert.deepEqual(stale, [], 'exclusions that no longer disagree: remove them');
  });

  it("NodeGoat: helmet commented out does not count, and helmet-missing reports the app", () => {
    const m = models.get('OWASP-NodeGoat/server.js');
    assert.ok(m, 'NodeGoat server.js is in the corpus');
    assert.equal(m.imports.some((i) => HELMET_MODULES.has(i.module)), false);
    assert.deepEqual([m.helmet.length, m.misuse.length, m.poweredByDisabled.length], [0, 0, 0]);
    const files = ['OWASP-NodeGoat/server.js', 'OWASP-NodeGoat/config/env/all.js'].map((p) => ({ p, code: readFileSync(path.join(WILD, p), 'utf8') }));
    const workspace = staticWorkspace(
      files.map(({ p, code }) => ({ domain: 'helmet', path: p, items: helmetLanguage.indexItems!(helmetLanguage.parse(code, p).model, p) })),
    );
    const result = lintText({ path: files[0].p, text: files[0].code, config: resolveConfig({}), onlyRules: [helmetMissing], workspace });
    const found = result!.findings.filter((x) => x.ruleId === helmetMissing.id);
    assert.equal(found.length, 1, 'one finding: the express() app');
    assert.equal(found[0].range.start.line + 1, 15);
  });

  it('fastify/demo: `export default helmet` (autoload) registers @fastify/helmet', () => {
    const m = models.get('fastify-demo/src/plugins/external/helmet.ts');
    assert.ok(m);
    assert.equal(m.helmet.length, 1);
    assert.equal(m.helmet[0].via, 'fastify');
    assert.equal(m.helmet[0].registration, null);
    assert.equal(effectOf(m.helmet[0]).headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
  });

  it("mdn-http-observatory: the typo frameAnchestors is visible in the CSP directives", () => {
    const m = models.get('mdn-http-observatory/src/api/server.js');
    assert.ok(m);
    const use = m.helmet.find((h) => h.via === 'fastify');
    assert.ok(use, '@fastify/helmet registration found');
    const errors: HelmetError[] = [];
    const csp = cspDirectives(get(helmetOptionsOf(use), 'contentSecurityPolicy'), errors, use.node);
    assert.ok(csp);
    const names = csp.directives.map((d) => d.name);
    assert.ok(names.includes('frame-anchestors'), `directives: ${names.join(', ')}`);
    assert.ok(!names.includes('frame-ancestors'), 'useDefaults: false, so no default frame-ancestors hides the typo');
  });

  it('w3tecch: helmet 3 APIs are seen (helmet.noCache(), includeSubdomains)', () => {
    const noCache = models.get('w3tecch-express-typescript-boilerplate/src/api/middlewares/SecurityNoCacheMiddleware.ts');
    assert.ok(noCache);
    assert.deepEqual(noCache.misuse.map((x) => [x.kind, x.name]), [['removed-function', 'noCache']]);
    const hsts = models.get('w3tecch-express-typescript-boilerplate/src/api/middlewares/SecurityHstsMiddleware.ts');
    assert.ok(hsts);
    assert.equal(hsts.helmet.length, 1);
    assert.equal(hsts.helmet[0].middleware, 'strictTransportSecurity');
    const errors = effectOf(hsts.helmet[0]).errors;
    assert.ok(errors.some((e) => /includeSubdomains/.test(e.message)), `errors: ${errors.map((e) => e.message).join('; ')}`);
  });
});

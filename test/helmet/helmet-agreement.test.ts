// Our static model of helmet (rules/helmet/effective.ts) against real helmet 8.3 in a real Express 5
// app. Every case is written as source, analysed with analyze() + effectOf() (the prediction), then
// the same options are given to real helmet, one GET is sent over loopback, and the response headers
// are compared: the 14 headers helmet sets (its 13 setting middlewares' and the report-only CSP) and
// X-Powered-By (Express sends `X-Powered-By: Express` unless helmet removes it). Corpus cases are also compared with the headers helmet's own tests
// expect. The bar is 100% agreement; every disagreement is listed.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { analyze } from '../../rules/helmet/analyze';
import { effectOf } from '../../rules/helmet/setup';
import { CSP_REPORT_ONLY, HEADER_OF, MIDDLEWARES, middlewareNamed } from '../../rules/helmet/effective';
import { CORPORA_ROOT, requireCorpus } from '../corpus/corpora';
import { table } from '../corpus/agreement';
import { corpusCases, EXTRA_CASES, type AgreementCase } from './helmet-cases';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const CORPUS_DIR = path.join(CORPORA_ROOT, 'helmet/helmet-options');
const EXPECTATIONS = path.join(CORPUS_DIR, 'expectations.json');

/** The headers helmet sets (13 middlewares' and the report-only CSP); X-Powered-By, which it removes, is compared apart. */
const SET_BY_HELMET = [...MIDDLEWARES.filter((m) => m !== 'xPoweredBy').map((m) => HEADER_OF[m]), CSP_REPORT_ONLY];
const COMPARED = [...SET_BY_HELMET, HEADER_OF.xPoweredBy];
const FRAMEWORK_POWERED_BY = 'Express';
/** helmet's test helper sets this X-Powered-By value before the middleware runs; Express sets its own. */
const HELMET_TEST_POWERED_BY = 'Helmet test';
const RUNTIME = '<known at request time>';

type Outcome =
  | { kind: 'throws'; detail: string }
  /** The app starts but requests fail (helmet passed uncalled: it throws or never calls next). */
  | { kind: 'broken-at-request'; detail: string }
  | { kind: 'headers'; headers: Record<string, string | null> };

function describeOutcome(o: Outcome): string {
  return o.kind === 'headers' ? JSON.stringify(o.headers) : `${o.kind} (${o.detail})`;
}

function sourceOf(c: AgreementCase, moduleStyle: 'cjs' | 'esm' = 'cjs'): string {
  const callee = c.middleware === 'topLevel' ? 'helmet' : `helmet.${c.middleware}`;
  const head = moduleStyle === 'esm' ? "import express from 'express';\nimport helmet from 'helmet';" : "const express = require('express');\nconst helmet = require('helmet');";
  const use = c.uncalled ? `app.use(${callee});` : `app.use(${callee}(${c.options ?? ''}));`;
  return `${head}\n${c.preamble ?? ''}\nconst app = express();\n${use}\napp.listen(3000);\n`;
}

/** What our analysis says the app does. */
function predict(c: AgreementCase): Outcome {
  const model = analyze(sourceOf(c), 'app.js');
  if (c.uncalled) {
    const m = model.misuse.find((x) => x.kind === 'not-called');
    return m ? { kind: 'broken-at-request', detail: `misuse: ${m.name} not called` } : { kind: 'headers', headers: {} };
  }
  assert.equal(model.helmet.length, 1, `${c.name}: the analyser should see one helmet use`);
  const effect = effectOf(model.helmet[0]);
  if (effect.errors.length) return { kind: 'throws', detail: effect.errors.map((e) => e.message).join(' | ') };
  const headers: Record<string, string | null> = {};
  for (const h of SET_BY_HELMET) {
    const v = effect.headers.has(h) ? effect.headers.get(h) : null;
    headers[h] = v === undefined ? RUNTIME : v;
  }
  // X-Powered-By: helmet removes it (null) or leaves what the framework sends.
  const pb = effect.headers.get(HEADER_OF.xPoweredBy);
  headers[HEADER_OF.xPoweredBy] = pb === undefined && effect.headers.has(HEADER_OF.xPoweredBy) ? RUNTIME : pb === null ? null : FRAMEWORK_POWERED_BY;
  return { kind: 'headers', headers };
}

/** One GET against a real Express app with real helmet. */
async function runReal(c: AgreementCase): Promise<Outcome> {
  const helmet = require('helmet') as Any;
  const express = require('express') as Any;
  const fn = c.middleware === 'topLevel' ? helmet : helmet[c.middleware];
  assert.equal(typeof fn, 'function', `helmet has no function ${c.middleware}`);
  let middleware: Any;
  if (c.uncalled) middleware = fn;
  else {
    // The test's own option text (never workspace code), evaluated where `helmet` is in scope.
    const args = new Function('helmet', `${c.preamble ?? ''}\nreturn [${c.options ?? ''}];`)(helmet) as unknown[];
    try {
      middleware = fn(...args);
    } catch (err) {
      return { kind: 'throws', detail: (err as Error).message };
    }
  }
  const app = express();
  app.set('env', 'test'); // no stack traces on stderr for the expected 500s
  app.use(middleware);
  app.get('/', (_req: Any, res: Any) => res.send('ok'));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await new Promise<http.IncomingMessage | 'timeout'>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, resolve);
      req.setTimeout(300, () => {
        resolve('timeout');
        req.destroy();
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    if (res === 'timeout') return { kind: 'broken-at-request', detail: 'no response' };
    res.resume();
    if (res.statusCode !== 200) return { kind: 'broken-at-request', detail: `status ${res.statusCode}` };
    const headers: Record<string, string | null> = {};
    for (const h of COMPARED) headers[h] = (res.headers[h] as string | undefined) ?? null;
    return { kind: 'headers', headers };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Differences between a prediction (or expectation) and what happened; empty = agreement. */
function differences(predicted: Outcome, actual: Outcome, only?: string[]): string[] {
  if (predicted.kind !== actual.kind) return [`predicted ${describeOutcome(predicted)}, got ${describeOutcome(actual)}`];
  if (predicted.kind !== 'headers' || actual.kind !== 'headers') return [];
  const out: string[] = [];
  for (const h of only ?? Object.keys(predicted.headers)) {
    const p = predicted.headers[h];
    const a = actual.headers[h];
    // A runtime-only prediction agrees with any value the header actually got.
    if (p === RUNTIME ? a === null : p !== a) out.push(`${h}: predicted ${JSON.stringify(p)}, got ${JSON.stringify(a)}`);
  }
  return out;
}

/** The corpus expectation as an outcome (X-Powered-By of helmet's test helper is the framework's). */
function expected(c: AgreementCase): Outcome | null {
  if (c.expectThrow) return { kind: 'throws', detail: 'helmet test suite: assert.throws' };
  if (!c.expectedHeaders) return null;
  const headers: Record<string, string | null> = {};
  for (const [h, v] of Object.entries(c.expectedHeaders)) headers[h] = h === 'x-powered-by' && v === HELMET_TEST_POWERED_BY ? FRAMEWORK_POWERED_BY : v;
  return { kind: 'headers', headers };
}

describe('helmet 8.3 agreement: static model vs real helmet in Express 5', function () {
  this.timeout(60000);

  it('predicts the headers and startup errors of every case', async function () {
    requireCorpus(CORPUS_DIR, 'helmet agreement');
    const cases: { c: AgreementCase; corpus: boolean }[] = [...corpusCases(EXPECTATIONS).map((c) => ({ c, corpus: true })), ...EXTRA_CASES.map((c) => ({ c, corpus: false }))];
    const rows = new Map<string, { cases: number; real: number; json: number; jsonCases: number; runtime: number }>();
    const failures: string[] = [];
    const warn = console.warn;
    console.warn = () => {}; // helmet's "does not take options" warnings
    try {
      for (const { c, corpus } of cases) {
        const group = `${corpus ? '' : 'extra '}${c.middleware === 'topLevel' ? 'helmet()' : middlewareNamed(c.middleware) ?? c.middleware}`;
        const row = rows.get(group) ?? { cases: 0, real: 0, json: 0, jsonCases: 0, runtime: 0 };
        rows.set(group, row);
        row.cases++;
        const predicted = predict(c);
        const actual = await runReal(c);
        if (predicted.kind === 'headers' && Object.values(predicted.headers).includes(RUNTIME)) row.runtime++;
        const vsReal = differences(predicted, actual);
        if (vsReal.length) failures.push(`${c.name} [${c.middleware} ${c.options ?? '(no options)'}]: ${vsReal.join('; ')}`);
        else row.real++;
        const exp = expected(c);
        if (exp) {
          row.jsonCases++;
          const only = exp.kind === 'headers' ? Object.keys(exp.headers) : undefined;
          const vsJson = [...differences(exp, predicted, only).map((d) => `prediction vs corpus: ${d}`), ...differences(exp, actual, only).map((d) => `real helmet vs corpus: ${d}`)];
          if (vsJson.length) failures.push(`${c.name} [${c.middleware} ${c.options ?? '(no options)'}]: ${vsJson.join('; ')}`);
          else row.json++;
        }
      }
    } finally {
      console.warn = warn;
    }
    const all = [...rows.values()].reduce((a, r) => ({ cases: a.cases + r.cases, real: a.real + r.real, json: a.json + r.json, jsonCases: a.jsonCases + r.jsonCases, runtime: a.runtime + r.runtime }), { cases: 0, real: 0, json: 0, jsonCases: 0, runtime: 0 });
    const line = (name: string, r: typeof all) => [name, String(r.cases), `${r.real}/${r.cases}`, r.jsonCases ? `${r.json}/${r.jsonCases}` : '-', String(r.runtime)];
    process.stdout.write(
      `\n  helmet agreement (${all.cases} cases: corpus ${cases.filter((x) => x.corpus).length}, extra ${EXTRA_CASES.length})\n` +
        table([['middleware', 'cases', 'agree (real helmet)', 'agree (corpus)', 'runtime-only'], ...[...rows].sort(([a], [b]) => a.localeCompare(b)).map(([k, r]) => line(k, r)), line('total', all)]) +
        '\n',
    );
    if (failures.length) assert.fail(`${failures.length} disagreement(s) with real helmet or its test suite:\n${failures.join('\n')}`);
  });

  it('reads ESM imports the same way as require', () => {
    // One spot check that the import style does not change the prediction.
    for (const c of EXTRA_CASES.filter((x) => !x.uncalled).slice(0, 5)) {
      const cjs = analyze(sourceOf(c, 'cjs'), 'app.js');
      const esm = analyze(sourceOf(c, 'esm'), 'app.mjs');
      assert.deepEqual([...effectOf(esm.helmet[0]).headers], [...effectOf(cjs.helmet[0]).headers], c.name);
    }
  });
});

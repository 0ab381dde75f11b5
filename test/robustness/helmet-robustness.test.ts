// Robustness of the helmet domain (JS/TS app files): every wild Express/Nest/Fastify/Koa file and
// helmet's own tests (with their project and an nginx as the workspace, and alone), thousands of
// deterministic mutations (half-typed code above all) and hand-made pathological files (10k helmet()
// calls, options nested 500 deep, a 2 MB string, 5,000 chained spreads, self-referencing consts) go
// through lintText with every helmet rule on, without an exception, an internal-error finding, a
// range outside the document, or a hang. Every fix and suggestion adds no syntax error (TypeScript's
// parseDiagnostics); every fix removes its finding and adds none; fix-all is idempotent.
// Work runs in worker threads: they use both cores, and a hung lint is detected and killed.
// The rules come from the registry, so rules added later are covered without changing this file.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { requireCorpus } from '../corpus/corpora';
import { analyze } from '../../rules/helmet/analyze';
import { rulesOfDomain } from '../../rules/index';
import { lintText, staticWorkspace, ENGINE_IDS } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { HALF_TYPED_CALL, HALF_TYPED_HEAD, HELMET_CORPORA, allHelmetCorpusFiles, corpusText, helmetMutationCase, helmetPathologicalCases, helmetTestFiles, wildExpressFiles } from './helmet-mutations';
import type { Task } from './helmet-robustness-worker';
import { WORKERS, assertNoFailures, describeResult, merge, printFixTally, workerRunner, writeRepro } from './harness';
import type { TaskResult } from './worker-kit';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260821);
const MUTATIONS = Number(process.env.ROBUSTNESS_MUTATIONS ?? 3000);
/** Mutations start from files up to this size. */
const POOL_MAX_BYTES = 64 * 1024;

const { runSplit, runWorker } = workerRunner<Task>(new URL('./helmet-robustness-worker.ts', import.meta.url).href);

/** Findings per rule and the checks of suggestions (counters with a space in their name), then the fix tally. */
function printTallies(r: TaskResult): void {
  const per = (prefix: string) =>
    Object.entries(r.stats)
      .filter(([k]) => k.startsWith(prefix + ' '))
      .map(([k, v]) => [k.slice(prefix.length + 1), v] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  const findings = per('finding');
  if (findings.length) console.log(`    findings per rule (all helmet rules on):\n${findings.map(([id, n]) => `      ${id.padEnd(44)} ${String(n).padStart(6)}`).join('\n')}`);
  const suggestions = per('suggestionSafe');
  if (suggestions.length) console.log(`    suggestions that apply and add no syntax error:\n${suggestions.map(([id, n]) => `      ${id.padEnd(44)} ${String(n).padStart(6)}`).join('\n')}`);
  printFixTally(r);
}

describe('helmet robustness', function () {
  this.timeout(180_000);
  let corpus: string[] = [];

  before(function () {
    requireCorpus(HELMET_CORPORA.wild, 'helmet robustness');
    requireCorpus(HELMET_CORPORA.helmetTests, 'helmet robustness');
    corpus = allHelmetCorpusFiles();
    assert.ok(wildExpressFiles().length >= 30, `expected the wild Express/Nest/Fastify/Koa files, found ${wildExpressFiles().length}`);
    assert.ok(helmetTestFiles().length >= 20, `expected helmet's own tests, found ${helmetTestFiles().length}`);
    console.log(`\n  helmet rules under test (all on, level warn): ${rulesOfDomain('helmet').map((r) => r.id).join(', ')}`);
  });

  it('lints every corpus file (recommended and all rules on, with its project and alone); fixes and suggestions are safe; fix-all twice equals once', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'corpus', files, projectFiles: corpus }));
    describeResult('helmet corpus files', r, t0);
    printTallies(r);
    assert.equal(r.items, corpus.length, 'every corpus file was linted');
    assertNoFailures(r);
  });

  it(`survives ${MUTATIONS} deterministic mutations (seed ${SEED}) and hand-made pathological inputs, fixes included`, async function () {
    const t0 = Date.now();
    const pool = corpus.filter((f) => statSync(f).size <= POOL_MAX_BYTES);
    const indices = Array.from({ length: MUTATIONS }, (_, i) => i);
    let texts: { texts: string[]; names: string[] } | undefined;
    const reproduce = (label: string) => {
      const m = /^mutation #(\d+) /.exec(label);
      if (!m) return undefined;
      texts ??= { texts: pool.map((f) => corpusText(f, readFileSync(f, 'utf8'))), names: pool.map((f) => f.split('/corpora/').pop()!) };
      const c = helmetMutationCase(SEED, Number(m[1]), texts.texts, texts.names);
      return writeRepro(label, c.text, c.path.slice(c.path.lastIndexOf('.')));
    };
    const mutated = await runSplit(indices, (slice) => ({ kind: 'mutations', seed: SEED, indices: slice, poolFiles: pool }), reproduce);
    const cases = helmetPathologicalCases();
    const reproducePath = (label: string) => {
      const c = cases.find((x) => x.label === label);
      return c ? writeRepro(label, c.text, c.path.slice(c.path.lastIndexOf('.'))) : undefined;
    };
    // With the main thread's stack (node's default is under 1 MB, a worker's 4 MB): deep inputs
    // must not overflow the CLI's or the language server's stack either.
    const slices = Array.from({ length: WORKERS }, (_, w) => cases.map((_, i) => i).filter((i) => i % WORKERS === w)).filter((s) => s.length);
    const patho = merge(await Promise.all(slices.map((indices) => runWorker({ kind: 'pathological', indices }, reproducePath, { stackSizeMb: 1 }))));
    const r = merge([mutated, patho]);
    describeResult(`mutations of ${pool.length} files + ${cases.length} pathological inputs`, r, t0);
    printTallies(r);
    assertNoFailures(r);
    assert.equal(r.items, MUTATIONS + cases.length, 'every generated input was linted');
  });

  describe('half-typed code keeps its model (the TypeScript parser recovers)', () => {
    const full = HALF_TYPED_HEAD + HALF_TYPED_CALL;
    const callStart = HALF_TYPED_HEAD.length;
    const helmetStart = full.indexOf('helmet(', callStart);

    it('every prefix of `app.use(helmet({ contentSecurityPolicy: false }))` from `helmet(` on still has the helmet use and its registration', () => {
      for (let cut = helmetStart + 'helmet('.length; cut <= full.length; cut++) {
        const text = full.slice(0, cut);
        const m = analyze(text, 'src/app.js');
        const what = JSON.stringify(text.slice(callStart));
        assert.equal(m.apps.length, 1, `${what}: the express() app`);
        assert.equal(m.helmet.length, 1, `${what}: one helmet use`);
        const use = m.helmet[0];
        assert.equal(use.middleware, 'topLevel', what);
        assert.equal(use.registration?.receiver, 'app', `${what}: installed by app.use`);
        const typed = text.slice(helmetStart);
        // Once `false` is typed, the option is known although the call is not closed.
        if (/contentSecurityPolicy: false/.test(typed)) {
          const p = use.options?.kind === 'object' ? use.options.props.find((x) => x.key === 'contentSecurityPolicy') : undefined;
          assert.deepEqual(p && p.value.kind === 'boolean' ? p.value.value : p?.value.kind, false, `${what}: contentSecurityPolicy is false`);
        }
        if (!typed.includes('}))')) assert.ok(m.syntaxErrors.length > 0, `${what} is incomplete, so the parser reports it`);
      }
    });

    it('lintText reports the syntax error once at level report and the rules still run on the recovered code', () => {
      const config = resolveConfig({}, { ruleLevels: Object.fromEntries(rulesOfDomain('helmet').map((r) => [r.id, 'warn' as const])) });
      // Mid-way through a CSP with an unquoted keyword: helmet would throw at startup, we already say so.
      const text = HALF_TYPED_HEAD + "app.use(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ['self'";
      const r = lintText({ path: 'src/app.js', text, config, workspace: staticWorkspace([]) })!;
      const parse = r.findings.filter((f) => f.ruleId === ENGINE_IDS.parseError);
      assert.equal(parse.length, 1, JSON.stringify(r.findings));
      assert.equal(parse[0].level, 'report');
      assert.match(parse[0].message, /Checks ran on the code the parser recovered/);
      assert.ok(r.findings.some((f) => f.ruleId === 'helmet/csp-unquoted-keyword' && f.range.start.line === 3), JSON.stringify(r.findings.map((f) => f.ruleId)));
      assert.ok(!r.findings.some((f) => f.ruleId === ENGINE_IDS.internalError));
    });
  });
});

// Robustness of the Dockerfile domain: every corpus Dockerfile and thousands of deterministic
// mutations go through lintText without an exception, an internal-error finding, a range outside
// the document, or a hang; every verified fix is safe; fix-all is idempotent; a 20 MB file is
// skipped at the size cap and completes when the cap is raised.
// Work runs in worker threads: they use both cores, and a hung lint is detected and killed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOCKER_CORPORA, allCorpusDockerfiles, dockerfilesUnder, requireCorpus } from '../corpus/corpora';
import { mutationCase, pathologicalCases } from './mutations';
import type { Task } from './robustness-worker';
import { assertNoFailures, describeResult, merge, printFixTally, workerRunner, writeRepro as writeReproAs } from './harness';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260821);
const MUTATIONS = Number(process.env.ROBUSTNESS_MUTATIONS ?? 3000);

const { runSplit } = workerRunner<Task>(new URL('./robustness-worker.ts', import.meta.url).href);

function writeRepro(label: string, text: string): string {
  return writeReproAs(label, text, '.Dockerfile');
}

describe('docker robustness', function () {
  this.timeout(180_000);
  let corpus: string[] = [];
  let wild: string[] = [];

  before(function () {
    requireCorpus(DOCKER_CORPORA.wild, 'Dockerfile robustness');
    corpus = allCorpusDockerfiles();
    wild = dockerfilesUnder(DOCKER_CORPORA.wild);
    assert.ok(wild.length >= 100, `expected hundreds of wild Dockerfiles, found ${wild.length}`);
  });

  it('lints every corpus Dockerfile (recommended and all rules on) without exception, internal error or bad range', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'corpus', files }));
    describeResult('corpus files', r, t0);
    assert.equal(r.items, corpus.length, 'every corpus file was linted');
    assertNoFailures(r);
  });

  it(`survives ${MUTATIONS} deterministic mutations (seed ${SEED}) and hand-made pathological inputs`, async function () {
    const t0 = Date.now();
    const indices = Array.from({ length: MUTATIONS }, (_, i) => i);
    let pool: { texts: string[]; names: string[] } | undefined;
    const reproduce = (label: string) => {
      const m = /^mutation #(\d+) /.exec(label);
      if (!m) return undefined;
      pool ??= { texts: corpus.map((f) => readFileSync(f, 'utf8')), names: corpus.map((f) => f.split('/corpora/').pop()!) };
      return writeRepro(label, mutationCase(SEED, Number(m[1]), pool.texts, pool.names).text);
    };
    const mutated = await runSplit(indices, (slice) => ({ kind: 'mutations', seed: SEED, indices: slice, poolFiles: corpus }), reproduce);
    const cases = pathologicalCases();
    const reproducePath = (label: string) => {
      const c = cases.find((x) => x.label === label);
      return c ? writeRepro(label, c.text) : undefined;
    };
    const patho = await runSplit(
      cases.map((_, i) => i),
      (slice) => ({ kind: 'pathological', indices: slice }),
      reproducePath,
    );
    const r = merge([mutated, patho]);
    describeResult('mutations + pathological inputs', r, t0);
    assert.equal(r.items, MUTATIONS + cases.length, 'every generated input was linted');
    assertNoFailures(r);
  });

  it('skips a 20 MB file at the size cap with one finding, and lints it when the cap is raised', async function () {
    const t0 = Date.now();
    const base = wild.find((f) => f.includes('docker-library+php')) ?? wild[0];
    const r = await runSplit([0], () => ({ kind: 'big', baseFile: base, bytes: 20 * 1024 * 1024 }));
    describeResult(`20 MB file (raised cap: ${r.stats.bigMs} ms, ${r.stats.bigFindings} findings)`, r, t0);
    assert.equal(r.items, 2);
    assertNoFailures(r);
  });

  it('every verified fix keeps the file parseable, removes its finding and adds none; fix-all twice equals once', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'fixes', files }));
    describeResult('fixes on corpus files', r, t0);
    printFixTally(r);
    assert.equal(r.items, corpus.length);
    assertNoFailures(r);
  });
});

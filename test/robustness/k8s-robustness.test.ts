// Robustness of the Kubernetes domain: every wild manifest, every Helm chart file, every manifest of
// the verdict corpora (Polaris, PSS, Trivy) and thousands of deterministic mutations go through
// lintText without an exception, an internal-error finding, a range outside the document, or a
// hang; hand-made pathological inputs (10k-level nesting, alias bombs, 5,000 documents, a 20 MB
// file at and above the size cap) stay bounded in time and memory; every offered fix is safe and
// keeps the objects; fix-all is idempotent; Helm templates get at most one finding each.
// Work runs in worker threads: they use both cores, and a hung lint is detected and killed.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { K8S_CORPORA, allCorpusManifests, helmTemplateFiles, k8sVerdictCorpusFiles, requireCorpus, wildK8sFiles } from '../corpus/corpora';
import { BOMB_MS, BOMB_RSS_MB, k8sMutationCase, k8sPathologicalCases, type BombKind } from './k8s-mutations';
import type { Task } from './k8s-robustness-worker';
import { assertNoFailures, describeResult, merge, printFixTally, workerRunner, writeRepro } from './harness';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260821);
const MUTATIONS = Number(process.env.ROBUSTNESS_MUTATIONS ?? 3000);
/** Mutations start from files up to this size (the large CRDs are linted as they are, and in the 20 MB test). */
const POOL_MAX_BYTES = 64 * 1024;

const { runSplit, runWorker } = workerRunner<Task>(new URL('./k8s-robustness-worker.ts', import.meta.url).href);

describe('k8s robustness', function () {
  this.timeout(180_000);
  let corpus: string[] = [];
  let wild: string[] = [];

  before(function () {
    requireCorpus(K8S_CORPORA.wild, 'Kubernetes robustness');
    wild = wildK8sFiles();
    corpus = allCorpusManifests();
    assert.ok(wild.length >= 300, `expected hundreds of wild manifests, found ${wild.length}`);
    assert.ok(k8sVerdictCorpusFiles().length >= 400, 'expected the Polaris, PSS and Trivy manifests');
  });

  it('lints every wild and corpus manifest (recommended and all rules on) without exception, internal error or bad range', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'corpus', files }));
    describeResult('corpus manifests', r, t0);
    assert.equal(r.items, corpus.length, 'every corpus file was linted');
    assertNoFailures(r);
  });

  it('Helm chart files: no crash, at most one finding per template', async function () {
    const files = helmTemplateFiles();
    assert.ok(files.filter((f) => f.includes('/templates/')).length >= 10, `expected the chart templates, found ${files.length} files`);
    const t0 = Date.now();
    const r = await runSplit(files, (slice) => ({ kind: 'helm', files: slice }));
    describeResult('Helm chart files', r, t0);
    assert.equal(r.items, files.length * 3);
    assertNoFailures(r);
  });

  it(`survives ${MUTATIONS} deterministic mutations (seed ${SEED}) and hand-made pathological inputs`, async function () {
    const t0 = Date.now();
    const pool = corpus.filter((f) => statSync(f).size <= POOL_MAX_BYTES);
    const indices = Array.from({ length: MUTATIONS }, (_, i) => i);
    let texts: { texts: string[]; names: string[] } | undefined;
    const reproduce = (label: string) => {
      const m = /^mutation #(\d+) /.exec(label);
      if (!m) return undefined;
      texts ??= { texts: pool.map((f) => readFileSync(f, 'utf8')), names: pool.map((f) => f.split('/corpora/').pop()!) };
      return writeRepro(label, k8sMutationCase(SEED, Number(m[1]), texts.texts, texts.names).text, '.yaml');
    };
    const mutated = await runSplit(indices, (slice) => ({ kind: 'mutations', seed: SEED, indices: slice, poolFiles: pool }), reproduce);
    const cases = k8sPathologicalCases();
    const reproducePath = (label: string) => {
      const c = cases.find((x) => x.label === label);
      return c ? writeRepro(label, c.text, c.path.endsWith('.json') ? '.json' : '.yaml') : undefined;
    };
    const patho = await runSplit(
      cases.map((_, i) => i),
      (slice) => ({ kind: 'pathological', indices: slice }),
      reproducePath,
    );
    const r = merge([mutated, patho]);
    describeResult(`mutations of ${pool.length} manifests + ${cases.length} pathological inputs`, r, t0);
    assert.equal(r.items, MUTATIONS + cases.length, 'every generated input was linted');
    assertNoFailures(r);
  });

  it(`alias bombs ("billion laughs") stay bounded: under ${BOMB_MS} ms and ${BOMB_RSS_MB} MB of RSS growth each`, async function () {
    const t0 = Date.now();
    const bombs: BombKind[] = ['configmap', 'pod-env', 'containers', 'merge-keys', 'keys'];
    // Alone in its worker (nothing else runs then), with a heap ceiling: an expansion would end in
    // ERR_WORKER_OUT_OF_MEMORY (a failure) instead of taking the machine down.
    const r = await runWorker({ kind: 'bombs', bombs, rounds: 20 }, () => undefined, { maxOldGenerationSizeMb: 512 });
    describeResult('alias bombs', r, t0);
    console.log(`    per bomb (worst lint of 20, RSS growth): ${bombs.map((b) => `${b} ${r.stats[`bombMs ${b}`]} ms / ${r.stats[`bombRssGrowthMb ${b}`]} MB`).join('; ')}`);
    assert.equal(r.items, bombs.length);
    assertNoFailures(r);
  });

  it('skips a 20 MB manifest at the size cap with one finding, and lints it when the cap is raised', async function () {
    const t0 = Date.now();
    const bases = wild.filter((f) => /microservices-demo\/kubernetes-manifests\/|kube-prometheus\/manifests\/[^/]+\.yaml$/.test(f));
    const r = await runWorker({ kind: 'big', baseFiles: bases.length ? bases : wild.slice(0, 20), bytes: 20 * 1024 * 1024 }, () => undefined);
    describeResult(`20 MB manifest (${r.stats.bigDocs} documents; raised cap: ${r.stats.bigMs} ms, RSS +${r.stats.bigRssGrowthMb} MB, ${r.stats.bigFindings} findings)`, r, t0);
    assert.equal(r.items, 2);
    assertNoFailures(r);
  });

  it('every offered fix keeps the file parseable and its objects, removes its finding and adds none; fix-all twice equals once', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'fixes', files }));
    describeResult('fixes on corpus manifests', r, t0);
    printFixTally(r);
    assert.equal(r.items, corpus.length);
    assertNoFailures(r);
  });
});

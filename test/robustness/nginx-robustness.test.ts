// Robustness of the nginx domain: every wild config and every gixy test config (with its project
// as the workspace, so includes resolve, and alone), thousands of deterministic mutations and
// hand-made pathological inputs (unbalanced braces, 10k-level nesting, include cycles and fan-outs,
// missing includes, 1 MB lines, NUL bytes, unterminated quotes and Lua blocks) go through lintText
// without an exception, an internal-error finding, a range outside the document, or a hang; a 20 MB
// config is skipped at the size cap and completes when the cap is raised; every offered fix keeps
// the file parseable, removes its finding and adds none; fix-all is idempotent.
// Work runs in worker threads: they use both cores, and a hung lint is detected and killed.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { requireCorpus } from '../corpus/corpora';
import { parseNginx } from '../../rules/nginx/parser';
import { NGINX_CORPORA, allNginxCorpusFiles, gixyNginxFiles, nginxMutationCase, nginxPathologicalCases, wildNginxFiles } from './nginx-mutations';
import type { Task } from './nginx-robustness-worker';
import { WORKERS, assertNoFailures, describeResult, merge, printFixTally, workerRunner, writeRepro } from './harness';

const SEED = Number(process.env.ROBUSTNESS_SEED ?? 20260821);
const MUTATIONS = Number(process.env.ROBUSTNESS_MUTATIONS ?? 3000);
/** Mutations start from files up to this size. */
const POOL_MAX_BYTES = 64 * 1024;
/** Top-level directives of a conf.d file (server blocks and their http-level companions). */
const HTTP_LEVEL = new Set(['server', 'upstream', 'map', 'geo', 'limit_req_zone', 'limit_conn_zone', 'proxy_cache_path', 'log_format', 'add_header', 'server_tokens', 'gzip', 'ssl_protocols', 'ssl_ciphers']);

const { runSplit, runWorker } = workerRunner<Task>(new URL('./nginx-robustness-worker.ts', import.meta.url).href);

describe('nginx robustness', function () {
  this.timeout(180_000);
  let corpus: string[] = [];
  let wild: string[] = [];

  before(function () {
    requireCorpus(NGINX_CORPORA.wild, 'nginx robustness');
    wild = wildNginxFiles();
    corpus = allNginxCorpusFiles();
    assert.ok(wild.length >= 100, `expected the wild nginx configs, found ${wild.length}`);
    assert.ok(gixyNginxFiles().length >= 100, `expected the gixy test configs of both lineages, found ${gixyNginxFiles().length}`);
  });

  it('lints every wild and gixy config (recommended and all rules on, with its project and alone) without exception, internal error or bad range', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'corpus', files, projectFiles: corpus }));
    describeResult('nginx corpus configs', r, t0);
    assert.equal(r.items, corpus.length, 'every corpus file was linted');
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
      return writeRepro(label, nginxMutationCase(SEED, Number(m[1]), texts.texts, texts.names).text, '.conf');
    };
    const mutated = await runSplit(indices, (slice) => ({ kind: 'mutations', seed: SEED, indices: slice, poolFiles: pool }), reproduce);
    const cases = nginxPathologicalCases();
    const reproducePath = (label: string) => {
      const c = cases.find((x) => x.label === label);
      return c ? writeRepro(label, c.text, '.conf') : undefined;
    };
    // With the main thread's stack (node's default is under 1 MB, a worker's 4 MB): deep inputs
    // must not overflow the CLI's or the language server's stack either.
    const slices = Array.from({ length: WORKERS }, (_, w) => cases.map((_, i) => i).filter((i) => i % WORKERS === w)).filter((s) => s.length);
    const patho = merge(await Promise.all(slices.map((indices) => runWorker({ kind: 'pathological', indices }, reproducePath, { stackSizeMb: 1 }))));
    const r = merge([mutated, patho]);
    describeResult(`mutations of ${pool.length} configs + ${cases.length} pathological inputs`, r, t0);
    assertNoFailures(r);
    assert.equal(r.items, MUTATIONS + cases.length, 'every generated input was linted');
  });

  it('skips a 20 MB config at the size cap with one finding, and lints it when the cap is raised', async function () {
    const t0 = Date.now();
    // conf.d-style files (server blocks and http-level directives) that parse: repeated inside one http block.
    const bases = wild.filter((f) => {
      const out = parseNginx(readFileSync(f, 'utf8'));
      return !out.errors.length && out.directives.some((d) => d.name === 'server') && out.directives.every((d) => HTTP_LEVEL.has(d.name));
    });
    assert.ok(bases.length >= 5, `expected conf.d-style configs in the wild corpus, found ${bases.length}`);
    const r = await runWorker({ kind: 'big', baseFiles: bases, bytes: 20 * 1024 * 1024 }, () => undefined);
    describeResult(`20 MB config (${r.stats.bigServers} server blocks; raised cap: ${r.stats.bigMs} ms, RSS +${r.stats.bigRssGrowthMb} MB, ${r.stats.bigFindings} findings)`, r, t0);
    assertNoFailures(r);
    assert.equal(r.items, 2);
  });

  it('every offered fix keeps the file parseable, removes its finding and adds none; fix-all twice equals once', async function () {
    const t0 = Date.now();
    const r = await runSplit(corpus, (files) => ({ kind: 'fixes', files, projectFiles: corpus }));
    describeResult('fixes on nginx corpus configs', r, t0);
    printFixTally(r);
    assert.equal(r.items, corpus.length);
    assertNoFailures(r);
  });
});

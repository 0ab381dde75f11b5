// Runs one slice of a Kubernetes robustness task in a worker thread (so that the parent can detect
// and kill a hang) and posts back failures and counters. Started through worker-boot.mjs.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import type { Level } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { applyTextEdits } from '../../rules/text';
import { isTemplated, parseManifests, type K8sObject } from '../../rules/k8s/language';
import { lintText, staticWorkspace, ENGINE_IDS, type Finding } from '../../server/src/engine/runner';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { k8sMutationCase, k8sPathologicalCases, aliasBomb, repeatedManifests, BOMB_MS, BOMB_RSS_MB, type BombKind } from './k8s-mutations';
import { createKit, boundFor, PER_FILE_MS, BIG_FILE_MS } from './worker-kit';

export type Task =
  | { kind: 'corpus'; files: string[] }
  | { kind: 'helm'; files: string[] }
  | { kind: 'mutations'; seed: number; indices: number[]; poolFiles: string[] }
  | { kind: 'pathological'; indices: number[] }
  | { kind: 'fixes'; files: string[] }
  | { kind: 'big'; baseFiles: string[]; bytes: number }
  | { kind: 'bombs'; bombs: BombKind[]; rounds: number };

const k8sRules = rulesOfDomain('k8s');
export const allOnConfig = (extra: { maxFileSizeKb?: number } = {}): ResolvedConfig =>
  resolveConfig({}, { ...extra, ruleLevels: Object.fromEntries(k8sRules.map((r) => [r.id, 'warn' as Level])) });

/** Every input is its own workspace: rules relating objects across files (`needsWorkspace`) run on the file's own objects. */
const workspace = staticWorkspace([]);
const kit = createKit({ lintPath: 'manifest.yaml', reproExt: '.yaml', nullIsFailure: false, workspace });
const { result, bump, sample, fail, begin, checkedLint, checkOfferedFix, checkFixAll } = kit;

const short = (file: string) => file.split('/corpora/').pop()!;

// ---------------------------------------------------------------------------------------------
// Data comparison of a fixed file with the original

const PARSE = { uniqueKeys: false, maxAliasCount: 1000, prettyErrors: false } as const;

interface DocData {
  errors: number;
  js: unknown;
}

function docsOf(text: string): DocData[] {
  const docs = parseAllDocuments(text, PARSE);
  if (!Array.isArray(docs)) return [];
  return docs.map((d) => ({ errors: d.errors.length, js: d.toJS({ maxAliasCount: 1000 }) as unknown }));
}

type Path = (string | number)[];

/** Paths (from the document root) where `a` and `b` differ, down to the first difference. */
function diffPaths(a: unknown, b: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (out.length > 50) return out;
  if (isDeepStrictEqual(a, b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
      out.push(at);
      return out;
    }
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) diffPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...at, Array.isArray(a) ? Number(k) : k], out);
    return out;
  }
  out.push(at);
  return out;
}

/** Kind and name of every object of a document (the items of a `List`), as `Kind/name`. */
function identities(js: unknown): string[] {
  if (!js || typeof js !== 'object' || Array.isArray(js)) return [];
  const o = js as Record<string, unknown>;
  const id = (x: unknown) => {
    const m = x && typeof x === 'object' ? (x as Record<string, unknown>) : {};
    const meta = m.metadata && typeof m.metadata === 'object' ? (m.metadata as Record<string, unknown>) : {};
    return `${String(m.kind)}/${String(meta.name)}`;
  };
  if (typeof o.kind === 'string' && /List$/.test(o.kind) && Array.isArray(o.items)) return [id(o), ...o.items.map(id)];
  return [id(o)];
}

/**
 * Where a finding's fix may change data: the pod template holding the finding (pod- and
 * container-level fixes live in its spec, AppArmor annotations in its metadata; for a Pod, the
 * object), else the object holding it; as a path from the document root.
 */
function scopeOf(text: string, offset: number): { docIndex: number; path: Path } | null {
  const model = parseManifests(text).model;
  const within = (n: { range?: [number, number, number] | null } | null | undefined) => !!n?.range && n.range[0] <= offset && offset <= n.range[2];
  let best: { o: K8sObject; inPod: boolean } | null = null;
  for (const o of model.objects) {
    if (!within(o.node)) continue;
    best = { o, inPod: within(o.podSpec?.node) };
  }
  if (!best) return null;
  const { o, inPod } = best;
  const root = model.docs[o.docIndex].contents;
  let base: Path = [];
  if (root !== o.node) {
    const items = (root as { items: { key: { value: unknown }; value: { items: unknown[] } }[] }).items.find((p) => p.key?.value === 'items')?.value;
    base = ['items', items ? items.items.indexOf(o.node) : -1];
  }
  return { docIndex: o.docIndex, path: inPod && o.podSpec ? [...base, ...o.podSpec.path.slice(0, -1)] : base };
}

const isPrefix = (p: Path, of: Path) => p.length <= of.length && p.every((s, i) => String(s) === String(of[i]));

/**
 * Why `fixed` is not "the same objects as data, plus the change" for a fix of `f`, or null: same
 * number of documents, same kinds and names, and no data changed outside the finding's scope.
 * With `appendOk`, documents may be added after the existing ones (snippet suggestions).
 */
function dataProblem(text: string, fixed: string, f: Finding, before: DocData[], appendOk = false): string | null {
  const after = docsOf(fixed);
  if (after.some((d) => d.errors)) return 'the fixed text has YAML errors';
  if (appendOk ? after.length < before.length : after.length !== before.length) return `document count ${before.length} -> ${after.length}`;
  const idsBefore = before.map((d) => identities(d.js).join(','));
  const idsAfter = after.slice(0, before.length).map((d) => identities(d.js).join(','));
  if (!isDeepStrictEqual(idsBefore, idsAfter)) return `kinds/names changed: ${JSON.stringify(idsBefore)} -> ${JSON.stringify(idsAfter)}`;
  const offset = (() => {
    const lines = text.split(/\r\n|\r|\n/);
    let o = 0;
    for (let l = 0; l < f.range.start.line && l < lines.length; l++) o += lines[l].length + 1;
    return o + f.range.start.character;
  })();
  const scope = scopeOf(text, offset);
  for (let d = 0; d < before.length; d++) {
    const paths = diffPaths(before[d].js, after[d].js);
    for (const p of paths) {
      if (scope && scope.docIndex === d && isPrefix(scope.path, p)) continue;
      return `data changed outside the finding's ${scope ? `scope (document ${scope.docIndex + 1}, ${scope.path.join('.') || 'object'})` : 'object'}: document ${d + 1} at ${p.join('.') || '(root)'}`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/**
 * Each fix offered on the file keeps it parseable, keeps the objects (data changes only within the
 * finding's pod spec or object), removes its finding and adds none; suggestions keep the file
 * parseable and the objects; fix-all twice equals once.
 */
function checkFixes(file: string): void {
  const text = readFileSync(file, 'utf8');
  const label = short(file);
  const config = allOnConfig();
  const opts = { path: file, text, config, workspace };
  begin(`fixes of ${label}`, PER_FILE_MS * 10);
  const before = checkedLint(label, text, config, boundFor(text), false, file);
  if (!before || before.findings.some((f) => f.ruleId === ENGINE_IDS.parseError)) return;
  let docs: DocData[] | null = null;
  const docsBefore = () => (docs ??= docsOf(text));
  for (const f of before.findings) {
    const what = `${label}:${f.range.start.line + 1} ${f.ruleId}`;
    for (const s of f.suggestions ?? []) {
      bump('suggestionsOffered');
      let fixed: string;
      try {
        fixed = applyTextEdits(text, s.edits);
      } catch (e) {
        fail(`${what} suggestion "${s.title}"`, `edits do not apply: ${(e as Error).message}`);
        continue;
      }
      const problem = dataProblem(text, fixed, f, docsBefore(), true);
      if (problem) fail(`${what} suggestion "${s.title}"`, problem);
    }
    if (!f.fix) continue;
    // Beyond the shared checks: a safe fix must keep the documents' kinds and names (data identity).
    checkOfferedFix(opts, before, f, `${what} fix "${f.fix.title}"`, (fixed) => dataProblem(text, fixed, f, docsBefore()));
  }
  checkFixAll(opts, label, (fixed) => {
    const after = docsOf(fixed);
    const ids = (ds: DocData[]) => ds.map((d) => identities(d.js).join(','));
    if (!isDeepStrictEqual(ids(docsBefore()), ids(after))) fail(`fix-all of ${label}`, `documents/kinds/names changed: ${JSON.stringify(ids(docsBefore()))} -> ${JSON.stringify(ids(after))}`);
  });
}

function readPool(files: string[]): { texts: string[]; names: string[] } {
  return { texts: files.map((f) => readFileSync(f, 'utf8')), names: files.map(short) };
}

function run(task: Task): void {
  switch (task.kind) {
    case 'corpus': {
      const def = resolveConfig();
      const all = allOnConfig();
      for (const file of task.files) {
        const label = short(file);
        const text = readFileSync(file, 'utf8');
        begin(label, 2 * boundFor(text));
        const r = checkedLint(`${label} (recommended)`, text, def, boundFor(text), false, file);
        checkedLint(`${label} (all rules on)`, text, all, boundFor(text), false, file);
        if (r?.findings.some((f) => f.ruleId === ENGINE_IDS.parseError)) sample('corpusParseErrors', `${label}: ${r.findings.find((f) => f.ruleId === ENGINE_IDS.parseError)!.message.slice(0, 120)}`);
      }
      break;
    }
    case 'helm': {
      const all = allOnConfig();
      for (const file of task.files) {
        const label = short(file);
        const text = readFileSync(file, 'utf8');
        // As found on disk, as an editor would send it (language id yaml), and with the template
        // directives blanked out (what a user sees half-way through editing).
        const variants: [string, string, string | undefined][] = [
          [`${label}`, text, undefined],
          [`${label} (languageId yaml)`, text, 'yaml'],
          [`${label} (directives blanked)`, text.replace(/\{\{[\s\S]*?\}\}/g, ''), undefined],
        ];
        for (const [name, t, languageId] of variants) {
          begin(name, boundFor(t));
          let r;
          try {
            r = lintText({ path: file, text: t, config: all, languageId, workspace });
          } catch (e) {
            fail(name, `lintText threw: ${(e as Error).stack ?? e}`);
            continue;
          }
          bump('lints');
          if (!r) {
            bump('helmSkipped');
            continue;
          }
          if (r.findings.some((f) => f.ruleId === ENGINE_IDS.internalError)) fail(name, r.findings.filter((f) => f.ruleId === ENGINE_IDS.internalError).map((f) => f.message).join(' | '));
          if (name === label || languageId) {
            // A template as it is on disk: at most one finding (today: none, the file is skipped).
            if (r.findings.length > 1) fail(name, `a Helm template got ${r.findings.length} findings (at most one allowed): ${r.findings.slice(0, 3).map((f) => `${f.ruleId}: ${f.message}`).join(' | ')}`);
            bump('helmLinted');
          } else bump('helmBlankedLinted');
        }
      }
      break;
    }
    case 'mutations': {
      const pool = readPool(task.poolFiles);
      const all = allOnConfig();
      for (const i of task.indices) {
        const c = k8sMutationCase(task.seed, i, pool.texts, pool.names);
        begin(c.label, boundFor(c.text));
        checkedLint(c.label, c.text, all, boundFor(c.text), true, c.path);
      }
      break;
    }
    case 'pathological': {
      const cases = k8sPathologicalCases();
      const all = allOnConfig();
      // Generous cap so that the large inputs are linted, not skipped at the size cap.
      const raised = allOnConfig({ maxFileSizeKb: 64 * 1024 });
      for (const i of task.indices) {
        const c = cases[i];
        begin(c.label, boundFor(c.text));
        checkedLint(c.label, c.text, c.text.length > all.maxFileSizeKb * 1024 ? raised : all, boundFor(c.text), true, c.path);
      }
      break;
    }
    case 'fixes':
      for (const file of task.files) checkFixes(file);
      break;
    case 'big': {
      // Templated files (`{{ }}` anywhere, e.g. PrometheusRule descriptions) are skipped by the language: leave them out.
      const text = repeatedManifests(task.baseFiles.map((f) => readFileSync(f, 'utf8')).filter((t) => !isTemplated(t)), task.bytes);
      const mb = (text.length / 1024 / 1024).toFixed(1);
      result.stats.bigDocs = text.split('\n---\n').length;
      const capped = `${mb} MB manifest at the default size cap`;
      begin(capped);
      const r = checkedLint(capped, text, allOnConfig(), PER_FILE_MS, false);
      if (r) {
        const ids = r.findings.map((f) => f.ruleId);
        if (ids.length !== 1 || ids[0] !== ENGINE_IDS.tooLarge) fail(capped, `expected exactly one ${ENGINE_IDS.tooLarge} finding, got ${JSON.stringify(ids.slice(0, 5))}`);
      } else fail(capped, 'not recognised as a manifest');
      const raised = `${mb} MB manifest with maxFileSizeKb 40000`;
      begin(raised, BIG_FILE_MS);
      const rss0 = process.memoryUsage().rss;
      const t0 = performance.now();
      const r2 = checkedLint(raised, text, allOnConfig({ maxFileSizeKb: 40000 }), BIG_FILE_MS, false);
      result.stats.bigMs = Math.round(performance.now() - t0);
      result.stats.bigRssGrowthMb = Math.round((process.memoryUsage().rss - rss0) / 1024 / 1024);
      if (r2) {
        if (r2.findings.some((f) => f.ruleId === ENGINE_IDS.tooLarge || f.ruleId === ENGINE_IDS.parseError)) fail(raised, `the raised cap did not lint the file: ${r2.findings.slice(0, 2).map((f) => f.message).join(' | ')}`);
        result.stats.bigFindings = r2.findings.length;
      } else fail(raised, 'not recognised as a manifest');
      break;
    }
    case 'bombs': {
      const all = allOnConfig();
      for (const kind of task.bombs) {
        const text = aliasBomb(kind);
        const label = `alias bomb (${kind})`;
        begin(label, BOMB_MS);
        // Warm up once (module caches, JIT), then measure the rounds.
        checkedLint(label, text, all, BOMB_MS * 5);
        (globalThis as { gc?: () => void }).gc?.();
        const rss0 = process.memoryUsage().rss;
        let peak = rss0;
        let worst = 0;
        for (let k = 0; k < task.rounds; k++) {
          const t0 = performance.now();
          const r = checkedLint(label, text, all, BOMB_MS);
          worst = Math.max(worst, performance.now() - t0);
          peak = Math.max(peak, process.memoryUsage().rss);
          if (r?.findings.some((f) => f.ruleId === ENGINE_IDS.parseError)) bump(`bombParseError ${kind}`);
        }
        const growthMb = (peak - rss0) / 1024 / 1024;
        result.stats[`bombMs ${kind}`] = Math.round(worst);
        result.stats[`bombRssGrowthMb ${kind}`] = Math.round(growthMb);
        if (growthMb > BOMB_RSS_MB) fail(label, `RSS grew by ${growthMb.toFixed(0)} MB over ${task.rounds} lints (bound ${BOMB_RSS_MB} MB)`, text);
      }
      break;
    }
  }
}

run(workerData.task as Task);
kit.finish();

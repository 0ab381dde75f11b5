// Runs one slice of an nginx robustness task in a worker thread (so that the parent can detect and
// kill a hang) and posts back failures and counters. Started through worker-boot.mjs.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Level, WorkspaceView } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { applyTextEdits } from '../../rules/text';
import { nginxLanguage } from '../../rules/nginx/language';
import { lintText, staticWorkspace, ENGINE_IDS } from '../../server/src/engine/runner';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { nginxMutationCase, nginxPathologicalCases, projectOf, repeatedConfig } from './nginx-mutations';
import { createKit, boundFor, PER_FILE_MS, BIG_FILE_MS } from './worker-kit';

export type Task =
  | { kind: 'corpus'; files: string[]; projectFiles: string[] }
  | { kind: 'mutations'; seed: number; indices: number[]; poolFiles: string[] }
  | { kind: 'pathological'; indices: number[] }
  | { kind: 'fixes'; files: string[]; projectFiles: string[] }
  | { kind: 'big'; baseFiles: string[]; bytes: number };

const nginxRules = rulesOfDomain('nginx');
export const allOnConfig = (extra: { maxFileSizeKb?: number } = {}): ResolvedConfig =>
  resolveConfig({}, { ...extra, ruleLevels: Object.fromEntries(nginxRules.map((r) => [r.id, 'warn' as Level])) });

// The kit lints with one workspace view; it forwards to the view of the input at hand (its
// project's files for corpus configs, the case's files for include cycles, nothing otherwise).
let currentView: WorkspaceView = staticWorkspace([]);
const workspace: WorkspaceView = { entries: (d) => currentView.entries(d) };
const kit = createKit({ lintPath: 'nginx.conf', reproExt: '.conf', nullIsFailure: true, workspace });
const { result, bump, sample, fail, begin, checkedLint, checkOfferedFix, checkFixAll } = kit;

const short = (file: string) => file.split('/corpora/').pop()!;

/** The path to lint a corpus file at: its own when nginx recognises it, else as a `.nginx` file (mime.types, fastcgi_params). */
const lintPathOf = (file: string) => (nginxLanguage.matches(file) ? file : file + '.nginx');

/** A workspace of files (path, text) as the index would summarise them. */
function viewOf(files: { path: string; text: string }[]): WorkspaceView {
  return staticWorkspace(
    files.map((f) => {
      let items: unknown[] = [];
      try {
        items = nginxLanguage.indexItems!(nginxLanguage.parse(f.text, f.path).model, f.path);
      } catch (e) {
        fail(`index of ${short(f.path)}`, `parse/indexItems threw: ${(e as Error).message}`);
      }
      return { domain: 'nginx', path: f.path, items };
    }),
  );
}

/** One view per corpus project (a wild repository, a gixy plugin folder), built on first use. */
const projectViews = new Map<string, WorkspaceView>();
function projectView(file: string, projectFiles: string[]): WorkspaceView {
  const project = projectOf(file);
  let v = projectViews.get(project);
  if (!v) {
    v = viewOf(projectFiles.filter((f) => projectOf(f) === project).map((f) => ({ path: f, text: readFileSync(f, 'utf8') })));
    projectViews.set(project, v);
  }
  return v;
}

/** A small workspace of includes (snippets, a cycle) that mutated main configs are linted against. */
const SAMPLE_VIEW = viewOf([
  { path: '/etc/nginx/snippets/headers.conf', text: 'add_header X-Frame-Options DENY;\nadd_header Strict-Transport-Security "max-age=63072000" always;\n' },
  { path: '/etc/nginx/conf.d/default.conf', text: 'server {\n  listen 80;\n  include snippets/headers.conf;\n  location / { return 301 https://$host$request_uri; }\n}\n' },
  { path: '/etc/nginx/conf.d/loop.conf', text: 'include /etc/nginx/conf.d/*.conf;\nserver_tokens off;\n' },
]);

/**
 * Each offered fix keeps the file parseable, removes its finding and adds none (else verifyFix must
 * refuse it); each suggestion keeps the file parseable; fix-all twice equals fix-all once.
 */
function checkFixes(file: string): void {
  const text = readFileSync(file, 'utf8');
  const label = short(file);
  const lintPath = lintPathOf(file);
  const config = allOnConfig();
  const opts = { path: lintPath, text, config, workspace };
  begin(`fixes of ${label}`, PER_FILE_MS * 10);
  const before = checkedLint(label, text, config, boundFor(text), false, lintPath);
  if (!before || before.findings.some((f) => f.ruleId === ENGINE_IDS.parseError)) return;
  for (const f of before.findings) {
    const what = `${label}:${f.range.start.line + 1} ${f.ruleId}`;
    for (const s of f.suggestions ?? []) {
      bump('suggestionsOffered');
      try {
        const after = lintText({ ...opts, text: applyTextEdits(text, s.edits), onlyRules: [] });
        if (after?.findings.some((x) => x.ruleId === ENGINE_IDS.parseError)) {
          // The server drops such suggestions; count them so they show in the tally.
          bump(`suggestionUnparseable ${f.ruleId}`);
          sample(`suggestionUnparseable ${f.ruleId}`, `${what} "${s.title}"`);
        }
      } catch (e) {
        fail(`${what} suggestion "${s.title}"`, `edits do not apply: ${(e as Error).message}`);
      }
    }
    if (!f.fix) continue;
    checkOfferedFix(opts, before, f, `${what} fix "${f.fix.title}"`);
  }
  checkFixAll(opts, label);
}

function run(task: Task): void {
  switch (task.kind) {
    case 'corpus': {
      const def = resolveConfig();
      const all = allOnConfig();
      for (const file of task.files) {
        const label = short(file);
        const text = readFileSync(file, 'utf8');
        const lintPath = lintPathOf(file);
        begin(label, 4 * boundFor(text));
        // With the file's project as the workspace (includes resolve), and alone (they do not).
        currentView = projectView(file, task.projectFiles);
        const r = checkedLint(`${label} (recommended, project workspace)`, text, def, boundFor(text), false, lintPath);
        checkedLint(`${label} (all rules on, project workspace)`, text, all, boundFor(text), false, lintPath);
        currentView = staticWorkspace([]);
        checkedLint(`${label} (all rules on, alone)`, text, all, boundFor(text), false, lintPath);
        const parse = r?.findings.find((f) => f.ruleId === ENGINE_IDS.parseError);
        if (parse) {
          bump(text.includes('{{') || text.includes('{%') ? 'corpusTemplatesNotParsed' : 'corpusParseErrors');
          sample(text.includes('{{') || text.includes('{%') ? 'corpusTemplatesNotParsed' : 'corpusParseErrors', `${label}:${parse.range.start.line + 1}: ${parse.message.slice(0, 140)}`);
        }
      }
      break;
    }
    case 'mutations': {
      const pool = { texts: task.poolFiles.map((f) => readFileSync(f, 'utf8')), names: task.poolFiles.map(short) };
      const all = allOnConfig();
      for (const i of task.indices) {
        const c = nginxMutationCase(task.seed, i, pool.texts, pool.names);
        begin(c.label, boundFor(c.text));
        // Half alone, half as a main config with snippets and an include cycle around it.
        currentView = i % 2 ? SAMPLE_VIEW : staticWorkspace([]);
        checkedLint(c.label, c.text, all, boundFor(c.text), true, i % 2 ? '/etc/nginx/nginx.conf' : 'nginx.conf');
      }
      break;
    }
    case 'pathological': {
      const cases = nginxPathologicalCases();
      const all = allOnConfig();
      // Generous cap so that the large inputs are linted, not skipped at the size cap.
      const raised = allOnConfig({ maxFileSizeKb: 64 * 1024 });
      for (const i of task.indices) {
        const c = cases[i];
        const size = c.text.length + (c.workspace ?? []).reduce((n, f) => n + f.text.length, 0);
        const bound = Math.round(PER_FILE_MS + (size / 1024) * 10);
        begin(c.label, bound);
        currentView = viewOf(c.workspace ?? []);
        const r = checkedLint(c.label, c.text, c.text.length > all.maxFileSizeKb * 1024 ? raised : all, bound, true, c.path);
        if (r?.findings.some((f) => f.ruleId === ENGINE_IDS.tooLarge)) fail(c.label, 'skipped at the size cap although the cap was raised');
      }
      currentView = staticWorkspace([]);
      break;
    }
    case 'fixes':
      for (const file of task.files) {
        currentView = projectView(file, task.projectFiles);
        checkFixes(file);
      }
      currentView = staticWorkspace([]);
      break;
    case 'big': {
      currentView = staticWorkspace([]);
      const text = repeatedConfig(task.baseFiles.map((f) => readFileSync(f, 'utf8')), task.bytes);
      const mb = (text.length / 1024 / 1024).toFixed(1);
      result.stats.bigServers = (text.match(/^\s*server\s*\{/gm) ?? []).length;
      const capped = `${mb} MB config at the default size cap`;
      begin(capped);
      const r = checkedLint(capped, text, allOnConfig(), PER_FILE_MS, false);
      if (r) {
        const ids = r.findings.map((f) => f.ruleId);
        if (ids.length !== 1 || ids[0] !== ENGINE_IDS.tooLarge) fail(capped, `expected exactly one ${ENGINE_IDS.tooLarge} finding, got ${JSON.stringify(ids.slice(0, 5))}`);
      }
      const raised = `${mb} MB config with maxFileSizeKb 40000`;
      begin(raised, BIG_FILE_MS);
      const rss0 = process.memoryUsage().rss;
      const t0 = performance.now();
      const r2 = checkedLint(raised, text, allOnConfig({ maxFileSizeKb: 40000 }), BIG_FILE_MS, false);
      result.stats.bigMs = Math.round(performance.now() - t0);
      result.stats.bigRssGrowthMb = Math.round((process.memoryUsage().rss - rss0) / 1024 / 1024);
      if (r2) {
        if (r2.findings.some((f) => f.ruleId === ENGINE_IDS.tooLarge || f.ruleId === ENGINE_IDS.parseError)) fail(raised, `the raised cap did not lint the file: ${r2.findings.slice(0, 2).map((f) => f.message).join(' | ')}`);
        result.stats.bigFindings = r2.findings.length;
      }
      break;
    }
  }
}

run(workerData.task as Task);
kit.finish();

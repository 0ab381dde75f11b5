// Runs one slice of a helmet-domain robustness task in a worker thread (so that the parent can
// detect and kill a hang) and posts back failures and counters. Started through worker-boot.mjs.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import type { Level, WorkspaceEntry, WorkspaceView } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { applyTextEdits } from '../../rules/text';
import { helmetLanguage } from '../../rules/helmet/language';
import { nginxLanguage } from '../../rules/nginx/language';
import { analyze } from '../../rules/helmet/analyze';
import { typescript } from '../../rules/helmet/ts';
import { mentionsRelevantModule } from '../../rules/helmet/modules';
import { staticWorkspace, ENGINE_IDS, type FileResult } from '../../server/src/engine/runner';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { corpusLintPath, corpusText, helmetMutationCase, helmetPathologicalCases, projectOf } from './helmet-mutations';
import { createKit, boundFor } from './worker-kit';

export type Task =
  | { kind: 'corpus'; files: string[]; projectFiles: string[] }
  | { kind: 'mutations'; seed: number; indices: number[]; poolFiles: string[] }
  | { kind: 'pathological'; indices: number[] };

const helmetRules = rulesOfDomain('helmet');
/** Every helmet rule on at level warn; `maxFileSizeKb` raised for the inputs above the default cap. */
const allOnConfig = (extra: { maxFileSizeKb?: number } = {}): ResolvedConfig =>
  resolveConfig({}, { ...extra, ruleLevels: Object.fromEntries(helmetRules.map((r) => [r.id, 'warn' as Level])) });

// ---- syntax errors: the fix hook -----------------------------------------------------------

/** The script kind the domain parses a path with (JSX for .js, as analyze() does). */
const kindCache = new Map<string, import('typescript').ScriptKind>();
function scriptKindOf(path: string): import('typescript').ScriptKind {
  const ext = /\.[^./]+$/.exec(path)?.[0] ?? '.js';
  let k = kindCache.get(ext);
  // scriptKind is internal to the SourceFile type; the parse of an empty text tells which one analyze() chose.
  if (k === undefined) kindCache.set(ext, (k = (analyze('', path).sf as unknown as { scriptKind: import('typescript').ScriptKind }).scriptKind));
  return k;
}

/** Syntax errors the TypeScript parser reports for a text (its parseDiagnostics). */
function syntaxErrors(text: string, path: string): number {
  const ts = typescript();
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKindOf(path));
  return ((sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? []).length;
}

let currentPath = 'src/app.js';
const syntaxBefore = new Map<string, number>();
/** No fix or suggestion may add a syntax error (half-typed inputs have some already). */
function newSyntaxErrors(before: string, after: string): string | null {
  let b = syntaxBefore.get(before);
  if (b === undefined) {
    syntaxBefore.clear();
    syntaxBefore.set(before, (b = syntaxErrors(before, currentPath)));
  }
  const a = syntaxErrors(after, currentPath);
  return a > b ? `leaves ${a} syntax error(s) where there were ${b}` : null;
}

// ---- workspace ------------------------------------------------------------------------------

// The kit lints with one workspace view; it forwards to the view of the input at hand.
let currentView: WorkspaceView = staticWorkspace([]);
const workspace: WorkspaceView = { entries: (d) => currentView.entries(d) };
const kit = createKit({ lintPath: 'src/app.js', reproExt: '.js', nullIsFailure: false, workspace, fixedTextProblem: newSyntaxErrors });
const { bump, sample, fail, begin, checkedLint, checkOfferedFix, checkFixAll } = kit;

const short = (file: string) => file.split('/corpora/').pop()!;

/** A workspace of files (path, text) as the index would summarise them, of any domain. */
function viewOf(files: { path: string; text: string }[]): (WorkspaceEntry & { domain: string })[] {
  return files.map((f) => {
    const nginx = f.path.endsWith('.conf');
    let items: unknown[] = [];
    try {
      items = nginx ? nginxLanguage.indexItems!(nginxLanguage.parse(f.text, f.path).model, f.path) : helmetLanguage.indexItems!(helmetLanguage.parse(f.text, f.path).model, f.path);
    } catch (e) {
      fail(`index of ${short(f.path)}`, `parse/indexItems threw: ${(e as Error).stack ?? e}`);
    }
    return { domain: nginx ? 'nginx' : 'helmet', path: f.path, items };
  });
}

/** An nginx in front of the apps that sets some of helmet's headers with other values, and other app files. */
const SAMPLE_ENTRIES = viewOf([
  {
    path: '/etc/nginx/conf.d/app.conf',
    text: 'server {\n  listen 443 ssl;\n  add_header Strict-Transport-Security "max-age=63072000; includeSubDomains; preload" always;\n  add_header X-Frame-Options DENY;\n  add_header Content-Security-Policy "default-src \'none\'";\n  location / { proxy_pass http://127.0.0.1:3000; }\n}\n',
  },
  { path: 'src/server.js', text: "const express = require('express');\nconst app = express();\napp.post('/login', (req, res) => res.send('ok'));\nmodule.exports = app;\n" },
  { path: 'src/security.ts', text: "import helmet from 'helmet';\nimport rateLimit from 'express-rate-limit';\nexport const security = [helmet({ hsts: false }), rateLimit({ windowMs: 60_000, limit: 10 })];\n" },
]);
const NGINX_ENTRIES = SAMPLE_ENTRIES.filter((e) => e.domain === 'nginx');
/**
 * Views of generated inputs, in turn: nothing else; other app files; other app files and the nginx.
 * (With that nginx, fixes that turn helmet on rightly fail verification: they add a header conflict.)
 */
const MUTATION_VIEWS = [staticWorkspace([]), staticWorkspace(SAMPLE_ENTRIES.filter((e) => e.domain !== 'nginx')), staticWorkspace(SAMPLE_ENTRIES)];
const SAMPLE_VIEW = MUTATION_VIEWS[2];

/** One view per corpus project (its other files; with the sample nginx or not), built on first use. */
const projectViews = new Map<string, WorkspaceView>();
function projectView(file: string, projectFiles: string[], withNginx: boolean): WorkspaceView {
  const key = `${projectOf(file)} ${withNginx}`;
  let v = projectViews.get(key);
  if (!v) {
    const files = projectFiles.filter((f) => projectOf(f) === projectOf(file)).map((f) => ({ path: corpusLintPath(f), text: corpusText(f, readFileSync(f, 'utf8')) }));
    v = staticWorkspace([...viewOf(files), ...(withNginx ? NGINX_ENTRIES : [])]);
    projectViews.set(key, v);
  }
  return v;
}

// ---- fixes ----------------------------------------------------------------------------------

/**
 * Every suggestion and fix of a lint: edits apply and add no syntax error (the kit's hook for
 * fixes; here for suggestions); each fix removes its finding and adds no other, or verifyFix
 * refuses it (the kit's check), on half-typed code too. `limit` bounds the fixes checked.
 */
function checkFindings(label: string, path: string, text: string, config: ResolvedConfig, before: FileResult, limit = Infinity): void {
  currentPath = path;
  const opts = { path, text, config, workspace };
  const halfTyped = before.findings.some((f) => f.ruleId === ENGINE_IDS.parseError);
  let checked = 0;
  for (const f of before.findings) {
    if (checked >= limit) break;
    const what = `${label}:${f.range.start.line + 1} ${f.ruleId}`;
    for (const s of f.suggestions ?? []) {
      checked++;
      bump('suggestionsOffered');
      let fixed: string;
      try {
        fixed = applyTextEdits(text, s.edits);
      } catch (e) {
        fail(`${what} suggestion "${s.title}"`, `edits do not apply: ${(e as Error).message}`);
        continue;
      }
      if (fixed === text) fail(`${what} suggestion "${s.title}"`, 'changes nothing');
      const broken = newSyntaxErrors(text, fixed);
      if (broken) fail(`${what} suggestion "${s.title}"`, broken, fixed);
      else bump(`suggestionSafe ${f.ruleId}`);
    }
    if (!f.fix) continue;
    checked++;
    checkOfferedFix(opts, before, f, `${what} fix "${f.fix.title}"`);
    if (halfTyped) bump('fixesOnHalfTypedCode');
  }
}

/** Findings per rule, for the printed tally. */
function tally(r: FileResult | null): void {
  for (const f of r?.findings ?? []) bump(`finding ${f.ruleId}`);
}

// ---- tasks ----------------------------------------------------------------------------------

function run(task: Task): void {
  switch (task.kind) {
    case 'corpus': {
      const def = resolveConfig();
      const all = allOnConfig();
      for (const file of task.files) {
        const label = short(file);
        const text = corpusText(file, readFileSync(file, 'utf8'));
        const path = corpusLintPath(file);
        begin(label, 8 * boundFor(text));
        // With the file's project as the workspace (and an nginx in front of it), and alone.
        currentView = projectView(file, task.projectFiles, true);
        checkedLint(`${label} (all rules on, project workspace and nginx)`, text, all, boundFor(text), false, path);
        currentView = projectView(file, task.projectFiles, false);
        const r = checkedLint(`${label} (recommended, project workspace)`, text, def, boundFor(text), false, path);
        if (!r) {
          // Files that import nothing of ours (express's own examples require '../../') are not the domain's.
          if (mentionsRelevantModule(text)) fail(label, 'imports a module of ours but is not recognised as a helmet-domain file');
          bump('corpusNotOurs');
          sample('corpusNotOurs', label);
          continue;
        }
        const all1 = checkedLint(`${label} (all rules on, project workspace)`, text, all, boundFor(text), false, path);
        tally(all1);
        if (all1) {
          checkFindings(label, path, text, all, all1);
          const opts = { path, text, config: all, workspace };
          checkFixAll(opts, label, (fixed) => {
            currentPath = path;
            const broken = newSyntaxErrors(text, fixed);
            if (broken) fail(`fix-all of ${label}`, broken, fixed);
          });
        }
        currentView = staticWorkspace([]);
        checkedLint(`${label} (all rules on, alone)`, text, all, boundFor(text), false, path);
        const parse = r.findings.find((f) => f.ruleId === ENGINE_IDS.parseError);
        if (parse) {
          bump('corpusSyntaxErrors');
          sample('corpusSyntaxErrors', `${label}:${parse.range.start.line + 1}: ${parse.message.slice(0, 140)}`);
        }
      }
      break;
    }
    case 'mutations': {
      const pool = { texts: task.poolFiles.map((f) => corpusText(f, readFileSync(f, 'utf8'))), names: task.poolFiles.map(short) };
      const all = allOnConfig();
      for (const i of task.indices) {
        const c = helmetMutationCase(task.seed, i, pool.texts, pool.names);
        begin(c.label, 4 * boundFor(c.text));
        currentView = MUTATION_VIEWS[i % MUTATION_VIEWS.length];
        const r = checkedLint(c.label, c.text, all, boundFor(c.text), true, c.path);
        tally(r);
        if (r) checkFindings(c.label, c.path, c.text, all, r);
        // Fix-all (verified fixes only, half-typed code included) is idempotent and adds no syntax error.
        if (r?.findings.some((f) => f.fix)) {
          checkFixAll({ path: c.path, text: c.text, config: all, workspace }, c.label, (fixed) => {
            currentPath = c.path;
            const broken = newSyntaxErrors(c.text, fixed);
            if (broken) fail(`fix-all of ${c.label}`, broken, fixed);
          });
        }
      }
      break;
    }
    case 'pathological': {
      const cases = helmetPathologicalCases();
      const all = allOnConfig();
      // Generous cap so that the large inputs are linted, not skipped at the size cap.
      const raised = allOnConfig({ maxFileSizeKb: 64 * 1024 });
      for (const i of task.indices) {
        const c = cases[i];
        // Twice the kit's bound: one TypeScript parse and every rule over 10k helmet uses cost more per KB than a config.
        const bound = 2 * boundFor(c.text);
        begin(c.label, 2 * bound + (c.workspace ? 60_000 : 0));
        currentView = c.workspace ? staticWorkspace([...SAMPLE_ENTRIES, ...viewOf(c.workspace)]) : SAMPLE_VIEW;
        const config = c.text.length > all.maxFileSizeKb * 1024 ? raised : all;
        const r = checkedLint(c.label, c.text, config, bound, true, c.path);
        tally(r);
        if (r?.findings.some((f) => f.ruleId === ENGINE_IDS.tooLarge)) fail(c.label, 'skipped at the size cap although the cap was raised');
        // Fixes of the small inputs only: each check re-lints the whole file (corpus and mutations check them all).
        if (r && c.text.length <= 64 * 1024) checkFindings(c.label, c.path, c.text, config, r, 50);
      }
      break;
    }
  }
  currentView = staticWorkspace([]);
}

run(workerData.task as Task);
kit.finish();

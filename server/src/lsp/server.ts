// Language server: document sync, debounced diagnostics, code actions, hover, the workspace index
// for closed files and the custom checklist requests. All knowledge lives in the engine.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  CodeActionKind,
  FileChangeType,
  type Diagnostic,
  type CodeAction,
  type InitializeParams,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { getRule, allRules, languages } from '../../../rules/index';
import { applyTextEdits, LineIndex } from '../../../rules/text';
import type { TextEdit, WorkspaceView, WorkspaceEntry } from '../../../rules/types';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfig, type ResolvedConfig, type ConfigError } from '../engine/config';
import { isNote, languageFor, lintText, plainMessage, ENGINE_IDS, type FileResult, type Finding } from '../engine/runner';
import { fixAll, fixTitle, fixTypeOf, verifyFix } from '../engine/fix';
import { renderRuleDoc, ENGINE_FINDING_TITLES } from '../engine/docs';
import { discoverFiles, lintFile, DEFAULT_EXCLUDES } from '../engine/workspace';
import { buildReport } from '../engine/report';
import { evaluateChecklist } from '../engine/checklist';
import { formatMarkdown } from '../engine/formatters/markdown';
import { matchesAny } from '../engine/glob';
import { collectWorkspaceEvidence, type WorkspaceEvidence } from '../engine/evidence';
import { nginxHover } from './nginxHover';
import {
  SECTION,
  DEFAULT_SETTINGS,
  Requests,
  Notifications,
  Commands,
  FIX_ALL_KIND,
  type Settings,
  type InitializationOptions,
  type DiagnosticData,
  type ChecklistResponse,
  type DisableForLineArgs,
} from '../protocol';

const DEBOUNCE_MS = 120;
const CHECKLIST_DEBOUNCE_MS = 300;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];
  let docsBaseUri: string | undefined;
  let hasConfigurationCapability = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let config: ResolvedConfig = resolveConfig();
  /** Results for every known file (open documents and the workspace index), by URI. */
  const results = new Map<string, FileResult>();
  /** Last lint of each open document, with the text it was computed on. */
  const openResults = new Map<string, { version: number; text: string; result: FileResult | null }>();
  const timers = new Map<string, NodeJS.Timeout>();
  // True from startup until the first workspace scan completes: no score is shown before that.
  let indexing = true;
  let indexGeneration = 0;
  /** File evidence (runbooks, owners, lockfiles, ...) per workspace root, refreshed with the index. */
  let workspaceEvidence: WorkspaceEvidence[] = [];
  let checklistTimer: NodeJS.Timeout | undefined;

  const log = (msg: string) => connection.console.log(`[readiness-lint] ${msg}`);

  /** Which domains read each domain's summaries (helmet rules read nginx's add_header lines): read -> readers. */
  const readersOf = new Map<string, Set<string>>();
  /** Domains read by the lint in progress (linting is synchronous, so one slot is enough). */
  let readsOfCurrentLint: Set<string> | null = null;
  /** What rules relating objects across files see: the index summary of every known file. */
  const workspaceView: WorkspaceView = {
    entries(domain) {
      readsOfCurrentLint?.add(domain);
      const out: WorkspaceEntry[] = [];
      for (const r of results.values()) if (r.domain === domain && r.indexItems) out.push({ path: r.path, items: r.indexItems });
      return out;
    },
  };
  let dependentsTimer: NodeJS.Timeout | undefined;
  /** Run one lint and remember which other domains its rules read, so a change there relints this domain. */
  function tracked<T extends FileResult | null>(lint: () => T): T {
    const reads = new Set<string>();
    readsOfCurrentLint = reads;
    try {
      const result = lint();
      for (const read of reads) {
        if (!result || read === result.domain) continue;
        if (!readersOf.has(read)) readersOf.set(read, new Set());
        readersOf.get(read)!.add(result.domain);
      }
      return result;
    } finally {
      readsOfCurrentLint = null;
    }
  }
  /** Domains waiting for a relint (one timer for all, so a second domain never cancels the first). */
  const pendingDomains = new Set<string>();
  /** Do files of this domain read other files' summaries (cross-file rules, nginx includes)? */
  function isCrossFileDomain(domain: string): boolean {
    return allRules.some((r) => r.needsWorkspace && r.domain === domain) || languages.some((l) => l.domain === domain && l.indexItems);
  }
  /** A file's summary changed: files of that domain, and of domains that read it, may now have other cross-object findings. */
  function scheduleDependents(domain: string): void {
    const targets = [...(isCrossFileDomain(domain) ? [domain] : []), ...(readersOf.get(domain) ?? [])];
    if (!targets.length) return;
    for (const d of targets) pendingDomains.add(d);
    clearTimeout(dependentsTimer);
    dependentsTimer = setTimeout(async () => {
      const domains = [...pendingDomains];
      pendingDomains.clear();
      for (const d of domains) await relintDomain(d);
    }, 400);
  }
  /**
   * A file's result went from `before` to `after` (null: the file left every domain, e.g. its last
   * `express` import was deleted): relint the domains whose cross-file view changed with it.
   */
  function summaryChanged(before: FileResult | undefined, after: FileResult | null): void {
    if (!before?.indexItems && !after?.indexItems) return;
    if (before && after && before.domain === after.domain && JSON.stringify(before.indexItems) === JSON.stringify(after.indexItems)) return;
    if (before?.indexItems) scheduleDependents(before.domain);
    if (after?.indexItems && after.domain !== before?.domain) scheduleDependents(after.domain);
  }
  async function relintDomain(domain: string): Promise<void> {
    const generation = indexGeneration;
    let n = 0;
    for (const [uri, r] of [...results.entries()]) {
      if (r.domain !== domain) continue;
      const open = documents.get(uri);
      if (open) {
        openResults.delete(uri);
        validate(open, false);
      } else {
        const fresh = tracked(() => lintFile(r.path, config, r.path, workspaceView));
        if (fresh) results.set(uri, fresh);
      }
      if (++n % 25 === 0) {
        await new Promise((res) => setImmediate(res));
        if (generation !== indexGeneration) return;
      }
    }
    scheduleChecklistChanged();
  }

  connection.onInitialize((params: InitializeParams) => {
    roots = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (!roots.length && params.rootUri) roots = [URI.parse(params.rootUri).fsPath];
    docsBaseUri = (params.initializationOptions as InitializationOptions | undefined)?.docsBaseUri;
    hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'readiness-lint' },
    };
  });

  connection.onInitialized(async () => {
    await refreshSettings();
    loadConfig();
    void buildIndex();
  });

  // ---------- settings and config ----------

  async function refreshSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      const s = (await connection.workspace.getConfiguration({ section: SECTION })) as Partial<Settings> | null;
      settings = { ...DEFAULT_SETTINGS, ...(s ?? {}) };
    } catch {
      settings = { ...DEFAULT_SETTINGS };
    }
  }

  function configUri(): string | null {
    return roots.length ? URI.file(path.join(roots[0], CONFIG_FILE_NAME)).toString() : null;
  }

  /** Load `.readiness-lint.yaml` (from the open editor if it is open) and publish its errors. */
  function loadConfig(): void {
    const uri = configUri();
    let text: string | null = null;
    if (uri) {
      const open = documents.get(uri);
      if (open) text = open.getText();
      else if (existsSync(URI.parse(uri).fsPath)) {
        try {
          text = readFileSync(URI.parse(uri).fsPath, 'utf8');
        } catch {
          text = null;
        }
      }
    }
    let errors: ConfigError[] = [];
    let file = {};
    if (text !== null) ({ config: file, errors } = parseConfigText(text));
    // Cached lints were computed with the previous config.
    openResults.clear();
    // The project's file wins over the user's settings, for the size cap as for the profile.
    const fromFile = file as { profile?: Settings['profile']; maxFileSizeKb?: number };
    config = resolveConfig(file, { profile: fromFile.profile ?? settings.profile, maxFileSizeKb: fromFile.maxFileSizeKb ?? settings.maxFileSizeKb });
    if (uri) {
      void connection.sendDiagnostics({
        uri,
        diagnostics: errors.map((e) => ({ range: e.range, message: e.message, severity: DiagnosticSeverity.Error, source: 'readiness-lint', code: ENGINE_IDS.configError })),
      });
    }
  }

  async function reloadEverything(): Promise<void> {
    await refreshSettings();
    loadConfig(); // also drops cached lints: settings such as `enable` change results
    for (const doc of documents.all()) validate(doc);
    void buildIndex();
  }

  connection.onDidChangeConfiguration(() => void reloadEverything());

  // ---------- diagnostics ----------

  function isConfigDoc(uri: string): boolean {
    return uri === configUri() || uri.endsWith('/' + CONFIG_FILE_NAME);
  }

  function lintDocument(doc: TextDocument): FileResult | null {
    const cached = openResults.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.result;
    const text = doc.getText();
    const fsPath = URI.parse(doc.uri).fsPath;
    let result: FileResult | null = null;
    if (settings.enable && !isIgnored(fsPath)) result = tracked(() => lintText({ path: fsPath, text, languageId: doc.languageId, config, workspace: workspaceView }));
    openResults.set(doc.uri, { version: doc.version, text, result });
    return result;
  }

  function validate(doc: TextDocument, notifyDependents = true): void {
    if (isConfigDoc(doc.uri)) return;
    const before = results.get(doc.uri);
    const result = lintDocument(doc);
    if (result) results.set(doc.uri, result);
    else results.delete(doc.uri);
    if (notifyDependents) summaryChanged(before, result);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: result ? result.findings.map((f) => toDiagnostic(f)) : [] });
    scheduleChecklistChanged();
  }

  function toDiagnostic(f: Finding): Diagnostic {
    // A note is a hint: the editor marks it, the Problems panel does not list it as a problem.
    const severity = isNote(f) ? DiagnosticSeverity.Hint : f.level === 'block' ? DiagnosticSeverity.Error : f.level === 'warn' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
    // The Problems panel shows no Markdown: `code` spans would show their backticks.
    const d: Diagnostic = { range: f.range, message: plainMessage(f.message), severity, source: 'readiness-lint', code: f.ruleId, data: { ruleId: f.ruleId, fixable: !!f.fix } satisfies DiagnosticData };
    if (docsBaseUri && getRule(f.ruleId)) d.codeDescription = { href: `${docsBaseUri.replace(/\/$/, '')}/${f.ruleId.replace('/', '-')}.md` };
    return d;
  }

  function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    clearTimeout(timers.get(doc.uri));
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current) validate(current);
      }, delay),
    );
  }

  documents.onDidOpen((e) => {
    if (isConfigDoc(e.document.uri)) {
      loadConfig();
      return;
    }
    validate(e.document);
  });
  documents.onDidChangeContent((e) => {
    if (isConfigDoc(e.document.uri)) {
      // Config edits apply live, without saving.
      loadConfig();
      for (const doc of documents.all()) if (!isConfigDoc(doc.uri)) schedule(doc);
      void buildIndex();
      return;
    }
    if (settings.run === 'onType') schedule(e.document);
  });
  documents.onDidSave((e) => {
    if (settings.run === 'onSave' && !isConfigDoc(e.document.uri)) validate(e.document);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    openResults.delete(e.document.uri);
    if (isConfigDoc(e.document.uri)) {
      loadConfig();
      return;
    }
    // Keep the file in the checklist from disk; its problems stay visible like ESLint's.
    const fsPath = URI.parse(e.document.uri).fsPath;
    const before = results.get(e.document.uri);
    const r = existsSync(fsPath) && !isIgnored(fsPath) ? tracked(() => lintFile(fsPath, config, fsPath, workspaceView)) : null;
    if (r) results.set(e.document.uri, r);
    else {
      results.delete(e.document.uri);
      void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    }
    // Unsaved edits were discarded: other files may have seen a summary the disk does not have.
    summaryChanged(before, r);
    scheduleChecklistChanged();
  });

  // ---------- workspace index (closed files) ----------

  /** The '/'-separated path inside its workspace root, or null outside every root. */
  function rootRelative(fsPath: string): string | null {
    const root = roots.find((r) => fsPath.startsWith(r + path.sep));
    return root ? path.relative(root, fsPath).split(path.sep).join('/') : null;
  }

  function isIgnored(fsPath: string): boolean {
    const rel = rootRelative(fsPath);
    return rel !== null && matchesAny([...config.ignore, ...settings.exclude], rel);
  }

  function isExcludedByDefault(fsPath: string): boolean {
    const rel = rootRelative(fsPath);
    return rel !== null && matchesAny(DEFAULT_EXCLUDES, rel);
  }

  async function buildIndex(): Promise<void> {
    const generation = ++indexGeneration;
    indexing = true;
    scheduleChecklistChanged();
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Readiness Lint', 0, 'Indexing workspace…', true);
    try {
      const found: string[] = [];
      for (const root of roots) found.push(...(await discoverFiles(root, [...config.ignore, ...settings.exclude])));
      const seen = new Set<string>();
      for (let i = 0; i < found.length; i++) {
        if (generation !== indexGeneration || progress?.token.isCancellationRequested) return;
        const uri = URI.file(found[i]).toString();
        seen.add(uri);
        if (!documents.get(uri)) {
          const r = settings.enable ? tracked(() => lintFile(found[i], config, found[i], workspaceView)) : null;
          if (r) results.set(uri, r);
        }
        if (i % 25 === 24) {
          progress?.report(Math.round((i / found.length) * 100), `${i + 1} / ${found.length} files`);
          // Yield so requests (hover, code actions, typing) are served while the index builds.
          await new Promise((r) => setImmediate(r));
        }
      }
      for (const uri of [...results.keys()]) if (!seen.has(uri) && !documents.get(uri)) results.delete(uri);
      // Files linted early saw only part of the workspace: lint the domains with cross-file rules again.
      for (const domain of new Set([...results.values()].map((r) => r.domain))) {
        if (generation !== indexGeneration) return;
        if (isCrossFileDomain(domain)) await relintDomain(domain);
      }
      const evidence: WorkspaceEvidence[] = [];
      for (const root of roots) evidence.push(await collectWorkspaceEvidence(root, config));
      if (generation === indexGeneration) workspaceEvidence = evidence;
    } finally {
      if (generation === indexGeneration) {
        indexing = false;
        progress?.done();
        scheduleChecklistChanged();
      }
    }
  }

  connection.onDidChangeWatchedFiles((params) => {
    let configChanged = false;
    let evidenceChanged = false;
    for (const change of params.changes) {
      if (isConfigDoc(change.uri)) {
        configChanged = true;
        continue;
      }
      if (documents.get(change.uri)) continue; // open documents are authoritative
      const fsPath = URI.parse(change.uri).fsPath;
      if (!languageFor(fsPath)) {
        evidenceChanged = true;
        continue;
      }
      const before = results.get(change.uri);
      // Like the workspace scan: build output and dependencies (dist/, node_modules/) are not indexed.
      const r = change.type === FileChangeType.Deleted || isIgnored(fsPath) || isExcludedByDefault(fsPath) ? null : tracked(() => lintFile(fsPath, config, fsPath, workspaceView));
      // null also when the file no longer belongs to a domain (a JS file without our imports).
      if (r) results.set(change.uri, r);
      else results.delete(change.uri);
      summaryChanged(before, r);
    }
    if (configChanged) void reloadEverything();
    else if (evidenceChanged) void refreshEvidence();
    else scheduleChecklistChanged();
  });

  async function refreshEvidence(): Promise<void> {
    const evidence: WorkspaceEvidence[] = [];
    for (const root of roots) evidence.push(await collectWorkspaceEvidence(root, config));
    workspaceEvidence = evidence;
    scheduleChecklistChanged();
  }

  function scheduleChecklistChanged(): void {
    clearTimeout(checklistTimer);
    checklistTimer = setTimeout(() => {
      const cl = evaluateChecklist([...results.values()], config, workspaceEvidence);
      void connection.sendNotification(Notifications.checklistChanged, { score: cl.score, indexing });
    }, CHECKLIST_DEBOUNCE_MS);
  }

  function displayPath(fsPath: string): string {
    const root = roots.find((r) => fsPath.startsWith(r + path.sep));
    return root ? path.relative(root, fsPath).split(path.sep).join('/') : fsPath;
  }

  connection.onRequest(Requests.checklist, (): ChecklistResponse => {
    const cl = evaluateChecklist([...results.values()], config, workspaceEvidence);
    return {
      score: cl.score,
      applicable: cl.applicable,
      passed: cl.passed,
      fileCount: results.size,
      indexing,
      categories: cl.categories.map((c) => ({
        id: c.id,
        title: c.title,
        status: c.status,
        controls: c.controls.map((k) => ({
          id: k.id,
          title: k.title,
          description: k.description,
          status: k.status,
          reason: k.reason,
          evidence: k.evidence.map((e) => ({ uri: URI.file(e.file).toString(), path: displayPath(e.file), range: e.range, ruleId: e.ruleId, passed: e.passed, message: plainMessage(e.message) })),
        })),
      })),
    };
  });

  connection.onRequest(Requests.rescan, async () => {
    await reloadEverything();
  });

  connection.onRequest(Requests.exportReport, () => {
    const cwd = roots[0] ?? process.cwd();
    const report = buildReport(cwd, [...results.values()], config, (_f, finding) => !!finding.fix, undefined, workspaceEvidence);
    return formatMarkdown(report, `Production readiness report: ${path.basename(cwd)}`);
  });

  connection.onRequest(Requests.ruleDoc, (p: { ruleId: string }) => {
    const rule = getRule(p.ruleId);
    return rule ? renderRuleDoc(rule) : ENGINE_FINDING_TITLES[p.ruleId] ?? null;
  });

  // ---------- code actions ----------

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = lintDocument(doc);
    if (!result) return [];
    const text = doc.getText();
    const fsPath = URI.parse(doc.uri).fsPath;
    const opts = { path: fsPath, text, languageId: doc.languageId, config, workspace: workspaceView };
    const only = params.context.only;
    const actions: CodeAction[] = [];

    const fixAllAction = (kind: string): CodeAction | null => {
      // Unattended (fix on save, fix all): only the safe fixes, as the CLI's --fix.
      const fixed = fixAll(opts, { types: ['safe'] });
      if (fixed.applied === 0) return null;
      return { title: 'Fix all safe readiness problems (nothing that runs changes)', kind, edit: { changes: { [doc.uri]: [minimalEdit(text, fixed.text)] } } };
    };

    if (only && only.some((k) => k === FIX_ALL_KIND || k === CodeActionKind.SourceFixAll || FIX_ALL_KIND.startsWith(k + '.'))) {
      const a = fixAllAction(FIX_ALL_KIND);
      return a ? [a] : [];
    }

    const seenRules = new Set<string>();
    for (const diag of params.context.diagnostics) {
      if (diag.source !== 'readiness-lint') continue;
      const ruleId = String(diag.code ?? '');
      const finding = result.findings.find((f) => f.ruleId === ruleId && sameRange(f.range, diag.range));
      if (!finding) continue;
      if (finding.fix && verifyFix(opts, finding, finding.fix)) {
        actions.push({ title: fixTitle(ruleId, finding.fix), kind: CodeActionKind.QuickFix, diagnostics: [diag], isPreferred: true, edit: { changes: { [doc.uri]: finding.fix.edits } } });
      }
      for (const s of finding.suggestions ?? []) {
        // Suggestions need review, but they must never leave a file that no longer parses.
        try {
          const after = lintText({ ...opts, text: applyTextEdits(text, s.edits), onlyRules: [] });
          if (after?.findings.some((f) => f.ruleId === ENGINE_IDS.parseError)) continue;
        } catch {
          continue;
        }
        actions.push({ title: fixTitle(ruleId, s), kind: CodeActionKind.QuickFix, diagnostics: [diag], edit: { changes: { [doc.uri]: s.edits } } });
      }
      if (seenRules.has(ruleId)) continue;
      seenRules.add(ruleId);
      const sameRule = result.findings.filter((f) => f.ruleId === ruleId && f.fix);
      if (sameRule.length > 1) {
        const fixed = fixAll(opts, { ruleId });
        if (fixed.applied > 1) actions.push({ title: `Fix all ${ruleId} problems in this file${fixTypeOf(ruleId) === 'hardening' ? ' (changes what runs)' : ''}`, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: [minimalEdit(text, fixed.text)] } } });
      }
      const language = languageFor(fsPath, doc.languageId);
      if (language && getRule(ruleId)) {
        const index = new LineIndex(text);
        const line = finding.range.start.line;
        const statementStart = language.statementStart ? language.statementStart(language.parse(text, fsPath).model, line) : line;
        const indent = /^\s*/.exec(index.lineText(statementStart))![0];
        const args: DisableForLineArgs = { uri: doc.uri, line: statementStart, indent, commentPrefix: language.commentPrefix, ruleId, version: doc.version };
        actions.push({ title: `Disable ${ruleId} for this line (with reason)…`, kind: CodeActionKind.QuickFix, diagnostics: [diag], command: { title: 'Disable for this line', command: Commands.disableForLine, arguments: [args] } });
        actions.push({ title: `Show documentation for ${ruleId}`, kind: CodeActionKind.QuickFix, command: { title: 'Show documentation', command: Commands.showRuleDoc, arguments: [ruleId] } });
      }
    }
    if (result.findings.filter((f) => f.fix && fixTypeOf(f.ruleId) === 'safe').length > 1) {
      const a = fixAllAction(CodeActionKind.QuickFix);
      if (a) actions.push(a);
    }
    return actions;
  });

  // ---------- hover ----------

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const p = params.position;
    const fsPath = URI.parse(doc.uri).fsPath;
    const domain = languageFor(fsPath, doc.languageId)?.domain;
    // JS/TS: VS Code's TypeScript support owns hover; our problems show in its hover already, and
    // a rule's documentation is one click away (the diagnostic's code link).
    if (domain === 'helmet') return null;
    // nginx: the directive's or variable's nginx.org documentation (also when checks are off).
    const reference = domain === 'nginx' ? nginxHover(doc.getText(), doc.offsetAt(p)) : null;
    const result = lintDocument(doc);
    const hits = (result?.findings ?? []).filter((f) => {
      const { start, end } = f.range;
      const afterStart = p.line > start.line || (p.line === start.line && p.character >= start.character);
      const beforeEnd = p.line < end.line || (p.line === end.line && p.character <= end.character);
      return afterStart && beforeEnd;
    });
    if (!hits.length && !reference) return null;
    const parts = hits.map((f) => {
      const rule = getRule(f.ruleId);
      if (!rule) return `**${f.ruleId}**: ${ENGINE_FINDING_TITLES[f.ruleId] ?? ''}`;
      const link = docsBaseUri ? ` — [documentation](${docsBaseUri.replace(/\/$/, '')}/${rule.id.replace('/', '-')}.md)` : '';
      return `**${rule.id}** · ${rule.title}${link}\n\n${rule.docs.rationale}\n\n*How to fix:* ${rule.docs.howToFix}`;
    });
    // Findings first (what is wrong here), then the reference.
    if (reference) parts.push(reference.markdown);
    const range = reference && !hits.length ? { start: doc.positionAt(reference.start), end: doc.positionAt(reference.end) } : undefined;
    return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, range };
  });

  documents.listen(connection);
  connection.listen();
  log('server started');
}

function sameRange(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** One edit that turns `before` into `after`, touching only the changed middle. */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const index = new LineIndex(before);
  return { range: index.range(start, endB), newText: after.slice(start, endA) };
}

// Started as a program (bundled dist/server.js): `--stdio` or `--node-ipc` select the transport.
if (require.main === module || process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--clientProcessId'))) {
  startServer(createConnection(ProposedFeatures.all));
}

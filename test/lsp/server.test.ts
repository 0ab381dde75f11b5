// Starts the real bundled server (dist/server.js) as a child process and speaks LSP over stdio:
// initialize, didOpen, publishDiagnostics, didChange, codeAction + applying the edit, live config
// changes, custom checklist request, shutdown. No sleeps: every wait is on a protocol message.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { requireBuiltServer, startServer, type LspClient, type PublishParams } from './lspClient';
import { applyTextEdits } from '../../rules/text';

describe('language server over stdio (dist/server.js)', function () {
  let lsp: LspClient;
  let conn: MessageConnection;
  let root: string;
  let settings: Record<string, unknown> = { enable: true, run: 'onType', maxFileSizeKb: 2048, profile: 'recommended' };
  let published: PublishParams[] = [];
  const diagnostics = (pred: (p: PublishParams) => boolean, fromIndex = 0) => lsp.diagnostics(pred, fromIndex);

  before(async function () {
    requireBuiltServer(this);
    root = mkdtempSync(path.join(tmpdir(), 'rl-lsp-'));
    mkdirSync(path.join(root, 'svc'));
    writeFileSync(path.join(root, 'svc/Dockerfile'), 'FROM alpine:3.20\nRUN sudo apk add curl\n');
    lsp = startServer(() => settings);
    conn = lsp.conn;
    published = lsp.published;
  });

  after(async function () {
    if (!lsp) return;
    conn.dispose();
    lsp.child.kill();
  });

  const uri = () => pathToFileURL(path.join(root, 'Dockerfile')).toString();
  const configUri = () => pathToFileURL(path.join(root, '.readiness-lint.yaml')).toString();

  it('initializes with diagnostics, code actions and hover capabilities', async () => {
    const res = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } }, window: { workDoneProgress: true } },
      initializationOptions: { docsBaseUri: 'file:///docs' },
    })) as { capabilities: Record<string, unknown> };
    assert.ok(res.capabilities.codeActionProvider);
    assert.ok(res.capabilities.hoverProvider);
    await conn.sendNotification('initialized', {});
  });

  it('publishes diagnostics on didOpen, with rule id, docs link and severity', async () => {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'dockerfile', version: 1, text: 'FROM debian:12\nRUN sudo apt-get update\n' } });
    const p = await diagnostics((d) => d.uri === uri() && d.version === 1);
    const sudo = p.diagnostics.find((d) => d.code === 'docker/no-sudo');
    assert.ok(sudo, JSON.stringify(p.diagnostics.map((d) => d.code)));
    assert.equal(sudo.source, 'readiness-lint');
    assert.equal(sudo.codeDescription?.href, 'file:///docs/docker-no-sudo.md');
    assert.deepEqual(sudo.range.start, { line: 1, character: 4 });
    // The Problems panel shows no Markdown: messages carry no `code` backticks.
    assert.ok(p.diagnostics.length > 1 && p.diagnostics.every((d) => !d.message.includes('`')), p.diagnostics.map((d) => d.message).join(' | '));
  });

  it('re-lints on didChange (incremental) without saving', async () => {
    const mark = published.length;
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri(), version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 23 }, end: { line: 1, character: 23 } }, text: ' && sudo true' }],
    });
    const p = await diagnostics((d) => d.uri === uri() && d.version === 2, mark);
    assert.equal(p.diagnostics.filter((d) => d.code === 'docker/no-sudo').length, 2);
  });

  it('offers a quick fix whose edit removes the finding, plus fix-all, disable and docs actions', async () => {
    const text = 'FROM debian:12\nRUN sudo apt-get update && sudo true\n';
    const p = await diagnostics((d) => d.uri === uri() && d.version === 2);
    const diag = p.diagnostics.find((d) => d.code === 'docker/no-sudo')!;
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: diag.range,
      context: { diagnostics: [diag] },
    })) as { title: string; kind?: string; edit?: { changes: Record<string, { range: PublishParams['diagnostics'][0]['range']; newText: string }[]> }; command?: { command: string } }[];
    const titles = actions.map((a) => a.title);
    // A hardening fix says what it changes for what runs.
    assert.ok(titles.includes("Remove sudo (changes what runs: the command runs as the stage's current USER instead of root)"), titles.join(' | '));
    assert.ok(titles.some((t) => t.startsWith('Fix all docker/no-sudo problems')), titles.join(' | '));
    assert.ok(actions.some((a) => a.command?.command === 'readinessLint.disableForLine'));
    assert.ok(actions.some((a) => a.command?.command === 'readinessLint.showRuleDoc'));
    const fixAllRule = actions.find((a) => a.title.startsWith('Fix all docker/no-sudo'))!;
    const fixed = applyTextEdits(text, fixAllRule.edit!.changes[uri()]);
    assert.equal(fixed, 'FROM debian:12\nRUN apt-get update && true\n');
    const mark = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 3 }, contentChanges: [{ text: fixed }] });
    const after = await diagnostics((d) => d.uri === uri() && d.version === 3, mark);
    assert.equal(after.diagnostics.filter((d) => d.code === 'docker/no-sudo').length, 0);
  });

  it('answers source.fixAll.readinessLint (code actions on save) with the safe fixes only', async () => {
    const mark = published.length;
    const text = 'from debian:12\nRUN sudo true\n';
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 4 }, contentChanges: [{ text }] });
    await diagnostics((d) => d.uri === uri() && d.version === 4, mark);
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri() },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.readinessLint'] },
    })) as { kind: string; edit: { changes: Record<string, { range: PublishParams['diagnostics'][0]['range']; newText: string }[]> } }[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.readinessLint');
    // The casing is fixed; removing sudo changes what runs and waits for the author.
    assert.equal(applyTextEdits(text, actions[0].edit.changes[uri()]), 'FROM debian:12\nRUN sudo true\n');
  });

  it('applies .readiness-lint.yaml edits live and reports config mistakes in that file', async () => {
    let mark = published.length;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: configUri(), languageId: 'yaml', version: 1, text: 'rules:\n  docker/no-sudo: off\n  docker/not-a-rule: warn\n' } });
    const cfg = await diagnostics((d) => d.uri === configUri(), mark);
    assert.equal(cfg.diagnostics.length, 1);
    assert.match(cfg.diagnostics[0].message, /Unknown rule "docker\/not-a-rule"/);
    assert.equal(cfg.diagnostics[0].range.start.line, 2);
    const relinted = await diagnostics((d) => d.uri === uri() && d.diagnostics.every((x) => x.code !== 'docker/no-sudo'), mark);
    assert.ok(relinted);
    mark = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: configUri(), version: 2 }, contentChanges: [{ text: 'rules:\n  docker/no-sudo: block\n' }] });
    const back = await diagnostics((d) => d.uri === uri() && d.diagnostics.some((x) => x.code === 'docker/no-sudo' && x.severity === 1), mark);
    assert.ok(back);
    await diagnostics((d) => d.uri === configUri() && d.diagnostics.length === 0, mark);
    // maxFileSizeKb in the file wins over the editor setting (2048 here): a 2 KB Dockerfile is over a 1 KB cap.
    mark = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 10 }, contentChanges: [{ text: 'FROM debian:12\nRUN sudo true\n' + 'RUN true\n'.repeat(220) }] });
    await diagnostics((d) => d.uri === uri() && d.version === 10 && d.diagnostics.some((x) => x.code === 'docker/no-sudo'), mark);
    mark = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: configUri(), version: 3 }, contentChanges: [{ text: 'maxFileSizeKb: 1\n' }] });
    const capped = await diagnostics((d) => d.uri === uri() && d.diagnostics.some((x) => x.code === 'readiness-lint/file-too-large'), mark);
    assert.deepEqual(capped.diagnostics.map((x) => x.code), ['readiness-lint/file-too-large']);
    mark = published.length;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: configUri(), version: 4 }, contentChanges: [{ text: 'rules:\n  docker/no-sudo: block\n' }] });
    await diagnostics((d) => d.uri === uri() && d.diagnostics.some((x) => x.code === 'docker/no-sudo'), mark);
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version: 11 }, contentChanges: [{ text: 'FROM debian:12\nRUN sudo true\n' }] });
  });

  it('follows workspace/didChangeConfiguration (enable: false clears diagnostics)', async () => {
    const mark = published.length;
    settings = { ...settings, enable: false };
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await diagnostics((d) => d.uri === uri() && d.diagnostics.length === 0, mark);
    settings = { ...settings, enable: true };
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await diagnostics((d) => d.uri === uri() && d.diagnostics.length > 0, mark);
  });

  it('serves the checklist for open and closed files', async () => {
    // Wait for the workspace index (started by the configuration change above) to finish.
    await lsp.indexDone();
    const cl = (await conn.sendRequest('readinessLint/checklist')) as { categories: { id: string; controls: { id: string; evidence: { path: string; passed: boolean }[] }[] }[]; fileCount: number; indexing: boolean };
    const container = cl.categories.find((c) => c.id === 'container');
    assert.ok(container);
    const nonRoot = container.controls.find((c) => c.id === 'container.non-root')!;
    const files = new Set(nonRoot.evidence.map((e) => e.path));
    // svc/Dockerfile was never opened: it comes from the workspace index.
    assert.ok(files.has('svc/Dockerfile'), [...files].join(', '));
  });

  it('re-lints a manifest when a related object appears in another file (cross-file rules)', async () => {
    const deployUri = pathToFileURL(path.join(root, 'deploy.yaml')).toString();
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n';
    let mark = published.length;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: deployUri, languageId: 'yaml', version: 1, text: deploy } });
    await diagnostics((d) => d.uri === deployUri && d.diagnostics.some((x) => x.code === 'k8s/pod-disruption-budget'), mark);
    mark = published.length;
    const pdbPath = path.join(root, 'pdb.yaml');
    writeFileSync(pdbPath, 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n');
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(pdbPath).toString(), type: 1 }] });
    await diagnostics((d) => d.uri === deployUri && !d.diagnostics.some((x) => x.code === 'k8s/pod-disruption-budget'), mark);
  });

  it('hovers in nginx files: directive and variable documentation, and rule docs on findings', async () => {
    const nginxUri = pathToFileURL(path.join(root, 'nginx.conf')).toString();
    const text = 'http {\n    server {\n        listen 80;\n        add_header X-Request-Id $request_id always;\n        set $ua ${http_user_agent};\n        server_token off;\n    }\n}\n';
    const mark = published.length;
    // "NGINX" is the language id other nginx extensions give these files.
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: nginxUri, languageId: 'NGINX', version: 1, text } });
    await diagnostics((d) => d.uri === nginxUri && d.diagnostics.some((x) => x.code === 'nginx/unknown-directive'), mark);
    type Hover = { contents: { kind: string; value: string }; range?: PublishParams['diagnostics'][0]['range'] } | null;
    const hover = (line: number, character: number) => conn.sendRequest('textDocument/hover', { textDocument: { uri: nginxUri }, position: { line, character } }) as Promise<Hover>;
    const directive = await hover(3, 12);
    assert.ok(directive);
    assert.equal(directive.contents.kind, 'markdown');
    assert.match(directive.contents.value, /^\*\*add_header\*\* \(ngx_http_headers_module\)/);
    assert.match(directive.contents.value, /ngx_http_headers_module\.html#add_header/);
    assert.deepEqual(directive.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 18 } });
    const variable = await hover(3, 36);
    assert.match(variable!.contents.value, /^\*\*\$request_id\*\* \(ngx_http_core_module\)/);
    assert.deepEqual(variable!.range, { start: { line: 3, character: 32 }, end: { line: 3, character: 43 } });
    const family = await hover(4, 20);
    assert.match(family!.contents.value, /\*\*\$http_user_agent\*\* \(the `\$http_NAME` family\)/);
    // On a finding: the rule's documentation (an unknown directive has no reference of its own).
    const finding = await hover(5, 10);
    assert.match(finding!.contents.value, /\*\*nginx\/unknown-directive\*\*/);
    assert.doesNotMatch(finding!.contents.value, /nginx\.org reference/);
    // Between words: nothing.
    assert.equal(await hover(2, 2), null);
  });

  it('shuts down cleanly', async () => {
    await conn.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => lsp.child.once('exit', (code) => resolve(code)));
    await conn.sendNotification('exit');
    assert.equal(await exited, 0);
  });
});

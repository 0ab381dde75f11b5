// The helmet domain (Node app security setup) in the language server: which JS/TS documents the
// client sends and the server checks, cross-file relints (a helmet registration in one file
// clears helmet-missing in another, for open and closed files), diagnostics cleared when a file
// stops importing our modules, and JS quick fixes. Drives the bundled server (dist/server.js, with
// dist/typescript.js beside it) over stdio; every wait is on a protocol message, never a sleep.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { requireBuiltServer, startServer, type LspClient, type PublishParams, type Range } from './lspClient';
import { applyTextEdits } from '../../rules/text';
import { helmetLanguage } from '../../rules/helmet/language';
import { NODE_LANGUAGE_IDS, NODE_SOURCE_GLOB } from '../../client/src/node';
import type { DisableForLineArgs } from '../../server/src/protocol';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Action {
  title: string;
  kind?: string;
  edit?: { changes: Record<string, { range: Range; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}

describe('Node app files in the editor: client selectors and the server language agree', () => {
  it('every language id the client sends is one the server checks (when the file imports our modules)', () => {
    for (const id of NODE_LANGUAGE_IDS) {
      assert.ok(helmetLanguage.matches('/ws/src/app.js', id, "const express = require('express');\n"), id);
      // The same document without our imports is left alone: no parse, no diagnostics.
      assert.equal(helmetLanguage.matches('/ws/src/app.js', id, "const _ = require('lodash');\n"), false, id);
    }
    assert.deepEqual(helmetLanguage.globs, [NODE_SOURCE_GLOB]);
  });

  it('package.json activates on exactly those languages, not on every workspace with a package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { activationEvents: string[] };
    for (const id of NODE_LANGUAGE_IDS) assert.ok(pkg.activationEvents.includes(`onLanguage:${id}`), id);
    assert.deepEqual(
      pkg.activationEvents.filter((e) => /package\.json|\.[cm]?[jt]sx?\b/.test(e)),
      [],
      'no workspaceContains event for package.json or JS/TS files',
    );
  });
});

describe('language server: Node apps (helmet domain) over stdio (dist/server.js)', function () {
  let lsp: LspClient;
  let conn: MessageConnection;
  let root: string;
  const settings = { enable: true, run: 'onType', maxFileSizeKb: 2048, profile: 'recommended' };
  let published: PublishParams[] = [];

  const uriOf = (rel: string) => pathToFileURL(path.join(root, rel)).toString();
  const has = (p: PublishParams, code: string) => p.diagnostics.some((d) => d.code === code);

  const diagnostics = (pred: (p: PublishParams) => boolean, fromIndex = 0) => lsp.diagnostics(pred, fromIndex);

  /** The latest diagnostics published for a file. */
  function latest(rel: string): PublishParams | undefined {
    return published.filter((p) => p.uri === uriOf(rel)).at(-1);
  }

  function open(rel: string, text: string, languageId = 'javascript', version = 1) {
    return conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(rel), languageId, version, text } });
  }

  function change(rel: string, version: number, text: string) {
    return conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(rel), version }, contentChanges: [{ text }] });
  }

  /** Write a file as a closed editor would never see it, and tell the server as the client's watcher does. */
  function writeOnDisk(rel: string, text: string, type: 1 | 2 = 2) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
    return conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rel), type }] });
  }

  const checklist = () => conn.sendRequest('readinessLint/checklist') as Promise<{ fileCount: number; indexing: boolean }>;

  const APP = [
    "const express = require('express');",
    "const security = require('./security');",
    '',
    'const app = express();',
    'security(app);',
    "app.get('/', (req, res) => res.send('ok'));",
    '',
    'module.exports = app;',
    '',
  ].join('\n');
  const APP_CREATION_LINE = 3;
  const SECURITY_WITHOUT_HELMET = [
    "const cors = require('cors');",
    '',
    'module.exports = function security(app) {',
    "  app.use(cors({ origin: 'https://shop.example.com' }));",
    '};',
    '',
  ].join('\n');
  const SECURITY_WITH_HELMET = [
    "const cors = require('cors');",
    "const helmet = require('helmet');",
    '',
    'module.exports = function security(app) {',
    '  app.use(helmet());',
    "  app.use(cors({ origin: 'https://shop.example.com' }));",
    '};',
    '',
  ].join('\n');

  before(async function () {
    requireBuiltServer(this);
    root = mkdtempSync(path.join(tmpdir(), 'rl-lsp-node-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'package.json'), '{ "name": "shop", "dependencies": { "express": "^5.1.0", "helmet": "^8.1.0", "cors": "^2.8.5" } }\n');
    writeFileSync(path.join(root, 'src/app.js'), APP);
    writeFileSync(path.join(root, 'src/security.js'), SECURITY_WITHOUT_HELMET);
    lsp = startServer(() => settings);
    conn = lsp.conn;
    published = lsp.published;
    const indexed = lsp.indexDone();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'shop' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } }, window: { workDoneProgress: true } },
    });
    await conn.sendNotification('initialized', {});
    await indexed;
  });

  after(async function () {
    if (!lsp) return;
    await lsp.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the app files of the workspace, closed ones included', async () => {
    const cl = await checklist();
    assert.equal(cl.indexing, false);
    // src/app.js and src/security.js (package.json is not a domain file).
    assert.equal(cl.fileCount, 2);
  });

  it('a JS document that imports none of our modules gets an empty publish and is not indexed', async () => {
    const mark = published.length;
    await open('src/format.js', "const _ = require('lodash');\nmodule.exports = (s) => _.trim(s);\n");
    const p = await diagnostics((d) => d.uri === uriOf('src/format.js'), mark);
    assert.deepEqual(p.diagnostics, []);
    assert.equal((await checklist()).fileCount, 2);
  });

  it('reports helmet/helmet-missing at express() when no file registers helmet', async () => {
    const mark = published.length;
    await open('src/app.js', APP);
    const p = await diagnostics((d) => d.uri === uriOf('src/app.js'), mark);
    const missing = p.diagnostics.find((d) => d.code === 'helmet/helmet-missing');
    assert.ok(missing, JSON.stringify(p.diagnostics.map((d) => d.code)));
    assert.equal(missing.source, 'readiness-lint');
    assert.equal(missing.range.start.line, APP_CREATION_LINE);
  });

  it('adding app.use(helmet()) to another open file relints app.js (its warning goes away), removing it brings it back', async () => {
    let mark = published.length;
    await open('src/security.js', SECURITY_WITHOUT_HELMET);
    await diagnostics((d) => d.uri === uriOf('src/security.js'), mark);
    mark = published.length;
    await change('src/security.js', 2, SECURITY_WITH_HELMET);
    await diagnostics((d) => d.uri === uriOf('src/app.js') && !has(d, 'helmet/helmet-missing'), mark);
    mark = published.length;
    await change('src/security.js', 3, SECURITY_WITHOUT_HELMET);
    await diagnostics((d) => d.uri === uriOf('src/app.js') && has(d, 'helmet/helmet-missing'), mark);
  });

  it('closed files: a change on disk to security.js relints the open app.js, also when the file leaves the domain', async () => {
    // Unsaved helmet edit, then close: the disk version (no helmet) is what counts again.
    let mark = published.length;
    await change('src/security.js', 4, SECURITY_WITH_HELMET);
    await diagnostics((d) => d.uri === uriOf('src/app.js') && !has(d, 'helmet/helmet-missing'), mark);
    mark = published.length;
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('src/security.js') } });
    await diagnostics((d) => d.uri === uriOf('src/app.js') && has(d, 'helmet/helmet-missing'), mark);

    // Saved by another tool (git checkout, a formatter): the client's file watcher reports it.
    mark = published.length;
    await writeOnDisk('src/security.js', SECURITY_WITH_HELMET);
    await diagnostics((d) => d.uri === uriOf('src/app.js') && !has(d, 'helmet/helmet-missing'), mark);

    // security.js stops importing anything of ours: it leaves the index, and helmet with it.
    mark = published.length;
    await writeOnDisk('src/security.js', '// Security headers are set by the gateway now.\nmodule.exports = function security() {};\n');
    await diagnostics((d) => d.uri === uriOf('src/app.js') && has(d, 'helmet/helmet-missing'), mark);
    assert.equal((await checklist()).fileCount, 1);
  });

  it('changes under node_modules/ and dist/ are not indexed (as in the workspace scan)', async () => {
    const before = (await checklist()).fileCount;
    await writeOnDisk('node_modules/some-lib/index.js', "const helmet = require('helmet');\nmodule.exports = helmet;\n", 1);
    await writeOnDisk('dist/server.js', "const express = require('express');\nconst helmet = require('helmet');\nexpress().use(helmet());\n", 1);
    // Notifications are handled in order: the checklist answer comes after both changes.
    assert.equal((await checklist()).fileCount, before);
    assert.ok(has(latest('src/app.js')!, 'helmet/helmet-missing'));
    // The same file in src/ is indexed (and clears app.js's warning).
    const mark = published.length;
    await writeOnDisk('src/headers.js', "const helmet = require('helmet');\nmodule.exports = (app) => app.use(helmet());\n", 1);
    assert.equal((await checklist()).fileCount, before + 1);
    await diagnostics((d) => d.uri === uriOf('src/app.js') && !has(d, 'helmet/helmet-missing'), mark);
  });

  it('an nginx config that changes on disk relints open app files whose rules read it (helmet/header-conflicts-nginx)', async () => {
    const FRAME = "const helmet = require('helmet');\nmodule.exports = (app) => app.use(helmet());\n";
    writeFileSync(path.join(root, 'src/frame.js'), FRAME);
    let mark = published.length;
    await open('src/frame.js', FRAME);
    const first = await diagnostics((d) => d.uri === uriOf('src/frame.js'), mark);
    assert.ok(!has(first, 'helmet/header-conflicts-nginx'));
    // helmet() sends X-Frame-Options: SAMEORIGIN; this nginx adds DENY on top.
    mark = published.length;
    await writeOnDisk('deploy/nginx/conf.d/shop.conf', 'server {\n    listen 80;\n    add_header X-Frame-Options DENY always;\n    location / { proxy_pass http://127.0.0.1:3000; }\n}\n', 1);
    const conflict = await diagnostics((d) => d.uri === uriOf('src/frame.js') && has(d, 'helmet/header-conflicts-nginx'), mark);
    assert.match(conflict.diagnostics.find((d) => d.code === 'helmet/header-conflicts-nginx')!.message, /X-Frame-Options \(nginx "DENY" at .*shop\.conf:3; helmet "SAMEORIGIN"\)/);
    mark = published.length;
    await writeOnDisk('deploy/nginx/conf.d/shop.conf', 'server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:3000; }\n}\n');
    await diagnostics((d) => d.uri === uriOf('src/frame.js') && !has(d, 'helmet/header-conflicts-nginx'), mark);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf('src/frame.js') } });
  });

  // A TypeScript file: a multi-line statement, so the suppression comment must go above its first line.
  const HEADERS_TS = [
    "import helmet from 'helmet';",
    "import type { Express } from 'express';",
    '',
    'export function secureHeaders(app: Express): void {',
    '  app.use(',
    '    helmet({',
    "      contentSecurityPolicy: { directives: { defaultSrc: ['self'] } },",
    '    }),',
    '  );',
    '}',
    '',
  ].join('\n');

  async function cspFinding(version: number, mark: number) {
    const p = await diagnostics((d) => d.uri === uriOf('src/headers.ts') && d.version === version, mark);
    const diag = p.diagnostics.find((d) => d.code === 'helmet/csp-unquoted-keyword');
    assert.ok(diag, JSON.stringify(p.diagnostics.map((d) => d.code)));
    const actions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uriOf('src/headers.ts') }, range: diag.range, context: { diagnostics: [diag] } })) as Action[];
    return { diag, actions };
  }

  it('TypeScript: the quick fix quotes the CSP keyword and the finding goes away', async () => {
    let mark = published.length;
    await open('src/headers.ts', HEADERS_TS, 'typescript');
    const { diag, actions } = await cspFinding(1, mark);
    assert.equal(diag.severity, 1);
    assert.deepEqual(diag.range, { start: { line: 6, character: 58 }, end: { line: 6, character: 64 } }, "the range is the string 'self'");
    const fix = actions.find((a) => a.edit && /^Quote/.test(a.title));
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const fixed = applyTextEdits(HEADERS_TS, fix.edit!.changes[uriOf('src/headers.ts')]);
    assert.match(fixed.split('\n')[6], /defaultSrc: \[(?:"'self'"|'\\'self\\'')\]/);
    mark = published.length;
    await change('src/headers.ts', 2, fixed);
    const after = await diagnostics((d) => d.uri === uriOf('src/headers.ts') && d.version === 2, mark);
    assert.ok(!has(after, 'helmet/csp-unquoted-keyword'), JSON.stringify(after.diagnostics));
  });

  it('no hover from us in JS/TS (VS Code\'s TypeScript support owns it), also on a finding', async () => {
    const mark = published.length;
    await change('src/headers.ts', 3, HEADERS_TS);
    const { diag } = await cspFinding(3, mark);
    const hover = await conn.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('src/headers.ts') }, position: { line: diag.range.start.line, character: diag.range.start.character + 2 } });
    assert.equal(hover, null);
  });

  it('"Disable for this line" puts a // comment above the statement, at its indentation, and it suppresses the finding', async () => {
    // The document still has the unquoted keyword (version 3, from the test above).
    let mark = 0;
    const { actions } = await cspFinding(3, mark);
    const disable = actions.find((a) => a.command?.command === 'readinessLint.disableForLine');
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const args = disable.command!.arguments![0] as DisableForLineArgs;
    assert.equal(args.commentPrefix, '//');
    assert.equal(args.line, 4, 'the line of `app.use(`, where the statement starts');
    assert.equal(args.indent, '  ');
    // What the client's command inserts (client/src/extension.ts, readinessLint.disableForLine).
    const lines = HEADERS_TS.split('\n');
    lines.splice(args.line, 0, `${args.indent}${args.commentPrefix} readiness-lint-disable-next-line ${args.ruleId} -- policy comes from the gateway`);
    mark = published.length;
    await change('src/headers.ts', 4, lines.join('\n'));
    const after = await diagnostics((d) => d.uri === uriOf('src/headers.ts') && d.version === 4, mark);
    assert.ok(!has(after, 'helmet/csp-unquoted-keyword'), JSON.stringify(after.diagnostics));
    // The suppression is used (no "suppresses nothing" report) and has a reason.
    assert.deepEqual(after.diagnostics.filter((d) => /suppress/i.test(d.message)), []);
  });

  it('a document whose last relevant import is deleted has its diagnostics cleared', async () => {
    let mark = published.length;
    await change('src/headers.ts', 5, HEADERS_TS);
    await cspFinding(5, mark);
    mark = published.length;
    await change('src/headers.ts', 6, HEADERS_TS.replace("import helmet from 'helmet';", 'declare const helmet: (o: object) => unknown;').replace("import type { Express } from 'express';", 'type Express = { use(h: unknown): void };'));
    const cleared = await diagnostics((d) => d.uri === uriOf('src/headers.ts') && d.version === 6, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

// Integration tests in desktop VS Code (through @vscode/test-electron): the extension activates on
// the examples workspace, publishes Dockerfile diagnostics, offers a working quick fix, and
// registers the Readiness view's commands.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXTENSION_ID = 'readiness-lint.readiness-lint';
const API_DOCKERFILE = 'services/api/Dockerfile';

function codeOf(diagnostic) {
  return typeof diagnostic.code === 'object' && diagnostic.code !== null ? String(diagnostic.code.value) : String(diagnostic.code ?? '');
}

function ours(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'readiness-lint');
}

/** Resolves with the diagnostics of `uri` once `predicate` holds for them, waiting on onDidChangeDiagnostics. */
function waitForDiagnostics(uri, predicate, what, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    let sub;
    const timer = setTimeout(() => {
      sub.dispose();
      const got = ours(uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; readiness-lint diagnostics now: ${JSON.stringify(got)}`));
    }, timeoutMs);
    const check = () => {
      const diagnostics = ours(uri);
      if (!predicate(diagnostics)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(diagnostics);
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

function workspaceUri(relativePath) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the examples folder open as the workspace');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

describe('Readiness Lint in VS Code', function () {
  let uri;
  let document;

  before(async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    await extension.activate();
    uri = workspaceUri(API_DOCKERFILE);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async function () {
    // Leave the example unchanged on disk: drop the edit the quick fix made.
    if (document?.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('publishes readiness-lint diagnostics for the Dockerfile, including docker/no-sudo on line 14', async function () {
    const diagnostics = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'docker/no-sudo'), 'docker/no-sudo');
    const sudo = diagnostics.find((d) => codeOf(d) === 'docker/no-sudo');
    assert.equal(sudo.range.start.line, 13, 'docker/no-sudo is reported on line 14');
    assert.equal(document.getText(sudo.range), 'sudo');
    assert.match(sudo.message, /Do not use sudo/);
    assert.ok(diagnostics.some((d) => codeOf(d) === 'docker/base-image-pinned' && d.range.start.line === 1), 'FROM node:latest on line 2 is reported');
  });

  it('applies the "Remove sudo" quick fix from the code action provider', async function () {
    const sudo = ours(uri).find((d) => codeOf(d) === 'docker/no-sudo');
    assert.ok(sudo, 'the docker/no-sudo diagnostic is present');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, sudo.range, vscode.CodeActionKind.QuickFix.value);
    const titles = (actions ?? []).map((a) => a.title);
    const fix = (actions ?? []).find((a) => a.title === 'Remove sudo');
    assert.ok(fix, `no "Remove sudo" code action; got ${JSON.stringify(titles)}`);
    assert.ok(fix.edit, '"Remove sudo" carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the edit applies');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

    const line = document.lineAt(13).text;
    assert.ok(!line.includes('sudo'), `line 14 still contains sudo: ${line}`);
    assert.match(line, /^RUN mkdir -p \/app/);
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'docker/no-sudo') && ds.length > 0, 'docker/no-sudo to go away after the fix');
  });

  it('registers the Readiness view and its commands', async function () {
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of [
      'readinessLint.rescan',
      'readinessLint.exportReport',
      'readinessLint.showOutput',
      'readinessLint.showFailingOnly',
      'readinessLint.showAll',
      'readinessLint.focusView',
      'readinessLint.showRuleDoc',
      'readinessLint.openEvidence',
      'readinessLint.disableForLine',
      'readinessLint.checklist.focus',
    ]) {
      assert.ok(commands.has(id), `command ${id} is registered`);
    }
    await vscode.commands.executeCommand('readinessLint.focusView');
    await vscode.commands.executeCommand('readinessLint.rescan');
    await vscode.commands.executeCommand('readinessLint.showFailingOnly');
    await vscode.commands.executeCommand('readinessLint.showAll');
  });

  it('exports a readiness report that lists the checklist', async function () {
    await vscode.commands.executeCommand('readinessLint.exportReport');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'the report opens in an editor');
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'markdown');
    assert.match(text, /Container image/);
    assert.match(text, /Runs as a non-root user/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

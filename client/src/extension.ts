// VS Code glue: start the language server (IPC), the Readiness view, the status bar and commands.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SECTION, Requests, Notifications, Commands, type ChecklistResponse, type DisableForLineArgs, type InitializationOptions } from '../../server/src/protocol';
import { ChecklistProvider } from './checklistView';
import { NGINX_GLOBS, NGINX_LANGUAGE_IDS, nginxFoldingRanges } from './nginx';
import { NODE_LANGUAGE_IDS, NODE_SOURCE_GLOB } from './node';

let client: LanguageClient | undefined;

const DOCKER_PATTERN = '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Readiness Lint', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions = { docsBaseUri: vscode.Uri.file(context.asAbsolutePath('dist/docs')).toString() };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', pattern: DOCKER_PATTERN },
      { scheme: 'file', pattern: '**/.readiness-lint.yaml' },
      // Kubernetes manifests: the server checks only documents with apiVersion and kind and leaves
      // other YAML/JSON alone (no diagnostics, nothing that competes with the YAML extension).
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
      // nginx configs: our language id, the "NGINX" id of other nginx extensions, and the config
      // paths when another extension (or plaintext) owns the file.
      ...NGINX_LANGUAGE_IDS.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
      ...NGINX_GLOBS.map((pattern) => ({ scheme: 'file', pattern })),
      // Node apps (helmet, CORS, sessions, rate limits): every JS/TS document is sent, and the
      // server checks only those importing express, helmet, cors, ... (the others get no
      // diagnostics, and a file that drops its last such import has its diagnostics cleared).
      ...NODE_LANGUAGE_IDS.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher(`{${DOCKER_PATTERN.slice(3)},**/.readiness-lint.yaml,**/*.{yaml,yml}}`),
        // Files that evidence operational controls (runbooks, owners, CI, lockfiles, .env, .gitignore).
        vscode.workspace.createFileSystemWatcher('**/{*.md,CODEOWNERS,OWNERS,Jenkinsfile,.gitignore,.env,.env.*,*.lock,go.sum,package-lock.json,.github/workflows/*}'),
        // nginx configs (one watcher per pattern: never every .conf).
        ...NGINX_GLOBS.map((g) => vscode.workspace.createFileSystemWatcher(g)),
        // JS/TS sources: a closed file that gains or loses helmet changes other files' findings.
        // The server skips node_modules/ and dist/ as the workspace scan does.
        vscode.workspace.createFileSystemWatcher(NODE_SOURCE_GLOB),
      ],
    },
    initializationOptions,
    outputChannel: output,
    middleware: {
      workspace: {
        // The server asks for `readinessLint`; add `files.exclude` so the index respects it.
        configuration: async (params, token, next) => {
          const values = (await next(params, token)) as unknown[];
          return values.map((v, i) => {
            if (params.items[i]?.section !== SECTION || !v || typeof v !== 'object') return v;
            const scope = params.items[i].scopeUri ? vscode.Uri.parse(params.items[i].scopeUri!) : undefined;
            const excludes = vscode.workspace.getConfiguration('files', scope).get<Record<string, boolean>>('exclude') ?? {};
            return { ...(v as object), exclude: Object.entries(excludes).filter(([, on]) => on === true).map(([g]) => g) };
          });
        },
      },
    },
  };
  client = new LanguageClient('readinessLint', 'Readiness Lint', serverOptions, clientOptions);

  const provider = new ChecklistProvider(() => client!.sendRequest<ChecklistResponse>(Requests.checklist));
  const view = vscode.window.createTreeView('readinessLint.checklist', { treeDataProvider: provider, showCollapseAll: true });
  const status = vscode.window.createStatusBarItem('readinessLint.score', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Readiness score';
  status.command = Commands.focusView;
  status.text = '$(checklist) Readiness…';
  status.show();

  provider.onDidLoad((data) => {
    const score = data.score === null ? 'n/a' : `${data.score}%`;
    // While the first scan runs a score would be a guess: show progress instead.
    status.text = data.indexing ? '$(sync~spin) Readiness…' : `$(checklist) Readiness ${score}`;
    status.tooltip = `${data.passed} of ${data.applicable} applicable controls pass · ${data.fileCount} file(s) checked`;
    view.message = data.indexing ? 'Indexing workspace…' : undefined;
    view.description = data.score === null ? undefined : `${score} · ${data.passed}/${data.applicable} controls`;
    void vscode.commands.executeCommand('setContext', 'readinessLint.empty', data.fileCount === 0 && !data.indexing);
  });

  // nginx blocks fold by braces (the language configuration can only fold by indentation).
  const folding = vscode.languages.registerFoldingRangeProvider(
    NGINX_LANGUAGE_IDS.map((language) => ({ language })),
    {
      provideFoldingRanges: (doc) =>
        nginxFoldingRanges(doc.getText()).map((r) => new vscode.FoldingRange(r.start, r.end, r.kind === 'comment' ? vscode.FoldingRangeKind.Comment : undefined)),
    },
  );

  context.subscriptions.push(
    output,
    view,
    status,
    folding,
    vscode.commands.registerCommand(Commands.rescan, async () => {
      await client?.sendRequest(Requests.rescan);
      await provider.refresh();
    }),
    vscode.commands.registerCommand(Commands.exportReport, async () => {
      const markdown = await client?.sendRequest<string>(Requests.exportReport);
      if (!markdown) return;
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.window.showTextDocument(doc, { preview: false });
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.focusView, () => vscode.commands.executeCommand('readinessLint.checklist.focus')),
    vscode.commands.registerCommand(Commands.showFailingOnly, () => provider.setFailingOnly(true)),
    vscode.commands.registerCommand(Commands.showAll, () => provider.setFailingOnly(false)),
    vscode.commands.registerCommand(Commands.showRuleDoc, async (ruleId: string) => {
      const file = vscode.Uri.file(context.asAbsolutePath(`dist/docs/${ruleId.replace('/', '-')}.md`));
      try {
        await vscode.workspace.fs.stat(file);
        await vscode.commands.executeCommand('markdown.showPreview', file);
      } catch {
        const md = await client?.sendRequest<string | null>(Requests.ruleDoc, { ruleId });
        if (md) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: md }));
      }
    }),
    vscode.commands.registerCommand(Commands.openEvidence, async (uri: string, line: number, character: number) => {
      const pos = new vscode.Position(line, character);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(pos, pos), preview: true });
    }),
    vscode.commands.registerCommand(Commands.disableForLine, async (args: DisableForLineArgs) => {
      const reason = await vscode.window.showInputBox({
        title: `Disable ${args.ruleId} for this line`,
        prompt: 'Why is this acceptable here? The reason is kept in the comment for reviewers.',
        placeHolder: 'e.g. build-only stage, never deployed',
        validateInput: (v) => (v.trim() ? undefined : 'A reason is required.'),
      });
      if (!reason?.trim()) return;
      const edit = new vscode.WorkspaceEdit();
      const comment = `${args.indent}${args.commentPrefix} readiness-lint-disable-next-line ${args.ruleId} -- ${reason.trim()}\n`;
      edit.insert(vscode.Uri.parse(args.uri), new vscode.Position(args.line, 0), comment);
      await vscode.workspace.applyEdit(edit);
    }),
  );

  await client.start();
  context.subscriptions.push(
    client.onNotification(Notifications.checklistChanged, () => void provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('files.exclude')) void client?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
  await provider.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

// The test side of an LSP session with the real bundled server (dist/server.js) over stdio:
// published diagnostics with waits on them (never sleeps), the client requests the server makes
// (configuration, progress, capability registration), and the end of the workspace index.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverJs = path.join(repo, 'dist/server.js');

export type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
export interface Diag {
  code?: string;
  message: string;
  range: Range;
  source?: string;
  codeDescription?: { href: string };
  data?: unknown;
  severity?: number;
}
export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diag[];
}

export interface LspClient {
  conn: MessageConnection;
  child: ChildProcess;
  published: PublishParams[];
  /** The first publishDiagnostics since `fromIndex` (past or future) matching `pred`. */
  diagnostics(pred: (p: PublishParams) => boolean, fromIndex?: number): Promise<PublishParams>;
  /** Resolves when the server next reports its workspace index finished. */
  indexDone(): Promise<void>;
  stop(): Promise<void>;
}

/** In a mocha `before`: skip (saying why) when the bundle is missing; under CI=true that is a failure. */
export function requireBuiltServer(ctx: Mocha.Context): void {
  if (existsSync(serverJs)) return;
  if (process.env.CI === 'true') throw new Error('dist/server.js is missing: run `npm run build` first');
  console.log('      skipped: dist/server.js is missing (run `npm run build`)');
  ctx.skip();
}

/** Spawn the server and listen; `settings` answers the server's workspace/configuration requests. */
export function startServer(settings: () => Record<string, unknown>): LspClient {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishParams[] = [];
  const waiters: { pred: (p: PublishParams) => boolean; resolve: (p: PublishParams) => void }[] = [];
  let indexWaiters: (() => void)[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
    if (process.env.RL_DEBUG) console.log('PUB', JSON.stringify(p).slice(0, 300));
    published.push(p);
    for (const w of [...waiters]) {
      if (w.pred(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings()));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', (m: { message: string }) => {
    if (process.env.RL_DEBUG) console.log('LOG', m.message);
  });
  conn.onNotification('$/progress', () => undefined);
  conn.onNotification('readinessLint/checklistChanged', (p: { indexing: boolean }) => {
    if (p.indexing) return;
    const done = indexWaiters;
    indexWaiters = [];
    done.forEach((r) => r());
  });
  conn.listen();
  return {
    conn,
    child,
    published,
    diagnostics(pred, fromIndex = 0) {
      const hit = published.slice(fromIndex).find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          const last = published.slice(fromIndex).map((p) => `${path.basename(p.uri)}: ${p.diagnostics.map((d) => d.code).join(',') || '(none)'}`);
          reject(new Error(`timed out waiting for publishDiagnostics; published since: ${last.join(' | ') || 'nothing'}`));
        }, 20000);
        waiters.push({ pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    indexDone() {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the workspace index never finished')), 20000);
        indexWaiters.push(() => (clearTimeout(timer), resolve()));
      });
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => undefined);
      conn.dispose();
      child.kill();
    },
  };
}

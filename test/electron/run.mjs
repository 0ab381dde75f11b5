#!/usr/bin/env node
// Integration tests in desktop VS Code through @vscode/test-electron (`npm run test:electron`):
// the extension from this folder (extensionDevelopmentPath = the repository root, built into dist/)
// runs against a throwaway copy of examples/, and test/electron/suite/ runs inside its extension host.
//
// VS Code comes from VSCODE_EXECUTABLE (path to a desktop `code` binary) or is downloaded into
// .vscode-test/. Where neither is possible (no VSCODE_EXECUTABLE and no route to the VS Code
// download server) it says so and skips with exit 0. Not part of `npm test`.
//
//   node test/electron/run.mjs --code-server
// runs the same suite in code-server's (VS Code 1.100) extension host instead, on machines that have
// code-server and chromium but no desktop VS Code (`bash scripts/install-code-server.sh`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INSTALL_HINT, ROOT, delay, isExecutable, killStarted, launchChromium, missingTools, newestMtime, prepareProfile, startCodeServer, stopStarted } from '../e2e/harness.mjs';

const require = createRequire(import.meta.url);
const SUITE = join(ROOT, 'test', 'electron', 'suite', 'index.cjs');
const PROBE_MS = 10_000;
const CODE_SERVER_LIMIT_MS = 5 * 60_000;

function skip(reason) {
  console.log(`electron: skipped: desktop VS Code cannot be downloaded on this machine (${reason}); set VSCODE_EXECUTABLE to run it`);
  if (!missingTools().length) console.log('electron: code-server is installed here: `npm run test:electron -- --code-server` runs the same suite in its extension host');
  process.exit(0);
}

/** The extension runs from dist/: build it when the sources are newer than the bundles. */
function buildIfStale() {
  const built = Math.min(...['dist/client.js', 'dist/server.js'].map((p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).mtimeMs : 0)));
  if (built >= newestMtime(['package.json', 'scripts', 'client/src', 'server/src', 'rules'])) return;
  console.log('electron: building dist/ (npm run build)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Desktop VS Code on Linux needs a display: re-run this script under xvfb-run when there is none. */
function ensureDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.READINESS_LINT_UNDER_XVFB) return;
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) {
    console.log('electron: no DISPLAY and no xvfb-run: install xvfb (apt-get install xvfb) or set DISPLAY');
    process.exit(1);
  }
  const r = spawnSync(xvfb, ['-a', process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, READINESS_LINT_UNDER_XVFB: '1' },
  });
  process.exit(r.status ?? 1);
}

async function resolveVSCode() {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      console.log(`electron: VSCODE_EXECUTABLE=${fromEnv} is not an executable file`);
      process.exit(1);
    }
    return fromEnv;
  }
  // Probe the download server briefly first: without internet access the download would
  // otherwise hang or retry for a long time.
  const probeUrl = 'https://update.code.visualstudio.com/api/releases/stable';
  try {
    const res = await fetch(probeUrl, { signal: AbortSignal.timeout(PROBE_MS) });
    if (!res.ok) skip(`${probeUrl} answered HTTP ${res.status}`);
  } catch (err) {
    const cause = err?.cause?.code ?? err?.cause?.message ?? err?.name;
    skip(`${probeUrl} is unreachable: ${err?.message ?? err}${cause && !String(err?.message).includes(cause) ? ` (${cause})` : ''}`);
  }
  const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
  try {
    return await downloadAndUnzipVSCode({ cachePath: join(ROOT, '.vscode-test'), timeout: 30_000 });
  } catch (err) {
    skip(`download failed: ${String(err?.message ?? err).split('\n')[0]}`);
  }
}

async function runInDesktopVSCode() {
  const vscodeExecutablePath = await resolveVSCode();
  ensureDisplay();
  buildIfStale();
  const { runTests } = require('@vscode/test-electron');
  const tmp = mkdtempSync(join(tmpdir(), 'readiness-electron-'));
  const workspace = join(tmp, 'workspace');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  mkdirSync(join(tmp, 'user-data'), { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension; the one under development still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        `--user-data-dir=${join(tmp, 'user-data')}`,
        `--extensions-dir=${join(tmp, 'extensions')}`,
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
    });
    return 0;
  } catch (err) {
    console.log(`electron: FAIL ${err?.message ?? err}`);
    return 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * The same suite in code-server: the workbench opens in chromium with the extension-development
 * payload (what "Developer: Open Extension Development Host" does in VS Code for the Web), so the
 * remote extension host loads the extension from the repository and runs the suite.
 */
async function runInCodeServer() {
  const missing = missingTools();
  if (missing.length) {
    console.log(`electron: --code-server cannot run: ${missing.join('; ')}. Install with: ${INSTALL_HINT}`);
    return 1;
  }
  buildIfStale();
  const tmp = mkdtempSync(join(tmpdir(), 'readiness-electron-cs-'));
  const profile = prepareProfile(tmp);
  const resultsFile = join(tmp, 'mocha-results.json');
  let server;
  let context;
  const onExit = () => killStarted({ proc: server?.proc, marker: tmp }, 'SIGKILL');
  process.on('exit', onExit);
  try {
    server = await startCodeServer(profile, { env: { READINESS_LINT_TEST_RESULTS: resultsFile } });
    context = await launchChromium(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    const remote = (p) => `vscode-remote://${server.authority}${pathToFileURL(p).pathname}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(SUITE)],
    ]);
    await page.goto(`${server.base}/?folder=${encodeURIComponent(profile.workspace)}&payload=${encodeURIComponent(payload)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const until = Date.now() + CODE_SERVER_LIMIT_MS;
    while (!existsSync(resultsFile)) {
      if (Date.now() > until) throw new Error(`no test results after ${CODE_SERVER_LIMIT_MS / 1000} s; code-server log: ${readFileSync(profile.log, 'utf8').slice(-2000)}`);
      await delay(250);
    }
    const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`electron: suite ran in code-server's extension host (VS Code ${summary.vscodeVersion})`);
    for (const t of summary.tests) {
      console.log(`  ${t.state === 'passed' ? 'ok  ' : 'FAIL'} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
      if (t.error) console.log(`       ${t.error.split('\n').slice(0, 8).join('\n       ')}`);
    }
    const passed = summary.tests.filter((t) => t.state === 'passed').length;
    console.log(`${passed} passed, ${summary.failures} failed`);
    return summary.failures || !summary.tests.length ? 1 : 0;
  } catch (err) {
    console.log(`electron: FAIL ${err?.message ?? err}`);
    return 1;
  } finally {
    await stopStarted({ context, proc: server?.proc, marker: tmp });
    process.off('exit', onExit);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }
}

process.exit(process.argv.includes('--code-server') ? await runInCodeServer() : await runInDesktopVSCode());

// Shared by test/e2e/run.mjs and test/electron/run.mjs (its --code-server mode): find code-server and
// chromium, make a throwaway workspace and VS Code profile, start code-server on a free loopback
// port, launch chromium through playwright-core, and stop all of it again.
import { spawn } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const CODE_SERVER = process.env.CODE_SERVER_BIN || join(homedir(), '.cache', 'readiness-lint', 'code-server', 'node_modules', '.bin', 'code-server');
export const INSTALL_HINT = 'bash scripts/install-code-server.sh';
export const SAVE_FIX_FILE = 'deploy/save-fix.yaml';
// A safe fix (the deprecated serviceAccount field renamed) and a hardening one (hostNetwork, set
// explicitly): fix on save applies only the first.
export const SAVE_FIX_TEXT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  serviceAccount: agent\n  hostNetwork: true\n  containers:\n    - name: agent\n      image: example/agent:2.1\n';

/** VS Code user settings for the test profile: no welcome page, telemetry, trust prompt or minimap. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  // Check d: fix-all on save, scoped to YAML so it cannot mask the Dockerfile quick-fix check.
  '[yaml]': { 'editor.codeActionsOnSave': { 'source.fixAll.readinessLint': 'explicit' } },
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'editor.minimap.enabled': false,
  'editor.hover.enabled': false,
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
};

export function isExecutable(p) {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Why the code-server tests cannot run here, or an empty list. */
export function missingTools() {
  const missing = [];
  if (!isExecutable(CODE_SERVER)) missing.push(`code-server not found at ${CODE_SERVER}${process.env.CODE_SERVER_BIN ? ' (from CODE_SERVER_BIN)' : ' (set CODE_SERVER_BIN to use another one)'}`);
  if (!isExecutable(CHROMIUM)) missing.push(`chromium not found at ${CHROMIUM}`);
  return missing;
}

/** Newest modification time (ms) among files under the given paths (relative to the repository root). */
export function newestMtime(paths) {
  const walk = (p) => {
    if (!existsSync(p)) return 0;
    const st = statSync(p);
    if (!st.isDirectory()) return st.mtimeMs;
    let newest = st.mtimeMs;
    for (const e of readdirSync(p)) if (e !== 'node_modules') newest = Math.max(newest, walk(join(p, e)));
    return newest;
  };
  return Math.max(0, ...paths.map((p) => walk(join(ROOT, p))));
}

export function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A copy of examples/ and an empty VS Code profile under `tmp` (the repository's examples are never touched). */
export function prepareProfile(tmp) {
  const profile = {
    tmp,
    workspace: join(tmp, 'workspace'),
    userDataDir: join(tmp, 'user-data'),
    extensionsDir: join(tmp, 'extensions'),
    chromeProfile: join(tmp, 'chromium-profile'),
    config: join(tmp, 'code-server.yaml'),
    log: join(tmp, 'code-server.log'),
  };
  cpSync(join(ROOT, 'examples'), profile.workspace, { recursive: true });
  // A manifest for the fix-on-save check (f): a safe fix that save applies, a hardening one it leaves.
  writeFileSync(join(profile.workspace, SAVE_FIX_FILE), SAVE_FIX_TEXT);
  mkdirSync(join(profile.userDataDir, 'User'), { recursive: true });
  mkdirSync(profile.extensionsDir, { recursive: true });
  writeFileSync(join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // Our own config file, so code-server neither reads nor writes ~/.config/code-server/config.yaml.
  writeFileSync(profile.config, 'auth: none\n');
  return profile;
}

/** Arguments that point code-server at the throwaway profile (also for --install-extension). */
export function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Starts code-server in its own process group and waits (bounded) until it answers over HTTP. */
export async function startCodeServer(profile, { env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fd = openSync(profile.log, 'a');
  const proc = spawn(
    CODE_SERVER,
    [...profileArgs(profile), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', profile.workspace],
    { detached: true, stdio: ['ignore', fd, fd], env: { ...process.env, ...env } },
  );
  closeSync(fd);
  const server = { proc, base, port, authority: `127.0.0.1:${port}` };
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`code-server exited early (${proc.exitCode ?? proc.signalCode}); see ${profile.log}`);
    if (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) break;
    if (Date.now() - started > timeoutMs) throw new Error(`code-server did not answer on ${base} within ${timeoutMs / 1000} s; see ${profile.log}`);
    await delay(250);
  }
  server.startupMs = Date.now() - started;
  return server;
}

/** Chromium from Debian, headless, with a fresh profile. */
export async function launchChromium(profile) {
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile.chromeProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1600, height: 1000 },
    timeout: 60_000,
  });
  context.setDefaultTimeout(30_000);
  return context;
}

function pidsWithMarker(marker) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(marker)) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/**
 * Sends `signal` to code-server's process group (code-server, its extension host and our language
 * server) and to any process whose command line names the throwaway directory (chromium's profile).
 */
export function killStarted({ proc, marker }, signal) {
  if (proc?.pid) {
    try {
      process.kill(-proc.pid, signal);
    } catch {
      // Already gone.
    }
  }
  if (marker && existsSync('/proc')) {
    for (const pid of pidsWithMarker(marker)) {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone.
      }
    }
  }
}

/** Closes the browser, then stops everything started for this run: SIGTERM, up to 5 s, SIGKILL. */
export async function stopStarted({ context, proc, marker }) {
  if (context) await Promise.race([context.close().catch(() => {}), delay(5000)]);
  killStarted({ proc, marker }, 'SIGTERM');
  const until = Date.now() + 5000;
  const alive = () => (proc && proc.exitCode === null && proc.signalCode === null) || (marker && existsSync('/proc') && pidsWithMarker(marker).length > 0);
  while (Date.now() < until && alive()) await delay(100);
  killStarted({ proc, marker }, 'SIGKILL');
}

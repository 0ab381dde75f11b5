#!/usr/bin/env node
// End-to-end smoke test in the real VS Code workbench: code-server (VS Code 1.100 in a browser)
// with the packaged VSIX installed, driven by Debian's chromium through playwright-core.
//
//   node test/e2e/run.mjs          (also the last step of `npm test`, and `npm run test:e2e`)
//
// Needs code-server (env CODE_SERVER_BIN, else the one `bash scripts/install-code-server.sh`
// installs) and /usr/bin/chromium. Without them it explains why and skips (exit 0), except under
// CI=true, where a skip is a failure. Screenshots go to test-results/e2e/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CODE_SERVER, INSTALL_HINT, ROOT, SAVE_FIX_FILE, delay, killStarted, launchChromium, missingTools, newestMtime, prepareProfile, profileArgs, startCodeServer, stopStarted } from './harness.mjs';

const RESULTS = join(ROOT, 'test-results', 'e2e');
const VSIX = join(ROOT, 'dist', 'readiness-lint.vsix');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const OVERALL_MS = Number(process.env.E2E_TIMEOUT_MS || 6 * 60_000);
const API_DOCKERFILE = 'services/api/Dockerfile';
const NGINX_CONF = 'edge/nginx/nginx.conf';
const WEB_APP = 'services/web/src/app.js';
/** Line 15 of the web app: an unquoted CSP keyword, which makes helmet 8 throw at startup. */
const WEB_CSP_LINE = 15;

const results = [];
const screenshots = [];
let tmp;
let codeServer;
let context;
let page;
let cleaning;
let finished = false; // set once the outcome is decided; late work from a timed-out run is ignored

// ---------- skip when the tools are missing ----------

const missing = missingTools();
if (missing.length) {
  console.log(`e2e: skipped: ${missing.join('; ')}.`);
  console.log('e2e: to install both (code-server 4.100.3 and Debian chromium), run from the project root:');
  console.log(`       ${INSTALL_HINT}`);
  if (CI) {
    console.log('e2e: CI=true, so a skipped end-to-end test is a failure.');
    process.exit(1);
  }
  process.exit(0);
}

// ---------- cleanup: always kill what we started ----------

const started = () => ({ context, proc: codeServer?.proc, marker: tmp });

function cleanup() {
  cleaning ??= stopStarted(started()).then(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });
  return cleaning;
}

process.on('exit', () => killStarted(started(), 'SIGKILL'));
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.log(`e2e: ${sig} received, stopping code-server and chromium`);
    await cleanup();
    process.exit(130);
  });
}
let timedOut = false;
let watchdog;
const overallLimit = new Promise((resolve) => {
  watchdog = setTimeout(() => {
    timedOut = true;
    resolve();
  }, OVERALL_MS);
});

// ---------- helpers ----------

let shotIndex = 0;
async function screenshot(name) {
  if (!page || finished) return;
  const file = join(RESULTS, `${String(++shotIndex).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, timeout: 10_000 });
  screenshots.push(file);
  console.log(`     screenshot: ${relative(ROOT, file)}`);
}

async function check(id, title, fn) {
  const begin = Date.now();
  try {
    const detail = await fn();
    if (finished) return;
    results.push({ id, ok: true });
    console.log(`ok   ${id}. ${title}${detail ? ` (${detail})` : ''} [${((Date.now() - begin) / 1000).toFixed(1)} s]`);
  } catch (err) {
    if (finished) return;
    results.push({ id, ok: false });
    console.log(`FAIL ${id}. ${title}: ${String(err?.message ?? err).split('\n').slice(0, 6).join('\n       ')}`);
    await screenshot(`${id}-failure`).catch(() => {});
  }
}

/** On failure: print the end of code-server's log and keep it, with VS Code's logs, next to the screenshots. */
function saveLogs() {
  try {
    const log = tmp && join(tmp, 'code-server.log');
    if (!log || !existsSync(log)) return;
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    console.log(`--- last lines of code-server's log ---\n${lines.slice(-25).join('\n')}\n---`);
    copyFileSync(log, join(RESULTS, 'code-server.log'));
    const logs = join(tmp, 'user-data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(RESULTS, 'vscode-logs'), { recursive: true });
    console.log(`e2e: logs kept in ${relative(ROOT, RESULTS)}/code-server.log and ${relative(ROOT, RESULTS)}/vscode-logs/`);
  } catch (err) {
    console.log(`e2e: could not keep the logs: ${err.message}`);
  }
}

/** Runs a workbench command through the command palette (F1), choosing the entry whose label matches. */
async function runCommand(label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Closes notification toasts and any modal dialog (workspace trust and the like) that code-server shows. */
async function dismissNoise() {
  const trust = page.locator('.monaco-dialog-box').getByRole('button', { name: /trust/i }).first();
  if (await trust.isVisible().catch(() => false)) await trust.click().catch(() => {});
  const dialogClose = page.locator('.monaco-dialog-box .dialog-close-action, .monaco-dialog-box a.codicon-dialog-close').first();
  if (await dialogClose.isVisible().catch(() => false)) await dialogClose.click().catch(() => {});
  if (await page.locator('.notification-toast').first().isVisible().catch(() => false)) {
    await runCommand('Notifications: Clear All Notifications').catch(() => {});
  }
}

/** Types into the Problems panel's filter box and waits for the tree to apply it. */
async function setProblemsFilter(text) {
  const box = page.getByPlaceholder(/^Filter \(e\.g\./).first();
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(text);
  await waitFor(async () => (await box.inputValue()) === text, 5000, () => `the Problems filter did not take "${text}"`);
}

/** Drags the sash on the right edge of the side bar by `dx` pixels. */
async function widenSideBar(dx) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const x = box.x + box.width - 1;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y, { steps: 5 });
  await page.mouse.move(x + dx, y, { steps: 5 });
  await page.mouse.up();
}

async function editorText() {
  const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText({ timeout: 5000 });
  return text.replace(/\u00a0/g, ' ');
}

// ---------- main ----------

async function main() {
  const t0 = Date.now();
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'readiness-e2e-'));

  // 1. The VSIX, rebuilt when any input is newer.
  const inputs = ['package.json', 'scripts', 'client/src', 'server/src', 'rules', 'syntaxes', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images', 'docs'];
  if (!existsSync(VSIX) || statSync(VSIX).mtimeMs < newestMtime(inputs) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
    console.log('e2e: building the VSIX (npm run package)…');
    const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) {
      console.log(`${r.stdout ?? ''}${r.stderr ?? ''}`.trim());
      throw new Error(`npm run package failed (exit ${r.status ?? r.signal})`);
    }
  } else {
    console.log(`e2e: VSIX up to date: ${relative(ROOT, VSIX)}`);
  }

  // 2. A throwaway copy of the examples and a throwaway VS Code profile.
  const profile = prepareProfile(tmp);
  const { workspace, extensionsDir } = profile;

  await check('vsix', 'the VSIX installs into code-server and ships dist/server.js, dist/client.js, dist/docs, its icon and change log', async () => {
    const r = spawnSync(CODE_SERVER, [...profileArgs(profile), '--install-extension', VSIX], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`code-server --install-extension failed (exit ${r.status ?? r.signal}): ${(r.stderr || r.stdout).trim()}`);
    const dir = readdirSync(extensionsDir).find((d) => d.startsWith('readiness-lint.readiness-lint-'));
    if (!dir) throw new Error(`no readiness-lint extension folder in ${extensionsDir}: ${readdirSync(extensionsDir).join(', ')}`);
    const ext = join(extensionsDir, dir);
    for (const f of ['dist/server.js', 'dist/client.js', 'package.json', 'images/icon.png']) if (!existsSync(join(ext, f))) throw new Error(`installed extension lacks ${f}`);
    // vsce stores the change log as changelog.md.
    if (!readdirSync(ext).some((f) => f.toLowerCase() === 'changelog.md')) throw new Error('installed extension lacks its change log');
    const docs = existsSync(join(ext, 'dist/docs')) ? readdirSync(join(ext, 'dist/docs')).filter((f) => f.endsWith('.md')) : [];
    if (!docs.length) throw new Error('installed extension has no dist/docs/*.md');
    if (['node_modules', 'client', 'examples', 'test', 'dist/cli.js'].some((f) => existsSync(join(ext, f)))) throw new Error('installed extension contains files outside the allow-list');
    return `${dir}, ${docs.length} doc page(s)`;
  });
  if (!results.at(-1).ok) return;

  // 3. code-server on a free loopback port, then chromium with a fresh profile.
  codeServer = await startCodeServer(profile);
  console.log(`e2e: code-server ${codeServer.base} up after ${(codeServer.startupMs / 1000).toFixed(1)} s (workspace ${workspace})`);
  context = await launchChromium(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${codeServer.base}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  await check('workbench', 'the workbench loads the workspace and activates Readiness Lint', async () => {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    // The status bar item appears once the extension has activated (workspaceContains:**/Dockerfile).
    // Its text turns into a score once the language server has answered the first checklist request.
    const status = page.locator('.part.statusbar .statusbar-item', { hasText: /Readiness (\d+%|n\/a)/ }).first();
    await status.waitFor({ state: 'visible', timeout: 90_000 });
    await dismissNoise();
    await screenshot('workbench');
    return (await status.innerText()).trim();
  });

  await check('a', `opening ${API_DOCKERFILE} lists its readiness-lint problems (docker/no-sudo) in the Problems panel`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(API_DOCKERFILE, { delay: 10 });
    // Wait until the focused pick is the api Dockerfile (search results replace the history list).
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Dockerfile' })
      .filter({ hasText: /services[/\\]api/ })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.tabs-container .tab.active', { hasText: 'Dockerfile' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'FROM node:latest' }).waitFor({ state: 'visible', timeout: 15_000 });

    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    // The api Dockerfile's file row (with its problem count), then its problems below it.
    const fileRow = panel.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Dockerfile' }).filter({ hasText: /services[/\\]api/ }).first();
    await fileRow.waitFor({ state: 'visible', timeout: 60_000 });
    const count = (await fileRow.locator('.monaco-count-badge').innerText().catch(() => '?')).trim();
    await panel.locator('.monaco-list-row[aria-level="2"]', { hasText: 'readiness-lint' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot('problems-panel');
    // Long lists are virtualised (only the visible rows are in the DOM): filter to the rule first.
    await setProblemsFilter('no-sudo');
    await panel.locator('.monaco-list-row', { hasText: /docker\/no-sudo|Do not use sudo/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const rows = await problemRows(isApiDockerfileRow);
    const mine = rows.file.filter((r) => /docker\/no-sudo|Do not use sudo/.test(r));
    if (!mine.length) throw new Error(`no docker/no-sudo problem under ${API_DOCKERFILE}; rows: ${JSON.stringify(rows)}`);
    if (!mine.some((r) => /readiness-lint/.test(r))) throw new Error(`the problem does not name readiness-lint as its source: ${JSON.stringify(mine)}`);
    if (!mine.some((r) => /Ln 14\b/.test(r))) throw new Error(`the no-sudo problem is not on line 14: ${JSON.stringify(mine)}`);
    return `${count} problem(s) listed for ${API_DOCKERFILE}, among them: ${mine[0].slice(0, 90)}…`;
  });

  await check('b', 'the quick fix "Remove sudo (changes what runs: ...)" on line 14 (Ctrl+.) removes sudo from the file', async () => {
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.locator('.view-lines').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    // Go to Line accepts `line:column`: column 6 is inside `sudo` on `RUN sudo mkdir …`.
    await input.pressSequentially('14:6', { delay: 10 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await waitFor(async () => /Ln 14, Col [5-8]\b/.test(await cursor.innerText()), 10_000, async () => `cursor is at ${await cursor.innerText()}, not on "sudo" in line 14`);

    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: 'Remove sudo' }).first();
    await fix.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('quick-fix-menu');
    // Choose it with the keyboard: move the focus down to "Remove sudo" (it is usually first), then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    // A hardening fix: its title says what changes for what runs.
    const removeSudo = /^Remove sudo \(changes what runs: .+\)$/;
    for (let i = 0; i < 20 && !removeSudo.test(((await focused.getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) ?? '').trim()); i++) {
      await page.keyboard.press('ArrowDown');
    }
    if (!removeSudo.test((await focused.getAttribute('aria-label'))?.trim() ?? '')) throw new Error('could not focus "Remove sudo (changes what runs: ...)" in the quick fix menu');
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await waitFor(async () => !(await editorText()).includes('sudo mkdir'), 10_000, async () => `editor still shows "sudo mkdir": ${(await editorText()).split('\n')[13]}`);

    await page.keyboard.press('Control+S');
    const file = join(workspace, API_DOCKERFILE);
    // The editor truncates the file before it writes it: wait for the whole new text, not just any change.
    const line14Now = () => readFileSync(file, 'utf8').split('\n')[13] ?? '';
    await waitFor(() => /^RUN mkdir -p \/app/.test(line14Now()), 15_000, () => `after Ctrl+S, line 14 of the saved file reads: ${line14Now()}`);
    const line14 = line14Now();
    // The diagnostic goes away too (the Problems panel is still filtered to no-sudo), while others stay.
    await waitFor(async () => !(await problemRows(isApiDockerfileRow)).file.some((r) => /docker\/no-sudo/.test(r)), 20_000, async () => `the Problems panel still lists docker/no-sudo: ${JSON.stringify((await problemRows(isApiDockerfileRow)).file)}`);
    await setProblemsFilter('');
    await page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: 'readiness-lint' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('after-quick-fix');
    return `line 14 is now: ${line14.slice(0, 40)}…`;
  });

  await check('c', 'the Readiness view shows the "Container image" category and "Runs as a non-root user"', async () => {
    const item = page.locator('.part.activitybar .action-item, .part.activitybar .action-label').filter({ has: page.locator('[aria-label*="Readiness"]') }).first();
    const label = page.locator('.part.activitybar [aria-label*="Readiness"]').first();
    if (await label.isVisible().catch(() => false)) await label.click();
    else if (await item.isVisible().catch(() => false)) await item.click();
    else await runCommand('Readiness Lint: Show the Readiness view');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Readiness/i }) }).first();
    await view.waitFor({ state: 'visible', timeout: 15_000 });
    const tree = view.locator('.monaco-list');
    const category = tree.locator('.monaco-list-row', { hasText: 'Container image' }).first();
    await category.waitFor({ state: 'visible', timeout: 60_000 });
    const control = tree.locator('.monaco-list-row', { hasText: 'Runs as a non-root user' }).first();
    if (!(await control.isVisible().catch(() => false))) {
      // The category is collapsed when everything in it passes: expand it.
      if ((await category.getAttribute('aria-expanded')) === 'false') await category.click();
    }
    await control.waitFor({ state: 'visible', timeout: 15_000 });
    // Expand the control to show its evidence (file:line rows), and widen the side bar for the screenshot.
    if ((await control.getAttribute('aria-expanded')) === 'false') await control.click();
    await tree.locator('.monaco-list-row', { hasText: /Dockerfile:\d+/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await widenSideBar(500).catch(() => {});
    const rows = await tree.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((el) => [...el.querySelectorAll('.label-name, .label-description')].map((n) => n.textContent.trim()).join(' — ')),
    );
    await screenshot('readiness-view');
    return `${rows.length} rows, e.g. "${rows[0]}" / "${rows.find((r) => r.startsWith('Runs as a non-root user'))}"`;
  });

  await check('d', 'the Readiness view shows a failing and a passing control with evidence; clicking evidence opens file:line', async () => {
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Readiness/i }) }).first();
    const tree = view.locator('.monaco-list');
    const rowsOf = () =>
      tree.locator('.monaco-list-row').evaluateAll((els) =>
        els
          .map((el) => ({
            index: Number(el.getAttribute('data-index')),
            level: Number(el.getAttribute('aria-level')),
            expanded: el.getAttribute('aria-expanded'),
            text: [...el.querySelectorAll('.label-name, .label-description')].map((n) => n.textContent.trim()).join(' — '),
            icon: [...el.querySelectorAll('.custom-view-tree-node-item-icon, .codicon')].map((n) => n.className).join(' '),
          }))
          .sort((a, b) => a.index - b.index),
      );
    /** Evidence rows directly under the control titled `title` (expanding it first). */
    async function evidenceOf(title) {
      const control = tree.locator('.monaco-list-row', { hasText: title }).first();
      await control.waitFor({ state: 'visible', timeout: 15_000 });
      if ((await control.getAttribute('aria-expanded')) === 'false') await control.click();
      await waitFor(async () => (await control.getAttribute('aria-expanded')) === 'true', 5000, () => `"${title}" did not expand`);
      // The children render after the row turns expanded (and again after a checklist refresh): wait for them.
      let found;
      await waitFor(
        async () => {
          const rows = await rowsOf();
          const at = rows.findIndex((r) => r.text.startsWith(title));
          const out = [];
          for (let i = at + 1; at >= 0 && i < rows.length && rows[i].level > rows[at].level; i++) if (rows[i].level === rows[at].level + 1) out.push(rows[i]);
          found = { control: rows[at], evidence: out };
          return at >= 0 && out.length > 0;
        },
        5000,
        () => `"${title}" shows no evidence rows`,
      );
      return found;
    }
    // Failing: the api image runs as root (line 9 of its Dockerfile); the worker's USER passes.
    const failing = await evidenceOf('Runs as a non-root user');
    if (!/partial|fail/i.test(failing.control.text)) throw new Error(`"Runs as a non-root user" is not failing: ${failing.control.text}`);
    const bad = failing.evidence.find((r) => /services\/api\/Dockerfile:9\b/.test(r.text));
    if (!bad || !/codicon-close/.test(bad.icon)) throw new Error(`no failing evidence services/api/Dockerfile:9 (close icon): ${JSON.stringify(failing.evidence)}`);
    // Passing: every Service, selector and HPA in the manifests is wired to its workload.
    const passing = await evidenceOf('Objects wired correctly');
    if (!/\bpass/i.test(passing.control.text) || /fail/i.test(passing.control.text)) throw new Error(`"Objects wired correctly" is not passing: ${passing.control.text}`);
    const good = passing.evidence.find((r) => /deploy\/[\w.-]+\.yaml:\d+/.test(r.text) && /codicon-check/.test(r.icon));
    if (!good) throw new Error(`no passing evidence row for a manifest: ${JSON.stringify(passing.evidence)}`);
    await screenshot('readiness-evidence');
    // Click it: the manifest opens with the cursor on that line.
    const [, fileName, lineText] = /deploy\/([\w.-]+\.yaml):(\d+)/.exec(good.text);
    const line = Number(lineText);
    await tree.locator(`.monaco-list-row[data-index="${good.index}"]`).click();
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: 15_000 });
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await waitFor(async () => new RegExp(`Ln ${line}, Col`).test(await cursor.innerText()), 10_000, async () => `cursor is at ${await cursor.innerText()}, not on line ${line}`);
    await screenshot('evidence-opened');
    return `failing ${bad.text.split(' — ')[0]}, passing ${good.text.split(' — ')[0]} → ${fileName} at Ln ${line}`;
  });

  await check('e', 'the command "Export readiness report (Markdown)" opens the report with the checklist table', async () => {
    await runCommand('Readiness Lint: Export readiness report (Markdown)');
    await page.locator('.tabs-container .tab.active', { hasText: /Untitled/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await waitFor(async () => /# Production readiness report/.test(await editorText()), 15_000, async () => `the new editor shows: ${(await editorText()).slice(0, 300)}`);
    const text = await editorText();
    if (!/Readiness score: \d+%/.test(text)) throw new Error(`no score in the report: ${text.slice(0, 300)}`);
    if (!/\| Category \| Control \| Status \| Evidence \/ Path \|/.test(text)) throw new Error(`no "| Category | Control | Status | Evidence / Path |" table in view: ${text.slice(0, 600)}`);
    await screenshot('exported-report');
    return text.split('\n').find((l) => /Readiness score/.test(l)).replace(/\*/g, '').slice(0, 90);
  });

  await check('f', 'saving a manifest runs "source.fixAll.readinessLint" (editor.codeActionsOnSave): the safe fix only', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(SAVE_FIX_FILE, { delay: 10 });
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'save-fix.yaml' }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'hostNetwork' }).waitFor({ state: 'visible', timeout: 15_000 });
    // Wait for our diagnostics on this file before saving (the server must know the document).
    await page.locator('.editor-group-container.active .squiggly-error, .editor-group-container.active .squiggly-warning').first().waitFor({ state: 'visible', timeout: 20_000 });
    // An edit of our own (a comment at the end), so the save has something to write.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# saved by the e2e test');
    await page.keyboard.press('Control+S');
    const file = join(workspace, SAVE_FIX_FILE);
    let text = '';
    await waitFor(
      async () => {
        text = readFileSync(file, 'utf8');
        return text.includes('# saved by the e2e test') && text.includes('serviceAccountName: agent');
      },
      20_000,
      async () => `after saving, the file on disk still reads:\n${text}`,
    );
    await screenshot('fix-on-save');
    if (!text.includes('hostNetwork: true')) throw new Error(`fix on save also applied a hardening fix (hostNetwork is gone):\n${text}`);
    return `serviceAccount renamed to serviceAccountName on save, hostNetwork left for the author; the file keeps the edit (${text.split('\n').length} lines)`;
  });

  await check('g', `opening ${NGINX_CONF} shows the nginx language mode with highlighting, a problem, and the quick fix "Set server_tokens off"`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(NGINX_CONF, { delay: 10 });
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'nginx.conf' }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.filter({ hasText: 'server_tokens on;' }).waitFor({ state: 'visible', timeout: 15_000 });
    // The language mode in the status bar names our language, and the grammar colours tokens.
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]').first();
    await waitFor(async () => /^nginx$/i.test((await mode.innerText().catch(() => '')).trim()), 15_000, async () => `language mode is "${await mode.innerText().catch(() => '?')}", not nginx`);
    const tokenLine = lines.locator('.view-line', { hasText: 'server_tokens on;' }).first();
    // Tokenizing runs after the text is drawn: give the grammar a moment before judging its colours.
    let classes = [];
    await waitFor(
      async () => (classes = await tokenLine.locator('span span').evaluateAll((els) => [...new Set(els.filter((e) => e.textContent.trim()).map((e) => e.className))])).length >= 2,
      10_000,
      () => `"server_tokens on;" is drawn with ${classes.length} token colour(s) (${classes.join(', ')}): the grammar is not active`,
    );
    await page.locator('.editor-group-container.active .squiggly-warning, .editor-group-container.active .squiggly-error').first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot('nginx-config');
    // Ctrl+. inside `server_tokens` (line 16) and choose the fix.
    await lines.first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially('16:8', { delay: 10 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+.');
    const title = 'Set server_tokens off';
    const isTitle = (t) => t === title || t.startsWith(`${title} (changes what runs: `);
    await page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('nginx-quick-fix-menu');
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i < 20 && !isTitle(((await focused.getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) ?? '').trim()); i++) await page.keyboard.press('ArrowDown');
    if (!isTitle((await focused.getAttribute('aria-label'))?.trim() ?? '')) throw new Error(`could not focus "${title}" in the quick fix menu`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+S');
    const file = join(workspace, NGINX_CONF);
    await waitFor(() => /^\s*server_tokens off;/m.test(readFileSync(file, 'utf8')), 15_000, () => `the saved file still reads: ${readFileSync(file, 'utf8').split('\n')[15]}`);
    await screenshot('nginx-after-fix');
    return `language mode nginx, ${classes.length} token colours on the line, line 16 now: ${readFileSync(file, 'utf8').split('\n')[15].trim()}`;
  });

  await check('h', `opening ${WEB_APP} lists helmet/csp-unquoted-keyword in the Problems panel, and its quick fix (Ctrl+.) quotes 'self'`, async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(WEB_APP, { delay: 10 });
    await page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'app.js' })
      .filter({ hasText: /services[/\\]web/ })
      .waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await lines.filter({ hasText: "defaultSrc: ['self']" }).waitFor({ state: 'visible', timeout: 15_000 });
    // The language mode is VS Code's own JavaScript: we add diagnostics, not a language.
    const mode = page.locator('.statusbar-item[id="status.editor.mode"]').first();
    await waitFor(async () => /^javascript$/i.test((await mode.innerText().catch(() => '')).trim()), 15_000, async () => `language mode is "${await mode.innerText().catch(() => '?')}", not JavaScript`);

    // The Problems panel lists the finding under services/web/src/app.js (filtered: long lists are virtualised).
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    await setProblemsFilter('csp-unquoted-keyword');
    await panel.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: 'app.js' }).filter({ hasText: /services[/\\]web/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    let mine = [];
    await waitFor(
      async () => (mine = (await problemRows(isWebAppRow)).file.filter((r) => /helmet\/csp-unquoted-keyword/.test(r))).length > 0,
      30_000,
      async () => `no helmet/csp-unquoted-keyword problem under ${WEB_APP}: ${JSON.stringify(await problemRows(isWebAppRow))}`,
    );
    if (!mine.some((r) => new RegExp(`Ln ${WEB_CSP_LINE}\\b`).test(r))) throw new Error(`the problem is not on line ${WEB_CSP_LINE}: ${JSON.stringify(mine)}`);
    if (!mine.some((r) => /readiness-lint/.test(r) && /must be quoted/.test(r))) throw new Error(`unexpected problem text: ${JSON.stringify(mine)}`);
    await page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot('helmet-problem');

    // Ctrl+. inside 'self' (line 15, columns 22-27) and choose the fix.
    await lines.first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+G');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(`${WEB_CSP_LINE}:24`, { delay: 10 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await waitFor(async () => new RegExp(`Ln ${WEB_CSP_LINE}, Col 2[2-7]\\b`).test(await cursor.innerText()), 10_000, async () => `cursor is at ${await cursor.innerText()}, not inside 'self' on line ${WEB_CSP_LINE}`);
    // VS Code's own JavaScript support (tsserver) analyses the file when it opens and then publishes
    // its suggestion diagnostics; a Ctrl+. while those markers change is answered "No code actions
    // available" by the workbench. Wait for that analysis, and press Ctrl+. again if it still happens.
    await page.locator('.part.statusbar .statusbar-item', { hasText: /Analyzing/ }).first().waitFor({ state: 'hidden', timeout: 30_000 });
    const title = "Quote 'self'";
    const fixRow = page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    let attempts = 0;
    while (!(await fixRow.isVisible())) {
      if (++attempts > 3) throw new Error(`Ctrl+. did not offer "${title}" in ${attempts - 1} attempts`);
      if (attempts > 1) await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await fixRow.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    }
    await screenshot('helmet-quick-fix-menu');
    const focused = page.locator('.action-widget .monaco-list-row.action.focused');
    for (let i = 0; i < 20 && ((await focused.getAttribute('aria-label', { timeout: 2000 }).catch(() => '')) ?? '').trim() !== title; i++) await page.keyboard.press('ArrowDown');
    if ((await focused.getAttribute('aria-label'))?.trim() !== title) throw new Error(`could not focus "${title}" in the quick fix menu`);
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.keyboard.press('Control+S');

    // The saved file (in the throwaway copy of examples/) has the keyword quoted, the rest unchanged.
    const file = join(workspace, WEB_APP);
    const original = readFileSync(join(ROOT, 'examples', WEB_APP), 'utf8').split('\n');
    const QUOTED = /^\s*defaultSrc: \[(?:"'self'"|'\\'self\\'')\],$/;
    let text = [];
    await waitFor(() => QUOTED.test((text = readFileSync(file, 'utf8').split('\n'))[WEB_CSP_LINE - 1]), 15_000, () => `line ${WEB_CSP_LINE} of the saved file reads: ${text[WEB_CSP_LINE - 1]}`);
    // No undo needed: the workbench edits a copy (harness.mjs prepareProfile), the repository's example keeps its problem.
    if (!original[WEB_CSP_LINE - 1].includes("defaultSrc: ['self']")) throw new Error(`examples/${WEB_APP} itself was changed: ${original[WEB_CSP_LINE - 1]}`);
    const changed = text.map((l, i) => (l !== original[i] ? i + 1 : 0)).filter(Boolean);
    if (text.length !== original.length || changed.join() !== String(WEB_CSP_LINE)) throw new Error(`the fix changed more than line ${WEB_CSP_LINE}: lines ${changed.join(', ')}`);
    // The problem leaves the panel (still filtered to the rule).
    await waitFor(async () => !(await problemRows(isWebAppRow)).file.some((r) => /helmet\/csp-unquoted-keyword/.test(r)), 20_000, async () => `the Problems panel still lists helmet/csp-unquoted-keyword: ${JSON.stringify((await problemRows(isWebAppRow)).file)}`);
    await setProblemsFilter('');
    await page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: 'readiness-lint' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot('helmet-after-fix');
    return `${mine.length} csp-unquoted-keyword problem(s); Ctrl+. pressed ${attempts} time(s); line ${WEB_CSP_LINE} now: ${text[WEB_CSP_LINE - 1].trim()}`;
  });

  if (!finished) console.log(`e2e: setup and browser checks took ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  /** Texts of the Problems panel's problem rows under the file rows `isFileRow` accepts, and under the others. */
  async function problemRows(isFileRow) {
    const texts = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
      els
        .map((el) => ({ index: Number(el.getAttribute('data-index')), level: Number(el.getAttribute('aria-level')), text: `${el.innerText} ${el.getAttribute('aria-label') ?? ''}`.replace(/\s+/g, ' ').trim() }))
        .sort((x, y) => x.index - y.index),
    );
    const groups = { file: [], other: [] };
    let current = 'other';
    for (const r of texts) {
      if (r.level === 1) current = isFileRow(r.text) ? 'file' : 'other';
      else groups[current].push(r.text);
    }
    return groups;
  }
}

const isApiDockerfileRow = (text) => /services[/\\]api/.test(text) && /Dockerfile/.test(text);
const isWebAppRow = (text) => /services[/\\]web[/\\]src/.test(text) && /\bapp\.js\b/.test(text);

async function waitFor(predicate, timeoutMs, describe) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > until) throw new Error(await describe());
    await delay(100);
  }
}

let fatal;
await Promise.race([main().catch((err) => (fatal = err)), overallLimit]);
clearTimeout(watchdog);
const finishedChecks = [...results];
if (timedOut) {
  console.log(`FAIL overall time limit of ${Math.round(OVERALL_MS / 1000)} s reached`);
  await screenshot('timeout').catch(() => {});
} else if (fatal) {
  console.log(`FAIL setup: ${String(fatal?.message ?? fatal).split('\n').slice(0, 6).join('\n       ')}`);
  await screenshot('setup-failure').catch(() => {});
}
finished = true;
const failed = finishedChecks.filter((r) => !r.ok).length + (timedOut || fatal ? 1 : 0);
const passed = finishedChecks.filter((r) => r.ok).length;
if (failed) saveLogs();
await cleanup();
if (screenshots.length) console.log(`e2e: screenshots in ${relative(ROOT, RESULTS)}/: ${screenshots.map((s) => relative(RESULTS, s)).join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

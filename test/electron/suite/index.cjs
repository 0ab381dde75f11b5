// Entry point that VS Code's extension host loads (--extensionTestsPath): runs the mocha suite.
// When READINESS_LINT_TEST_RESULTS names a file, a JSON summary of the run is written there too
// (test/electron/run.mjs --code-server reads it, since that extension host's console is remote).
const path = require('node:path');
const fs = require('node:fs');

// mocha 12 is an ES module whose CommonJS build sits in lib/mocha.cjs; require that directly so the
// suite also loads in Electron builds whose Node cannot require() ES modules.
function loadMocha() {
  const cjs = path.join(path.dirname(require.resolve('mocha/package.json')), 'lib', 'mocha.cjs');
  return fs.existsSync(cjs) ? require(cjs) : require('mocha');
}

function writeSummary(tests, failures) {
  const file = process.env.READINESS_LINT_TEST_RESULTS;
  if (!file) return;
  fs.writeFileSync(`${file}.partial`, JSON.stringify({ failures, tests, vscodeVersion: require('vscode').version }, null, 2));
  fs.renameSync(`${file}.partial`, file);
}

exports.run = function run() {
  const Mocha = loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'extension.test.cjs'));
  const tests = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      writeSummary(tests, failures);
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, err) => tests.push({ title: test.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
};

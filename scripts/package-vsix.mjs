// Builds the VSIX from a staging folder that holds exactly what the extension ships (run after
// `npm run build`; `npm run package` does both). package.json's `files` is the npm package's
// allow-list (the CLI), and vsce refuses a manifest with `files` next to a .vscodeignore, so the
// extension's own allow-list is VSIX_FILES below and the staged package.json has no `files`.
//
//   node scripts/package-vsix.mjs [--out FILE]      (default dist/readiness-lint.vsix)
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the extension ships, relative to the repository (folders are copied whole). */
const VSIX_FILES = [
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'images/icon.png',
  'syntaxes',
  ...readdirSync(path.join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  'dist/client.js',
  'dist/server.js',
  'dist/typescript.js',
  'dist/docs',
  'dist/config.schema.json',
];

/** package.json fields that are about developing or the npm package, not the extension. */
const NOT_FOR_THE_EXTENSION = ['files', 'scripts', 'devDependencies', 'allowScripts', 'bin'];

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(repo, 'dist/readiness-lint.vsix'));

const stage = mkdtempSync(path.join(tmpdir(), 'readiness-lint-vsix-'));
try {
  for (const f of VSIX_FILES) {
    const from = path.join(repo, f);
    if (!existsSync(from)) throw new Error(`${f} is missing (run npm run build first)`);
    mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
    cpSync(from, path.join(stage, f), { recursive: true });
  }
  const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
  for (const k of NOT_FOR_THE_EXTENSION) delete manifest[k];
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  // Everything staged ships; an empty ignore file only tells vsce that this was decided.
  writeFileSync(path.join(stage, '.vscodeignore'), '');
  mkdirSync(path.dirname(out), { recursive: true });
  await createVSIX({ cwd: stage, packagePath: out, dependencies: false, allowMissingRepository: true, rewriteRelativeLinks: false });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

// Bundles the VS Code client, the language server and the CLI into dist/ with esbuild, then
// writes the rule documentation pages shipped in the extension (dist/docs).
import { build } from 'esbuild';
import { readFileSync, rmSync, mkdirSync, chmodSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { __READINESS_LINT_VERSION__: JSON.stringify(pkg.version) },
};

// The TypeScript parser (helmet domain) is not bundled: it is loaded from dist/typescript.js only
// when a workspace has JS/TS app files (rules/helmet/ts.ts), so other workspaces never parse 9 MB.
const typescriptBeside = {
  name: 'typescript-beside',
  setup(b) {
    b.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};
copyFileSync(createRequire(import.meta.url).resolve('typescript'), 'dist/typescript.js');

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js', plugins: [typescriptBeside] }),
  build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', plugins: [typescriptBeside] }),
]);
chmodSync('dist/cli.js', 0o755);
execFileSync(process.execPath, ['dist/cli.js', '--write-docs', 'dist/docs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['dist/cli.js', '--write-config-schema', 'dist/config.schema.json'], { stdio: 'inherit' });

// Node app files (helmet domain) in the editor, without vscode imports (tested against the
// server's language in test/lsp/helmet-lsp.test.ts so the two cannot drift apart).

// Activation (package.json `activationEvents`): `onLanguage:` each of these ids and nothing else.
// `workspaceContains:**/package.json` would activate in every JS repository before any file is
// opened, for a workspace scan of all its sources. Activating when a JS/TS file is opened is cheap
// (the TypeScript parser loads only for files that import our modules), and the scan that follows
// covers the closed files too.

/**
 * Language ids of JS/TS documents. The client sends all of them; the server parses only files
 * that import one of the modules it knows (express, helmet, cors, ...), so other JS costs a
 * regular-expression test and no TypeScript parser load.
 */
export const NODE_LANGUAGE_IDS = ['javascript', 'typescript', 'javascriptreact', 'typescriptreact'];

/** JS/TS sources on disk, watched so closed files keep the workspace index (cross-file rules) true. */
export const NODE_SOURCE_GLOB = '**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}';

// The TypeScript compiler API, loaded on first use: a workspace without JS/TS app files never pays
// for it (about 9 MB of JavaScript). Only `createSourceFile` is used: a syntax tree, no type checking,
// nothing executed. The bundles load it from dist/typescript.js (scripts/build.mjs copies it there).
import type * as TS from 'typescript';

let loaded: typeof TS | null = null;
let loadMs = 0;

export function typescript(): typeof TS {
  if (loaded) return loaded;
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded = require('typescript') as typeof TS;
  loadMs = performance.now() - t0;
  return loaded;
}

/** Whether the parser has been loaded in this process, and what loading it cost (for the bench). */
export function parserLoadInfo(): { loaded: boolean; ms: number } {
  return { loaded: loaded !== null, ms: loadMs };
}

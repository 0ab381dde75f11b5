// Injected by the esbuild bundle (see scripts/build.mjs); falls back for tests run from source.
declare const __READINESS_LINT_VERSION__: string | undefined;
export const VERSION: string = typeof __READINESS_LINT_VERSION__ === 'string' ? __READINESS_LINT_VERSION__ : '0.0.0-dev';

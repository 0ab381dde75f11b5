// Where the shared test corpora live (../shared/corpora next to the repository) and the list of
// Dockerfiles they hold. Used by the agreement, robustness and fix tests.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `<repo>/../shared`, resolved from this file (test/corpus/) so the working directory does not matter. */
export const SHARED_ROOT = path.resolve(here, '../../../shared');
export const CORPORA_ROOT = path.join(SHARED_ROOT, 'corpora');

export const DOCKER_CORPORA = {
  buildkit: path.join(CORPORA_ROOT, 'docker/buildkit'),
  trivy: path.join(CORPORA_ROOT, 'trivy'),
  wild: path.join(CORPORA_ROOT, 'wild/dockerfiles'),
} as const;

/**
 * Skip the calling suite (with the reason on stderr) when a corpus folder is missing, or throw
 * under CI=true: a CI run must never pass by silently testing nothing.
 */
export function requireCorpus(ctx: Mocha.Context, dir: string, what: string): void {
  if (existsSync(dir)) return;
  const why = `${what}: corpus folder ${dir} is missing (expected ../shared/corpora next to the repository).`;
  if (process.env.CI === 'true') throw new Error(`${why} CI=true, so this is a failure, not a skip.`);
  process.stderr.write(`  skipping ${why}\n`);
  ctx.skip();
}

const DOCKERFILE_NAME = /(^|\/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.(dockerfile|Dockerfile)$/;

/** Every Dockerfile under `dir` (recursive, sorted, absolute paths). */
export function dockerfilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (DOCKERFILE_NAME.test(name) && !/\.(md|txt|template|jsonl?)$/.test(name)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** The Dockerfiles of all three docker corpora (wild, buildkit cases, trivy examples). */
export function allCorpusDockerfiles(): string[] {
  return [
    ...dockerfilesUnder(DOCKER_CORPORA.wild),
    ...dockerfilesUnder(path.join(DOCKER_CORPORA.buildkit, 'extracted/cases')),
    ...dockerfilesUnder(path.join(DOCKER_CORPORA.trivy, 'extracted/dockerfile')),
  ];
}

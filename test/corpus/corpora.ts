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

export const K8S_CORPORA = {
  polaris: path.join(CORPORA_ROOT, 'k8s/polaris'),
  pss: path.join(CORPORA_ROOT, 'k8s/pod-security-admission'),
  trivy: path.join(CORPORA_ROOT, 'trivy'),
  wild: path.join(CORPORA_ROOT, 'wild/k8s'),
  helm: path.join(CORPORA_ROOT, 'wild/k8s-helm-templates'),
} as const;

/** Every file under `dir` (recursive, sorted, absolute paths) whose name matches `name`. */
export function filesUnder(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.test(n)) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

const MANIFEST_NAME = /\.(ya?ml|json)$/i;

/** Every YAML/JSON file of the wild Kubernetes corpus (our INDEX.jsonl excluded). */
export function wildK8sFiles(): string[] {
  return filesUnder(K8S_CORPORA.wild, MANIFEST_NAME).filter((f) => !/\.jsonl$/.test(f));
}

/** Every file of the Helm chart corpus (templates, Chart.yaml, values.yaml, NOTES.txt, README.md). */
export function helmTemplateFiles(): string[] {
  return filesUnder(K8S_CORPORA.helm, /./).filter((f) => !/(^|\/)(LICENSE|INDEX\.jsonl)$/.test(f));
}

/** The manifests of the three k8s verdict corpora (Polaris checks, PSS fixtures, Trivy KSV examples). */
export function k8sVerdictCorpusFiles(): string[] {
  return [
    ...filesUnder(path.join(K8S_CORPORA.polaris, 'test/checks'), MANIFEST_NAME).filter((f) => !f.endsWith('/check.yaml')),
    ...filesUnder(path.join(K8S_CORPORA.pss, 'test/testdata'), MANIFEST_NAME),
    ...filesUnder(path.join(K8S_CORPORA.trivy, 'extracted/kubernetes'), MANIFEST_NAME),
  ];
}

/** All k8s corpus files: wild manifests and the verdict corpora. */
export function allCorpusManifests(): string[] {
  return [...wildK8sFiles(), ...k8sVerdictCorpusFiles()];
}

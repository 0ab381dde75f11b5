// Where the vendored test corpora live (test/corpora: other projects' test inputs and real-world
// files, each with its upstream license and MANIFEST.md) and the files they hold. Used by the
// agreement, robustness, fix and bench scripts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** `<repo>/test/corpora`, resolved from this file so the working directory does not matter. */
export const CORPORA_ROOT = path.resolve(here, '../corpora');

export const DOCKER_CORPORA = {
  buildkit: path.join(CORPORA_ROOT, 'docker/buildkit'),
  trivy: path.join(CORPORA_ROOT, 'trivy'),
  wild: path.join(CORPORA_ROOT, 'wild/dockerfiles'),
} as const;

/**
 * Fail the calling suite with a clear message when a corpus folder is missing: the corpora are part
 * of the repository, so a missing one is a broken checkout, never a reason to skip.
 */
export function requireCorpus(dir: string, what: string): void {
  if (!existsSync(dir)) throw new Error(`${what}: corpus folder ${path.relative(process.cwd(), dir) || dir} is missing (see test/corpora/README.md).`);
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

import { defineRule } from '../types';
import type { Range } from '../types';
import { parseImageRef, type DockerModel } from './language';
import { externalImage } from './base-image-pinned';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

function normalizeRegistry(registry: string): string {
  const r = registry.toLowerCase();
  return DOCKER_HUB.has(r) ? 'docker.io' : r;
}

/** `registry` or `registry/path` of an image, with Docker Hub spelled `docker.io` (`docker.io/library/x` for official images). */
function imageLocation(image: string): { registry: string; path: string } {
  const ref = parseImageRef(image);
  const registry = normalizeRegistry(ref.registry ?? 'docker.io');
  const path = registry === 'docker.io' && !ref.name.includes('/') ? `library/${ref.name}` : ref.name;
  return { registry, path: `${registry}/${path}`.toLowerCase() };
}

/** An allowed entry: `docker.io`, `*.example.com` (any subdomain), or `ghcr.io/my-org` (a path prefix). */
function allowedBy(entry: string, loc: { registry: string; path: string }): boolean {
  let e = entry.trim().toLowerCase().replace(/\/+$/, '');
  if (!e) return false;
  const slash = e.indexOf('/');
  const host = normalizeRegistry(slash >= 0 ? e.slice(0, slash) : e);
  e = slash >= 0 ? host + e.slice(slash) : host;
  if (slash >= 0) return loc.path === e || loc.path.startsWith(`${e}/`);
  if (host.startsWith('*.')) return loc.registry.endsWith(host.slice(1));
  return loc.registry === host;
}

export default defineRule<DockerModel>({
  id: 'docker/allowed-registries',
  title: 'Base images come from allowed registries',
  level: 'off',
  controls: ['container.base-image'],
  aliases: { hadolint: ['DL3026'] },
  defaultOptions: { registries: [] },
  validateOptions(options) {
    const r = options.registries;
    if (r === undefined) return undefined;
    if (!Array.isArray(r) || r.some((x) => typeof x !== 'string' || x.trim() === '')) {
      return '`registries` must be a list of registry host names, for example ["docker.io", "ghcr.io/my-org", "*.dkr.ecr.eu-west-1.amazonaws.com"].';
    }
    return undefined;
  },
  docs: {
    rationale:
      'Organisations often allow base images only from registries they mirror, scan and trust. A FROM that pulls from anywhere else bypasses that review, and a typo-squatted or abandoned image becomes part of the product.',
    howToFix:
      'Use the image from an allowed registry (usually your mirror, for example `registry.example.com/library/node:22`), or add the registry to `options.registries` of this rule in `.readiness-lint.yaml`. Entries are host names (`docker.io` covers images without a registry), `*.example.com` for subdomains, or `host/path` prefixes.',
    whenNotToUse: 'Off by default: it only makes sense once your organisation has a list of trusted registries.',
    examples: { bad: 'FROM quay.io/example/app:1.0', good: 'FROM registry.example.com/example/app:1.0' },
  },
  check(model, ctx) {
    const list = Array.isArray(ctx.options.registries) ? (ctx.options.registries as unknown[]).filter((x): x is string => typeof x === 'string') : [];
    if (!list.length) return;
    for (const stage of model.stages) {
      const image = externalImage(model, stage);
      if (!image) continue;
      const ref = parseImageRef(image);
      // `${REGISTRY}/app` is decided at build time.
      if ((ref.registry ?? '').includes('$') || image.startsWith('$')) continue;
      const loc = imageLocation(image);
      const range = (stage.from.ast as unknown as { getImageRange(): Range | null }).getImageRange() ?? stage.from.range;
      if (list.some((e) => allowedBy(e, loc))) {
        if (stage === model.finalImageStages[0]) ctx.pass({ range, message: `Base image ${image} comes from allowed registry ${loc.registry}.` });
        continue;
      }
      ctx.report({
        range,
        message: `Base image "${image}" comes from registry "${loc.registry}", which is not allowed (${list.join(', ')}): use an image from an allowed registry.`,
      });
    }
  },
});

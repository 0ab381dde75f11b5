import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { Range } from '../types';
import { parseImageRef, type DockerModel, type Stage } from './language';

interface FromAst {
  getImageRange(): Range | null;
}

/** What a stage is built FROM, or null when it is not an external image we can judge. */
export function externalImage(model: DockerModel, stage: Stage): string | null {
  const image = stage.baseImage;
  if (!image || image.toLowerCase() === 'scratch') return null;
  if (stage.parent) return null;
  // A name of an earlier stage (case-insensitive) is a stage reference, not an image.
  const first = firstStageByName(model).get(image.toLowerCase());
  if (first !== undefined && first < stage.index) return null;
  return image;
}

const stageNames = new WeakMap<DockerModel, Map<string, number>>();

function firstStageByName(model: DockerModel): Map<string, number> {
  let names = stageNames.get(model);
  if (!names) {
    names = new Map();
    for (const s of model.stages) if (s.name !== null && !names.has(s.name)) names.set(s.name, s.index);
    stageNames.set(model, names);
  }
  return names;
}

export default defineRule<DockerModel>({
  id: 'docker/base-image-pinned',
  title: 'Base images are pinned to a tag or digest',
  level: 'warn',
  controls: ['container.base-image'],
  aliases: { hadolint: ['DL3006', 'DL3007'], checkov: ['CKV_DOCKER_7'], trivy: ['AVD-DS-0001'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'An untagged image means `:latest`, and `:latest` moves: the same Dockerfile builds a different image tomorrow, a new major version can break the build or the application, and a rollback does not restore the old base. A version tag (better: a digest) makes builds repeatable.',
    howToFix: 'Name a version tag, for example `FROM node:22.11-slim`, or pin a digest `FROM node:22.11-slim@sha256:...` and let a bot such as Renovate or Dependabot update it.',
    whenNotToUse: 'Images that must always follow the newest base, where the build is tested on every change anyway.',
    examples: { bad: 'FROM debian\nFROM node:latest', good: 'FROM debian:12.8-slim\nFROM node:22.11-slim' },
  },
  check(model, ctx) {
    const root = model.finalImageStages[0];
    if (root && root.baseImage.toLowerCase() === 'scratch') ctx.pass({ range: root.from.range, message: 'The final image is built FROM scratch.' });
    for (const stage of model.stages) {
      const image = externalImage(model, stage);
      if (!image) continue;
      const ref = parseImageRef(image);
      const r = (stage.from.ast as unknown as FromAst).getImageRange();
      const range = r ?? stage.from.range;
      const pinned = !!ref.digest || (ref.tag !== null && ref.tag !== 'latest' && !ref.tag.includes('$'));
      if (pinned) {
        if (stage === root) ctx.pass({ range, message: `Base image ${image} is pinned${ref.digest ? ' to a digest' : ` to tag ${ref.tag}`}.` });
        continue;
      }
      // An unresolved ARG (`app:${TAG}`, `${BASE}`) is decided at build time: only an explicit :latest is judged.
      if (image.includes('$') && ref.tag !== 'latest') continue;
      const written = r ? model.text.slice(model.index.offsetAt(r.start), model.index.offsetAt(r.end)) : image;
      const untagged = ref.tag === null;
      const replacement = untagged ? (written.includes('$') ? null : `${written}:<tag>`) : /:latest$/.test(written) ? written.replace(/:latest$/, ':<tag>') : null;
      ctx.report({
        range,
        message: untagged
          ? `Pin the base image "${image}" to a version tag or digest; without a tag it silently means :latest.`
          : `Do not use the :latest tag for "${image}": pin a version tag or digest so builds are repeatable.`,
        suggestions:
          r && replacement
            ? [{ title: 'Pin a version tag (replace <tag>)', edits: [replaceEdit(model.index, model.index.offsetAt(r.start), model.index.offsetAt(r.end), replacement)] }]
            : undefined,
      });
    }
  },
});

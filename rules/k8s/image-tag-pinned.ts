import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { containerLabel, containerRange, podTargets, rangeOf, scalarString } from './workload-util';

/** Tag and digest of an image reference (`registry:5000/team/app:1.2@sha256:...`). */
export function imageRef(image: string): { tag: string | null; digest: string | null } {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const name = at >= 0 ? image.slice(0, at) : image;
  const last = name.slice(name.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return { tag: colon >= 0 ? last.slice(colon + 1) : null, digest };
}

export default defineRule<K8sModel>({
  id: 'k8s/image-tag-pinned',
  title: 'Container images are pinned to a version tag or digest',
  level: 'warn',
  controls: ['k8s.images'],
  aliases: {
    kubeLinter: ['latest-tag'],
    polaris: ['tagNotSpecified'],
    kubeScore: ['container-image-tag'],
    checkov: ['CKV_K8S_14'],
    trivy: ['AVD-KSV-0013'],
  },
  docs: {
    rationale:
      'An image without a tag means `:latest`, and `:latest` moves: two nodes can run different code for the same Deployment, a rollback does not bring the old version back, and a restart can pull an untested release.',
    howToFix: 'Reference a version tag (`image: registry.example.com/web:1.4.2`) or, better, a digest (`web:1.4.2@sha256:...`) updated by a bot such as Renovate.',
    whenNotToUse: 'Throw-away development manifests that must always follow the newest build.',
    examples: { bad: 'image: nginx\nimage: nginx:latest', good: 'image: nginx:1.27.3\nimage: nginx@sha256:...' },
  },
  check(model, ctx) {
    for (const { pod } of podTargets(model)) {
      for (const c of pod.containers) {
        const node = getIn(c.node, ['image']);
        const image = scalarString(node)?.trim();
        if (!image || /\$\(|\$\{|\{\{/.test(image)) continue;
        const range = rangeOf(model, node, containerRange(model, c));
        const ref = imageRef(image);
        if (ref.digest) ctx.pass({ range, message: `${containerLabel(c)} pins its image to a digest` });
        else if (ref.tag === null || ref.tag === '')
          ctx.report({ range, message: `${containerLabel(c)} uses image "${image}" without a tag, which means :latest; pin a version tag or digest.` });
        else if (ref.tag === 'latest')
          ctx.report({ range, message: `${containerLabel(c)} uses the :latest tag ("${image}"); pin a version tag or digest.` });
        else ctx.pass({ range, message: `${containerLabel(c)} pins its image to tag ${ref.tag}` });
      }
    }
  },
});

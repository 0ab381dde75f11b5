import { defineRule } from '../types';
import { getIn, keyNode, nodeRange, reportRange, stringAt, type K8sModel } from './language';
import { setPath } from './yaml-edit';
import { isExplicit, writtenText } from './security-context-util';

/**
 * The tag of an image reference (`registry:5000/team/app:1.4` -> "1.4"; none -> null) and whether
 * it is pinned by digest (`app@sha256:...`, with or without a tag).
 */
function imageReference(image: string): { tag: string | null; digest: boolean } {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const colon = name.lastIndexOf(':');
  return { tag: colon > name.lastIndexOf('/') ? name.slice(colon + 1) : null, digest: at >= 0 };
}

export default defineRule<K8sModel>({
  id: 'k8s/image-pull-policy',
  title: 'Tag-pinned images are pulled with imagePullPolicy: Always',
  level: 'report',
  controls: ['k8s.images'],
  aliases: { polaris: ['pullPolicyNotAlways'], kubeScore: ['container-image-pull-policy'], checkov: ['CKV_K8S_15'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the kubelet pulls the image on every container start, so containers cannot start while the registry is unreachable',
  hasSuggestions: true,
  docs: {
    rationale:
      'A tag can be moved to another image. With `IfNotPresent` a node keeps running whatever it pulled first under that tag, so nodes disagree about what "v1.4" is, and a pod can start an image that was never verified. `Always` makes the kubelet resolve the tag on every start. Without the field Kubernetes uses `Always` only for an untagged or `:latest` image and `IfNotPresent` for any other tag, so pinning a tag silently changes the policy. An image pinned by digest cannot change, so it is exempt.',
    howToFix: 'Pin the image by digest (`image: registry/app@sha256:…`), or set `imagePullPolicy: Always`.',
    whenNotToUse: 'Contested practice, hence off the gating levels by default: `Always` adds registry load and stops pods from starting while the registry is down (polaris#1058, checkov#4776). Teams that pin digests, or run a pull-through cache, turn it off.',
    examples: { bad: 'image: example/api:1.4\nimagePullPolicy: IfNotPresent', good: 'image: example/api@sha256:4f53…\n# or\nimage: example/api:1.4\nimagePullPolicy: Always' },
  },
  check(model, ctx) {
    for (const o of model.objects) {
      for (const c of o.podSpec?.containers ?? []) {
        const image = stringAt(c.node, ['image']);
        if (!image) continue;
        const ref = imageReference(image);
        if (ref.digest) continue;
        const policy = stringAt(c.node, ['imagePullPolicy']);
        if (policy === 'Always') {
          ctx.pass({ range: nodeRange(model.index, getIn(c.node, ['imagePullPolicy']))!, message: `Container "${c.name}" pulls ${image} on every start` });
          continue;
        }
        const edits = setPath(model.index, c.node, ['imagePullPolicy'], 'Always');
        const change = edits ? { title: 'Set imagePullPolicy: Always', edits } : undefined;
        const policyNode = getIn(c.node, ['imagePullPolicy']);
        if (isExplicit(policyNode)) {
          // The author chose the policy: switching it is offered, never applied unattended.
          ctx.report({
            range: nodeRange(model.index, policyNode)!,
            message: `Container "${c.name}" sets imagePullPolicy: ${policy ?? writtenText(model, policyNode!)} explicitly for ${image}: a moved tag is not noticed. Pin the image by digest or set imagePullPolicy: Always.`,
            suggestions: change ? [change] : undefined,
          });
          continue;
        }
        // Kubernetes' default: Always for :latest or no tag (and no digest), IfNotPresent for any other tag.
        const pullsAlways = ref.tag === null || ref.tag === 'latest';
        ctx.report({
          range: nodeRange(model.index, keyNode(c.node, 'image')) ?? reportRange(model.index, c.node, []),
          message: pullsAlways
            ? `Container "${c.name}" runs ${image} with imagePullPolicy unset: Kubernetes defaults it to Always only because ${ref.tag === null ? 'the image has no tag' : 'the tag is :latest'}, and to IfNotPresent once a tag is pinned. Set imagePullPolicy: Always, or pin the image by digest.`
            : `Container "${c.name}" runs ${image} with imagePullPolicy unset, which Kubernetes defaults to IfNotPresent for a tag other than :latest: a moved tag is not noticed. Pin the image by digest or set imagePullPolicy: Always.`,
          fix: change,
        });
      }
    }
  },
});

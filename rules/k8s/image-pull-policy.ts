import { defineRule } from '../types';
import { getIn, keyNode, nodeRange, reportRange, stringAt, type K8sModel } from './language';
import { setPath } from './yaml-edit';

export default defineRule<K8sModel>({
  id: 'k8s/image-pull-policy',
  title: 'Tag-pinned images are pulled with imagePullPolicy: Always',
  level: 'report',
  controls: ['k8s.images'],
  aliases: { polaris: ['pullPolicyNotAlways'], kubeScore: ['container-image-pull-policy'], checkov: ['CKV_K8S_15'] },
  fixable: true,
  docs: {
    rationale:
      'A tag can be moved to another image. With `IfNotPresent` a node keeps running whatever it pulled first under that tag, so nodes disagree about what "v1.4" is, and a pod can start an image that was never verified. `Always` makes the kubelet resolve the tag on every start. An image pinned by digest cannot change, so it is exempt.',
    howToFix: 'Pin the image by digest (`image: registry/app@sha256:…`), or set `imagePullPolicy: Always`.',
    whenNotToUse: 'Contested practice, hence off the gating levels by default: `Always` adds registry load and stops pods from starting while the registry is down (polaris#1058, checkov#4776). Teams that pin digests, or run a pull-through cache, turn it off.',
    examples: { bad: 'image: example/api:1.4\nimagePullPolicy: IfNotPresent', good: 'image: example/api@sha256:4f53…\n# or\nimage: example/api:1.4\nimagePullPolicy: Always' },
  },
  check(model, ctx) {
    for (const o of model.objects) {
      for (const c of o.podSpec?.containers ?? []) {
        const image = stringAt(c.node, ['image']);
        if (!image || image.includes('@sha256:')) continue;
        const policy = stringAt(c.node, ['imagePullPolicy']);
        if (policy === 'Always') {
          ctx.pass({ range: nodeRange(model.index, getIn(c.node, ['imagePullPolicy']))!, message: `Container "${c.name}" pulls ${image} on every start` });
          continue;
        }
        const edits = setPath(model.index, c.node, ['imagePullPolicy'], 'Always');
        ctx.report({
          range: policy ? nodeRange(model.index, getIn(c.node, ['imagePullPolicy']))! : nodeRange(model.index, keyNode(c.node, 'image')) ?? reportRange(model.index, c.node, []),
          message: `Container "${c.name}" runs ${image} with imagePullPolicy ${policy ?? 'unset (IfNotPresent for a tag)'}: a moved tag is not noticed. Pin the image by digest or set imagePullPolicy: Always.`,
          fix: edits ? { title: 'Set imagePullPolicy: Always', edits } : undefined,
        });
      }
    }
  },
});

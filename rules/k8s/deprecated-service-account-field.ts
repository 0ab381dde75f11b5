import { defineRule } from '../types';
import { getIn, keyNode, nodeRange, objectLabel, type K8sModel } from './language';
import { fixOf, scalarString } from './workload-util';
import { removeKey, replaceScalar } from './yaml-edit';

export default defineRule<K8sModel>({
  id: 'k8s/deprecated-service-account-field',
  title: 'Pods name their service account with serviceAccountName',
  level: 'warn',
  controls: ['k8s.service-account'],
  aliases: { kubeLinter: ['deprecated-service-account-field'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      '`serviceAccount` is a deprecated alias of `serviceAccountName`. Tools that read only the current field (policy engines, RBAC reviews, other linters) miss the account, and the two fields can disagree.',
    howToFix: 'Rename `serviceAccount` to `serviceAccountName` (or delete it when `serviceAccountName` already names the same account).',
    whenNotToUse: 'Never: the rename has no effect on the running pod.',
    examples: { bad: 'spec:\n  serviceAccount: web', good: 'spec:\n  serviceAccountName: web' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      const pod = obj.podSpec;
      if (!pod) continue;
      const oldKey = keyNode(pod.node, 'serviceAccount');
      const oldValue = scalarString(getIn(pod.node, ['serviceAccount']));
      const newKey = keyNode(pod.node, 'serviceAccountName');
      const newValue = scalarString(getIn(pod.node, ['serviceAccountName']));
      const where = pod.path.length > 1 ? `The pod template of ${objectLabel(obj)}` : objectLabel(obj);
      if (!oldKey || !oldValue) {
        if (newKey && newValue) ctx.pass({ range: nodeRange(model.index, newKey)!, message: `${where} names its service account with serviceAccountName ("${newValue}")` });
        continue;
      }
      const range = nodeRange(model.index, oldKey)!;
      if (!newKey) {
        ctx.report({
          range,
          message: `${where} uses the deprecated field serviceAccount; use serviceAccountName.`,
          fix: fixOf('Rename serviceAccount to serviceAccountName', replaceScalar(model.index, oldKey, 'serviceAccountName')),
        });
      } else if (newValue === oldValue) {
        ctx.report({
          range,
          message: `${where} sets the deprecated field serviceAccount next to serviceAccountName; remove it.`,
          fix: fixOf('Remove the deprecated serviceAccount field', removeKey(model.index, pod.node, 'serviceAccount')),
        });
      } else {
        ctx.report({
          range,
          message: `${where} sets the deprecated field serviceAccount ("${oldValue}") to a different account than serviceAccountName ("${newValue ?? ''}"); keep only serviceAccountName.`,
        });
      }
    }
  },
});

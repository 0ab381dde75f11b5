import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { Fix } from '../types';
import { getIn, isScalar, keyNode } from './language';
import type { Container, K8sModel, K8sObject } from './language';
import { PRIVATE_KEY, containerLabel, looksSecretName, mapItems, podTargets, rangeOf, containerRange, scalarString, seqAt } from './workload-util';
import type { YAMLMap } from 'yaml';
import { isPlaceholderOrReference, isSecretReferenceName } from '../secrets';

/** Replace `value: ...` with a `valueFrom.secretKeyRef` whose names need review. */
function toSecretRef(model: K8sModel, obj: K8sObject, item: YAMLMap, name: string): Fix | undefined {
  const key = keyNode(item, 'value');
  const value = getIn(item, ['value']);
  // Block YAML cannot go into a flow mapping (`{name: X, value: y}`, JSON manifests).
  if (!key?.range || !value?.range || item.flow) return undefined;
  const start = key.range[0];
  const keyLine = model.index.positionAt(start).line;
  if (model.index.positionAt(value.range[1]).line !== keyLine) return undefined;
  const before = model.text.slice(model.index.lineStart(keyLine), start);
  if (!/^[\s-]*$/.test(before)) return undefined;
  const pad = ' '.repeat(before.length);
  const eol = model.index.eol;
  const secret = `${obj.name ?? 'app'}-secrets`;
  const secretKey = name.toLowerCase().replace(/_/g, '-');
  const text = [
    'valueFrom:',
    `${pad}  secretKeyRef:`,
    `${pad}    name: ${secret}  # review: Secret that holds the value (create it outside this manifest)`,
    `${pad}    key: ${secretKey}  # review: key in that Secret`,
  ].join(eol);
  return { title: `Read ${name} from Secret "${secret}" (review the Secret name and key)`, edits: [replaceEdit(model.index, start, value.range[1], text)] };
}

function envOf(c: Container) {
  return mapItems(seqAt(c.node, ['env']));
}

export default defineRule<K8sModel>({
  id: 'k8s/secret-literal-in-env',
  title: 'Secrets are not written as literal environment values',
  level: 'block',
  controls: ['k8s.secrets'],
  aliases: { kubeLinter: ['env-var-secret'], polaris: ['sensitiveContainerEnvVar'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A password, token or private key written as `env[].value` lives in Git, in every rendered manifest, in the object stored in etcd unencrypted, and in the output of `kubectl get -o yaml` for anyone who can read the workload.',
    howToFix: 'Store the value in a Secret (created by a secrets manager, Sealed Secrets or External Secrets) and reference it with `valueFrom.secretKeyRef`; rotate the value that was committed.',
    whenNotToUse:
      'Names that point at or describe a secret (`*_NAME`, `*_REF`, `*_ID`, `*_FILE`, `*_PATH`, `*_ARN`, `*_TTL`, `*_LENGTH`, ...) and values that are placeholders or references (`${X}`, `$(X)`, `INSERT_DB_PASSWORD`, an ARN, a path) are never reported. Suppress any other variable that holds no secret on its line.',
    examples: {
      bad: 'env:\n- name: DB_PASSWORD\n  value: hunter2',
      good: 'env:\n- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef: {name: web-db, key: password}',
    },
  },
  check(model, ctx) {
    for (const { obj, pod } of podTargets(model)) {
      for (const c of pod.containers) {
        let literal = 0;
        for (const { node: item } of envOf(c)) {
          const name = scalarString(getIn(item, ['name']));
          const valueNode = getIn(item, ['value']);
          if (!name || !isScalar(valueNode)) continue;
          const value = scalarString(valueNode) ?? '';
          const pem = PRIVATE_KEY.test(value);
          // A name such as SECRET_NAME or TOKEN_FILE points at a secret; a placeholder is replaced before deploy.
          if (!pem && (!looksSecretName(name) || isSecretReferenceName(name) || isPlaceholderOrReference(value, name))) continue;
          literal++;
          const fix = toSecretRef(model, obj, item, name);
          ctx.report({
            range: rangeOf(model, valueNode, containerRange(model, c)),
            message: pem
              ? `${containerLabel(c)} puts a private key in env var "${name}" as a literal value; read it from a Secret (valueFrom.secretKeyRef).`
              : `${containerLabel(c)} sets secret-looking env var "${name}" to a literal value; read it from a Secret (valueFrom.secretKeyRef).`,
            suggestions: fix ? [fix] : undefined,
          });
        }
        if (literal === 0 && envOf(c).length > 0) {
          ctx.pass({ range: rangeOf(model, keyNode(c.node, 'env'), containerRange(model, c)), message: `${containerLabel(c)} has no secret-looking literal env values` });
        }
      }
    }
  },
});

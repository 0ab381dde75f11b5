import { defineRule } from '../types';
import { isMap, isScalar } from './language';
import type { K8sModel } from './language';
import { PRIVATE_KEY, looksSecretName, objectLabel, objectRange, rangeOf } from './workload-util';
import { getIn } from './language';
import type { Node } from 'yaml';
import { isPlaceholderOrReference, isSecretReferenceName } from '../secrets';

/** Key names beyond the env-var patterns (Trivy KSV-0109). */
const EXTRA_KEY = /passwd|passwrd|pswrd|pword|passphrase|pwd|aws_access_key_id/i;

/** `password=...` / `token: ...` inside a value (properties, .env, YAML files); placeholders pass. */
const ASSIGNMENT = /(?:password|passwd|passwrd|pswrd|pword|passphrase|pwd|secret|secretkey|token|aws_access_key_id)\s*[=:][ \t]*(?!["']?[$<{]|["']{2}|[ \t]*$)\S/gi;

export default defineRule<K8sModel>({
  id: 'k8s/secrets-in-configmap',
  title: 'ConfigMaps do not hold credentials',
  level: 'block',
  controls: ['k8s.secrets'],
  aliases: { polaris: ['sensitiveConfigmapContent'], trivy: ['AVD-KSV-0109', 'AVD-KSV-01010'] },
  docs: {
    rationale:
      'ConfigMaps are readable by far more people and controllers than Secrets (RBAC rarely restricts them), are printed in logs and dashboards, and are never encrypted at rest. A password or private key in a ConfigMap is effectively public inside the cluster, and in Git.',
    howToFix: 'Move the value to a Secret (ideally managed by External Secrets, Sealed Secrets or a vault) and mount or reference it from there; keep only non-sensitive settings in the ConfigMap, with placeholders such as `password=${DB_PASSWORD}`.',
    whenNotToUse: 'Keys whose name matches but hold no secret (`token_ttl`, `password_policy`): suppress them on the line.',
    examples: { bad: 'kind: ConfigMap\ndata:\n  db_password: abc123', good: 'kind: Secret\nstringData:\n  db_password: abc123' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'ConfigMap') continue;
      const data = getIn(obj.node, ['data']);
      if (!isMap(data)) continue;
      let found = 0;
      for (const pair of data.items) {
        if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
        const key = String(pair.key.value);
        const valueNode = pair.value as Node;
        const value = pair.value.value === null ? '' : String(pair.value.value);
        if (!value.trim()) continue;
        if ((looksSecretName(key) || EXTRA_KEY.test(key)) && !isSecretReferenceName(key) && !isPlaceholderOrReference(value, key)) {
          found++;
          ctx.report({ range: rangeOf(model, pair.key as Node, objectRange(model, obj)), message: `${objectLabel(obj)} stores "${key}", which looks like a credential; move it to a Secret.` });
          continue;
        }
        const r = valueNode.range;
        if (!r) continue;
        const source = model.text.slice(r[0], r[1]);
        const pem = source.search(/-+BEGIN\s+.*PRIVATE KEY-/i);
        if (pem >= 0 || PRIVATE_KEY.test(value)) {
          found++;
          const at = r[0] + Math.max(0, pem);
          ctx.report({ range: model.index.range(at, pem >= 0 ? at + source.slice(pem).split(/\r?\n/)[0].length : r[1]), message: `${objectLabel(obj)} holds a private key in "${key}"; move it to a Secret.` });
          continue;
        }
        ASSIGNMENT.lastIndex = 0;
        const m = ASSIGNMENT.exec(source);
        if (m) {
          found++;
          const at = r[0] + m.index;
          const lineEnd = model.index.lineEnd(model.index.positionAt(at).line);
          ctx.report({ range: model.index.range(at, Math.min(lineEnd, r[1])), message: `${objectLabel(obj)} sets a credential inside "${key}" (${m[0].split(/[=:]/)[0].trim()}=...); move it to a Secret and reference it.` });
        }
      }
      if (found === 0) ctx.pass({ range: objectRange(model, obj), message: `${objectLabel(obj)} holds no credential-looking keys or values` });
    }
  },
});

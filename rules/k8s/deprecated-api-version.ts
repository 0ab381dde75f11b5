import { defineRule } from '../types';
import { getIn, getMap, keyNode, nodeRange } from './language';
import type { K8sModel } from './language';
import { fixOf, objectLabel, objectRange } from './workload-util';
import { DEPRECATED_APIS, needsSelector, type DeprecatedApi } from './deprecated-apis';
import { replaceScalar } from './yaml-edit';

/** "1.33", "v1.33.2" -> [1, 33]; null when not a version. */
function minor(v: unknown): [number, number] | null {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(String(v ?? '').trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function atOrBefore(version: string | null, target: [number, number]): boolean {
  const v = minor(version);
  return !!v && (v[0] < target[0] || (v[0] === target[0] && v[1] <= target[1]));
}

const BY_KEY = new Map<string, DeprecatedApi>(DEPRECATED_APIS.map((d) => [`${d.apiVersion} ${d.kind}`, d]));

export default defineRule<K8sModel>({
  id: 'k8s/deprecated-api-version',
  title: 'Objects use API versions the target Kubernetes version serves',
  level: 'warn',
  controls: ['k8s.api-versions'],
  aliases: { pluto: ['deprecated-versions'], kubeLinter: ['no-extensions-v1beta'], kubeScore: ['stable-version'], trivy: ['AVD-KSV-0107'] },
  fixable: true,
  fixType: 'safe',
  defaultOptions: { targetVersion: '1.33' },
  validateOptions(options) {
    return minor(options.targetVersion) ? undefined : '"targetVersion" must be a Kubernetes version such as "1.33"';
  },
  docs: {
    rationale:
      'Kubernetes removes beta APIs a few releases after their replacement ships. A manifest with a removed apiVersion is rejected by the API server, so the next cluster upgrade breaks deployments (often discovered during an incident or a rollback); a deprecated one will break at a known upgrade.',
    howToFix: 'Change `apiVersion` to the replacement (for example `extensions/v1beta1` Deployment -> `apps/v1`, which also requires `spec.selector`) and adapt fields the new version renamed. Set option `targetVersion` to the version of your oldest cluster after its next upgrade.',
    whenNotToUse: 'Manifests for clusters older than the replacement API (set `targetVersion` instead of disabling the rule).',
    examples: { bad: 'apiVersion: batch/v1beta1\nkind: CronJob', good: 'apiVersion: batch/v1\nkind: CronJob' },
  },
  check(model, ctx) {
    const targetText = String(ctx.options.targetVersion ?? '1.33');
    const target = minor(targetText) ?? [1, 33];
    const targetLabel = `${target[0]}.${target[1]}`;
    for (const obj of model.objects) {
      const node = getIn(obj.node, ['apiVersion']);
      const range = nodeRange(model.index, node) ?? objectRange(model, obj);
      const api = BY_KEY.get(`${obj.apiVersion} ${obj.kind}`);
      const removed = api ? atOrBefore(api.removedIn, target) : false;
      const deprecated = api ? atOrBefore(api.deprecatedIn, target) : false;
      if (!api || (!removed && !deprecated)) {
        ctx.pass({ range, message: `${objectLabel(obj)} uses ${obj.apiVersion}, served by Kubernetes ${targetLabel}` });
        continue;
      }
      const use = api.replacement ? `use ${api.replacement}` : 'it has no replacement; remove the object or migrate to another mechanism';
      const message = removed
        ? `${objectLabel(obj)} uses ${api.apiVersion}, removed in Kubernetes ${api.removedIn} (target ${targetLabel}): the API server rejects it; ${use}.`
        : `${objectLabel(obj)} uses ${api.apiVersion}, deprecated since Kubernetes ${api.deprecatedIn}${api.removedIn ? ` and removed in ${api.removedIn}` : ''}; ${use}.`;
      const selectorOk = !needsSelector(api) || !!keyNode(getMap(obj.node, ['spec']), 'selector');
      const canFix = !!api.replacement && api.sameSchema && selectorOk && node;
      ctx.report({
        range,
        message: needsSelector(api) && !selectorOk ? `${message.slice(0, -1)} (apps/v1 also requires spec.selector).` : message,
        fix: canFix ? fixOf(`Change apiVersion to ${api.replacement}`, replaceScalar(model.index, node!, api.replacement!)) : undefined,
      });
    }
  },
});

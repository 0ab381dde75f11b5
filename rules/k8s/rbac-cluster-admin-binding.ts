import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel, K8sObject } from './language';
import type { YAMLMap } from 'yaml';
import { isScalar } from './language';
import { mapItems, objectLabel, objectRange, rangeOf, scalarString, seqAt } from './workload-util';

/** Bindings Kubernetes and managed platforms create themselves (Polaris exempts them too). */
function isDefaultBinding(name: string | null): boolean {
  return name === 'cluster-admin' || (name ?? '').startsWith('system:') || name === 'gce:podsecuritypolicy:calico-sa';
}

function strings(node: YAMLMap, key: string): string[] {
  return (seqAt(node, [key])?.items ?? []).filter(isScalar).map((i) => String(i.value));
}

/** A rule granting every (or every write) verb on every resource of every API group: cluster-admin in disguise. */
function adminRule(role: K8sObject): YAMLMap | null {
  for (const { node } of mapItems(seqAt(role.node, ['rules']))) {
    const verbs = new Set(strings(node, 'verbs'));
    if (strings(node, 'apiGroups').includes('*') && strings(node, 'resources').includes('*') && (verbs.has('*') || verbs.size >= 7)) return node;
  }
  return null;
}

export default defineRule<K8sModel>({
  id: 'k8s/rbac-cluster-admin-binding',
  title: 'Nothing is bound to cluster-admin',
  level: 'warn',
  controls: ['k8s.service-account'],
  aliases: {
    kubeLinter: ['cluster-admin-role-binding'],
    polaris: ['clusterrolebindingClusterAdmin', 'rolebindingClusterAdminClusterRole', 'rolebindingClusterAdminRole'],
    trivy: ['AVD-KSV-0111'],
  },
  docs: {
    rationale:
      '`cluster-admin` can do anything to any object in any namespace. A binding to it turns a compromise of the bound service account, user or group into a compromise of the whole cluster.',
    howToFix: 'Bind a Role or ClusterRole that lists only the permissions needed; for namespace administration bind the built-in `admin` or `edit` ClusterRole with a RoleBinding in that namespace.',
    whenNotToUse: 'Break-glass bindings for the platform team, managed outside application manifests.',
    examples: { bad: 'kind: ClusterRoleBinding\nroleRef: {kind: ClusterRole, name: cluster-admin}', good: 'kind: RoleBinding\nroleRef: {kind: ClusterRole, name: edit}' },
  },
  check(model, ctx) {
    for (const obj of model.objects) {
      if (obj.kind !== 'RoleBinding' && obj.kind !== 'ClusterRoleBinding') continue;
      const node = getIn(obj.node, ['roleRef', 'name']);
      const role = scalarString(node);
      if (role === null) continue;
      const range = rangeOf(model, node, objectRange(model, obj));
      if (isDefaultBinding(obj.name)) continue;
      let disguised: YAMLMap | null = null;
      if (role !== 'cluster-admin') {
        const refKind = scalarString(getIn(obj.node, ['roleRef', 'kind'])) ?? 'ClusterRole';
        const target = model.objects.find((o) => o.kind === refKind && o.name === role && (refKind === 'ClusterRole' || (o.namespace ?? null) === (obj.namespace ?? null)));
        disguised = target ? adminRule(target) : null;
        if (!disguised) {
          ctx.pass({ range, message: `${objectLabel(obj)} binds "${role}", not cluster-admin` });
          continue;
        }
      }
      const subjects = mapItems(seqAt(obj.node, ['subjects']))
        .map(({ node: s }) => {
          const kind = scalarString(getIn(s, ['kind'])) ?? 'subject';
          const name = scalarString(getIn(s, ['name'])) ?? '?';
          return `${kind} "${name}"`;
        })
        .join(', ');
      const scope = obj.kind === 'ClusterRoleBinding' ? 'in every namespace' : `in namespace ${obj.namespace ?? '(default)'}`;
      const what = disguised ? `"${role}", which grants every verb on every resource (line ${model.index.positionAt(disguised.range?.[0] ?? 0).line + 1}),` : 'cluster-admin';
      ctx.report({ range, message: `${objectLabel(obj)} grants ${what} ${scope}${subjects ? ` to ${subjects}` : ''}; bind a role with only the permissions needed.` });
    }
  },
});

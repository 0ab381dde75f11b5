import { ruleTester } from '../../test/ruleTester';
import rule from './rbac-wildcards';

ruleTester(rule, {
  valid: [
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n- apiGroups: [""]\n  resources: [configmaps]\n  verbs: [get, list]\n',
    { name: 'odd shapes and other kinds', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n- null\n- verbs: "*"\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  verbs: "*"\n' },
  ],
  invalid: [
    {
      name: 'ClusterRole with wildcards',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: admin-ish\nrules:\n- apiGroups: ["*"]\n  resources:\n  - pods\n  - "*"\n  verbs: [get]\n- apiGroups: [apps]\n  resources: [deployments]\n  verbs: ["*"]\n',
      errors: [
        { line: 6, column: 15, message: 'ClusterRole "admin-ish" grants "*" in apiGroups (rule 1); list the apiGroups it needs.' },
        { line: 9, column: 5, message: /"\*" in resources \(rule 1\)/ },
        { line: 13, column: 11, message: /"\*" in verbs \(rule 2\)/ },
      ],
    },
    {
      name: 'Role in a List, multi-document',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: Role\n  metadata: {name: r, namespace: x}\n  rules:\n  - {apiGroups: [""], resources: [secrets], verbs: ["*"]}\n',
      errors: [{ line: 13, column: 53 }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './rbac-cluster-admin-binding';

ruleTester(rule, {
  valid: [
    { name: 'default bindings and roles with explicit resources', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: cluster-admin\nroleRef: {kind: ClusterRole, name: cluster-admin}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\nrules:\n- {apiGroups: ["*"], resources: [pods], verbs: ["*"]}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef: {kind: ClusterRole, name: r}\n' },
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit\nsubjects:\n- kind: ServiceAccount\n  name: app\n',
    { name: 'other kinds and odd shapes', code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cluster-admin\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nroleRef: null\n' },
  ],
  invalid: [
    {
      name: 'ClusterRoleBinding',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n- kind: ServiceAccount\n  name: deployer\n  namespace: ci\n',
      errors: [{ line: 8, column: 9, message: 'ClusterRoleBinding "ci" grants cluster-admin in every namespace to ServiceAccount "deployer"; bind a role with only the permissions needed.' }],
    },
    {
      name: 'RoleBinding in a List, multi-document',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: rbac.authorization.k8s.io/v1\n  kind: RoleBinding\n  metadata: {name: b, namespace: team}\n  roleRef: {kind: ClusterRole, name: cluster-admin}\n',
      errors: [{ line: 12, column: 38, message: 'RoleBinding "b" grants cluster-admin in namespace team; bind a role with only the permissions needed.' }],
    },
    {
      name: 'binding to a same-file role that grants everything (Polaris all_verbs)',
      code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: test\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [get, list, watch, create, update, patch, delete]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: test\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: test}\nsubjects:\n- {kind: User, name: testuser}\n',
      errors: [{ line: 14, column: 73, message: 'ClusterRoleBinding "test" grants "test", which grants every verb on every resource (line 6), in every namespace to User "testuser"; bind a role with only the permissions needed.' }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './memory-limits';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    resources:\n      limits:\n        memory: "2"\n',
    { name: 'init container with the field', code: 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n    spec:\n      initContainers:\n      - name: init\n        resources: {limits: {memory: 1Gi}}\n' },
    { name: 'no pod spec', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec: null\n' },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: web:1\n',
      errors: [{ line: 5, column: 5, message: 'Container "web" has no memory limit (resources.limits.memory).' }],
      suggestions: [{ title: /Add resources.limits.memory/, output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    image: web:1\n    resources:\n      limits:\n        memory: 512Mi  # review: memory ceiling; the container is OOM-killed above it\n' }],
    },
    {
      name: 'null section, multi-document, List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources:\n      limits:\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: Job\n  spec:\n    template:\n      spec:\n        initContainers:\n        - name: b\n',
      errors: [{ line: 5, column: 5 }, { line: 18, column: 11, message: /^Init container "b"/ }],
      suggestions: [{ title: /Add/, output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources:\n      limits:\n        memory: 512Mi  # review: memory ceiling; the container is OOM-killed above it\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: Job\n  spec:\n    template:\n      spec:\n        initContainers:\n        - name: b\n' }],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './rolling-update-strategy';

ruleTester(rule, {
  valid: [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: RollingUpdate\n',
    { name: 'default strategy', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n' },
    { name: 'other kinds and odd shapes', code: 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  updateStrategy: {type: OnDelete}\n---\napiVersion: apps/v1\nkind: Deployment\nspec:\n  strategy: Recreate\n' },
  ],
  invalid: [
    {
      name: 'Recreate',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: Recreate\n',
      errors: [{ line: 7, column: 11, endColumn: 19, message: 'Deployment "web" uses the Recreate strategy: every rollout stops all pods before starting new ones.' }],
      suggestions: [{ title: /RollingUpdate/, output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  strategy:\n    type: RollingUpdate\n' }],
    },
    {
      name: 'multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  spec: {strategy: {type: "Recreate"}}\n',
      errors: [{ line: 11, column: 27 }],
      suggestions: [{ title: /RollingUpdate/, output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: apps/v1\n  kind: Deployment\n  spec: {strategy: {type: RollingUpdate}}\n' }],
    },
  ],
});

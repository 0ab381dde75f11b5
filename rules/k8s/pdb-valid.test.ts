import { ruleTester } from '../../test/ruleTester';
import rule from './pdb-valid';

const pdb = (spec: string) => `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n${spec}  selector:\n    matchLabels:\n      app: web\n`;

ruleTester(rule, {
  valid: [
    pdb('  maxUnavailable: 1\n'),
    pdb('  maxUnavailable: 10%\n'),
    pdb('  minAvailable: 2\n'),
    pdb('  minAvailable: 50%\n'),
    { name: 'other kinds', code: 'apiVersion: v1\nkind: Service\nspec:\n  maxUnavailable: 0\n' },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0',
      code: pdb('  maxUnavailable: 0\n'),
      errors: [{ line: 6, column: 19, message: 'PodDisruptionBudget "web" sets maxUnavailable: 0, which blocks every voluntary eviction: node drains hang on its pods.' }],
      suggestions: [{ title: 'Set maxUnavailable: 1 (review)', output: pdb('  maxUnavailable: 1\n') }],
    },
    {
      name: 'maxUnavailable "0%" and minAvailable 100% in a multi-document file',
      code: pdb('  maxUnavailable: "0%"\n') + '---\n' + pdb('  minAvailable: 100%\n'),
      errors: [
        { line: 6, column: 19, message: /maxUnavailable: 0%/ },
        { line: 16, column: 17, message: /minAvailable: 100%/ },
      ],
      suggestions: [{ title: 'Set maxUnavailable: 1 (review)', output: pdb('  maxUnavailable: "1"\n') + '---\n' + pdb('  minAvailable: 100%\n') }],
    },
    {
      name: 'no policy at all',
      code: pdb(''),
      errors: [{ line: 5, column: 1, message: 'PodDisruptionBudget "web" sets neither minAvailable nor maxUnavailable, so it protects nothing.' }],
      suggestions: [{ title: 'Add maxUnavailable: 1 (review)', output: pdb('') + '  maxUnavailable: 1  # review: how many pods may be down at once during node drains\n' }],
    },
    {
      name: 'empty spec in a List (kube-score poddisruptionbudget-has-policy)',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: policy/v1\n  kind: PodDisruptionBudget\n  metadata: {name: db}\n  spec: {}\n',
      errors: [{ line: 7, column: 3, message: /PodDisruptionBudget "db" sets neither/ }],
    },
  ],
});

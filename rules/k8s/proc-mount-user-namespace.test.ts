import { ruleTester } from '../../test/ruleTester';
import rule from './proc-mount-user-namespace';

const pod = (hostUsers: string, procMount: string) => `apiVersion: v1
kind: Pod
metadata:
  name: builder
spec:
${hostUsers}  containers:
    - name: builder
      image: example/builder:1.0
      securityContext:
        procMount: ${procMount}
`;

ruleTester(rule, {
  valid: [
    { name: 'Default in a user namespace', code: pod('  hostUsers: false\n', 'Default') },
    { name: 'outside user namespaces it is k8s/proc-mount\'s finding', code: pod('', 'Unmasked') },
  ],
  invalid: [
    {
      code: pod('  hostUsers: false\n', 'Unmasked'),
      errors: [{ line: 11, column: 20, message: 'Container "builder" sets procMount: Unmasked explicitly: the restricted standard requires the default masked /proc even with hostUsers: false.' }],
      output: null,
      suggestions: [{ title: "Set procMount: Default", output: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  hostUsers: false\n  containers:\n    - name: builder\n      image: example/builder:1.0\n      securityContext:\n        procMount: Default\n" }],
    },
  ],
});

// Dockerfile rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { DockerModel } from './language';
// batch-core
import noSudo from './no-sudo';
// batch-a (security & secrets)
// batch-b (runtime & build correctness)
// batch-c (package managers & misc)

export const dockerRules: Rule<DockerModel>[] = [
  // batch-core
  noSudo,
  // batch-a
  // batch-b
  // batch-c
];

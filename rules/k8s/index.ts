// Kubernetes rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { K8sModel } from './language';
// batch-k-security
// batch-k-workload

export const k8sRules: Rule<K8sModel>[] = [
  // batch-k-security
  // batch-k-workload
];

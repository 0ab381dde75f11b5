// Deprecated and removed Kubernetes apiVersions, transcribed from our catalog
// (shared/design/rule-catalog-docker-k8s.md §2.11, component k8s; *List kinds omitted).
// `sameSchema`: the replacement accepts the object unchanged, so rewriting apiVersion is a safe fix
// (apps/v1 workloads additionally need spec.selector, which the rule checks).

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  /** Kubernetes minor version ("1.16") where it was deprecated; null when never announced. */
  deprecatedIn: string | null;
  removedIn: string | null;
  replacement: string | null;
  sameSchema: boolean;
}

const APPS_V1 = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

export const DEPRECATED_APIS: DeprecatedApi[] = [
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta2', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta1', kind: 'Deployment', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta1', kind: 'StatefulSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta2', kind: 'StatefulSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kind: 'NetworkPolicy', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'networking.k8s.io/v1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kind: 'Ingress', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'Ingress', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kind: 'IngressClass', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'networking.k8s.io/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta2', kind: 'DaemonSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kind: 'DaemonSet', deprecatedIn: '1.9', removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'extensions/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.10', removedIn: '1.16', replacement: 'policy/v1beta1', sameSchema: false },
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.21', removedIn: '1.25', replacement: null, sameSchema: false },
  { apiVersion: 'extensions/v1beta1', kind: 'ReplicaSet', deprecatedIn: null, removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta1', kind: 'ReplicaSet', deprecatedIn: null, removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'apps/v1beta2', kind: 'ReplicaSet', deprecatedIn: null, removedIn: '1.16', replacement: 'apps/v1', sameSchema: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kind: 'PriorityClass', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'scheduling.k8s.io/v1', sameSchema: true },
  { apiVersion: 'scheduling.k8s.io/v1alpha1', kind: 'PriorityClass', deprecatedIn: '1.14', removedIn: '1.17', replacement: 'scheduling.k8s.io/v1', sameSchema: true },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'apiextensions.k8s.io/v1', sameSchema: false },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'MutatingWebhookConfiguration', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kind: 'ValidatingWebhookConfiguration', deprecatedIn: '1.16', removedIn: '1.22', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'ClusterRoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'ClusterRole', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'Role', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1alpha1', kind: 'RoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'ClusterRoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'ClusterRole', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'Role', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kind: 'RoleBinding', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1', sameSchema: true },
  { apiVersion: 'node.k8s.io/v1beta1', kind: 'RuntimeClass', deprecatedIn: '1.22', removedIn: '1.25', replacement: 'node.k8s.io/v1', sameSchema: true },
  { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'policy/v1', sameSchema: true },
  { apiVersion: 'autoscaling/v2beta1', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.22', removedIn: '1.25', replacement: 'autoscaling/v2', sameSchema: false },
  { apiVersion: 'autoscaling/v2beta2', kind: 'HorizontalPodAutoscaler', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'autoscaling/v2', sameSchema: true },
  { apiVersion: 'batch/v1beta1', kind: 'CronJob', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'batch/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSINode', deprecatedIn: '1.17', removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIDriver', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'CSIStorageCapacity', deprecatedIn: '1.24', removedIn: '1.27', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'StorageClass', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttachment', deprecatedIn: '1.13', removedIn: '1.22', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kind: 'APIService', deprecatedIn: '1.10', removedIn: '1.22', replacement: 'apiregistration.k8s.io/v1', sameSchema: true },
  { apiVersion: 'authentication.k8s.io/v1beta1', kind: 'TokenReview', deprecatedIn: '1.6', removedIn: '1.22', replacement: 'authentication.k8s.io/v1', sameSchema: false },
  { apiVersion: 'certificates.k8s.io/v1beta1', kind: 'CertificateSigningRequest', deprecatedIn: '1.19', removedIn: '1.22', replacement: 'certificates.k8s.io/v1', sameSchema: false },
  { apiVersion: 'coordination.k8s.io/v1beta1', kind: 'Lease', deprecatedIn: '1.14', removedIn: '1.22', replacement: 'coordination.k8s.io/v1', sameSchema: true },
  { apiVersion: 'events.k8s.io/v1beta1', kind: 'Event', deprecatedIn: '1.19', removedIn: '1.25', replacement: 'events.k8s.io/v1', sameSchema: false },
  { apiVersion: 'discovery.k8s.io/v1beta1', kind: 'EndpointSlice', deprecatedIn: '1.21', removedIn: '1.25', replacement: 'discovery.k8s.io/v1', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind: 'FlowControl', deprecatedIn: '1.23', removedIn: '1.26', replacement: 'flowcontrol.apiserver.k8s.io/v1beta2', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'FlowSchema', deprecatedIn: '1.24', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.24', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.24', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kind: 'FlowSchema', deprecatedIn: '1.24', removedIn: '1.29', replacement: 'flowcontrol.apiserver.k8s.io/v1beta3', sameSchema: false },
  { apiVersion: 'audit.k8s.io/v1alpha1', kind: 'Policy', deprecatedIn: '1.21', removedIn: '1.24', replacement: 'audit.k8s.io/v1', sameSchema: false },
  { apiVersion: 'audit.k8s.io/v1alpha1', kind: 'Event', deprecatedIn: '1.21', removedIn: '1.24', replacement: 'audit.k8s.io/v1', sameSchema: false },
  { apiVersion: 'audit.k8s.io/v1beta1', kind: 'Policy', deprecatedIn: '1.21', removedIn: '1.24', replacement: 'audit.k8s.io/v1', sameSchema: false },
  { apiVersion: 'audit.k8s.io/v1beta1', kind: 'Event', deprecatedIn: '1.21', removedIn: '1.24', replacement: 'audit.k8s.io/v1', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', deprecatedIn: '1.24', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'PriorityLevelConfiguration', deprecatedIn: '1.31', removedIn: '1.32', replacement: 'flowcontrol.apiserver.k8s.io/v1', sameSchema: false },
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kind: 'ValidatingAdmissionPolicy', deprecatedIn: '1.28', removedIn: '1.33', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false },
  { apiVersion: 'admissionregistration.k8s.io/v1alpha1', kind: 'ValidatingAdmissionPolicyBinding', deprecatedIn: '1.28', removedIn: '1.33', replacement: 'admissionregistration.k8s.io/v1', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1beta1', kind: 'ResourceSlice', deprecatedIn: '1.33', removedIn: '1.36', replacement: 'resource.k8s.io/v1beta2', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1beta1', kind: 'ResourceClaim', deprecatedIn: '1.33', removedIn: '1.36', replacement: 'resource.k8s.io/v1beta2', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1beta1', kind: 'DeviceClass', deprecatedIn: '1.33', removedIn: '1.36', replacement: 'resource.k8s.io/v1beta2', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1beta1', kind: 'ResourceClaimTemplate', deprecatedIn: '1.33', removedIn: '1.36', replacement: 'resource.k8s.io/v1beta2', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1alpha3', kind: 'ResourceSlice', deprecatedIn: '1.32', removedIn: '1.34', replacement: 'resource.k8s.io/v1', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1alpha3', kind: 'ResourceClaim', deprecatedIn: '1.32', removedIn: '1.34', replacement: 'resource.k8s.io/v1', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1alpha3', kind: 'DeviceClass', deprecatedIn: '1.32', removedIn: '1.34', replacement: 'resource.k8s.io/v1', sameSchema: false },
  { apiVersion: 'resource.k8s.io/v1alpha3', kind: 'ResourceClaimTemplate', deprecatedIn: '1.32', removedIn: '1.34', replacement: 'resource.k8s.io/v1', sameSchema: false },
  { apiVersion: 'storage.k8s.io/v1beta1', kind: 'VolumeAttributesClass', deprecatedIn: '1.34', removedIn: null, replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storage.k8s.io/v1alpha1', kind: 'VolumeAttributesClass', deprecatedIn: '1.31', removedIn: '1.35', replacement: 'storage.k8s.io/v1', sameSchema: true },
  { apiVersion: 'storagemigration.k8s.io/v1alpha1', kind: 'StorageVersionMigration', deprecatedIn: '1.35', removedIn: '1.35', replacement: 'storagemigration.k8s.io/v1beta1', sameSchema: false },
];

/** apps/v1 requires spec.selector; older apps/extensions versions defaulted it from the template labels. */
export function needsSelector(api: DeprecatedApi): boolean {
  return api.replacement === 'apps/v1' && APPS_V1.has(api.kind);
}

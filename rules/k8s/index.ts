// Kubernetes rules, one module each. Keep each batch sorted; one import and one list entry per rule.
import type { Rule } from '../types';
import type { K8sModel } from './language';
// cross-object (need the workspace view)
import hpaReplicasConflict from './hpa-replicas-conflict';
import networkPolicy from './network-policy';
import podDisruptionBudget from './pod-disruption-budget';
import selectorMatchesTemplate from './selector-matches-template';
import serviceTargetsPods from './service-targets-pods';
// batch-k-security
import allowPrivilegeEscalation from './allow-privilege-escalation';
import apparmorProfile from './apparmor-profile';
import dockerSocketMount from './docker-socket-mount';
import dropAllCapabilities from './drop-all-capabilities';
import hostFieldInProbes from './host-field-in-probes';
import hostNamespaces from './host-namespaces';
import hostPathVolume from './host-path-volume';
import hostPort from './host-port';
import noAddedDangerousCapabilities from './no-added-dangerous-capabilities';
import privilegedContainer from './privileged-container';
import procMount from './proc-mount';
import procMountUserNamespace from './proc-mount-user-namespace';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import restrictedVolumeTypes from './restricted-volume-types';
import runAsNonRoot from './run-as-non-root';
import runAsUserNotZero from './run-as-user-not-zero';
import seccompProfile from './seccomp-profile';
import seccompUnconfined from './seccomp-unconfined';
import selinuxOptions from './selinux-options';
import unsafeSysctls from './unsafe-sysctls';
import windowsHostProcess from './windows-host-process';
// batch-k-workload
import automountSaToken from './automount-sa-token';
import cpuLimits from './cpu-limits';
import cpuRequests from './cpu-requests';
import defaultServiceAccount from './default-service-account';
import deprecatedApiVersion from './deprecated-api-version';
import duplicateEnvVar from './duplicate-env-var';
import imagePullPolicy from './image-pull-policy';
import imageTagPinned from './image-tag-pinned';
import ingressTls from './ingress-tls';
import livenessProbe from './liveness-probe';
import memoryLimits from './memory-limits';
import memoryRequests from './memory-requests';
import minReplicas from './min-replicas';
import probePortExposed from './probe-port-exposed';
import probesIdentical from './probes-identical';
import readinessProbe from './readiness-probe';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding';
import rbacWildcards from './rbac-wildcards';
import rollingUpdateStrategy from './rolling-update-strategy';
import secretLiteralInEnv from './secret-literal-in-env';
import secretsInConfigmap from './secrets-in-configmap';
// batch-k-availability
import antiAffinityOrSpread from './anti-affinity-or-spread';
import deprecatedServiceAccountField from './deprecated-service-account-field';
import jobLifecycle from './job-lifecycle';
import pdbValid from './pdb-valid';
import sshPort from './ssh-port';

export const k8sRules: Rule<K8sModel>[] = [
  // cross-object
  hpaReplicasConflict,
  networkPolicy,
  podDisruptionBudget,
  selectorMatchesTemplate,
  serviceTargetsPods,
  // batch-k-security
  allowPrivilegeEscalation,
  apparmorProfile,
  dockerSocketMount,
  dropAllCapabilities,
  hostFieldInProbes,
  hostNamespaces,
  hostPathVolume,
  hostPort,
  noAddedDangerousCapabilities,
  privilegedContainer,
  procMount,
  procMountUserNamespace,
  readOnlyRootFilesystem,
  restrictedVolumeTypes,
  runAsNonRoot,
  runAsUserNotZero,
  seccompProfile,
  seccompUnconfined,
  selinuxOptions,
  unsafeSysctls,
  windowsHostProcess,
  // batch-k-workload
  automountSaToken,
  cpuLimits,
  cpuRequests,
  defaultServiceAccount,
  deprecatedApiVersion,
  duplicateEnvVar,
  imagePullPolicy,
  imageTagPinned,
  ingressTls,
  livenessProbe,
  memoryLimits,
  memoryRequests,
  minReplicas,
  probePortExposed,
  probesIdentical,
  readinessProbe,
  rbacClusterAdminBinding,
  rbacWildcards,
  rollingUpdateStrategy,
  secretLiteralInEnv,
  secretsInConfigmap,
  // batch-k-availability
  antiAffinityOrSpread,
  deprecatedServiceAccountField,
  jobLifecycle,
  pdbValid,
  sshPort,
];

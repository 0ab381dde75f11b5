// The Pod Security Standards: each check (ids as in kubernetes/pod-security-admission
// `policy/check_*.go`) and the level that enforces it. The restricted level enforces every baseline
// check too. Rules name the checks they implement in `aliases.pss`; the `pss-baseline` and
// `pss-restricted` profiles turn on exactly those rules.

export type PssLevel = 'baseline' | 'restricted';

export const PSS_CHECKS: Record<string, PssLevel> = {
  hostNamespaces: 'baseline',
  privileged: 'baseline',
  capabilities_baseline: 'baseline',
  hostPathVolumes: 'baseline',
  hostPorts: 'baseline',
  appArmorProfile: 'baseline',
  seLinuxOptions: 'baseline',
  procMount: 'baseline',
  seccompProfile_baseline: 'baseline',
  sysctls: 'baseline',
  windowsHostProcess: 'baseline',
  hostProbesAndHostLifecycle: 'baseline',
  restrictedVolumes: 'restricted',
  allowPrivilegeEscalation: 'restricted',
  runAsNonRoot: 'restricted',
  runAsUser: 'restricted',
  seccompProfile_restricted: 'restricted',
  capabilities_restricted: 'restricted',
  procMount_restricted: 'restricted',
};

/** Does a level enforce this check? */
export function levelEnforces(level: PssLevel, check: string): boolean {
  const of = PSS_CHECKS[check];
  return of !== undefined && (of === 'baseline' || level === 'restricted');
}

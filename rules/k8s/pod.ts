// Pod-level -> container-level inheritance, as the kubelet applies it: a field set on the
// container's securityContext wins, otherwise the pod's securityContext value applies.
import type { YAMLMap, Node } from 'yaml';
import { getIn, getMap, scalarAt, type Container, type PodSpec } from './language';

/** Fields of PodSecurityContext that containers inherit when they do not set them. */
export const INHERITED_FIELDS = ['runAsNonRoot', 'runAsUser', 'runAsGroup', 'seccompProfile', 'seLinuxOptions', 'appArmorProfile', 'windowsOptions'] as const;
export type InheritedField = (typeof INHERITED_FIELDS)[number];

export interface Effective {
  /** Value node, or null when set nowhere. */
  node: Node | null;
  /** Where the effective value comes from. */
  from: 'container' | 'pod' | 'unset';
}

/** Effective value of a security context field for a container, following inheritance. */
export function effective(pod: PodSpec, container: Container, field: InheritedField, sub: string[] = []): Effective {
  const own = getIn(getMap(container.node, ['securityContext']), [field, ...sub]);
  if (own) return { node: own, from: 'container' };
  const inherited = getIn(getMap(pod.node, ['securityContext']), [field, ...sub]);
  if (inherited) return { node: inherited, from: 'pod' };
  return { node: null, from: 'unset' };
}

/** Scalar value of an effective field (`undefined` when unset or not a scalar). */
export function effectiveValue(pod: PodSpec, container: Container, field: InheritedField, sub: string[] = []): unknown {
  const e = effective(pod, container, field, sub);
  if (!e.node) return undefined;
  return (e.node as { value?: unknown }).value;
}

/** A container-only field (privileged, allowPrivilegeEscalation, capabilities, ...). */
export function containerSC(container: Container, path: string[]): unknown {
  return scalarAt(container.node, ['securityContext', ...path]);
}

export function securityContext(map: YAMLMap | null): YAMLMap | null {
  return getMap(map, ['securityContext']);
}

/** `hostUsers: false` relaxes several Pod Security Standards checks (user namespaces). */
export function usesUserNamespace(pod: PodSpec): boolean {
  return scalarAt(pod.node, ['hostUsers']) === false;
}

// Shared helpers of the pod and container security-context rules: effective values, capability lists, fixes.
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import type { Fix, Range, TextEdit } from '../types';
import type { LineIndex } from '../text';
import { appendToSeq, removeKey, removeSeqItem, replaceScalar, setPath } from './yaml-edit';
import { getIn, getMap, isMap, isScalar, isSeq, keyNode, nodeRange, reportRange, stringAt, type Container, type K8sModel, type K8sObject, type PodSpec, podTargets, containerLabel, objectLabel, type PodTarget } from './language';

// Naming and pod-spec helpers live with the model; re-exported for the rules that import them here.
export { podTargets, objectLabel, containerLabel, type PodTarget } from './language';

/** Containers a rule looks at: PSS checks visit all kinds; others skip debug (ephemeral) containers. */
export function containersOf(pod: PodSpec, includeEphemeral: boolean): Container[] {
  return includeEphemeral ? pod.containers : pod.containers.filter((c) => c.kind !== 'ephemeralContainers');
}

/** Range of the container's `name:` key (or the whole container map when it has no name). */
export function containerRange(model: K8sModel, c: Container): Range {
  return nodeRange(model.index, keyNode(c.node, 'name') ?? c.node)!;
}

/** The `spec:` (or `template:`) key that holds the pod spec, for object-level findings and passes. */
export function podRange(model: K8sModel, target: PodTarget): Range {
  const { obj, pod } = target;
  const parent = pod.path.length > 1 ? getMap(obj.node, pod.path.slice(0, -1)) : obj.node;
  const key = keyNode(parent, pod.path[pod.path.length - 1]);
  return nodeRange(model.index, key ?? keyNode(obj.node, 'kind') ?? obj.node)!;
}

/** Best range for a missing field of a container. */
export function missingRange(model: K8sModel, c: Container, path: string[]): Range {
  return reportRange(model.index, c.node, path, keyNode(c.node, 'name'));
}

export function rangeOf(model: K8sModel, node: Node | null | undefined, fallback: Range): Range {
  return nodeRange(model.index, node) ?? fallback;
}

/** A scalar's JS value (undefined for maps, sequences and missing nodes). */
export function valueOf(node: Node | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

/**
 * Did the author write a value here (not a missing key, nor an empty `key:` / `key: null`)? A fix
 * never flips such a value: findings about it offer the edit as a suggestion.
 */
export function isExplicit(node: Node | null | undefined): boolean {
  return !!node && !(isScalar(node) && (node.value === null || node.value === undefined));
}

/** A node's text as written in the file (`true`, `"false"`), for messages. */
export function writtenText(model: K8sModel, node: Node): string {
  return node.range ? model.index.text.slice(node.range[0], node.range[1]).trim() : String(valueOf(node));
}

/** YAML `true` (also the string "true", which some generators emit). */
export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

export function isFalse(v: unknown): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

/** A number (or numeric string); NaN otherwise. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return NaN;
}

export function seqAt(node: Node | null | undefined, path: (string | number)[]): YAMLSeq | null {
  const n = getIn(node, path);
  return isSeq(n) ? n : null;
}

/** Scalar string items of a sequence with their nodes (other items are skipped). */
export function stringItems(seq: YAMLSeq | null): { value: string; node: Node; index: number }[] {
  const out: { value: string; node: Node; index: number }[] = [];
  seq?.items.forEach((item, index) => {
    if (isScalar(item) && item.value !== null && item.value !== undefined) out.push({ value: String(item.value), node: item as Node, index });
  });
  return out;
}

/** `spec.os.name: windows`: PSS exempts such pods from Linux-only restricted checks. */
export function isWindowsPod(pod: PodSpec): boolean {
  return (stringAt(pod.node, ['os', 'name']) ?? '').toLowerCase() === 'windows';
}

export function mapAt(node: Node | null | undefined, path: (string | number)[]): YAMLMap | null {
  const n = getIn(node, path);
  return isMap(n) ? n : null;
}

// YAML edits: ./yaml-edit gives minimal edits (null when no safe edit exists).
type Edits = TextEdit[] | null;

/**
 * Replace a scalar with a plain (unquoted) value such as `false` or `Default`: a quoted `"true"`
 * becomes `false`, not the string `"false"`.
 */
function replacePlain(index: LineIndex, node: Node, newText: string): Edits {
  if (isScalar(node) && node.range && !node.tag && !node.anchor && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
    return [{ range: index.range(node.range[0], node.range[1]), newText }];
  }
  return replaceScalar(index, node, newText);
}

export const yamlEdit = { setPath, removeKey, replaceScalar: replacePlain, appendToSeq, removeSeqItem };

/** A fix from edits, or undefined when no safe edit exists. */
export function fixOf(title: string, edits: Edits): Fix | undefined {
  return edits && edits.length ? { title, edits } : undefined;
}

/** Capabilities the PSS baseline allows in `capabilities.add` (the container runtime defaults). */
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The pod's hostPath volumes, with their index, name and node path (either may be missing). */
export function hostPathVolumes(pod: PodSpec): { vol: YAMLMap; index: number; name: string | null; path: string | null }[] {
  const out: { vol: YAMLMap; index: number; name: string | null; path: string | null }[] = [];
  const vols = seqAt(pod.node, ['volumes']);
  for (let i = 0; i < (vols?.items.length ?? 0); i++) {
    const vol = mapAt(vols, [i]);
    if (!vol || !getIn(vol, ['hostPath'])) continue;
    out.push({ vol, index: i, name: stringAt(vol, ['name']), path: stringAt(vol, ['hostPath', 'path']) });
  }
  return out;
}

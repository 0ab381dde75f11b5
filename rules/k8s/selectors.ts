// Label selectors and the per-file index summary that cross-object rules read (PDBs, network
// policies, Services and HPAs often live in other files than the workloads they apply to).
import { isMap, isSeq, isScalar, type YAMLMap } from 'yaml';
import { getIn, getMap, scalarAt, stringAt, POD_SPEC_PATHS, type K8sModel, type K8sObject } from './language';

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

/** One object of a file, as other files' rules need it. JSON-serialisable. */
export interface K8sIndexItem {
  kind: string;
  apiVersion: string;
  name: string | null;
  /** Namespace as written; null means the namespace the manifest is applied to. */
  namespace: string | null;
  /** 0-based line of the object's `kind:` key, for evidence. */
  line: number;
  labels: Record<string, string>;
  /** Labels of the pods a workload creates (template labels; a Pod's own labels). */
  podLabels: Record<string, string> | null;
  /**
   * Selector of the object: a workload's spec.selector, a PDB's spec.selector, a NetworkPolicy's
   * spec.podSelector, a Service's spec.selector (as matchLabels). null when it has none.
   */
  selector: LabelSelector | null;
  replicas: number | null;
  /** HPA: the object it scales, and its minReplicas. */
  scaleTarget: { kind: string; name: string; minReplicas: number | null } | null;
  /** NetworkPolicy: effective policyTypes (Ingress is implied; Egress when egress rules exist). */
  policyTypes: string[] | null;
}

function labelsOf(map: YAMLMap | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of map?.items ?? []) if (isScalar(p.key) && isScalar(p.value)) out[String(p.key.value)] = p.value.value === null ? '' : String(p.value.value);
  return out;
}

/** Parse a LabelSelector node (`matchLabels` / `matchExpressions`), or a plain map when `plain`. */
export function readSelector(node: unknown, plain = false): LabelSelector | null {
  if (!isMap(node)) return null;
  if (plain) return { matchLabels: labelsOf(node), matchExpressions: [] };
  const matchExpressions: LabelSelector['matchExpressions'] = [];
  const exprs = getIn(node, ['matchExpressions']);
  if (isSeq(exprs)) {
    for (const e of exprs.items) {
      const key = stringAt(e as YAMLMap, ['key']);
      const operator = stringAt(e as YAMLMap, ['operator']);
      const values = getIn(e as YAMLMap, ['values']);
      if (key && operator) matchExpressions.push({ key, operator, values: isSeq(values) ? values.items.map((v) => String(isScalar(v) ? v.value : '')) : [] });
    }
  }
  return { matchLabels: labelsOf(getMap(node, ['matchLabels'])), matchExpressions };
}

/** Does a selector select these labels? An empty selector selects everything. */
export function selects(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels)) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels).length === 0 && sel.matchExpressions.length === 0;
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

export function indexItem(model: K8sModel, o: K8sObject): K8sIndexItem {
  const kindKey = o.node.items.find((p) => isScalar(p.key) && p.key.value === 'kind')?.key as { range?: [number, number, number] } | undefined;
  const line = kindKey?.range ? model.index.positionAt(kindKey.range[0]).line : 0;
  const podPath = POD_SPEC_PATHS[o.kind];
  let podLabels: Record<string, string> | null = null;
  if (o.kind === 'Pod') podLabels = o.labels;
  else if (podPath) podLabels = labelsOf(getMap(o.node, [...podPath.slice(0, -1), 'metadata', 'labels']));
  let selector: LabelSelector | null = null;
  if (o.kind === 'Service') selector = readSelector(getIn(o.node, ['spec', 'selector']), true);
  else if (o.kind === 'NetworkPolicy') selector = readSelector(getIn(o.node, ['spec', 'podSelector']));
  else if (o.kind === 'CronJob') selector = null;
  else selector = readSelector(getIn(o.node, ['spec', 'selector']), o.kind === 'ReplicationController');
  const target = o.kind === 'HorizontalPodAutoscaler' ? getMap(o.node, ['spec', 'scaleTargetRef']) : null;
  let policyTypes: string[] | null = null;
  if (o.kind === 'NetworkPolicy') {
    const declared = getIn(o.node, ['spec', 'policyTypes']);
    policyTypes = isSeq(declared)
      ? declared.items.map((v) => String(isScalar(v) ? v.value : ''))
      : ['Ingress', ...(getIn(o.node, ['spec', 'egress']) ? ['Egress'] : [])];
  }
  return {
    policyTypes,
    kind: o.kind,
    apiVersion: o.apiVersion,
    name: o.name,
    namespace: o.namespace,
    line,
    labels: o.labels,
    podLabels,
    selector,
    replicas: num(scalarAt(o.node, ['spec', 'replicas'])),
    scaleTarget: target
      ? { kind: stringAt(target, ['kind']) ?? '', name: stringAt(target, ['name']) ?? '', minReplicas: num(scalarAt(o.node, ['spec', 'minReplicas'])) }
      : null,
  };
}

/** Same namespace, treating "unset" as the namespace the files are applied to (equal to each other). */
export function sameNamespace(a: { namespace: string | null }, b: { namespace: string | null }): boolean {
  return (a.namespace ?? '') === (b.namespace ?? '') || (a.namespace ?? 'default') === (b.namespace ?? 'default');
}

// Shared helpers of the workload rules: images, resources, probes, service accounts, env secrets,
// availability, ingress, RBAC and API versions.
import type { Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { LineIndex } from '../text';
import { replaceEdit } from '../text';
import type { Fix, Range, RuleContext, TextEdit } from '../types';
import { getIn, getMap, isMap, isScalar, isSeq, keyNode, nodeRange, type Container, type K8sModel, type K8sObject, type PodSpec, podTargets, containerLabel, objectLabel, type PodTarget } from './language';

// Naming and pod-spec helpers live with the model; re-exported for the rules that import them here.
export { podTargets, objectLabel, containerLabel, type PodTarget } from './language';

/** The container's `name:` key (or the whole container map). */
export function containerRange(model: K8sModel, c: Container): Range {
  return nodeRange(model.index, keyNode(c.node, 'name') ?? c.node)!;
}

/** The key that holds the pod spec (`spec:` of a Pod, `spec:` under `template:` otherwise). */
export function podRange(model: K8sModel, t: PodTarget): Range {
  const parent = t.pod.path.length > 1 ? getMap(t.obj.node, t.pod.path.slice(0, -1)) : t.obj.node;
  const key = keyNode(parent, t.pod.path[t.pod.path.length - 1]);
  return nodeRange(model.index, key ?? keyNode(t.obj.node, 'kind') ?? t.obj.node)!;
}

/** The object's `metadata.name` value, else its `kind:` key. */
export function objectRange(model: K8sModel, obj: K8sObject): Range {
  const name = getIn(obj.node, ['metadata', 'name']);
  return nodeRange(model.index, isScalar(name) ? name : keyNode(obj.node, 'kind') ?? obj.node)!;
}

export function rangeOf(model: K8sModel, node: Node | null | undefined, fallback: Range): Range {
  return nodeRange(model.index, node) ?? fallback;
}

export function valueOf(node: Node | null | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}

export function isFalse(v: unknown): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

export function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

/** A number (or numeric string); NaN otherwise. */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return NaN;
}

export function seqAt(node: Node | null | undefined, path: (string | number)[]): YAMLSeq | null {
  const n = getIn(node, path);
  return isSeq(n) ? n : null;
}

export function mapItems(seq: YAMLSeq | null): { node: YAMLMap; index: number }[] {
  const out: { node: YAMLMap; index: number }[] = [];
  seq?.items.forEach((item, index) => {
    if (isMap(item)) out.push({ node: item, index });
  });
  return out;
}

/** A scalar's string form, or null for maps, sequences, null and missing nodes. */
export function scalarString(node: Node | null | undefined): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

/** Plain JS value of a node (for comparisons); null when missing. */
export function toJS(node: Node | null | undefined): unknown {
  if (!node) return null;
  try {
    return (node as unknown as { toJSON(): unknown }).toJSON();
  } catch {
    return null;
  }
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function fixOf(title: string, edits: TextEdit[] | null | undefined): Fix | undefined {
  return edits && edits.length ? { title, edits } : undefined;
}

// ---- text edits on block YAML (used for review-needed suggestions and simple fixes) ----

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function column(index: LineIndex, offset: number): number {
  return index.positionAt(offset).character;
}

/** Is the node written in block style (its first key starts a line, after indentation or `- `)? */
function isBlockMap(index: LineIndex, map: YAMLMap): boolean {
  if (map.flow || !map.range || map.items.length === 0) return false;
  const first = map.items[0].key as Node | null;
  if (!first?.range) return false;
  const before = index.text.slice(index.lineStart(index.positionAt(first.range[0]).line), first.range[0]);
  return /^[\s-]*$/.test(before);
}

/** Offset at the end of the last content line of a map (before trailing blank lines/comments). */
function endOfContent(index: LineIndex, map: YAMLMap): number {
  const last = map.items[map.items.length - 1];
  const node = (last.value as Node | null) ?? (last.key as Node | null);
  let end = node?.range ? node.range[1] : map.range![1];
  while (end > 0 && /\s/.test(index.text[end - 1])) end--;
  return index.lineEnd(index.positionAt(end).line);
}

/** Lines of `key: value` (string) or `key:` + indented lines (string[]), nested along `path`. */
function renderPath(path: string[], value: string | string[], indent: string, eol: string, compactSeq = false): string {
  const lines: string[] = [];
  path.forEach((seg, i) => {
    const pad = indent + '  '.repeat(i);
    if (i < path.length - 1) lines.push(`${pad}${seg}:`);
    else if (typeof value === 'string') lines.push(`${pad}${seg}: ${value}`);
    else {
      lines.push(`${pad}${seg}:`);
      const sub = compactSeq && value[0]?.startsWith('- ') ? '' : '  ';
      for (const l of value) lines.push(`${pad}${sub}${l}`);
    }
  });
  return lines.join(eol);
}

/**
 * Insert `path` (creating missing maps) with `value` under a block map; `value` may carry a
 * trailing `# review:` comment. Returns null when the shape is not plain block YAML, or when the
 * leaf already exists.
 */
export function insertPath(index: LineIndex, map: YAMLMap, path: string[], value: string | string[]): TextEdit[] | null {
  let cur = map;
  let i = 0;
  for (; i < path.length; i++) {
    const p = pairOf(cur, path[i]);
    if (!p) break;
    if (i === path.length - 1) return null;
    const v = p.value as Node | null;
    const k = p.key as Node;
    if (isMap(v) && v.items.length > 0) {
      cur = v;
      continue;
    }
    // `key: {}` or `key:` (null): write the rest of the path as a block under the key.
    const empty = (isMap(v) && v.items.length === 0) || (isScalar(v) && v.value === null) || v === null;
    if (!empty || !k.range) return null;
    const keyCol = column(index, k.range[0]);
    const colon = index.text.indexOf(':', k.range[1]);
    if (colon < 0) return null;
    const end = v && v.range && v.range[1] > colon ? v.range[1] : colon + 1;
    if (index.text.slice(colon + 1, end).trim() !== (isMap(v) ? '{}' : '')) return null;
    const text = index.eol + renderPath(path.slice(i + 1), value, ' '.repeat(keyCol + 2), index.eol, compactSequences(index));
    return [replaceEdit(index, colon + 1, end, text)];
  }
  if (!isBlockMap(index, cur)) return null;
  const col = column(index, (cur.items[0].key as Node).range![0]);
  const at = endOfContent(index, cur);
  return [replaceEdit(index, at, at, index.eol + renderPath(path.slice(i), value, ' '.repeat(col), index.eol, compactSequences(index)))];
}

/** Does the file write block sequences at their key's indentation (`key:\n- item`)? */
function compactSequences(index: LineIndex): boolean {
  const m = /^( *)[^\s#-][^:\n]*:[ \t]*\r?\n( *)- /m.exec(index.text);
  return !!m && m[1].length === m[2].length;
}

/** Replace a scalar's text. */
export function replaceScalarEdit(index: LineIndex, node: Node | null | undefined, text: string): TextEdit[] | null {
  if (!isScalar(node) || !node.range) return null;
  return [replaceEdit(index, node.range[0], node.range[1], text)];
}

/** Containers that are not ephemeral (debug) containers. */
export function runContainers(pod: PodSpec): Container[] {
  return pod.containers.filter((c) => c.kind !== 'ephemeralContainers');
}

/** Declared container ports: names and numbers. */
export function declaredPorts(c: Container): { names: Set<string>; numbers: Set<number>; first: { name: string | null; number: number | null } | null } {
  const names = new Set<string>();
  const numbers = new Set<number>();
  let first: { name: string | null; number: number | null } | null = null;
  for (const { node } of mapItems(seqAt(c.node, ['ports']))) {
    const name = scalarString(getIn(node, ['name']));
    const num = toNumber(valueOf(getIn(node, ['containerPort'])));
    if (name) names.add(name);
    if (!Number.isNaN(num)) numbers.add(num);
    if (!first && (name || !Number.isNaN(num))) first = { name, number: Number.isNaN(num) ? null : num };
  }
  return { names, numbers, first };
}

/** Env var names that look like they hold a credential (kube-linter env-var-secret + Polaris sensitiveContainerEnvVar). */
export const SECRET_NAME_PATTERNS: RegExp[] = [
  /^AWS_SECRET_ACCESS_KEY$/i,
  /^GOOGLE_APPLICATION_CREDENTIALS$/i,
  /^AZURE_.+KEY$/i,
  /^OCI_CLI_KEY_CONTENT$/i,
  /password/i,
  /token/i,
  /bearer/i,
  /secret/i,
];

/** A PEM private key (`-----BEGIN RSA PRIVATE KEY-----` and variants). */
export const PRIVATE_KEY = /-BEGIN\s+.*PRIVATE KEY-/i;

export function looksSecretName(name: string): boolean {
  return SECRET_NAME_PATTERNS.some((re) => re.test(name));
}

// ---- resources ----

export type ResourceSection = 'requests' | 'limits';
export type ResourceName = 'cpu' | 'memory';

/** Polaris' placeholder values (cpu 100m, memory 512Mi), marked for review. */
const PLACEHOLDER: Record<ResourceName, string> = { cpu: '100m', memory: '512Mi' };
const REVIEW: Record<ResourceSection, Record<ResourceName, string>> = {
  requests: { cpu: 'CPU the workload needs reserved (measure it)', memory: 'memory the workload needs reserved (measure it)' },
  limits: { cpu: 'CPU ceiling; throttles above it', memory: 'memory ceiling; the container is OOM-killed above it' },
};

/** Check of one `resources.<section>.<name>` field on containers and init containers. */
export function checkResource(model: K8sModel, ctx: RuleContext, section: ResourceSection, name: ResourceName): void {
  const what = `${name === 'cpu' ? 'CPU' : 'memory'} ${section === 'requests' ? 'request' : 'limit'}`;
  for (const { pod } of podTargets(model)) {
    for (const c of runContainers(pod)) {
      const node = getIn(c.node, ['resources', section, name]);
      const value = scalarString(node);
      if (value !== null && value.trim() !== '') {
        ctx.pass({ range: rangeOf(model, node, containerRange(model, c)), message: `${containerLabel(c)} sets a ${what} (${value})` });
        continue;
      }
      const edits = insertPath(model.index, c.node, ['resources', section, name], `${PLACEHOLDER[name]}  # review: ${REVIEW[section][name]}`);
      ctx.report({
        range: node ? rangeOf(model, node, containerRange(model, c)) : containerRange(model, c),
        message: `${containerLabel(c)} has no ${what} (resources.${section}.${name}).`,
        suggestions: edits ? [{ title: `Add resources.${section}.${name}: ${PLACEHOLDER[name]} (review the value)`, edits }] : undefined,
      });
    }
  }
}

// ---- probes ----

export type ProbeKey = 'readinessProbe' | 'livenessProbe';

/** Kinds whose pods run to completion: serving probes do not apply. */
export const RUN_TO_COMPLETION = new Set(['Job', 'CronJob']);

function probeSuggestions(model: K8sModel, c: Container, key: ProbeKey): Fix[] {
  const port = declaredPorts(c).first;
  const path = key === 'readinessProbe' ? '/ready' : '/healthz';
  const what = key === 'readinessProbe' ? 'answers 200 only when ready to serve' : 'answers 200 while the process is healthy';
  const timing = key === 'readinessProbe' ? ['periodSeconds: 5', 'failureThreshold: 3'] : ['periodSeconds: 10', 'failureThreshold: 3'];
  const out: Fix[] = [];
  const add = (title: string, lines: string[]) => {
    const edits = insertPath(model.index, c.node, [key], lines);
    if (edits) out.push({ title, edits });
  };
  if (port) {
    const p = port.name ?? String(port.number);
    add(`Add an HTTP ${key} on port ${p} (review path and timing)`, ['httpGet:', `  path: ${path}  # review: endpoint that ${what}`, `  port: ${p}`, ...timing]);
    add(`Add a TCP ${key} on port ${p} (review timing)`, ['tcpSocket:', `  port: ${p}  # review: a listening socket is a weak health signal`, ...timing]);
  } else {
    add(`Add an exec ${key} (review the command)`, ['exec:', '  command: [cat, /tmp/healthy]  # review: a command that succeeds only when healthy', 'initialDelaySeconds: 5', 'periodSeconds: 5']);
  }
  return out;
}

export function checkProbePresent(model: K8sModel, ctx: RuleContext, key: ProbeKey): void {
  const word = key === 'readinessProbe' ? 'readiness' : 'liveness';
  for (const { obj, pod } of podTargets(model)) {
    if (RUN_TO_COMPLETION.has(obj.kind)) continue;
    for (const c of pod.containers) {
      if (c.kind !== 'containers') continue;
      const probe = getIn(c.node, [key]);
      if (isMap(probe) && probe.items.length > 0) {
        ctx.pass({ range: nodeRange(model.index, keyNode(c.node, key))!, message: `${containerLabel(c)} has a ${word} probe` });
        continue;
      }
      const s = probeSuggestions(model, c, key);
      ctx.report({
        range: probe ? nodeRange(model.index, keyNode(c.node, key))! : containerRange(model, c),
        message: `${containerLabel(c)} has no ${word} probe (${key}).`,
        suggestions: s.length ? s : undefined,
      });
    }
  }
}

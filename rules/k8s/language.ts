// Kubernetes domain: any YAML/JSON document with `apiVersion` and `kind`, parsed with `yaml` keeping
// exact ranges for every node. Finds pod specs in every workload kind and the containers in them.
import { parseAllDocuments, isMap, isSeq, isScalar, isAlias, type Document, type YAMLMap, type Node } from 'yaml';
import { LineIndex, nestingBeyond } from '../text';
import type { Language, ParsedFile, Range } from '../types';
import { indexItem } from './selectors';
import { annotationSuppressions } from './annotations';
import { isKustomizationFile, kustomizationItem, patchReason } from './kustomize';

export type ContainerKind = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  node: YAMLMap;
  name: string;
  kind: ContainerKind;
  index: number;
}

export interface PodSpec {
  /** The pod spec map (`spec` of a Pod, `spec.template.spec` of a Deployment, ...). */
  node: YAMLMap;
  /** Keys from the object's root to the pod spec. */
  path: string[];
  /** Metadata of the pod (the object's own for a Pod, the template's otherwise). */
  metadata: YAMLMap | null;
  containers: Container[];
}

export interface K8sObject {
  /** The object's map: a document root, or an item of a `List`. */
  node: YAMLMap;
  docIndex: number;
  apiVersion: string;
  kind: string;
  name: string | null;
  namespace: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  podSpec: PodSpec | null;
}

export interface K8sModel {
  text: string;
  index: LineIndex;
  docs: Document[];
  objects: K8sObject[];
}

/** Where the pod spec lives in each workload kind. */
export const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

/** Kinds that are not complete cluster objects and must not be linted as such. */
const NOT_OBJECTS = new Set(['Kustomization', 'Component', 'HelmRelease', 'ChartValues']);

/** Child node at `path` (map keys or sequence indexes); aliases are not followed. */
export function getIn(node: Node | null | undefined, path: (string | number)[]): Node | null {
  let cur: Node | null | undefined = node;
  for (const seg of path) {
    if (!cur) return null;
    if (isMap(cur)) {
      const pair = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      cur = (pair?.value as Node | null | undefined) ?? null;
    } else if (isSeq(cur) && typeof seg === 'number') {
      cur = (cur.items[seg] as Node | undefined) ?? null;
    } else return null;
  }
  return cur ?? null;
}

export function getMap(node: Node | null | undefined, path: (string | number)[]): YAMLMap | null {
  const n = getIn(node, path);
  return isMap(n) ? n : null;
}

/** The JS value of a scalar at `path` (undefined when missing or not a scalar). */
export function scalarAt(node: Node | null | undefined, path: (string | number)[]): unknown {
  const n = getIn(node, path);
  return isScalar(n) ? n.value : undefined;
}

export function stringAt(node: Node | null | undefined, path: (string | number)[]): string | null {
  const v = scalarAt(node, path);
  return v === undefined || v === null ? null : String(v);
}

/** Key node of `key` in `map`. */
export function keyNode(map: YAMLMap | null, key: string): Node | null {
  const pair = map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? null;
}

/** Range of a node's value (without trailing comments/whitespace). */
export function nodeRange(index: LineIndex, node: Node | null | undefined): Range | null {
  const r = node?.range;
  return r ? index.range(r[0], r[1]) : null;
}

/**
 * Best range to report a problem with `path` under `map`: the deepest existing key on the path
 * (so "missing securityContext.runAsNonRoot" points at `securityContext:` if it exists, else at
 * the container's `name:`), falling back to `fallback`.
 */
export function reportRange(index: LineIndex, map: YAMLMap, path: string[], fallback?: Node | null): Range {
  let cur: YAMLMap | null = map;
  let best: Node | null = null;
  for (const seg of path) {
    const k = keyNode(cur, seg);
    if (!k) break;
    best = k;
    const v = getIn(cur, [seg]);
    cur = isMap(v) ? v : null;
    if (!cur) break;
  }
  return nodeRange(index, best ?? fallback ?? keyNode(map, 'name') ?? map)!;
}

function stringRecord(map: YAMLMap | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of map?.items ?? []) {
    if (isScalar(p.key) && isScalar(p.value)) out[String(p.key.value)] = p.value.value === null ? '' : String(p.value.value);
  }
  return out;
}

function toObject(node: YAMLMap, docIndex: number): K8sObject | null {
  const apiVersion = stringAt(node, ['apiVersion']);
  const kind = stringAt(node, ['kind']);
  if (!apiVersion || !kind || NOT_OBJECTS.has(kind)) return null;
  const metadata = getMap(node, ['metadata']);
  const podPath = POD_SPEC_PATHS[kind];
  let podSpec: PodSpec | null = null;
  if (podPath) {
    const specNode = getMap(node, podPath);
    if (specNode) {
      const metaPath = kind === 'Pod' ? ['metadata'] : [...podPath.slice(0, -1), 'metadata'];
      const containers: Container[] = [];
      for (const ck of ['initContainers', 'containers', 'ephemeralContainers'] as ContainerKind[]) {
        const seq = getIn(specNode, [ck]);
        if (!isSeq(seq)) continue;
        seq.items.forEach((item, i) => {
          if (isMap(item)) containers.push({ node: item, name: stringAt(item, ['name']) ?? `${ck}[${i}]`, kind: ck, index: i });
        });
      }
      podSpec = { node: specNode, path: podPath, metadata: getMap(node, metaPath), containers };
    }
  }
  return {
    node,
    docIndex,
    apiVersion,
    kind,
    name: stringAt(metadata, ['name']),
    namespace: stringAt(metadata, ['namespace']),
    labels: stringRecord(getMap(metadata, ['labels'])),
    annotations: stringRecord(getMap(metadata, ['annotations'])),
    podSpec,
  };
}

export interface PodTarget {
  obj: K8sObject;
  pod: PodSpec;
}

/** Every object with a pod spec. */
export function podTargets(model: K8sModel): PodTarget[] {
  const out: PodTarget[] = [];
  for (const obj of model.objects) if (obj.podSpec) out.push({ obj, pod: obj.podSpec });
  return out;
}

/** `Deployment "web"` (or the kind alone when the object has no name), for messages. */
export function objectLabel(obj: { kind: string; name: string | null }): string {
  return obj.name ? `${obj.kind} "${obj.name}"` : obj.kind;
}

const CONTAINER_KIND_LABEL: Record<ContainerKind, string> = {
  containers: 'Container',
  initContainers: 'Init container',
  ephemeralContainers: 'Ephemeral container',
};

/** `Container "web"`, `Init container "migrate"`, for messages. */
export function containerLabel(c: Container): string {
  return `${CONTAINER_KIND_LABEL[c.kind]} "${c.name}"`;
}

/** Values of the `yaml` parser that would make it expand aliases without bound. */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, maxAliasCount: 100, strict: false } as const;

/** Kubernetes objects nest a few dozen levels; past this a file is not read (see nestingBeyond). */
const MAX_NESTING = 200;

export function parseManifests(text: string): ParsedFile<K8sModel> {
  const index = new LineIndex(text);
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep >= 0) {
    return { model: { text, index, docs: [], objects: [] }, parseErrors: [{ range: index.range(tooDeep, tooDeep + 1), message: `Nested more than ${MAX_NESTING} levels deep here: this file is not read (Kubernetes objects never nest this deep).` }] };
  }
  const docs = parseAllDocuments(text, PARSE_OPTIONS) as Document[] | { errors: unknown[] };
  const model: K8sModel = { text, index, docs: [], objects: [] };
  if (!Array.isArray(docs)) return { model, parseErrors: [{ range: index.range(0, 0), message: 'This file is not valid YAML.' }] };
  model.docs = docs;
  const parseErrors: ParsedFile['parseErrors'] = [];
  docs.forEach((doc, docIndex) => {
    for (const e of doc.errors) parseErrors.push({ range: index.range(e.pos[0], Math.max(e.pos[0], e.pos[1])), message: `YAML syntax error: ${e.message.split('\n')[0]}` });
    const root = doc.contents;
    if (!isMap(root)) return;
    const kind = stringAt(root, ['kind']);
    const items = getIn(root, ['items']);
    if (kind && /List$/.test(kind) && isSeq(items)) {
      for (const item of items.items) {
        if (isMap(item)) {
          const o = toObject(item, docIndex);
          if (o) model.objects.push(o);
        }
      }
      return;
    }
    const o = toObject(root, docIndex);
    if (o) model.objects.push(o);
  });
  return { model, parseErrors };
}

/** Does the text look like it holds a Kubernetes object (cheap test before parsing)? */
export function looksLikeManifest(text: string): boolean {
  // YAML keys start a line; JSON keys may share one line (`{"apiVersion": "v1", "kind": ...}`).
  return (/^\s*apiVersion\s*:/m.test(text) || /"apiVersion"\s*:/.test(text)) && (/^\s*kind\s*:/m.test(text) || /"kind"\s*:/.test(text));
}

/** A Helm template or other Go-templated file: not YAML until rendered. */
export function isTemplated(text: string): boolean {
  if (!text.includes('{{')) return false;
  // Template actions stand where YAML structure is: on a line of their own (`{{- if .Values.x }}`)
  // or as an unquoted value (`image: {{ .Values.image }}`, `- {{ .x }}`). `{{` inside quoted
  // strings (alert descriptions, sed arguments) is data, and the manifest is linted.
  return /^[ \t]*(-[ \t]+)?\{\{/m.test(text) || /:[ \t]+\{\{/.test(text);
}

export const k8sLanguage: Language<K8sModel> = {
  domain: 'k8s',
  commentPrefix: '#',
  globs: ['**/*.yaml', '**/*.yml', '**/*.json'],
  matches(path, languageId, text) {
    const byName = /\.(ya?ml|json)$/i.test(path) || languageId === 'yaml' || languageId === 'json';
    if (!byName) return false;
    if (/(^|[\\/])\.readiness-lint\.ya?ml$/.test(path) || /(^|[\\/])(package(-lock)?|tsconfig|composer)\.json$/.test(path)) return false;
    if (text === undefined) return true;
    // Kustomizations often omit apiVersion/kind; they are read for their patch list.
    if (isKustomizationFile(path)) return true;
    // Helm templates are left alone: their output only exists after `helm template`.
    return looksLikeManifest(text) && !isTemplated(text);
  },
  parse(text) {
    return parseManifests(text);
  },
  indexItems(model, path) {
    const kustomizations = model.docs.map((d) => kustomizationItem(d, path)).filter((k) => k !== null);
    return [...model.objects.map((o) => indexItem(model, o)), ...kustomizations];
  },
  partialReason(path, workspace) {
    return patchReason(path, workspace);
  },
  objectSuppressions(model) {
    return annotationSuppressions(model);
  },
};

export { isMap, isSeq, isScalar, isAlias };

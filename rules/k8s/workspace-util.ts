// Helpers for the Kubernetes rules that relate objects across files.
import { isScalar, type Node } from 'yaml';
import type { Range, RuleContext } from '../types';
import { getMap, keyNode, nodeRange, type K8sModel, type K8sObject } from './language';
import type { K8sIndexItem } from './selectors';

/** Every object of the workspace (this file included, from its current text). */
export function workspaceItems(ctx: RuleContext): K8sIndexItem[] {
  return (ctx.workspace?.entries('k8s') ?? []).flatMap((e) => e.items as K8sIndexItem[]);
}

/** Where to report about an object as a whole: its `metadata.name` value, else its `kind:` key. */
export function objectRange(model: K8sModel, o: K8sObject): Range {
  const name = getMap(o.node, ['metadata'])?.items.find((p) => isScalar(p.key) && p.key.value === 'name')?.value as Node | undefined;
  return nodeRange(model.index, name) ?? nodeRange(model.index, keyNode(o.node, 'kind'))!;
}


/** A new YAML document appended at the end of the file (`---` separated), as one edit. */
export function appendDocument(model: K8sModel, yamlText: string): { range: Range; newText: string } {
  const eol = model.index.eol;
  const end = model.text.length;
  const needsNewline = end > 0 && !model.text.endsWith('\n');
  const text = (needsNewline ? eol : '') + '---' + eol + yamlText.replace(/\n/g, eol) + (yamlText.endsWith('\n') ? '' : eol);
  return { range: model.index.range(end, end), newText: text };
}

/** `key: value` lines for labels, indented. */
export function labelLines(labels: Record<string, string>, indent: string): string {
  return Object.entries(labels)
    .map(([k, v]) => `${indent}${k}: ${JSON.stringify(v)}`)
    .join('\n');
}

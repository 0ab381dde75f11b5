// Suppressions written as annotations on an object (or on its pod template), ours and the peers':
//   readiness-lint.io/disable: "k8s/host-port, k8s/cpu-limits -- reason"
//   ignore-check.kube-linter.io/<check>: "reason"      kube-linter.io/ignore-all: "reason"
//   polaris.fairwinds.com/<check>-exempt: "true"       polaris.fairwinds.com/exempt: "true"
//   kube-score/ignore: "check-a,check-b"               checkov.io/skip1: "CKV_K8S_38=reason"
import { isMap, isScalar, type Node } from 'yaml';
import type { ObjectSuppression } from '../types';
import { getMap, POD_SPEC_PATHS, type K8sModel } from './language';

export function annotationSuppressions(model: K8sModel): ObjectSuppression[] {
  const out: ObjectSuppression[] = [];
  for (const o of model.objects) {
    const r = o.node.range;
    if (!r) continue;
    const firstLine = model.index.positionAt(r[0]).line;
    const lastLine = model.index.positionAt(r[1]).line;
    const podPath = POD_SPEC_PATHS[o.kind];
    // Users often put them on the pod template; both places count (kube-linter#1180, checkov#6469).
    const places = [getMap(o.node, ['metadata', 'annotations']), podPath && o.kind !== 'Pod' ? getMap(o.node, [...podPath.slice(0, -1), 'metadata', 'annotations']) : null];
    for (const annotations of places) {
      if (!isMap(annotations)) continue;
      for (const pair of annotations.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const value = isScalar(pair.value) && pair.value.value !== null ? String(pair.value.value) : '';
        const kr = (pair.key as Node).range!;
        const range = model.index.range(kr[0], (pair.value as Node | null)?.range?.[1] ?? kr[1]);
        const add = (tool: ObjectSuppression['tool'], ids: string[], reason: string | null) => out.push({ tool, ids, reason, firstLine, lastLine, range });
        if (key === 'readiness-lint.io/disable') {
          const [ids, ...reason] = value.split(/\s--\s?/);
          add('own', ids.split(/[,\s]+/).filter(Boolean), reason.join(' -- ').trim() || null);
        } else if (key.startsWith('ignore-check.kube-linter.io/')) {
          add('kubeLinter', [key.slice('ignore-check.kube-linter.io/'.length)], value || null);
        } else if (key === 'kube-linter.io/ignore-all') {
          add('kubeLinter', ['*'], value || null);
        } else if (key === 'polaris.fairwinds.com/exempt' && value === 'true') {
          add('polaris', ['*'], null);
        } else if (/^polaris\.fairwinds\.com\/.+-exempt$/.test(key) && value === 'true') {
          add('polaris', [key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length)], null);
        } else if (key === 'kube-score/ignore') {
          add('kubeScore', value.split(',').map((s) => s.trim()).filter(Boolean), null);
        } else if (/^checkov\.io\/skip\d+$/.test(key)) {
          const [id, ...reason] = value.split('=');
          add('checkov', [id.trim()], reason.join('=').trim() || null);
        }
      }
    }
  }
  return out;
}

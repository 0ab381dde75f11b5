// Kustomize: a kustomization lists strategic-merge patches, which hold partial objects (only the
// fields they change). Those files must not be checked as complete objects.
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { WorkspaceView } from '../types';
import { getIn } from './language';

export interface KustomizationItem {
  kind: 'Kustomization';
  /** Absolute-or-as-given paths of the patch files, resolved against the kustomization's folder. */
  patches: string[];
}

const KUSTOMIZATION_NAME = /(^|[\\/])(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAME.test(path);
}

function dirOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** `a/b/../c.yaml` -> `a/c.yaml`, with '/' separators. */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '..' && out.length && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

/** Patch files a kustomization document names (`patchesStrategicMerge`, `patches[].path`). */
export function kustomizationItem(doc: Document, path: string): KustomizationItem | null {
  const root = doc.contents;
  if (!isMap(root)) return null;
  const kind = getIn(root, ['kind']);
  if (kind && !(isScalar(kind) && kind.value === 'Kustomization') && !isKustomizationFile(path)) return null;
  if (!kind && !isKustomizationFile(path)) return null;
  const files: string[] = [];
  const psm = getIn(root, ['patchesStrategicMerge']);
  if (isSeq(psm)) for (const p of psm.items) if (isScalar(p) && typeof p.value === 'string' && !p.value.includes('\n')) files.push(p.value);
  const patches = getIn(root, ['patches']);
  if (isSeq(patches)) {
    for (const p of patches.items) {
      const file = isMap(p) ? getIn(p, ['path']) : p;
      if (isScalar(file) && typeof file.value === 'string') files.push(file.value);
    }
  }
  return { kind: 'Kustomization', patches: files.map((f) => normalise(dirOf(path) + f)) };
}

/** Is `path` a patch of some kustomization in the workspace? */
export function patchReason(path: string, workspace: WorkspaceView): string | null {
  const me = normalise(path);
  for (const entry of workspace.entries('k8s')) {
    for (const item of entry.items as { kind?: string; patches?: string[] }[]) {
      if (item.kind === 'Kustomization' && item.patches?.includes(me)) {
        return `This file is a patch in ${entry.path.replace(/\\/g, '/').split('/').slice(-2).join('/')}: it holds only the fields it changes, so it is not checked as a complete object (the objects it patches are).`;
      }
    }
  }
  return null;
}

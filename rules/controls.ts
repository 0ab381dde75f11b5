// The readiness checklist: categories -> controls. Rules say which controls they evidence
// (`Rule.controls`); a control is applicable when the workspace has files of its domains.
import type { Domain } from './types';

export interface CategoryDef {
  id: string;
  title: string;
}

export interface ControlDef {
  id: string;
  category: string;
  title: string;
  /** What "done" means, shown in the report and the tree view tooltip. */
  description: string;
  /** Domains whose files make this control applicable. */
  domains: Domain[];
}

export const categories: CategoryDef[] = [{ id: 'container', title: 'Container image' }];

export const controls: ControlDef[] = [
  {
    id: 'container.non-root',
    category: 'container',
    title: 'Runs as a non-root user',
    description: 'The final image switches to a non-root, preferably numeric, user and the build does not rely on sudo.',
    domains: ['docker'],
  },
  {
    id: 'container.base-image',
    category: 'container',
    title: 'Base images pinned and trusted',
    description: 'Every FROM names a tag or digest (never latest) from a trusted registry.',
    domains: ['docker'],
  },
  {
    id: 'container.build-secrets',
    category: 'container',
    title: 'No secrets or disabled verification in the build',
    description: 'No credentials in ARG/ENV, no TLS or package-signature verification turned off, no passwords set in the image.',
    domains: ['docker'],
  },
  {
    id: 'container.healthcheck',
    category: 'container',
    title: 'Health is checkable',
    description: 'The final image declares one HEALTHCHECK (or the orchestrator probes it).',
    domains: ['docker'],
  },
  {
    id: 'container.signals',
    category: 'container',
    title: 'One exec-form entry point',
    description: 'CMD/ENTRYPOINT in exec form, one of each per stage, so SIGTERM reaches the application.',
    domains: ['docker'],
  },
  {
    id: 'container.minimal-surface',
    category: 'container',
    title: 'Minimal attack surface',
    description: 'No SSH port, no recommended extras, no package caches, COPY rather than ADD for local files.',
    domains: ['docker'],
  },
  {
    id: 'container.reproducible-build',
    category: 'container',
    title: 'Reproducible, fail-fast build',
    description: 'Pipes fail the build, absolute WORKDIRs, valid stage references, non-interactive installs, pinned packages.',
    domains: ['docker'],
  },
];

export const categoryById = new Map(categories.map((c) => [c.id, c]));
export const controlById = new Map(controls.map((c) => [c.id, c]));

// Evidence from the files of a workspace (not from rules): runbooks, owners, CI pipeline, lockfiles,
// `.env` files kept out of git. Each control's globs come from rules/controls.ts and can be
// replaced per control in `.readiness-lint.yaml` (`controls.<id>.evidence`).
import fg from 'fast-glob';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { controls, type ControlDef } from '../../../rules/controls';
import type { Range } from '../../../rules/types';
import type { ResolvedConfig } from './config';
import { gitignoreMatch } from './glob';
import { DEFAULT_EXCLUDES } from './workspace';

export const FILE_EVIDENCE_ID = 'readiness-lint/file-evidence';

export interface FileEvidence {
  controlId: string;
  /** Absolute path. */
  file: string;
  range: Range;
  passed: boolean;
  message: string;
}

/** What a workspace scan found for the file-evidenced controls, by control id. */
export interface WorkspaceEvidence {
  root: string;
  items: FileEvidence[];
  /** Globs used per control (for the "needs evidence" explanation). */
  globs: Record<string, string[]>;
}

const LINE0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const MAX_PER_CONTROL = 20;

export function fileControls(): ControlDef[] {
  return controls.filter((c) => c.files || c.fileCheck);
}

export async function collectWorkspaceEvidence(root: string, config: ResolvedConfig): Promise<WorkspaceEvidence> {
  const items: FileEvidence[] = [];
  const globsUsed: Record<string, string[]> = {};
  const ignore = [...DEFAULT_EXCLUDES, ...config.ignore];
  for (const control of fileControls()) {
    if (config.controls[control.id]?.enabled === false) continue;
    if (control.fileCheck === 'env-files-ignored') {
      items.push(...(await envFilesIgnored(root, ignore, control.id)));
      continue;
    }
    const globs = config.controls[control.id]?.evidence ?? control.files!.globs;
    globsUsed[control.id] = globs;
    const found = await fg(globs, { cwd: root, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, caseSensitiveMatch: false, ignore });
    for (const file of found.sort().slice(0, MAX_PER_CONTROL)) {
      items.push({ controlId: control.id, file, range: LINE0, passed: true, message: `Found ${control.files!.what}: ${path.basename(file)}` });
    }
  }
  return { root, items, globs: globsUsed };
}

const ENV_TEMPLATES = /\.(example|sample|template|tmpl|dist|defaults?|schema)$|^\.env\.(example|sample|template)/i;

/** Every `.env` file must be ignored by a `.gitignore` in its folder or above (up to the root). */
async function envFilesIgnored(root: string, ignore: string[], controlId: string): Promise<FileEvidence[]> {
  const envFiles = (await fg(['**/.env', '**/.env.*', '**/*.env'], { cwd: root, absolute: true, dot: true, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true, ignore })).filter(
    (f) => !ENV_TEMPLATES.test(path.basename(f)),
  );
  const out: FileEvidence[] = [];
  const gitignores = new Map<string, string[] | null>();
  const linesOf = (dir: string) => {
    if (!gitignores.has(dir)) {
      const f = path.join(dir, '.gitignore');
      gitignores.set(dir, readLines(f));
    }
    return gitignores.get(dir);
  };
  for (const file of envFiles.sort().slice(0, MAX_PER_CONTROL)) {
    let verdict: { ignored: boolean; line: number; gitignore: string } | null = null;
    // The deepest .gitignore with a matching pattern decides, as in git.
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const lines = linesOf(dir);
      if (lines) {
        const m = gitignoreMatch(lines, path.relative(dir, file).split(path.sep).join('/'));
        if (m) {
          verdict = { ...m, gitignore: path.join(dir, '.gitignore') };
          break;
        }
      }
      if (dir === root || path.dirname(dir) === dir || !dir.startsWith(root)) break;
    }
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (verdict?.ignored) {
      out.push({ controlId, file: verdict.gitignore, range: { start: { line: verdict.line, character: 0 }, end: { line: verdict.line, character: 0 } }, passed: true, message: `${rel} is ignored by git` });
    } else {
      out.push({ controlId, file, range: LINE0, passed: false, message: `${rel} is not in .gitignore: it may hold secrets; add it (commit a .env.example instead)` });
    }
  }
  return out;
}

/** The lines of a .gitignore, or null when there is none or it cannot be read (a folder, no permission). */
function readLines(file: string): string[] | null {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8').split(/\r?\n/) : null;
  } catch {
    return null;
  }
}

// Workspace discovery and scanning: shared by the CLI and the language server's workspace index.
import fg from 'fast-glob';
import { readFileSync, statSync, existsSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { languages } from '../../../rules/index';
import { CONFIG_FILE_NAME, parseConfigText, resolveConfig, type ConfigError, type ResolvedConfig, type Profile } from './config';
import { FILE_START, languageFor, lintText, tooLargeResult, unreadableResult, type FileResult } from './runner';
import type { WorkspaceEntry, WorkspaceView } from '../../../rules/types';

export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**', '**/.venv/**', '**/vendor/bundle/**', '**/.terraform/**'];

/** Files of every domain under `root`, as absolute paths, sorted. */
export async function discoverFiles(root: string, ignore: string[] = []): Promise<string[]> {
  const patterns = [...new Set(languages.flatMap((l) => l.globs))];
  const files = await fg(patterns, {
    cwd: root,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: [...DEFAULT_EXCLUDES, ...ignore],
    caseSensitiveMatch: true,
  });
  return files.filter((f) => languages.some((l) => l.matches(f))).sort();
}

export interface LoadedWorkspaceConfig {
  file: string | null;
  config: ResolvedConfig;
  errors: ConfigError[];
  text: string | null;
}

export function loadWorkspaceConfig(
  root: string,
  explicitFile?: string,
  overrides: { profile?: Profile; noInlineSuppressions?: boolean } = {},
): LoadedWorkspaceConfig {
  const file = explicitFile ? path.resolve(explicitFile) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitFile) return { file, config: resolveConfig({}, overrides), errors: [{ message: `Config file not found: ${explicitFile}`, range: FILE_START }], text: null };
    return { file: null, config: resolveConfig({}, overrides), errors: [], text: null };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, config: resolveConfig({}, overrides), errors: [{ message: `Cannot read the config file (${ioReason(e)}).`, range: FILE_START }], text: null };
  }
  const { config, errors } = parseConfigText(text);
  return { file, config: resolveConfig(config, overrides), errors, text };
}

/**
 * Index summaries of files (for rules that relate objects across files), read and parsed from
 * disk. Only domains whose language publishes index items are read.
 */
export function indexFiles(files: string[], maxFileSizeKb: number): (WorkspaceEntry & { domain: string })[] {
  const out: (WorkspaceEntry & { domain: string })[] = [];
  for (const file of files) {
    if (!languages.some((l) => l.indexItems && l.matches(file))) continue;
    let text: string;
    try {
      // The size cap applies before any read or parse, here as in linting.
      if (statSync(file).size > maxFileSizeKb * 1024) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const language = languageFor(file, undefined, text);
    if (!language?.indexItems) continue;
    try {
      out.push({ domain: language.domain, path: file, items: language.indexItems(language.parse(text, file).model, file) });
    } catch {
      // A file that cannot be summarised contributes nothing; linting it reports the problem.
    }
  }
  return out;
}

/** Lint a file from disk; null when it belongs to no domain or cannot be read. */
export function lintFile(file: string, config: ResolvedConfig, displayPath = file, workspace?: WorkspaceView): FileResult | null {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > config.maxFileSizeKb * 1024) {
      // Do not read huge files whole: the head tells whether it is a file of ours at all (a large
      // JSON data file is not a manifest).
      const language = languageFor(file, undefined, readHead(file));
      return language ? tooLargeResult(displayPath, language.domain, config) : null;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    // A file of a checked kind that cannot be read is a finding, never a silent skip.
    const language = languageFor(file);
    return language ? unreadableResult(displayPath, language.domain, ioReason(e)) : null;
  }
  return lintText({ path: displayPath, text, config, workspace });
}

function readHead(file: string, bytes = 64 * 1024): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** An I/O error in a few words, for one-line messages (no stack traces for users). */
export function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = { ENOENT: 'no such file or folder', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is not a folder', EROFS: 'read-only file system', ENOSPC: 'no space left', ELOOP: 'too many symbolic links' };
  return (code && words[code]) ?? (e as Error).message;
}

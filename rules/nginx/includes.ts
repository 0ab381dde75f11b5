// `include` across the workspace. Every nginx file publishes a compact copy of its directive tree as
// its index item; a rule that needs what an `include` brings in (headers from a snippet, the http
// block a conf.d file is included into) resolves the include's glob against the workspace's nginx
// files, the way nginx resolves it against its prefix. Unresolvable includes stay unknown: rules
// treat them as "may set anything" rather than guessing.
import { compileGlob, type Glob } from '../glob';
import type { RuleContext, WorkspaceView } from '../types';
import type { NginxDirective } from './parser';
import type { NginxModel } from './language';

/** [name, argument values, line, children?] */
type Node = [string, string[], number, Node[]?];

export interface NginxTreeItem {
  kind: 'nginx-tree';
  context: string;
  tree: Node[];
}

export function indexTree(model: NginxModel): NginxTreeItem {
  // Iterative: a deeply nested file must not overflow the stack.
  const tree: Node[] = [];
  const stack: { list: NginxDirective[]; out: Node[] }[] = [{ list: model.directives, out: tree }];
  while (stack.length) {
    const { list, out } = stack.pop()!;
    for (const d of list) {
      const node: Node = [d.name, d.args.map((a) => a.value), d.line];
      if (d.block) {
        node[3] = [];
        stack.push({ list: d.block, out: node[3] });
      }
      out.push(node);
    }
  }
  return { kind: 'nginx-tree', context: model.topContext, tree };
}

function treeOf(ws: WorkspaceView, path: string): NginxTreeItem | null {
  const item = nginxFiles(ws).items.get(path.replace(/\\/g, '/'));
  return item?.kind === 'nginx-tree' ? item : null;
}

/** Directives rebuilt from a summary; offsets are unknown (0), lines are exact. Iterative. */
function deserialize(nodes: Node[], parent: NginxDirective | null, file: string): NginxDirective[] {
  const top: NginxDirective[] = [];
  const stack: { nodes: Node[]; parent: NginxDirective | null; out: NginxDirective[] }[] = [{ nodes, parent, out: top }];
  while (stack.length) {
    const job = stack.pop()!;
    for (const [name, args, line, children] of job.nodes) {
      const d: NginxDirective = {
        name,
        args: args.map((value) => ({ value, raw: value, quote: null, start: 0, end: 0 })),
        start: 0,
        end: 0,
        nameEnd: 0,
        parent: job.parent,
        file,
        line,
      };
      if (children) {
        d.block = [];
        stack.push({ nodes: children, parent: d, out: d.block });
      }
      job.out.push(d);
    }
  }
  return top;
}

const ETC_PREFIXES = ['/etc/nginx/', '/usr/local/nginx/conf/', '/usr/local/etc/nginx/', '/opt/homebrew/etc/nginx/', '/etc/openresty/', '/usr/local/openresty/nginx/conf/'];

const globCache = new Map<string, Glob>();

/** An include pattern as nginx's glob(3) reads it: `*` and `?` stay within a folder name. */
function includeGlob(glob: string): Glob {
  let hit = globCache.get(glob);
  if (!hit) {
    if (globCache.size > 5000) globCache.clear();
    try {
      hit = compileGlob(glob);
    } catch {
      // A pattern that cannot match (an inverted range) includes nothing, as glob(3) finds nothing.
      hit = { test: () => false };
    }
    globCache.set(glob, hit);
  }
  return hit;
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '' : p.slice(0, i);
}

/** The workspace's nginx file paths, with a key that changes when the set of files changes. */
function nginxFiles(ws: WorkspaceView): ViewFiles {
  let hit = filesOfView.get(ws);
  if (!hit) {
    const entries = ws.entries('nginx');
    const files = entries.map((e) => e.path.replace(/\\/g, '/'));
    hit = { files, key: [...files].sort().join('\n'), items: new Map(entries.map((e, i) => [files[i], e.items[0] as NginxTreeItem])) };
    filesOfView.set(ws, hit);
  }
  return hit;
}
interface ViewFiles {
  files: string[];
  key: string;
  items: Map<string, NginxTreeItem | undefined>;
}
// One lint of one file sees one view object: list its files once, not once per include per rule.
const filesOfView = new WeakMap<WorkspaceView, ViewFiles>();

// Include resolution is asked for the same (pattern, file) pairs by every rule of every file:
// cache the answers for the current set of workspace files.
let cacheKey = '';
let resolveCache = new Map<string, string[] | null>();

/**
 * Workspace files an `include` names. nginx resolves relative paths against its prefix (the
 * directory of the main config), so they are tried against the including file's directory and each
 * directory above it; absolute paths under the usual prefixes (/etc/nginx/...) likewise. Returns
 * null when nothing in the workspace matches.
 */
export function resolveInclude(pattern: string, fromFile: string, ws: WorkspaceView): string[] | null {
  const { files, key } = nginxFiles(ws);
  if (key !== cacheKey) {
    cacheKey = key;
    resolveCache = new Map();
  }
  const from = fromFile.replace(/\\/g, '/');
  const k = from + '\n' + pattern;
  if (!resolveCache.has(k)) resolveCache.set(k, resolveUncached(pattern, from, files));
  return resolveCache.get(k)!;
}

function resolveUncached(pattern: string, from: string, files: string[]): string[] | null {
  let rel = pattern;
  if (pattern.startsWith('/')) {
    const prefix = ETC_PREFIXES.find((p) => pattern.startsWith(p));
    if (!prefix) {
      const exact = files.filter((f) => includeGlob(pattern).test(f));
      return exact.length ? exact.sort() : null;
    }
    rel = pattern.slice(prefix.length);
  }
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const re = includeGlob((dir ? dir + '/' : '') + rel);
    const hits = files.filter((f) => re.test(f));
    if (hits.length) return hits.sort();
    if (!dir || !dir.includes('/')) break;
  }
  return null;
}

export interface IncludedFile {
  path: string;
  directives: NginxDirective[];
}

/**
 * What an `include` directive brings in, as directives whose parent is the include's parent block
 * (so inheritance walks see them in place). null = unresolved (no workspace, or no matching file).
 */
export function included(d: NginxDirective, ctx: RuleContext, seen: string[] = []): IncludedFile[] | null {
  const ws = ctx.workspace;
  if (!ws || d.name !== 'include' || d.args.length !== 1) return null;
  const paths = resolveInclude(d.args[0].value, d.file || ctx.filePath, ws);
  if (!paths) return null;
  // One lint may read at most LINT_BUDGET included files in all: files that include each other
  // (conf.d/*.conf including conf.d/*.conf) must not make rules explode. Past it: unresolved.
  const used = budgetOfView.get(ws) ?? 0;
  if (used > LINT_BUDGET) return null;
  budgetOfView.set(ws, used + paths.length);
  // The files this directive already sits in (through earlier includes) are cycles.
  const within = new Set<string>(seen);
  for (let p: NginxDirective | null = d; p; p = p.parent) if (p.file) within.add(p.file.replace(/\\/g, '/'));
  const out: IncludedFile[] = [];
  for (const p of paths) {
    if (within.has(p) || seen.length > 8) continue; // include cycles and runaway depth
    const item = treeOf(ws, p);
    if (item) out.push({ path: p, directives: deserialize(item.tree, d.parent, p) });
  }
  return out;
}

/**
 * Stock files that hold no server configuration (MIME types, FastCGI/uwsgi/SCGI/proxy parameters,
 * charset maps): an unresolved include of one of them hides nothing a rule asks about.
 */
export const INERT_INCLUDE = /(^|\/)(mime\.types|[\w.-]*\.types|[\w-]*_params|fastcgi\.conf|koi-utf|koi-win|win-utf)$/;

export function isInertInclude(d: NginxDirective): boolean {
  return d.name === 'include' && d.args.length === 1 && INERT_INCLUDE.test(d.args[0].value);
}

const LINT_BUDGET = 2000;
const budgetOfView = new WeakMap<WorkspaceView, number>();

/** Included files one expansion may read: files that include each other must not explode. */
const EXPANSION_BUDGET = 200;

/**
 * The children of a block (or a file's top level) with every resolvable `include` replaced by what
 * it includes, recursively. Unresolved includes stay in the list as `include` directives, except
 * inert ones (mime.types, *_params), which are dropped. Past the budget, includes stay unresolved.
 */
export function expandedChildren(list: NginxDirective[], ctx: RuleContext, seen: string[] = [], budget = { files: EXPANSION_BUDGET }): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of list) {
    if (d.name !== 'include') {
      out.push(d);
      continue;
    }
    const files = budget.files > 0 ? included(d, ctx, seen) : null;
    if (!files) {
      if (!isInertInclude(d)) out.push(d);
      continue;
    }
    budget.files -= files.length;
    for (const f of files) out.push(...expandedChildren(f.directives, ctx, [...seen, f.path], budget));
  }
  return out;
}

/**
 * Where this file is included from: the blocks around the first `include` in the workspace that
 * names it (outermost first, rebuilt from the including file's summary), or null when no file
 * includes it (a main config, or a workspace that cannot be seen).
 */
export function includerChain(model: NginxModel, ctx: RuleContext): IncluderChain | null {
  const ws = ctx.workspace;
  if (!ws) return null;
  let perModel = chainCache.get(ws);
  if (!perModel) chainCache.set(ws, (perModel = new WeakMap()));
  if (!perModel.has(model)) perModel.set(model, findIncluder(model, ws));
  return perModel.get(model)!;
}

export interface IncluderChain {
  path: string;
  blocks: NginxDirective[];
  context: string;
}
const chainCache = new WeakMap<WorkspaceView, WeakMap<NginxModel, IncluderChain | null>>();

function findIncluder(model: NginxModel, ws: WorkspaceView): IncluderChain | null {
  const me = model.path.replace(/\\/g, '/');
  for (const e of ws.entries('nginx')) {
    if (e.path === model.path) continue;
    const item = e.items[0] as NginxTreeItem | undefined;
    if (item?.kind !== 'nginx-tree') continue;
    for (const inc of includesOf(item, e.path)) {
      if (!(resolveInclude(inc.args[0].value, e.path, ws) ?? []).includes(me)) continue;
      const blocks: NginxDirective[] = [];
      for (let p = inc.parent; p; p = p.parent) blocks.unshift(p);
      const last = blocks[blocks.length - 1];
      const context = !last ? item.context : last.name === 'if' ? 'if' : last.name;
      return { path: e.path, blocks, context };
    }
  }
  return null;
}

const includesCache = new WeakMap<NginxTreeItem, NginxDirective[]>();

/** The `include` directives of a file's summary (rebuilt once per summary). */
function includesOf(item: NginxTreeItem, path: string): NginxDirective[] {
  let list = includesCache.get(item);
  if (!list) {
    list = [];
    collectIncludes(deserialize(item.tree, null, path), list);
    includesCache.set(item, list);
  }
  return list;
}

function collectIncludes(nodes: NginxDirective[], out: NginxDirective[]): void {
  // Depth first in source order (the first matching include wins), with an explicit stack.
  const stack: NginxDirective[] = [...nodes].reverse();
  while (stack.length) {
    const d = stack.pop()!;
    if (d.name === 'include' && d.args.length === 1) out.push(d);
    if (d.block) for (let i = d.block.length - 1; i >= 0; i--) stack.push(d.block[i]);
  }
}

/** The top-level contexts of the linted file: its includer's when known, else the inferred ones. */
export function effectiveTopContexts(model: NginxModel, ctx: RuleContext): string[] {
  const chain = includerChain(model, ctx);
  return chain ? [chain.context] : model.topContexts;
}

// Response headers the way nginx computes them. `add_header` applies at http, server, location and
// `if` in location; a level inherits every outer `add_header` only when it has none of its own (a
// single one drops them all), unless `add_header_inherit merge` (nginx >= 1.29.3) applies there;
// the mode is itself inherited and `off` inherits nothing. `more_set_headers` (headers-more) always
// adds up across levels. Headers may come from included files and, for a conf.d fragment, from the
// blocks around the include that pulls it in. An include that cannot be resolved makes its level's
// set unknown: rules stay silent about what it may contain.
import type { RuleContext, TextEdit, WorkspaceView } from '../types';
import type { NginxDirective } from './parser';
import type { NginxModel } from './language';
import { included, includerChain, isInertInclude, type NginxTreeItem } from './includes';
import { childIndent, insertLines, isTlsListen } from './model';

/** Blocks that are a level of header inheritance. */
export const HEADER_LEVELS = new Set(['http', 'server', 'location', 'if']);

export type InheritMode = 'on' | 'merge' | 'off';

export interface HeaderEntry {
  /** The header name as written. */
  name: string;
  lower: string;
  /** The value as nginx reads it (may contain variables); '' when missing. */
  value: string;
  /** Sent for every status (add_header ... always, or more_set_headers without -s). */
  always: boolean;
  directive: NginxDirective;
  /** The file it is written in when that is not the linted file, else null. */
  fromFile: string | null;
  via: 'add_header' | 'more_set_headers';
  /** The level whose own set the header belongs to. */
  level: HeaderLevel;
  /** False when an unresolved include at a level in between may have replaced it. */
  certain: boolean;
}

export interface HeaderLevel {
  /** The block, or null for the linted file's top level (merged with the block that includes it). */
  block: NginxDirective | null;
  /** `http`, `server`, `location`, `if`, or the includer's context name for the top level (`top` when unknown). */
  kind: string;
  /** Is the block written in the linted file (its offsets can be used for edits and ranges)? */
  inFile: boolean;
  parent: HeaderLevel | null;
  /** Children with resolvable includes spliced in. */
  children: NginxDirective[];
  /** add_header directives of this level (own set). */
  own: HeaderEntry[];
  /** more_set_headers of this level. */
  more: HeaderEntry[];
  /** An include here could not be resolved: it may hold add_header lines. */
  unknown: boolean;
  /** The unresolved includes. */
  unresolved: NginxDirective[];
  /** `add_header_inherit` written at this level. */
  inherit: NginxDirective | null;
  /** For the top level merged with an includer's block, and for includer blocks: the including file. */
  includer?: string;
}

export interface EffectiveHeaders {
  /** Lower-case name to its first entry. */
  headers: Map<string, HeaderEntry>;
  /** Every entry in nginx's order (inherited ones first under `merge`, more_set_headers last). */
  list: HeaderEntry[];
  /** The set may hold more headers than listed (unresolved include). */
  unknown: boolean;
  /** The closest block of the linted file whose own add_header set applies here (null: none, or outside the file's blocks). */
  ownLevel: NginxDirective | null;
  /** The level whose own add_header set applies (the last one under `merge`), null when none. */
  source: HeaderLevel | null;
  level: HeaderLevel;
  mode: InheritMode;
  modeDirective: NginxDirective | null;
}

// ---------------------------------------------------------------------------------------------
// Header lists

/** Security headers (gixy-ng's list, X-XSS-Protection aside): dropping one is a security regression. */
export const SECURITY_HEADERS = new Set([
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
  'x-permitted-cross-domain-policies',
]);

/** Headers that protect only when their value restricts something (gixy-ng: Cache-Control no-store, ...). */
const CONDITIONAL_SECURITY: Record<string, RegExp> = {
  'cache-control': /no-store|no-cache|private|must-revalidate/i,
  pragma: /no-cache/i,
  expires: /^(0|-\d+)$|1970/,
  'content-disposition': /attachment/i,
  'x-download-options': /noopen/i,
};

/** The checklist controls a finding about these headers evidences: HSTS has its own control. */
export function headerControls(lowerNames: string[]): string[] {
  const hsts = lowerNames.includes('strict-transport-security');
  const others = lowerNames.some((n) => n !== 'strict-transport-security');
  return [...(others ? ['edge.security-headers'] : []), ...(hsts ? ['edge.hsts'] : [])];
}

/** Is dropping this header a security concern? */
export function isSecurityHeader(lower: string, value = ''): boolean {
  if (SECURITY_HEADERS.has(lower)) return true;
  const re = CONDITIONAL_SECURITY[lower];
  return !!re && re.test(value);
}

/** Headers that must be sent on error responses too (`always`). */
export const ALWAYS_HEADERS = new Set([
  'strict-transport-security',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cross-origin-embedder-policy',
  'cross-origin-resource-policy',
]);

/** Canonical spelling for messages. */
export const CANONICAL: Record<string, string> = {
  'content-security-policy': 'Content-Security-Policy',
  'content-security-policy-report-only': 'Content-Security-Policy-Report-Only',
  'strict-transport-security': 'Strict-Transport-Security',
  'x-content-type-options': 'X-Content-Type-Options',
  'x-frame-options': 'X-Frame-Options',
  'referrer-policy': 'Referrer-Policy',
  'permissions-policy': 'Permissions-Policy',
  'cross-origin-opener-policy': 'Cross-Origin-Opener-Policy',
  'cross-origin-embedder-policy': 'Cross-Origin-Embedder-Policy',
  'cross-origin-resource-policy': 'Cross-Origin-Resource-Policy',
  'x-permitted-cross-domain-policies': 'X-Permitted-Cross-Domain-Policies',
};

/** Status codes add_header without `always` is sent for. */
export const ADD_HEADER_STATUSES = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308];

// ---------------------------------------------------------------------------------------------
// Reading header directives

/** Beyond the inert includes (includes.ts): snippets that never hold add_header lines (certbot, Debian). */
const HARMLESS_INCLUDE = /(^|\/)(fastcgi-php\.conf|options-ssl-nginx\.conf)$/;

export function isHarmlessInclude(d: NginxDirective): boolean {
  return isInertInclude(d) || (d.name === 'include' && d.args.length === 1 && HARMLESS_INCLUDE.test(d.args[0].value));
}

/** The headers a `more_set_headers` line sets (not `-r` replace-only ones), and whether `-s` limits them. */
export function moreSetHeaders(d: NginxDirective): { headers: { name: string; value: string; arg: number }[]; statuses: boolean; replaceOnly: boolean; types: boolean } {
  const headers: { name: string; value: string; arg: number }[] = [];
  let statuses = false;
  let replaceOnly = false;
  let types = false;
  for (let i = 0; i < d.args.length; i++) {
    const v = d.args[i].value;
    if (v === '-s' || v === '-t') {
      if (v === '-s') statuses = true;
      else types = true;
      i++;
      continue;
    }
    if (v === '-r') {
      replaceOnly = true;
      continue;
    }
    if (/^-[a-z]$/.test(v)) continue;
    const colon = v.indexOf(':');
    const name = (colon < 0 ? v : v.slice(0, colon)).trim();
    if (!name) continue;
    headers.push({ name, value: colon < 0 ? '' : v.slice(colon + 1).trim(), arg: i });
  }
  return { headers, statuses, replaceOnly, types };
}

function fileOf(d: NginxDirective, model: NginxModel): string | null {
  return d.file && d.file !== model.path ? d.file : null;
}

// ---------------------------------------------------------------------------------------------
// Levels

interface Cache {
  ws: unknown;
  levels: Map<NginxDirective | null, HeaderLevel>;
  effective: Map<HeaderLevel, EffectiveHeaders>;
  top?: HeaderLevel;
}
const caches = new WeakMap<NginxModel, Cache>();

function cacheFor(model: NginxModel, ctx: RuleContext): Cache {
  let c = caches.get(model);
  if (!c || c.ws !== ctx.workspace) caches.set(model, (c = { ws: ctx.workspace, levels: new Map(), effective: new Map() }));
  return c;
}

/**
 * The children of a list with resolvable includes spliced in (recursively). An include of the
 * linted file itself (seen from an includer's block) splices in the file's real directives.
 */
function expand(list: NginxDirective[], model: NginxModel, ctx: RuleContext, seen: string[], unresolved: NginxDirective[]): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of list) {
    if (d.name !== 'include') {
      out.push(d);
      continue;
    }
    const files = included(d, ctx, seen);
    if (!files) {
      if (!isHarmlessInclude(d)) unresolved.push(d);
      out.push(d);
      continue;
    }
    for (const f of files) {
      const norm = f.path;
      if (norm === model.path.replace(/\\/g, '/') || norm === model.path) {
        if (seen.includes(model.path)) continue;
        out.push(...expand(model.directives, model, ctx, [...seen, model.path], unresolved));
      } else out.push(...expand(f.directives, model, ctx, [...seen, f.path], unresolved));
    }
  }
  return out;
}

function buildLevel(block: NginxDirective | null, kind: string, inFile: boolean, parent: HeaderLevel | null, children: NginxDirective[], unresolved: NginxDirective[], model: NginxModel): HeaderLevel {
  const level: HeaderLevel = { block, kind, inFile, parent, children, own: [], more: [], unknown: unresolved.length > 0, unresolved, inherit: null };
  for (const d of children) {
    if (d.name === 'add_header' && d.args.length >= 1) {
      const name = d.args[0].value;
      level.own.push({
        name,
        lower: name.toLowerCase(),
        value: d.args[1]?.value ?? '',
        always: d.args.slice(2).some((a) => a.value === 'always'),
        directive: d,
        fromFile: fileOf(d, model),
        via: 'add_header',
        level,
        certain: true,
      });
    } else if (d.name === 'more_set_headers') {
      const m = moreSetHeaders(d);
      if (m.replaceOnly) continue;
      for (const h of m.headers) {
        if (!h.value) continue; // `Name:` clears a header
        level.more.push({ name: h.name, lower: h.name.toLowerCase(), value: h.value, always: !m.statuses, directive: d, fromFile: fileOf(d, model), via: 'more_set_headers', level, certain: true });
      }
    } else if (d.name === 'add_header_inherit' && d.args.length) level.inherit = d;
  }
  return level;
}

/** The level the linted file's top level is: merged with the innermost includer block, whose ancestors (and their includers') are its parents. */
function topLevel(model: NginxModel, ctx: RuleContext): HeaderLevel {
  const cache = cacheFor(model, ctx);
  if (cache.top) return cache.top;
  // Includer hops: this file's includer, that file's includer, ... (bounded).
  const hops: { path: string; blocks: NginxDirective[]; context: string }[] = [];
  let path = model.path;
  const visited = new Set<string>([path]);
  for (let i = 0; i < 4; i++) {
    const chain = i === 0 ? includerChain(model, ctx) : includerChain({ path } as NginxModel, ctx);
    if (!chain || visited.has(chain.path)) break;
    visited.add(chain.path);
    hops.push(chain);
    path = chain.path;
  }
  // The innermost includer block (in the first hop that includes from inside a block), when it is
  // a header level, is the same level as this file's top: an include splices the file in place.
  const k = hops.findIndex((h) => h.blocks.length > 0);
  const innerRaw = k >= 0 ? hops[k].blocks[hops[k].blocks.length - 1] : undefined;
  const inner = innerRaw && HEADER_LEVELS.has(innerRaw.name) ? innerRaw : undefined;
  // Outer levels, outermost first: the last hop's blocks, then each inner hop's.
  let parent: HeaderLevel | null = null;
  for (let h = hops.length - 1; h >= 0; h--) {
    for (const b of hops[h].blocks) {
      if (!HEADER_LEVELS.has(b.name) || b === inner) continue;
      const unresolved: NginxDirective[] = [];
      const children = expand(b.block ?? [], model, ctx, [hops[h].path], unresolved);
      parent = buildLevel(b, b.name, false, parent, children, unresolved, model);
      parent.includer = hops[h].path;
    }
  }
  const unresolved: NginxDirective[] = [];
  let children: NginxDirective[];
  let kind = 'top';
  if (inner) {
    // The includer block's other children (other files of the same glob too) plus this file's,
    // through any files in between that include it at their top level.
    children = expand(inner.block ?? [], model, ctx, [hops[k].path], unresolved);
    kind = inner.name;
  } else {
    children = expand(model.directives, model, ctx, [model.path], unresolved);
    if (hops.length) kind = hops[hops.length - 1].context;
  }
  const top = buildLevel(null, kind, true, parent, children, unresolved, model);
  if (inner) top.includer = hops[k].path;
  cache.top = top;
  return top;
}

/** The nearest enclosing header level block of a directive in the linted file (null: the top level). */
export function parentLevelBlock(d: NginxDirective): NginxDirective | null {
  for (let p = d.parent; p; p = p.parent) if (HEADER_LEVELS.has(p.name)) return p;
  return null;
}

/** The header level of a block of the linted file (null: its top level). */
export function headerLevel(model: NginxModel, block: NginxDirective | null, ctx: RuleContext): HeaderLevel {
  if (!block) return topLevel(model, ctx);
  const cache = cacheFor(model, ctx);
  const hit = cache.levels.get(block);
  if (hit) return hit;
  // The blocks up to the nearest level already built (or the top), built outermost first: an
  // explicit list rather than recursion, so deep nesting cannot overflow the stack.
  const pending: NginxDirective[] = [];
  let parent: HeaderLevel | null = null;
  for (let b: NginxDirective | null = block; ; b = parentLevelBlock(b)) {
    if (!b) {
      parent = topLevel(model, ctx);
      break;
    }
    const known = cache.levels.get(b);
    if (known) {
      parent = known;
      break;
    }
    pending.push(b);
  }
  let level = parent;
  for (let i = pending.length - 1; i >= 0; i--) {
    const b = pending[i];
    const unresolved: NginxDirective[] = [];
    const children = expand(b.block ?? [], model, ctx, [model.path], unresolved);
    level = buildLevel(b, b.name, !fileOf(b, model), level, children, unresolved, model);
    cache.levels.set(b, level);
  }
  return level;
}

/** The add_header and more_set_headers of one block (includes expanded). */
export function ownHeaders(model: NginxModel, block: NginxDirective | null, ctx: RuleContext): { headers: HeaderEntry[]; more: HeaderEntry[]; unknown: boolean; level: HeaderLevel } {
  const level = headerLevel(model, block, ctx);
  return { headers: level.own, more: level.more, unknown: level.unknown, level };
}

/** The add_header_inherit mode in force at a level (nearest level that sets it), default `on`. */
export function inheritMode(level: HeaderLevel): { mode: InheritMode; directive: NginxDirective | null } {
  for (let l: HeaderLevel | null = level; l; l = l.parent) {
    if (l.inherit) {
      const v = l.inherit.args[0].value.toLowerCase();
      return { mode: v === 'merge' ? 'merge' : v === 'off' ? 'off' : 'on', directive: l.inherit };
    }
  }
  return { mode: 'on', directive: null };
}

/** The headers in force at a level (for levels outside the file, such as an includer's blocks). */
export function effectiveOf(level: HeaderLevel, model: NginxModel, ctx: RuleContext): EffectiveHeaders {
  const cache = cacheFor(model, ctx);
  const hit = cache.effective.get(level);
  if (hit) return hit;
  // Outer levels first (iteratively: deep nesting must not overflow the stack).
  const pending: HeaderLevel[] = [];
  for (let l = level.parent; l && !cache.effective.has(l); l = l.parent) pending.push(l);
  for (let i = pending.length - 1; i >= 0; i--) effectiveOfLevel(pending[i], pending[i].parent ? cache.effective.get(pending[i].parent!)! : null, cache);
  return effectiveOfLevel(level, level.parent ? cache.effective.get(level.parent)! : null, cache);
}

/** The headers in force at a level whose parent's are known. */
function effectiveOfLevel(level: HeaderLevel, parent: EffectiveHeaders | null, cache: Cache): EffectiveHeaders {
  const { mode, directive: modeDirective } = inheritMode(level);
  const parentAdd = parent ? parent.list.filter((e) => e.via === 'add_header') : [];
  const parentMore = parent ? parent.list.filter((e) => e.via === 'more_set_headers') : [];
  let add: HeaderEntry[];
  let unknown: boolean;
  let source: HeaderLevel | null;
  if (level.own.length) {
    if (mode === 'merge') {
      add = [...parentAdd, ...level.own];
      unknown = level.unknown || !!parent?.unknown;
    } else {
      add = level.own;
      unknown = level.unknown;
    }
    source = level;
  } else if (level.unknown) {
    // The unresolved include may hold add_header lines that replace the inherited ones (or, under
    // merge, add to them).
    add = mode === 'off' ? [] : mode === 'merge' ? parentAdd : parentAdd.map((e) => (e.certain ? { ...e, certain: false } : e));
    unknown = true;
    source = mode === 'off' ? null : parent?.source ?? null;
  } else {
    add = mode === 'off' ? [] : parentAdd;
    unknown = mode === 'off' ? false : !!parent?.unknown;
    source = mode === 'off' ? null : parent?.source ?? null;
  }
  const list = [...add, ...parentMore, ...level.more];
  const headers = new Map<string, HeaderEntry>();
  for (const e of list) if (!headers.has(e.lower)) headers.set(e.lower, e);
  const ownLevel = source?.block && source.inFile ? source.block : null;
  const out: EffectiveHeaders = { headers, list, unknown, ownLevel, source, level, mode, modeDirective };
  cache.effective.set(level, out);
  return out;
}

/** The headers in force at a block of the linted file (null: its top level), after nginx's inheritance. */
export function effectiveHeaders(model: NginxModel, block: NginxDirective | null, ctx: RuleContext): EffectiveHeaders {
  return effectiveOf(headerLevel(model, block, ctx), model, ctx);
}

const NOT_HTTP = new Set(['stream', 'mail', 'upstream', 'events', 'map', 'types', 'geo', 'split_clients', 'charset_map', 'match']);

/** Every header level block written in the linted file (http, server, location, if), depth first. */
export function levelBlocks(model: NginxModel): NginxDirective[] {
  const out: NginxDirective[] = [];
  eachBlock(model.directives, (d) => {
    if (HEADER_LEVELS.has(d.name)) out.push(d);
  });
  return out;
}

/**
 * Every block under a list (not map/types/upstream/stream... ones, nor what they hold), depth first
 * in source order. Iterative: deep nesting must not overflow the stack.
 */
function eachBlock(list: NginxDirective[], visit: (d: NginxDirective) => void): void {
  const stack: { list: NginxDirective[]; i: number }[] = [{ list, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const d = top.list[top.i++];
    if (!d.block || NOT_HTTP.has(d.name)) continue;
    visit(d);
    stack.push({ list: d.block, i: 0 });
  }
}

// ---------------------------------------------------------------------------------------------
// Values: variables set by `map`

export interface ResolvedValue {
  /** Possible literal values ('' = the header is not sent for that case). */
  values: { value: string; row: NginxDirective | null }[];
  /** Some value could not be resolved (another variable, an include in the map, no map found). */
  unknown: boolean;
}

/** The `map` blocks of the linted file and the workspace that set `$name`. */
function mapsFor(name: string, model: NginxModel, ctx: RuleContext): NginxDirective[] {
  const out = [...(fileMaps(model).get('$' + name) ?? [])];
  if (ctx.workspace) out.push(...workspaceMaps(name, model, ctx.workspace));
  return out;
}

const fileMapsCache = new WeakMap<NginxModel, Map<string, NginxDirective[]>>();

/** The file's `map` blocks by the variable they set, in source order (indexed once per model, iteratively). */
function fileMaps(model: NginxModel): Map<string, NginxDirective[]> {
  let hit = fileMapsCache.get(model);
  if (hit) return hit;
  hit = new Map();
  const stack: { list: NginxDirective[]; i: number }[] = [{ list: model.directives, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const d = top.list[top.i++];
    if (d.name === 'map' && d.block) {
      const v = d.args[1]?.value;
      if (v !== undefined) {
        const same = hit.get(v);
        if (same) same.push(d);
        else hit.set(v, [d]);
      }
    } else if (d.block && d.name !== 'map') stack.push({ list: d.block, i: 0 });
  }
  fileMapsCache.set(model, hit);
  return hit;
}

const mapCache = new WeakMap<WorkspaceView, Map<string, NginxDirective[]>>();

/** `map` blocks setting `$name` in the other files of the workspace (rebuilt from their summaries). */
function workspaceMaps(name: string, model: NginxModel, ws: WorkspaceView): NginxDirective[] {
  let perWs = mapCache.get(ws);
  if (!perWs) mapCache.set(ws, (perWs = new Map()));
  const key = model.path + '\n' + name;
  const hit = perWs.get(key);
  if (hit) return hit;
  const out: NginxDirective[] = [];
  for (const e of ws.entries('nginx')) {
    if (e.path === model.path) continue;
    const item = e.items[0] as NginxTreeItem | undefined;
    if (item?.kind !== 'nginx-tree') continue;
    const nodes: NginxDirective[] = [];
    const find = (tree: NginxTreeItem['tree']) => {
      for (const [n, args, line, kids] of tree) {
        if (n === 'map' && kids && args[1] === '$' + name) {
          const m: NginxDirective = { name: n, args: args.map((v) => ({ value: v, raw: v, quote: null, start: 0, end: 0 })), start: 0, end: 0, nameEnd: 0, parent: null, file: e.path, line };
          m.block = kids.map(([kn, ka, kl]) => ({ name: kn, args: ka.map((v) => ({ value: v, raw: v, quote: null, start: 0, end: 0 })), start: 0, end: 0, nameEnd: 0, parent: m, file: e.path, line: kl }));
          nodes.push(m);
        } else if (kids && n !== 'map') find(kids);
      }
    };
    find(item.tree);
    out.push(...nodes);
  }
  perWs.set(key, out);
  return out;
}

/**
 * The literal values a header value can take: itself when literal; for one `$var` set by a `map`,
 * the map's values. Values of map rows that are other variables, or variables set elsewhere, are unknown.
 */
export function resolveValue(value: string, model: NginxModel, ctx: RuleContext): ResolvedValue {
  if (!value.includes('$')) return { values: [{ value, row: null }], unknown: false };
  const whole = /^\$(?:\{(\w+)\}|(\w+))$/.exec(value);
  if (!whole) {
    // Text around variables: keep the literal parts only when every variable resolves to one map value each? Too rare: unknown.
    return { values: [], unknown: true };
  }
  const name = whole[1] ?? whole[2];
  const maps = mapsFor(name, model, ctx);
  if (!maps.length) return { values: [], unknown: true };
  const out: ResolvedValue = { values: [], unknown: false };
  let hasDefault = false;
  for (const m of maps) {
    for (const row of m.block ?? []) {
      if (row.name === 'hostnames' || row.name === 'volatile') continue;
      if (row.name === 'include') {
        out.unknown = true;
        continue;
      }
      if (row.name === 'default') hasDefault = true;
      const v = row.args[0]?.value ?? '';
      if (v.includes('$')) {
        out.unknown = true;
        continue;
      }
      out.values.push({ value: v, row });
    }
  }
  if (!hasDefault) out.values.push({ value: '', row: null });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Descriptions

/** `line 12` for the linted file, else `path:12`. */
export function whereIs(d: NginxDirective, model: NginxModel): string {
  return fileOf(d, model) ? `${d.file}:${d.line + 1}` : `line ${d.line + 1}`;
}

/** `server example.com`, `location /api`, `if ($x)`, `http`. */
export function levelLabel(level: HeaderLevel | NginxDirective | null): string {
  if (level && 'kind' in level) {
    if (level.includer) return `the ${level.block ? blockLabel(level.block) : level.kind} block of ${level.includer}`;
    return level.block ? blockLabel(level.block) : 'the top level';
  }
  return level ? blockLabel(level) : 'the top level';
}

function blockLabel(block: NginxDirective): string {
  if (block.name === 'server') {
    const sn = block.block?.find((d) => d.name === 'server_name');
    const listens = (block.block ?? []).filter((d) => d.name === 'listen' && d.args.length).map((d) => d.args[0].value);
    const name = sn?.args.find((a) => a.value && a.value !== '_' && a.value !== '""');
    return name ? `server ${name.value}` : listens.length ? `server (listen ${[...new Set(listens)].join(', ')})` : 'server';
  }
  if (block.name === 'location') return `location ${block.args.map((a) => a.value).join(' ')}`;
  if (block.name === 'if') return `if ${block.args.map((a) => a.raw).join(' ')}`;
  return block.name;
}

// ---------------------------------------------------------------------------------------------
// Edits that add headers without dropping inherited ones

/** Source text of an add_header line (its own text in the linted file, else rebuilt from values). */
export function headerLineText(e: HeaderEntry, model: NginxModel): string {
  const d = e.directive;
  if (!e.fromFile && d.end > d.start) return model.text.slice(d.start, d.end);
  return [d.name, ...d.args.map((a) => quoteArg(a.value))].join(' ') + ';';
}

function quoteArg(v: string): string {
  return /^[^\s;{}"'#\\]+$/.test(v) ? v : `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

export interface HeaderInsertion {
  edits: TextEdit[];
  /** Every affected line was in the linted file (a mechanical fix); false: lines rebuilt from other files. */
  exact: boolean;
  /** Where the new lines go. */
  target: NginxDirective;
}

/** Insert `lines` into a block of the file: after its last add_header, else after its leading simple directives. */
export function insertIntoBlock(model: NginxModel, block: NginxDirective, lines: string[]): TextEdit {
  const kids = block.block ?? [];
  const lastHeader = [...kids].reverse().find((d) => d.name === 'add_header' || d.name === 'more_set_headers');
  if (lastHeader) return insertLines(model, block, lines, lastHeader);
  const firstBlock = kids.findIndex((d) => !!d.block);
  const simple = firstBlock < 0 ? kids : kids.slice(0, firstBlock);
  if (simple.length) return insertLines(model, block, lines, simple[simple.length - 1]);
  if (kids.length) {
    // Only blocks inside: put the lines first, indented like the children.
    const indent = childIndent(model, block);
    const eol = model.index.eol;
    const p = model.index.positionAt(block.blockOpen! + 1);
    return { range: { start: p, end: p }, newText: eol + lines.map((l) => indent + l).join(eol) };
  }
  return insertLines(model, block, lines, 'end');
}

/**
 * Edits that make `headers` (name + full line text) part of the effective set of `block` without
 * dropping anything: added next to the block's own add_header lines, or, when the block inherits
 * its set, into the block together with copies of the inherited lines; and into every level below
 * with its own add_header set (which would otherwise drop them). null when that cannot be known
 * (an unresolved include on the way).
 */
export function addHeaderEdits(model: NginxModel, block: NginxDirective, headers: { lower: string; line: string }[], ctx: RuleContext, comment?: string): HeaderInsertion | null {
  const level = headerLevel(model, block, ctx);
  if (!level.inFile) return null;
  const eff = effectiveOf(level, model, ctx);
  if (eff.unknown) return null;
  let exact = true;
  const edits: TextEdit[] = [];
  const missing = headers.filter((h) => !eff.headers.has(h.lower));
  if (!missing.length) return null;
  const pre = comment ? [comment] : [];
  if (level.own.length) {
    edits.push(insertIntoBlock(model, block, [...pre, ...missing.map((h) => h.line)]));
  } else {
    const inherited = eff.list.filter((e) => e.via === 'add_header');
    if (inherited.some((e) => e.fromFile)) exact = false;
    edits.push(insertIntoBlock(model, block, [...pre, ...inherited.map((e) => headerLineText(e, model)), ...missing.map((h) => h.line)]));
  }
  // Levels below with their own set drop what this block gains: add the lines there too.
  for (const d of descendantsWithOwnHeaders(model, block, ctx)) {
    const l = headerLevel(model, d, ctx);
    if (!l.inFile) return null;
    const lines = missing.filter((h) => !l.own.some((e) => e.lower === h.lower)).map((h) => h.line);
    if (lines.length) edits.push(insertIntoBlock(model, d, lines));
  }
  // Levels from included files below this block cannot be edited here.
  if (includedLevelsWithHeaders(model, block, ctx)) exact = false;
  return { edits, exact, target: block };
}

/** Levels of the file under `block` that have their own add_header set and replace (not merge) what they inherit. */
function descendantsWithOwnHeaders(model: NginxModel, block: NginxDirective, ctx: RuleContext): NginxDirective[] {
  const out: NginxDirective[] = [];
  eachBlock(block.block ?? [], (d) => {
    if (!HEADER_LEVELS.has(d.name)) return;
    const l = headerLevel(model, d, ctx);
    if (l.own.length && inheritMode(l).mode !== 'merge') out.push(d);
  });
  return out;
}

/** Does a level below `block` come from an included file and set its own add_header lines? */
function includedLevelsWithHeaders(model: NginxModel, block: NginxDirective, ctx: RuleContext): boolean {
  // Both walks answer yes/no, so explicit stacks (any order) replace recursion over nesting levels.
  const foreign = (list: NginxDirective[]): boolean => {
    const stack = [list];
    while (stack.length) {
      for (const d of stack.pop()!) {
        if (!d.block) continue;
        if (HEADER_LEVELS.has(d.name) && d.block.some((k) => k.name === 'add_header' || k.name === 'include')) return true;
        stack.push(d.block);
      }
    }
    return false;
  };
  const stack = [block];
  while (stack.length) {
    const b = stack.pop()!;
    if (HEADER_LEVELS.has(b.name) && foreign(headerLevel(model, b, ctx).children.filter((d) => d.file !== model.path))) return true;
    for (const d of b.block ?? []) if (d.block && !NOT_HTTP.has(d.name)) stack.push(d);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy

/** Directive name to its (lower-cased) source list; the first occurrence wins, as in browsers. */
export function parseCsp(value: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of value.split(/[;,]/)) {
    const tokens = part.trim().split(/\s+/).filter(Boolean);
    if (!tokens.length) continue;
    const name = tokens[0].toLowerCase();
    if (!out.has(name)) out.set(name, tokens.slice(1).map((t) => t.toLowerCase()));
  }
  return out;
}

/** Does the CSP header entry (literal or map values) restrict framing? true when it cannot be known. */
export function cspHasFrameAncestors(e: HeaderEntry, model: NginxModel, ctx: RuleContext): boolean {
  const r = resolveValue(e.value, model, ctx);
  if (r.unknown) return true;
  return r.values.some((v) => parseCsp(v.value).has('frame-ancestors'));
}

// ---------------------------------------------------------------------------------------------
// Servers

/** The `listen` lines of a server, includes expanded; null when an unresolved include may hold more. */
export function serverListens(server: NginxDirective, ctx: RuleContext): NginxDirective[] | null {
  const unresolved: NginxDirective[] = [];
  const kids = expandPlain(server.block ?? [], ctx, unresolved);
  const listens = kids.filter((d) => d.name === 'listen');
  return unresolved.length && !listens.length ? null : listens;
}

function expandPlain(list: NginxDirective[], ctx: RuleContext, unresolved: NginxDirective[], seen: string[] = []): NginxDirective[] {
  const out: NginxDirective[] = [];
  for (const d of list) {
    if (d.name !== 'include') {
      out.push(d);
      continue;
    }
    const files = included(d, ctx, seen);
    if (!files) {
      if (!isHarmlessInclude(d)) unresolved.push(d);
      continue;
    }
    for (const f of files) out.push(...expandPlain(f.directives, ctx, unresolved, [...seen, f.path]));
  }
  return out;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$|^unix:/i;

/** Does the server listen only on loopback addresses or unix sockets (not reachable by browsers directly)? */
export function loopbackOnly(server: NginxDirective, ctx: RuleContext): boolean {
  const listens = serverListens(server, ctx);
  return !!listens && listens.length > 0 && listens.every((l) => LOOPBACK.test(l.args[0]?.value ?? ''));
}

/** Does the server terminate TLS (listen ... ssl/quic/443, includes expanded), and is it not a handshake-rejecting catch-all? */
export function servesTls(server: NginxDirective, ctx: RuleContext): boolean {
  const unresolved: NginxDirective[] = [];
  const kids = expandPlain(server.block ?? [], ctx, unresolved);
  if (kids.some((k) => k.name === 'ssl_reject_handshake' && k.args[0]?.value === 'on')) return false;
  return kids.some(isTlsListen) || kids.some((k) => k.name === 'ssl' && k.args[0]?.value === 'on');
}

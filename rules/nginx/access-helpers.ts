// Helpers of the access / exposure / limits rules (batch-access): the scopes a directive sits in
// (its blocks, the file's top level, then the blocks of the file that includes it), with includes
// expanded; labels for locations and servers; address classification; sizes.
import type { RuleContext } from '../types';
import type { NginxDirective } from './parser';
import type { NginxModel } from './language';
import { expandedChildren, includerChain, isInertInclude } from './includes';

export interface Scope {
  /** The block (null: the linted file's top level). */
  block: NginxDirective | null;
  /** Its children with resolvable includes spliced in. */
  children: NginxDirective[];
  /** An include here could not be resolved: it may set anything. */
  unresolved: boolean;
  /** The block comes from the including file (offsets unknown). */
  foreign: boolean;
}

/**
 * Beyond the inert includes (includes.ts): stock snippets that hold only FastCGI parameters or TLS
 * session settings, never locations, access lists, limits or headers.
 */
const STOCK_INCLUDE = /(^|\/)(fastcgi-php\.conf|snakeoil\.conf|options-ssl-nginx\.conf)$/;

/** An `include` left unresolved (no workspace, or no matching file) that may set anything. */
export function isOpaqueInclude(d: NginxDirective): boolean {
  return d.name === 'include' && !isInertInclude(d) && !STOCK_INCLUDE.test(d.args[0]?.value ?? '');
}

// Rules ask about the same blocks over and over (the http block once per server, per status
// page, per `return`): expansions and per-name indexes are computed once per list and workspace
// view, so that a config with thousands of servers is linted in linear time.
const NO_WORKSPACE = {};
interface Expansion {
  children: NginxDirective[];
  unresolved: boolean;
}
const expansions = new WeakMap<object, WeakMap<NginxDirective[], Expansion>>();

function expansionOf(list: NginxDirective[], ctx: RuleContext): Expansion {
  const key = ctx.workspace ?? NO_WORKSPACE;
  let perView = expansions.get(key);
  if (!perView) expansions.set(key, (perView = new WeakMap()));
  let hit = perView.get(list);
  if (!hit) {
    const children = expandedChildren(list, ctx);
    perView.set(list, (hit = { children, unresolved: children.some(isOpaqueInclude) }));
  }
  return hit;
}

/** `expandedChildren(list, ctx)`, computed once per list (and workspace view). Do not mutate the result. */
export function expandedOf(list: NginxDirective[], ctx: RuleContext): NginxDirective[] {
  return expansionOf(list, ctx).children;
}

const nameIndexes = new WeakMap<NginxDirective[], Map<string, NginxDirective[]>>();

/** The directives of a list by name, in order (computed once per list). */
function nameIndex(list: NginxDirective[]): Map<string, NginxDirective[]> {
  let index = nameIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const d of list) {
      const same = index.get(d.name);
      if (same) same.push(d);
      else index.set(d.name, [d]);
    }
    nameIndexes.set(list, index);
  }
  return index;
}

const NONE: readonly NginxDirective[] = [];

/** The directives of a list with this name, in order (do not mutate the result). */
export function named(list: NginxDirective[], name: string): readonly NginxDirective[] {
  return nameIndex(list).get(name) ?? NONE;
}

/** The last directive of a list with this name (the one nginx uses), or undefined. */
export function lastNamed(list: NginxDirective[], name: string): NginxDirective | undefined {
  const same = nameIndex(list).get(name);
  return same?.[same.length - 1];
}

const accessLists = new WeakMap<NginxDirective[], NginxDirective[]>();

/** The `allow`/`deny` directives of a list, in order (computed once per list; do not mutate). */
export function accessList(list: NginxDirective[]): NginxDirective[] {
  let hit = accessLists.get(list);
  if (!hit) accessLists.set(list, (hit = list.filter((c) => c.name === 'allow' || c.name === 'deny')));
  return hit;
}

function scopeOf(block: NginxDirective | null, list: NginxDirective[], ctx: RuleContext, foreign: boolean): Scope {
  const { children, unresolved } = expansionOf(list, ctx);
  return { block, children, unresolved, foreign };
}

/**
 * The scopes around `d`, innermost first: its enclosing blocks, the file's top level, then (when a
 * workspace file includes this one) the blocks around that include.
 */
export function scopesAround(d: NginxDirective, model: NginxModel, ctx: RuleContext): { scopes: Scope[] } {
  const scopes: Scope[] = [];
  for (let p = d.parent; p; p = p.parent) scopes.push(scopeOf(p, p.block ?? [], ctx, p.file !== model.path));
  scopes.push(scopeOf(null, model.directives, ctx, false));
  const chain = includerChain(model, ctx);
  if (chain) {
    for (let i = chain.blocks.length - 1; i >= 0; i--) scopes.push(scopeOf(chain.blocks[i], chain.blocks[i].block ?? [], ctx, true));
  }
  return { scopes };
}

/**
 * Every directive in a list and its blocks, includes expanded (unresolved includes kept), depth
 * first in source order. Iterative: deep nesting must not overflow the stack.
 */
export function walkExpanded(list: NginxDirective[], ctx: RuleContext, visit: (d: NginxDirective) => void): void {
  const stack: { items: NginxDirective[]; i: number }[] = [{ items: expandedOf(list, ctx), i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.items.length) {
      stack.pop();
      continue;
    }
    const d = top.items[top.i++];
    visit(d);
    if (d.block && !d.rawBody) stack.push({ items: expandedOf(d.block, ctx), i: 0 });
  }
}


/** `location` modifier and path: `= /x`, `~ regex`, `~* regex`, `^~ /x`, `/x`, `@name`. */
export function locationMatch(loc: NginxDirective): { modifier: '' | '=' | '~' | '~*' | '^~' | '@'; path: string } {
  const a = loc.args.map((x) => x.value);
  if (a.length >= 2 && ['=', '~', '~*', '^~'].includes(a[0])) return { modifier: a[0] as '=' | '~' | '~*' | '^~', path: a[1] };
  const v = a[0] ?? '';
  // `location ~^/x` and `location =/x` are written without a space too.
  const m = /^(~\*|~|\^~|=)(.+)$/.exec(v);
  if (m) return { modifier: m[1] as '=' | '~' | '~*' | '^~', path: m[2] };
  if (v.startsWith('@')) return { modifier: '@', path: v };
  return { modifier: '', path: v };
}

/** Does the location match this request path (regex locations compiled as JavaScript regexes)? */
export function locationMatches(loc: NginxDirective, uri: string): boolean {
  const { modifier, path } = locationMatch(loc);
  if (modifier === '@') return false;
  if (modifier === '=') return path === uri;
  if (modifier === '' || modifier === '^~') return uri.startsWith(path);
  try {
    return new RegExp(path, modifier === '~*' ? 'i' : '').test(uri);
  } catch {
    return false;
  }
}

/** `location /api`, `location ~ ^/x`. */
export function locationLabel(loc: NginxDirective): string {
  return `location ${loc.args.map((a) => a.raw).join(' ')}`;
}

/** A human name for a block: `location /api`, `server example.com:443`, `http`, `the top level`. */
export function scopeLabel(block: NginxDirective | null): string {
  if (!block) return 'the top level';
  if (block.name === 'location') return locationLabel(block);
  if (block.name === 'server') return serverLabel(block);
  return block.args.length ? `${block.name} ${block.args.map((a) => a.raw).join(' ')}` : block.name;
}

export function serverLabel(server: NginxDirective): string {
  const kids = server.block ?? [];
  const name = kids.find((k) => k.name === 'server_name')?.args.find((a) => a.value && a.value !== '_' && a.value !== '""')?.value;
  const listen = kids.find((k) => k.name === 'listen')?.args[0]?.value;
  const port = listen ? (/^\d+$/.test(listen) ? listen : /:(\d+)$/.exec(listen)?.[1] ?? listen) : undefined;
  return `server${name ? ' ' + name : ''}${port ? ' :' + port : ''}`;
}

/** The innermost enclosing location of a directive (or the block itself when it is one). */
export function enclosingLocation(d: NginxDirective | null): NginxDirective | null {
  for (let p = d; p; p = p.parent) if (p.name === 'location') return p;
  return null;
}

/** Directives that make a location produce its response itself (no static files from `root`). */
export const CONTENT_HANDLERS = new Set([
  'proxy_pass',
  'fastcgi_pass',
  'uwsgi_pass',
  'scgi_pass',
  'grpc_pass',
  'memcached_pass',
  'return',
  'stub_status',
  'api',
  'status',
  'js_content',
  'perl',
  'empty_gif',
  'content_by_lua',
  'content_by_lua_block',
  'content_by_lua_file',
]);

/** Directives that hand the request to a backend. */
export const PROXY_HANDLERS = new Set(['proxy_pass', 'fastcgi_pass', 'uwsgi_pass', 'scgi_pass', 'grpc_pass']);

// ---- addresses ------------------------------------------------------------------------------

function ipv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Loopback, RFC 1918, link-local, CGNAT (100.64/10) and other non-routable IPv4 addresses. */
export function isPrivateIpv4(s: string): boolean {
  const p = ipv4(s);
  if (!p) return false;
  const [a, b] = p;
  return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
}

/** Loopback, link-local (fe80::/10), unique-local (fc00::/7) and IPv4-mapped private IPv6 addresses. */
export function isPrivateIpv6(s: string): boolean {
  const v = s.toLowerCase().replace(/%.*$/, '');
  if (!v.includes(':') || !/^[0-9a-f:.]+$/.test(v)) return false;
  if (v === '::1' || /^0*(:0*)*:0*1$/.test(v)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(v) || /^f[cd][0-9a-f]{0,2}:/.test(v)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  return !!mapped && isPrivateIpv4(mapped[1]);
}

export const LOCAL_NAME_SUFFIXES = ['.local', '.internal', '.intranet', '.private', '.corp', '.home', '.lan', '.localhost', '.localdomain', '.home.arpa', '.svc', '.consul'];

/**
 * Classify a `resolver` / `listen` address (`1.1.1.1`, `10.0.0.1:53`, `[::1]:53`, `::1`,
 * `kube-dns.kube-system.svc.cluster.local`): local, public, or unknown (variables).
 */
export function addressKind(addr: string): 'local' | 'public' | 'unknown' {
  if (addr.includes('$')) return 'unknown';
  let host = addr;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(addr);
  if (bracket) host = bracket[1];
  else if (/^[^:]+:\d+$/.test(addr)) host = addr.replace(/:\d+$/, '');
  if (ipv4(host)) return isPrivateIpv4(host) ? 'local' : 'public';
  if (host.includes(':')) return isPrivateIpv6(host) ? 'local' : /^[0-9a-f:.]+$/i.test(host) ? 'public' : 'unknown';
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || !name.includes('.')) return 'local';
  if (LOCAL_NAME_SUFFIXES.some((s) => name.endsWith(s))) return 'local';
  return 'public';
}

// ---- sizes ------------------------------------------------------------------------------------

/** nginx size (`10`, `512k`, `10m`, `1g`) in bytes, or null when it is not a literal size. */
export function parseSize(s: string): number | null {
  const m = /^(\d+)([kKmMgG]?)$/.exec(s.trim());
  if (!m) return null;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** The line indentation of a directive in the linted file. */
export function lineIndent(model: NginxModel, d: NginxDirective): string {
  const line = model.index.positionAt(d.start).line;
  return /^[ \t]*/.exec(model.index.lineText(line))![0];
}

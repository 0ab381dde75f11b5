// TLS facts shared by the batch-tls rules: the `targetVersion` option (which nginx the config is
// for), Mozilla's server-side TLS guidelines 6.0 "intermediate" profile, an OpenSSL cipher-string
// analysis, and the value of an `ssl_*` directive at a server after nginx's inheritance (through
// includes and, for a conf.d fragment, the blocks around the include that pulls it in). Anything
// that cannot be seen (an include that does not resolve, a fragment nobody includes) is "unknown":
// rules stay silent rather than guess.
import type { Range, RuleContext } from '../types';
import type { NginxDirective } from './parser';
import { nameRange, type NginxModel } from './language';
import { included, includerChain, isInertInclude } from './includes';
import { walkDirectives } from './parser';
import { isTlsListen, isTlsServer } from './model';

// ---------------------------------------------------------------------------------------------
// targetVersion

/** `"1.22"` / `"1.27.4"` as [major, minor, patch]; null when not a version. */
export function parseVersion(v: unknown): number[] | null {
  if (typeof v !== 'string' || !/^\d+(\.\d+){0,2}$/.test(v.trim())) return null;
  const parts = v.trim().split('.').map((p) => parseInt(p, 10));
  while (parts.length < 3) parts.push(0);
  return parts;
}

export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Is the target nginx at least `min`? null when the target is unknown. */
export function atLeast(target: unknown, min: string): boolean | null {
  const t = parseVersion(target);
  return t ? compareVersions(t, parseVersion(min)!) >= 0 : null;
}

/** The rule's `targetVersion` option, or null (unknown). */
export function targetOf(ctx: RuleContext): string | null {
  const v = ctx.options.targetVersion;
  return parseVersion(v) ? String(v).trim() : null;
}

export const TARGET_VERSION_OPTION = { targetVersion: null as string | null };

/** validateOptions for rules whose only option is `targetVersion` (extra keys are checked by the caller). */
export function validateTargetVersion(o: Record<string, unknown>): string | undefined {
  const v = o.targetVersion;
  if (v === null || v === undefined || parseVersion(v)) return undefined;
  return 'targetVersion must be the nginx version the config runs on, such as "1.22" or "1.27.4", or null (unknown)';
}

export const TARGET_VERSION_DOC =
  'Option `targetVersion` (default null = unknown): the nginx version the config runs on, such as "1.22" or "1.27.4".';

// ---------------------------------------------------------------------------------------------
// Mozilla server-side TLS guidelines 6.0, intermediate profile

export const MOZILLA_INTERMEDIATE = {
  protocols: ['TLSv1.2', 'TLSv1.3'],
  ciphers:
    'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
  /** Groups without the post-quantum hybrid (which needs OpenSSL 3.5). */
  classicCurves: 'X25519:prime256v1:secp384r1',
  preferServerCiphers: 'off',
};

/** nginx versions that changed TLS defaults (changes.xml). */
export const NGINX_SAFE_PROTOCOL_DEFAULT = '1.27.3'; // TLSv1 and TLSv1.1 disabled by default
export const NGINX_TICKET_KEY_ROTATION = '1.23.2'; // session ticket keys rotated automatically
export const NGINX_RETURN_308 = '1.13.0';

export const INSECURE_PROTOCOLS = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];

export function isInsecureProtocol(p: string): boolean {
  return INSECURE_PROTOCOLS.some((x) => x.toLowerCase() === p.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// OpenSSL cipher strings

/** Weak cipher families. `legacy` ones are not broken, only absent from Mozilla's lists. */
export type CipherClass = 'RC4' | 'DES' | '3DES' | 'NULL' | 'EXPORT' | 'MD5' | 'aNULL' | 'LOW' | 'MEDIUM' | 'IDEA' | 'CAMELLIA' | 'SEED' | 'SECLEVEL0';
export const LEGACY_CLASSES: ReadonlySet<CipherClass> = new Set(['CAMELLIA', 'SEED']);

const CLASS_LABEL: Record<CipherClass, string> = {
  RC4: 'RC4',
  DES: 'single DES',
  '3DES': '3DES',
  NULL: 'NULL (no encryption)',
  EXPORT: 'EXPORT-grade',
  MD5: 'MD5',
  aNULL: 'anonymous (aNULL, no authentication)',
  LOW: 'LOW-grade',
  MEDIUM: 'MEDIUM-grade',
  IDEA: 'IDEA',
  CAMELLIA: 'CAMELLIA',
  SEED: 'SEED',
  SECLEVEL0: '@SECLEVEL=0 (every weak algorithm allowed)',
};
export const cipherClassLabel = (c: CipherClass) => CLASS_LABEL[c];

/** Keywords and what they add (when written on their own) or take away (after `!` / `-`). */
const KEYWORD: Record<string, CipherClass[]> = {
  RC4: ['RC4'],
  DES: ['DES'],
  '3DES': ['3DES'],
  NULL: ['NULL'],
  ENULL: ['NULL'],
  EXP: ['EXPORT'],
  EXPORT: ['EXPORT'],
  EXPORT40: ['EXPORT'],
  EXPORT56: ['EXPORT'],
  MD5: ['MD5'],
  ANULL: ['aNULL'],
  ADH: ['aNULL'],
  AECDH: ['aNULL'],
  LOW: ['LOW', 'DES'],
  // OpenSSL >= 1.1 puts 3DES, and put RC4/SEED/IDEA, in MEDIUM.
  MEDIUM: ['MEDIUM', 'RC4', 'SEED', 'IDEA', '3DES'],
  IDEA: ['IDEA'],
  CAMELLIA: ['CAMELLIA'],
  CAMELLIA128: ['CAMELLIA'],
  CAMELLIA256: ['CAMELLIA'],
  SEED: ['SEED'],
};
/** What the catch-all keywords switch on (OpenSSL 1.0.2 meanings, the widest). */
const BROAD: Record<string, CipherClass[]> = {
  ALL: ['RC4', 'DES', '3DES', 'EXPORT', 'MD5', 'aNULL', 'LOW', 'MEDIUM', 'IDEA', 'CAMELLIA', 'SEED'],
  DEFAULT: ['RC4', '3DES', 'MD5', 'MEDIUM', 'IDEA', 'CAMELLIA', 'SEED'],
  COMPLEMENTOFALL: ['NULL'],
  COMPLEMENTOFDEFAULT: ['aNULL', 'EXPORT', 'LOW'],
};

/** Weak families named by one OpenSSL cipher-suite name (`RC4-SHA`, `EDH-RSA-DES-CBC3-SHA`, `EXP-RC4-MD5`). */
function suiteClasses(name: string): CipherClass[] {
  const parts = name.toUpperCase().split('-');
  const out = new Set<CipherClass>();
  parts.forEach((p, i) => {
    if (p === 'RC4') out.add('RC4');
    else if (p === 'DES') out.add(parts[i + 1] === 'CBC3' ? '3DES' : 'DES');
    else if (p === '3DES' || p === 'DES3') out.add('3DES');
    else if (p === 'NULL') out.add('NULL');
    else if (p === 'EXP' || p === 'EXP1024' || p === 'EXPORT') out.add('EXPORT');
    else if (p === 'MD5') out.add('MD5');
    else if (p === 'ADH' || p === 'AECDH') out.add('aNULL');
    else if (/^CAMELLIA(128|256)?$/.test(p)) out.add('CAMELLIA');
    else if (p === 'SEED') out.add('SEED');
    else if (p === 'IDEA') out.add('IDEA');
  });
  return [...out];
}

export interface WeakCipher {
  cls: CipherClass;
  /** The element of the cipher string that switches it on. */
  token: string;
}

/**
 * Weak cipher families a cipher string leaves enabled, in OpenSSL's order of evaluation: an
 * element switches families on, `-X` switches them off (a later element may add them back), `!X`
 * removes them for good, `+X` only reorders. Catch-alls (`ALL`, `DEFAULT`) count as enabling the
 * weak families they contain unless the rest of the string excludes them.
 */
export function weakCiphers(value: string): WeakCipher[] {
  const state = new Map<CipherClass, { on: boolean; banned: boolean; token: string }>();
  const on = (c: CipherClass, token: string) => {
    const s = state.get(c);
    if (s?.banned) return;
    if (!s?.on) state.set(c, { on: true, banned: false, token });
  };
  const off = (c: CipherClass, ban: boolean) => {
    const s = state.get(c);
    state.set(c, { on: false, banned: ban || !!s?.banned, token: s?.token ?? '' });
  };
  for (const element of value.split(/[:, ;]+/).filter(Boolean)) {
    const prefix = /^[!+-]/.test(element) ? element[0] : '';
    const body = prefix ? element.slice(1) : element;
    if (prefix === '+') continue;
    if (/^@SECLEVEL=0$/i.test(body)) {
      if (!prefix) on('SECLEVEL0', element);
      continue;
    }
    if (body.startsWith('@')) continue;
    const terms = body.split('+');
    if (prefix === '!' || prefix === '-') {
      // Only a single keyword removes a whole family; `!aNULL+ECDH` or one suite name removes less.
      if (terms.length === 1) for (const c of KEYWORD[body.toUpperCase()] ?? []) off(c, prefix === '!');
      continue;
    }
    const upper = terms.map((t) => t.toUpperCase());
    if (upper.length === 1 && BROAD[upper[0]]) {
      for (const c of BROAD[upper[0]]) on(c, element);
      continue;
    }
    for (const t of upper) {
      const classes = KEYWORD[t] ?? (t.includes('-') || t.includes('_') ? suiteClasses(t) : []);
      // `MEDIUM` on its own enables the MEDIUM family; its members are reported through it.
      for (const c of t === 'MEDIUM' ? (['MEDIUM'] as CipherClass[]) : t === 'LOW' ? (['LOW'] as CipherClass[]) : classes) on(c, element);
    }
  }
  const out: WeakCipher[] = [];
  for (const [cls, s] of state) if (s.on) out.push({ cls, token: s.token });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inheritance of ssl_* directives

export interface Setting {
  /** The directives of the nearest level that has any (several for ssl_certificate). */
  directives: NginxDirective[];
  /** An include that could not be resolved, or an invisible outer level, may set it: unknown. */
  unknown: boolean;
}

/** Is the directive written in the linted file (usable for ranges and edits)? */
export function inFile(d: NginxDirective, model: NginxModel): boolean {
  return d.file === model.path && d.end > d.start;
}

/** At most this many included files are spliced into one list; past it, includes stay unresolved (unknown). */
const EXPANSION_BUDGET = 200;

const expansionCache = new WeakMap<object, WeakMap<NginxDirective[], NginxDirective[]>>();

/**
 * A list of directives with resolvable includes spliced in, recursively, like includes.ts does but
 * with a budget (configs whose files include each other fan out exponentially), cached per
 * workspace view and list.
 */
export function expand(list: NginxDirective[], ctx: RuleContext, seen: string[] = []): NginxDirective[] {
  if (!ctx.workspace) return list;
  let perView = expansionCache.get(ctx.workspace);
  if (!perView) expansionCache.set(ctx.workspace, (perView = new WeakMap()));
  const cacheable = seen.length === 0;
  const hit = cacheable ? perView.get(list) : undefined;
  if (hit) return hit;
  const out = expandInto(list, ctx, seen, { n: EXPANSION_BUDGET });
  if (cacheable) perView.set(list, out);
  return out;
}

function expandInto(list: NginxDirective[], ctx: RuleContext, seen: string[], budget: { n: number }): NginxDirective[] {
  if (!list.some((d) => d.name === 'include')) return list;
  const out: NginxDirective[] = [];
  for (const d of list) {
    if (d.name !== 'include' || budget.n <= 0) {
      out.push(d);
      continue;
    }
    const files = included(d, ctx, seen);
    if (!files) {
      out.push(d);
      continue;
    }
    for (const f of files) {
      if (budget.n-- <= 0) {
        out.push(d); // too much to follow: unknown
        break;
      }
      out.push(...expandInto(f.directives, ctx, [...seen, f.path], budget));
    }
  }
  return out;
}

const TOP_BLOCKS = new Set(['http', 'stream', 'mail']);

export { isInertInclude };
/** An include that could not be resolved and may set anything. */
export const isOpaqueInclude = (d: NginxDirective) => d.name === 'include' && !isInertInclude(d);

/**
 * The levels whose settings apply at `block` (or at the file's top level for null), innermost
 * first, each as its children with resolvable includes spliced in. The last entry is null when
 * an outer level exists that cannot be seen (a fragment whose includer is unknown).
 */
export function levelsAt(model: NginxModel, block: NginxDirective | null, ctx: RuleContext): (NginxDirective[] | null)[] {
  const out: (NginxDirective[] | null)[] = [];
  let outermost: NginxDirective | null = null;
  for (let b = block; b; b = b.parent) {
    out.push(expand(b.block ?? [], ctx));
    outermost = b;
  }
  if (outermost && TOP_BLOCKS.has(outermost.name)) return out;
  if (outermost && outermost.file !== model.path) {
    out.push(null); // a block of another file whose includer is not followed: its outer levels are unknown
    return out;
  }
  out.push(expand(model.directives, ctx));
  const chain = includerChain(model, ctx);
  if (!chain) {
    if (model.topContexts.includes('main') && !model.topContexts.includes('http')) return out;
    out.push(null);
    return out;
  }
  if (chain.context === 'main') return out;
  for (let i = chain.blocks.length - 1; i >= 0; i--) out.push(expand(chain.blocks[i].block ?? [], ctx));
  if (!chain.blocks.length || !TOP_BLOCKS.has(chain.blocks[0].name)) out.push(null);
  return out;
}

/** The directives named `name` that apply at `block` after nginx's inheritance. */
export function effective(model: NginxModel, block: NginxDirective | null, name: string, ctx: RuleContext): Setting {
  for (const level of levelsAt(model, block, ctx)) {
    if (!level) return { directives: [], unknown: true };
    const index = indexOf(level);
    const hits = index.byName.get(name);
    if (hits) return { directives: hits, unknown: false };
    if (index.opaque) return { directives: [], unknown: true };
  }
  return { directives: [], unknown: false };
}

interface LevelIndex {
  byName: Map<string, NginxDirective[]>;
  opaque: boolean;
}
const levelIndexes = new WeakMap<NginxDirective[], LevelIndex>();

/** A level's directives by name (a big http block is asked about once per server). */
function indexOf(level: NginxDirective[]): LevelIndex {
  let index = levelIndexes.get(level);
  if (!index) {
    index = { byName: new Map(), opaque: false };
    for (const d of level) {
      const list = index.byName.get(d.name);
      if (list) list.push(d);
      else index.byName.set(d.name, [d]);
      if (isOpaqueInclude(d)) index.opaque = true;
    }
    levelIndexes.set(level, index);
  }
  return index;
}

/** The children of a block with resolvable includes spliced in. */
export function kidsOf(block: NginxDirective, ctx: RuleContext): NginxDirective[] {
  return expand(block.block ?? [], ctx);
}

/**
 * Does the server terminate TLS (model.isTlsServer: a `listen` with ssl/quic or port 443, or
 * `ssl on`; not a handshake-rejecting catch-all), looking through its resolvable includes too?
 */
export function servesTls(server: NginxDirective, ctx: RuleContext): boolean {
  return isTlsServer({ ...server, block: kidsOf(server, ctx) });
}

/** `listen` directives with the `ssl` or `quic` parameter (a TLS socket nginx needs a certificate for). */
export function sslListens(kids: NginxDirective[]): NginxDirective[] {
  return kids.filter((k) => k.name === 'listen' && k.args.slice(1).some((a) => a.value === 'ssl' || a.value === 'quic'));
}

export { isTlsListen, isTlsServer };

/** `server example.com :443`. */
export function serverLabel(server: NginxDirective): string {
  const kids = server.block ?? [];
  const name = kids.find((k) => k.name === 'server_name')?.args.find((a) => a.value && a.value !== '_')?.value;
  const listens = kids.filter((k) => k.name === 'listen');
  const listen = (listens.find(isTlsListen) ?? listens[0])?.args[0]?.value;
  const port = listen ? (/^\d+$/.test(listen) ? listen : /:(\d+)$/.exec(listen)?.[1] ?? listen) : undefined;
  return `server${name ? ' ' + name : ''}${port ? ' :' + port : ''}`;
}

/** Where a directive is, for messages: `line 12` or `conf.d/ssl.conf:3`. */
export function whereIs(d: NginxDirective, model: NginxModel): string {
  return d.file === model.path ? `line ${d.line + 1}` : `${d.file}:${d.line + 1}`;
}

/** Range for a finding or pass about a directive that may live in another file: fall back to `at`. */
export function rangeFor(model: NginxModel, d: NginxDirective | undefined, at: NginxDirective): Range {
  return d && inFile(d, model) ? nameRange(model, d) : nameRange(model, at);
}

/** The source text of a directive of the linted file. */
export function sourceOf(model: NginxModel, d: NginxDirective): string {
  return model.text.slice(d.start, d.end);
}

/**
 * Where to insert a new ssl_* line in a server: after its last ssl_* line, else its last listen /
 * server_name line, when that directive has a line of its own; else at the end of the block.
 */
export function sslInsertPoint(model: NginxModel, server: NginxDirective): NginxDirective | 'end' {
  const kids = server.block ?? [];
  const lineOf = (o: number) => model.index.positionAt(o).line;
  const ownLine = (d: NginxDirective) =>
    inFile(d, model) && lineOf(d.start) !== lineOf(server.blockOpen ?? server.start) && lineOf(d.end) !== lineOf(server.blockClose ?? server.end) && kids.every((k) => k === d || (lineOf(k.start) !== lineOf(d.end) && lineOf(k.end) !== lineOf(d.start)));
  const ssl = kids.filter((k) => k.name.startsWith('ssl_') && !k.block);
  const pick = ssl.length ? ssl[ssl.length - 1] : kids.filter((k) => (k.name === 'listen' || k.name === 'server_name') && !k.block).pop();
  return pick && ownLine(pick) ? pick : 'end';
}

// ---------------------------------------------------------------------------------------------
// The servers of the whole config, in nginx's order


export interface ServerView {
  /** http server blocks in config order; the linted file's own ones are its real directives. */
  servers: NginxDirective[];
  /** False when an include that may hold servers could not be resolved, or the file's includer is unknown. */
  complete: boolean;
}

/**
 * The http servers of the config the linted file belongs to: the includer's http block (a conf.d
 * fragment) or the file itself, with includes expanded. Copies of the linted file's own servers
 * that come through the includer are replaced by the file's real directives (matched by line).
 */
export function viewServers(model: NginxModel, ctx: RuleContext): ServerView {
  const own = new Map<number, NginxDirective>();
  for (const d of walkDirectives(model.directives)) if (d.name === 'server' && d.block) own.set(d.line, d);
  const servers: NginxDirective[] = [];
  let complete = true;
  // `seen`: the files whose blocks the walk is inside, so that include cycles end.
  // Depth first in config order with an explicit stack (nested http blocks must not overflow the stack).
  const walk = (root: NginxDirective[], rootInHttp: boolean, rootSeen: string[]) => {
    if (rootSeen.length > 8) return;
    const stack = [{ items: expand(root, ctx, rootSeen), i: 0, inHttp: rootInHttp, seen: rootSeen }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.i >= top.items.length) {
        stack.pop();
        continue;
      }
      const d = top.items[top.i++];
      const { inHttp, seen } = top;
      if (d.name === 'http' && d.block) {
        const inner = d.file === model.path || seen.includes(d.file) ? seen : [...seen, d.file];
        if (inner.length <= 8) stack.push({ items: expand(d.block, ctx, inner), i: 0, inHttp: true, seen: inner });
      } else if (d.name === 'server' && d.block && inHttp) servers.push(d.file === model.path ? own.get(d.line) ?? d : d);
      else if (d.name === 'include' && !isInertInclude(d)) complete = false;
    }
  };
  const chain = includerChain(model, ctx);
  const http = chain?.blocks.find((b) => b.name === 'http');
  if (chain && http) walk(http.block ?? [], true, [chain.path]);
  else {
    const fragment = !model.directives.some((d) => d.name === 'http') && model.directives.some((d) => d.name === 'server');
    if (fragment) complete = false;
    walk(model.directives, fragment, [model.path]);
  }
  // Servers of the file the walk did not reach (an includer that pulls it into a different place).
  const reached = new Set(servers);
  for (const s of own.values()) if (!reached.has(s)) servers.push(s);
  return { servers: servers.filter((s) => !inside(s, /^(stream|mail|upstream)$/)), complete };
}

function inside(d: NginxDirective, re: RegExp): boolean {
  for (let p = d.parent; p; p = p.parent) if (re.test(p.name)) return true;
  return false;
}

/** The address:port a `listen` binds, normalised (`443` = `*:443` = `0.0.0.0:443`). */
export function socketOf(listen: NginxDirective): string {
  const v = (listen.args[0]?.value ?? '').toLowerCase();
  if (v.startsWith('unix:')) return v;
  if (/^\d+$/.test(v)) return `*:${v}`;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(v);
  if (!m) return v;
  const host = m[1] === '0.0.0.0' || m[1] === '' ? '*' : m[1];
  return `${host}:${m[2] ?? '80'}`;
}

export const isDefaultListen = (listen: NginxDirective) => listen.args.slice(1).some((a) => a.value === 'default_server' || a.value === 'default');

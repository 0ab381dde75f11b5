// `nginx -t` as an oracle for the nginx tests: Debian's nginx (1.22, installed by .ci/setup-system.sh)
// checks a config the way production would, so our parser's verdict and every fix a rule offers can
// be compared with what nginx itself accepts.
//
// A corpus file is checked on its own, wrapped in a minimal main config when it is a fragment
// (`http`, `server`, `location`, ... per the context our parser infers). Whatever makes nginx fail
// for reasons outside the config text is "neutralised" and the check rerun: a missing included
// file, a host name that does not resolve here, a certificate that is not on this machine, an
// unknown user, a module Debian's build lacks (njs, NGINX Plus, newer than 1.22), an unrendered
// envsubst template. Each neutralisation is one recorded text edit on the file, so the same ones
// can be replayed on a fixed version of it (nginx-fixes-vs-nginx.test.ts).
//
// nginx runs in a throwaway sandbox when possible (root: `unshare` of a mount and network namespace,
// the root file system behind a tmpfs overlay): `nginx -t` creates log files, cache directories and
// binds the listen sockets, none of which may touch the machine, and host names then never resolve
// (the same answer on every machine). Without it nginx runs directly (noted in the output).
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nginxLanguage } from '../../rules/nginx/language';
import { parseNginx, walkDirectives, type NginxDirective } from '../../rules/nginx/parser';
import { isKnownDirective, THIRD_PARTY_DIRECTIVE, variableSpec } from '../../rules/nginx/directives';
import { getRule } from '../../rules/index';
import type { Rule } from '../../rules/types';
import { LineIndex } from '../../rules/text';
import { lintText, ENGINE_IDS } from '../../server/src/engine/runner';
import { CORPORA_ROOT, filesUnder } from '../corpus/corpora';

// ---------------------------------------------------------------------------------------------
// nginx itself

const CANDIDATES = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'];
const MODULES_DIR = '/usr/lib/nginx/modules';
/** Dynamic modules of Debian's packages the wrapper loads when present (stream and mail configs). */
const WRAPPER_MODULES = ['ngx_stream_module', 'ngx_mail_module'];

let nginxInfo: { bin: string; version: string } | { why: string } | undefined;

/** The nginx binary (env NGINX_BIN, else the usual paths) and its version, or why there is none. */
export function nginxBinary(): { bin: string; version: string } | { why: string } {
  if (nginxInfo) return nginxInfo;
  const bin = process.env.NGINX_BIN || CANDIDATES.find((p) => existsSync(p));
  if (!bin) return (nginxInfo = { why: `nginx is not installed (looked for ${CANDIDATES.join(', ')}; set NGINX_BIN to point elsewhere)` });
  const r = spawnSync(bin, ['-v'], { encoding: 'utf8', timeout: 10_000 });
  const v = /nginx version: (\S+)/.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  nginxInfo = v ? { bin, version: v[1] } : { why: `${bin} -v failed: ${r.error?.message ?? r.stderr}` };
  return nginxInfo;
}

/**
 * Skip the calling suite when nginx is missing (the reason on stderr), or throw under CI=true:
 * CI installs nginx (.ci/setup-system.sh), so a missing one there is a broken setup, not a skip.
 */
export function requireNginx(ctx: Mocha.Context): string {
  let info = nginxBinary();
  // nginx -t opens its log and temp paths and binds the listen sockets: as another user it fails
  // on every config for reasons that are not the config's.
  if ('bin' in info && process.getuid?.() !== 0) info = { why: `nginx -t needs root here (it binds ports and creates nginx's paths); running as uid ${process.getuid?.()}` };
  if ('bin' in info) return info.bin;
  if (process.env.CI === 'true') throw new Error(`${info.why}. CI=true, so this is a failure, not a skip: .ci/setup-system.sh installs Debian's nginx.`);
  process.stderr.write(`  skipping: ${info.why}\n`);
  ctx.skip();
}

// ---------------------------------------------------------------------------------------------
// The corpus

export const WILD_NGINX = path.join(CORPORA_ROOT, 'wild/nginx');
export const GIXY_LINEAGES = ['yandex', 'dvershinin'] as const;

export interface CorpusConfig {
  /** Short display id: `wild/h5bp/nginx.conf`, `gixy-yandex/ssrf/used_arg.conf`. */
  id: string;
  /** Absolute path. */
  file: string;
  text: string;
  /** Contexts to wrap it in, most likely first (our inference, then the corpus index's). */
  contexts: string[];
  /** The folder whose files form its workspace (the upstream project, or the gixy plugin). */
  folder: string;
}

interface WildIndexEntry {
  path: string;
  context: string;
}

/** Every nginx config of the wild corpus (as listed in its index.json) and of both gixy lineages. */
export function nginxCorpus(): CorpusConfig[] {
  const out: CorpusConfig[] = [];
  const indexFile = path.join(WILD_NGINX, 'index.json');
  if (existsSync(indexFile)) {
    const files = (JSON.parse(readFileSync(indexFile, 'utf8')) as { files: WildIndexEntry[] }).files;
    for (const f of files) {
      const file = path.join(WILD_NGINX, f.path);
      if (!existsSync(file)) continue; // a corpus folder may be dropped (e.g. for its license)
      const hint = f.context === 'location/any' ? 'location' : f.context;
      out.push(entry(`wild/${f.path}`, file, path.join(WILD_NGINX, f.path.split('/')[0]), hint));
    }
  }
  for (const lineage of GIXY_LINEAGES) {
    const root = path.join(CORPORA_ROOT, 'nginx/gixy', lineage, 'tests/plugins/simply');
    for (const file of filesUnder(root, /\.conf$/)) {
      const rel = path.relative(root, file);
      out.push(entry(`gixy-${lineage}/${rel}`, file, path.join(root, rel.split(path.sep)[0]), null));
    }
  }
  return out;
}

function entry(id: string, file: string, folder: string, hint: string | null): CorpusConfig {
  const text = readFileSync(file, 'utf8');
  const ours = nginxLanguage.parse(text, file).model.topContexts;
  const contexts = [...new Set([...ours, ...(hint ? [hint] : [])])].filter((c) => WRAPPABLE.has(c));
  return { id, file, text, contexts: contexts.length ? contexts : ['main'], folder };
}

// ---------------------------------------------------------------------------------------------
// Our verdict

/** The findings that mean "this config does not load": parse errors and the validity rules. */
export const VALIDITY_RULE_IDS = ['nginx/unknown-directive', 'nginx/directive-not-allowed', 'nginx/invalid-arguments'];
const VALIDITY_IDS = new Set<string>([ENGINE_IDS.parseError, ENGINE_IDS.internalError, ...VALIDITY_RULE_IDS]);

let validityRules: Rule[] | undefined;

/** What our parser and validity rules object to in a text (empty: we accept it). */
export function ourProblems(text: string, file: string): string[] {
  validityRules ??= VALIDITY_RULE_IDS.map((id) => getRule(id)).filter((r): r is Rule => !!r);
  const r = lintText({ path: file, text, languageId: 'nginx', onlyRules: validityRules });
  if (!r) return ['not recognised as nginx'];
  return r.findings.filter((f) => VALIDITY_IDS.has(f.ruleId)).map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);
}

// ---------------------------------------------------------------------------------------------
// Neutralisations

export type Category =
  | 'include' // an included file that is not here
  | 'file' // another file or directory nginx opens or creates at startup (logs, cache, pid)
  | 'host' // a host name that does not resolve here
  | 'certificate' // TLS material that is not on this machine
  | 'user' // a user or group this machine does not have
  | 'address' // a listen address this machine does not have
  | 'module' // a directive, variable or parameter of a module Debian's nginx 1.22 lacks (njs, Plus, newer)
  | 'template' // envsubst placeholders, rendered with dummy values
  | 'variable' // a variable a fragment uses and its including config defines
  | 'fragment'; // what else a fragment gets from its including config (certificate, log format, zone, upstream)

/**
 * Categories a fix may need neutralised afresh: it can point at files, hosts or certificates that
 * are not here. Never a module, a template or an unknown variable: a fix must not add a directive
 * nginx 1.22 does not know, nor use a variable nothing defines.
 */
export const ENVIRONMENT_ONLY: ReadonlySet<Category> = new Set(['include', 'file', 'host', 'certificate', 'user', 'address', 'fragment']);
export const ALL_CATEGORIES: ReadonlySet<Category> = new Set([...ENVIRONMENT_ONLY, 'module', 'template', 'variable']);

/** Replace the `occurrence`-th (0-based) occurrence of `original` by `replacement`. */
export interface TextChange {
  original: string;
  occurrence: number;
  replacement: string;
  /** Replace every occurrence instead (template placeholders). */
  all?: boolean;
}

export interface Neutralisation {
  category: Category;
  /** The directive name or `$variable` a module neutralisation is about. */
  about?: string;
  /** nginx's message that caused it. */
  nginx: string;
  /** What was done, for the log. */
  what: string;
  changes: TextChange[];
}

export function applyChanges(text: string, changes: TextChange[]): string | null {
  let out = text;
  for (const c of changes) {
    if (c.all) {
      if (!out.includes(c.original)) return null;
      out = out.split(c.original).join(c.replacement);
      continue;
    }
    let at = -1;
    for (let k = 0; k <= c.occurrence; k++) {
      at = out.indexOf(c.original, at + 1);
      if (at < 0) return null;
    }
    out = out.slice(0, at) + c.replacement + out.slice(at + c.original.length);
  }
  return out;
}

function occurrenceAt(text: string, original: string, start: number): number {
  let n = 0;
  for (let at = text.indexOf(original); at >= 0 && at < start; at = text.indexOf(original, at + 1)) n++;
  return n;
}

const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');

/** Directive source: the whole of a simple directive, the header (up to `{`) of a block. */
function head(text: string, d: NginxDirective): { start: number; src: string } {
  const end = d.block ? d.blockOpen ?? d.end : d.end;
  return { start: d.start, src: text.slice(d.start, end) };
}

function changeOf(text: string, start: number, original: string, replacement: string): TextChange {
  return { original, occurrence: occurrenceAt(text, original, start), replacement };
}

/**
 * Several changes computed on the same text: applied last one first, so that each one's occurrence
 * count (of the text before it) still holds when it is applied.
 */
function changesOf(text: string, items: { start: number; original: string; replacement: string }[]): TextChange[] {
  return [...items].sort((a, b) => b.start - a.start).map((i) => changeOf(text, i.start, i.original, i.replacement));
}

interface Located {
  message: string;
  /** 1-based line in the subject file, when nginx names it. */
  line: number | null;
}

interface NeutraliseState {
  /** Variables defined by directives already removed (their uses are then unknown to nginx). */
  removedVars: Set<string>;
  /**
   * Module directives and variables the replayed neutralisations dealt with: they may be dealt with
   * again when an edit changed them (a fix that rewrites a `more_set_headers`), even where the
   * `module` and `variable` categories are not allowed afresh.
   */
  replayedModule: Set<string>;
}

/** Plus-only or newer-than-1.22 parameters of `listen` and upstream `server`. */
const NEWER_PARAMS = /^(quic|resolve|drain|service=.*|route=.*|slow_start=.*)$/;
/** TLS material nginx loads at startup: directive name -> what to point it at. */
const TLS_FILES: [RegExp, 'cert' | 'key' | 'drop'][] = [
  [/^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_certificate_key$/, 'key'],
  [/^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_certificate$/, 'cert'],
  [/^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_(trusted|client)_certificate$/, 'cert'],
  [/^(ssl|proxy_ssl|grpc_ssl|uwsgi_ssl)_(dhparam|crl|password_file|session_ticket_key|stapling_file)$/, 'drop'],
];
/** Directives whose argument is a directory nginx creates at startup. */
const DIR_DIRECTIVES = /^(proxy|fastcgi|scgi|uwsgi)_(cache|temp)_path$|^client_body_temp_path$/;

function parseTree(text: string): { all: NginxDirective[]; index: LineIndex } {
  return { all: [...walkDirectives(parseNginx(text).directives)], index: new LineIndex(text) };
}

/** The innermost directive whose statement (name to `;` or `{`) spans 1-based `line`. */
function directiveAtLine(text: string, line: number): NginxDirective | null {
  const { all, index } = parseTree(text);
  let best: NginxDirective | null = null;
  for (const d of all) {
    const s = index.positionAt(d.start).line + 1;
    const e = index.positionAt(d.block ? d.blockOpen ?? d.end : Math.max(d.start, d.end - 1)).line + 1;
    if (s <= line && line <= e) best = d;
  }
  return best;
}

/** The innermost block named `name` whose lines span 1-based `line`. */
function blockAtLine(text: string, line: number, name: string): NginxDirective | null {
  const { all, index } = parseTree(text);
  let best: NginxDirective | null = null;
  for (const d of all) {
    if (d.name !== name || !d.block) continue;
    if (index.positionAt(d.start).line + 1 <= line && line <= index.positionAt(d.end).line + 1) best = d;
  }
  return best;
}

function inStream(d: NginxDirective, topContext: string): boolean {
  for (let p = d.parent; p; p = p.parent) {
    if (p.name === 'stream') return true;
    if (p.name === 'http') return false;
  }
  return topContext === 'stream';
}

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)\}|\$([A-Z][A-Z0-9]*_[A-Z0-9_]*)(?![A-Za-z0-9_])/g;

/**
 * envsubst placeholders (`${UPPER_CASE}`, `$UPPER_CASE`) that are not nginx variables and that the
 * file does not define itself (`set $X`, `map ... $X`).
 */
function placeholders(text: string): { name: string; raw: string }[] {
  const out = new Map<string, string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? m[2];
    if (variableSpec(name.toLowerCase()) || new RegExp(`(^|[\\s;{])(set|map|geo|js_set|js_var|perl_set)\\s+[^;{]*\\$\\{?${name}\\b`, 'm').test(text)) continue;
    out.set(m[0], name);
  }
  return [...out].map(([raw, name]) => ({ raw, name }));
}

/** A dummy value of the right shape for a template placeholder, by its name. */
function placeholderValue(name: string): string {
  if (/RESOLVERS?$/.test(name)) return '127.0.0.1';
  if (/UPSTREAM$/.test(name)) return '127.0.0.1:9000';
  if (/(SERVER|HOST|ADDR|ADDRESS)$/.test(name)) return '127.0.0.1';
  if (/PORT$/.test(name)) return '8080';
  if (/PROTO$/.test(name)) return 'http';
  if (/VERSION$/.test(name)) return '4';
  if (/VALID/.test(name)) return '1h';
  if (/SIZE$/.test(name)) return '1m';
  if (/(INACTIVE|TIMEOUT|TTL)$/.test(name)) return '60m';
  if (/METHODS/.test(name)) return 'GET';
  return 'placeholder';
}

export interface Certs {
  cert: string;
  key: string;
}

/**
 * One neutralisation for nginx's error, or null when the error is the config's own (or of a
 * category not allowed here).
 */
function neutralise(text: string, err: Located, allow: ReadonlySet<Category>, state: NeutraliseState, topContext: string, certs: Certs | null): Neutralisation | null {
  const msg = err.message;
  let subjectName = '';
  const make = (category: Category, what: string, changes: TextChange[]): Neutralisation | null =>
    (allow.has(category) || ((category === 'module' || category === 'variable') && state.replayedModule.has(subjectName))) && changes.length ? { category, nginx: msg, what, changes, about: subjectName || undefined } : null;
  const at = err.line ? directiveAtLine(text, err.line) : null;
  const removeAt = (category: Category, what: string) => {
    if (!at) return null;
    for (const v of (at.args[0]?.value ?? '').matchAll(/\$\{?([A-Za-z0-9_]+)/g)) state.removedVars.add(v[1].toLowerCase());
    const src = text.slice(at.start, at.end);
    return make(category, `${what}: removed "${src.split('\n')[0].trim()}" (line ${err.line})`, [changeOf(text, at.start, src, blank(src))]);
  };
  let m: RegExpExecArray | null;

  // envsubst templates first: until rendered, every other error may be a placeholder's.
  const ph = placeholders(text);
  if (ph.length && allow.has('template')) {
    const changes = ph.map((p) => ({ original: p.raw, occurrence: 0, replacement: placeholderValue(p.name), all: true }));
    return make('template', `rendered envsubst placeholders ${ph.map((p) => `${p.raw}=${placeholderValue(p.name)}`).join(', ')}`, changes);
  }

  if ((m = /^unknown directive "([^"]+)"/.exec(msg))) {
    if (!isKnownDirective(m[1]) && !THIRD_PARTY_DIRECTIVE.test(m[1])) return null; // a real typo
    subjectName = m[1];
    // Every use of it fails alike: remove them all at once (one nginx run instead of one each).
    const uses = parseTree(text).all.filter((d) => d.name === m![1]);
    if (!at || !uses.some((d) => d.start === at.start)) return null;
    for (const d of uses) for (const v of (d.args[0]?.value ?? '').matchAll(/\$\{?([A-Za-z0-9_]+)/g)) state.removedVars.add(v[1].toLowerCase());
    const changes = changesOf(text, uses.map((d) => ({ start: d.start, original: text.slice(d.start, d.end), replacement: blank(text.slice(d.start, d.end)) })));
    return make('module', `"${m[1]}" needs a module Debian's nginx ${versionShort()} lacks: removed ${uses.length === 1 ? `"${text.slice(at.start, at.end).split('\n')[0].trim()}" (line ${err.line})` : `its ${uses.length} uses`}`, changes);
  }
  if ((m = /^invalid parameter "([^"]+)"/.exec(msg)) && at && NEWER_PARAMS.test(m[1])) {
    const arg = at.args.find((a) => a.value === m![1]);
    if (!arg) return null;
    const src = head(text, at);
    const rel = arg.start - at.start;
    const replacement = src.src.slice(0, rel) + blank(arg.raw) + src.src.slice(rel + arg.raw.length);
    return make('module', `parameter "${m[1]}" of "${at.name}" is NGINX Plus or newer than ${versionShort()}: removed it (line ${err.line})`, [changeOf(text, src.start, src.src, replacement)]);
  }
  if ((m = /^unknown "([^"]+)" variable/.exec(msg))) {
    const name = m[1].toLowerCase();
    subjectName = '$' + name;
    // From a removed module directive, of a module this nginx lacks, or (in a fragment) defined by
    // the including config; a main config that uses a variable nothing defines is simply wrong.
    const category: Category | null = state.removedVars.has(name) || variableSpec(name) ? 'module' : topContext !== 'main' ? 'variable' : null;
    if (!category) return null;
    const ref = new RegExp(`\\$(\\{${name}\\}|${name}(?![A-Za-z0-9_]))`, 'gi');
    const items = [];
    for (const d of parseTree(text).all) {
      const h = head(text, d);
      ref.lastIndex = 0;
      if (!ref.test(h.src)) continue;
      const sub = inStream(d, topContext) ? '$remote_addr' : `$http_x_nginx_t_${name}`;
      items.push({ start: h.start, original: h.src, replacement: h.src.replace(ref, (_all, g: string) => (g.startsWith('{') ? `\${${sub.slice(1)}}` : sub)) });
    }
    const changes = changesOf(text, items);
    const why = category === 'module' ? `comes from a module ${versionShort()} lacks (or a removed directive)` : 'is defined by the including config';
    return make(category, `variable $${name} ${why}: replaced its uses by a request header variable`, changes);
  }
  if (/^no servers are inside upstream/.test(msg) && err.line) {
    // nginx names the upstream's closing line. NGINX Plus fills an upstream with a `zone` at run
    // time (API, `state` file): give it one server. Without a zone it is the config's own error.
    const up = blockAtLine(text, err.line, 'upstream');
    if (!up?.block?.some((k) => k.name === 'zone' || k.name === 'state')) return null;
    const src = text.slice(up.start, (up.blockOpen ?? up.end) + 1);
    return make('module', `upstream "${up.args[0]?.value}" is filled at run time by NGINX Plus (zone, state, API): added "server 127.0.0.1:80;"`, [
      changeOf(text, up.start, src, `${src} server 127.0.0.1:80;`),
    ]);
  }
  if ((m = /^zero size shared memory zone "([^"]+)"/.exec(msg)) && topContext !== 'main') {
    const zone = m[1];
    const users = parseTree(text).all.filter((d) => !d.block && d.args.some((a) => a.value === zone || a.value === `zone=${zone}`));
    if (!users.length) return null;
    const changes = changesOf(text, users.map((d) => ({ start: d.start, original: text.slice(d.start, d.end), replacement: blank(text.slice(d.start, d.end)) })));
    return make('fragment', `shared memory zone "${zone}" is defined by the including config: removed ${users.map((d) => `"${d.name}"`).join(', ')}`, changes);
  }
  if ((m = /^no port in upstream "([^"]+)"/.exec(msg)) && at && topContext !== 'main') {
    const name = m[1];
    const h = head(text, at);
    const arg = at.args.find((a) => a.value === name || a.value.endsWith('://' + name) || a.value.includes('://' + name + '/'));
    if (!arg) return null;
    const rel = arg.start - at.start;
    const replacement = h.src.slice(0, rel) + arg.raw.replace(name, '127.0.0.1:9000') + h.src.slice(rel + arg.raw.length);
    return make('fragment', `upstream "${name}" is defined by the including config: pointed "${at.name}" at 127.0.0.1:9000 (line ${err.line})`, [changeOf(text, h.start, h.src, replacement)]);
  }
  if ((m = /^unknown log format "([^"]+)"/.exec(msg)) && at && topContext !== 'main') {
    const arg = at.args.find((a) => a.value === m![1]);
    if (!arg) return null;
    const src = text.slice(at.start, at.end);
    const rel = arg.start - at.start;
    return make('fragment', `log format "${m[1]}" is defined by the including config: used "combined" (line ${err.line})`, [
      changeOf(text, at.start, src, src.slice(0, rel) + 'combined' + src.slice(rel + arg.raw.length)),
    ]);
  }
  if ((m = /^"(\w+)" zone "([^"]+)" is unknown/.exec(msg)) && topContext !== 'main') {
    const zone = m[2];
    const users = parseTree(text).all.filter((d) => d.name === m![1] && d.args.some((a) => a.value === zone || a.value === `zone=${zone}`));
    if (!users.length) return null;
    const changes = changesOf(text, users.map((d) => ({ start: d.start, original: text.slice(d.start, d.end), replacement: blank(text.slice(d.start, d.end)) })));
    return make('fragment', `zone "${zone}" is defined by the including config: removed its "${m[1]}" directives`, changes);
  }
  if ((m = /^host not found in (?:upstream |resolver )?"([^"]+)"/.exec(msg)) || (m = /^host not found in "([^"]+)" of the "listen" directive/.exec(msg))) {
    const host = m[1].startsWith('[') ? m[1] : m[1].replace(/:\d+$/, '');
    const targets = at && head(text, at).src.includes(host) ? [at] : parseTree(text).all.filter((d) => d.args.some((a) => a.value.includes(host)));
    if (!targets.length) return null;
    const changes = changesOf(
      text,
      targets.map((d) => head(text, d)).map((h) => ({ start: h.start, original: h.src, replacement: h.src.split(host).join('127.0.0.1') })),
    );
    return make('host', `host "${host}" does not resolve here: replaced by 127.0.0.1`, changes);
  }
  if ((m = /^(getpwnam|getgrnam)\("([^"]+)"\) failed/.exec(msg))) {
    const user = parseTree(text).all.find((d) => d.name === 'user');
    if (!user) return null;
    const src = text.slice(user.start, user.end);
    return make('user', `${m[1] === 'getpwnam' ? 'user' : 'group'} "${m[2]}" does not exist here: "user root;"`, [changeOf(text, user.start, src, 'user root;')]);
  }
  const tlsPath =
    /^cannot load certificate(?: key)? "([^"]+)"/.exec(msg) ??
    /^(?:BIO_new_file|PEM_read_bio_DHparams|SSL_CTX_load_verify_locations|X509_load_cert_crl_file|SSL_CTX_use_PrivateKey_file|SSL_CTX_use_certificate_chain_file)\("([^"]+)"\) failed/.exec(msg);
  if (tlsPath) {
    const file = tlsPath[1].replace(/^data:.*/s, '');
    const targets = parseTree(text).all.filter((d) => TLS_FILES.some(([re]) => re.test(d.name)) && d.args.some((a) => a.value === file || (file.endsWith('/' + a.value) && a.value)));
    if (!targets.length) return null;
    const changes = changesOf(
      text,
      targets.map((d) => {
        const kind = TLS_FILES.find(([re]) => re.test(d.name))![1];
        const src = text.slice(d.start, d.end);
        return { start: d.start, original: src, replacement: kind === 'drop' || !certs ? blank(src) : `${d.name} ${kind === 'key' ? certs.key : certs.cert};` };
      }),
    );
    const pointed = certs && targets.some((d) => TLS_FILES.find(([re]) => re.test(d.name))![1] !== 'drop');
    return make('certificate', `"${file}" is not on this machine: ${pointed ? 'pointed its directives at a generated self-signed pair' : 'removed its directives'}`, changes);
  }
  if (/^no "ssl_certificate" is defined (for the "listen \.\.\. ssl" directive|for server|in server)/.test(msg) && topContext !== 'main') {
    // nginx names the line only sometimes: else the first TLS listen of a block without a certificate.
    const bare = (d: NginxDirective) => !(d.parent?.block ?? []).some((k) => k.name === 'ssl_certificate');
    const listen = at?.name === 'listen' ? at : parseTree(text).all.find((d) => d.name === 'listen' && d.args.some((a) => a.value === 'ssl') && bare(d));
    if (!listen || !certs) return null;
    const src = text.slice(listen.start, listen.end);
    return make('fragment', `no certificate in this file for "${src.trim()}": added the generated pair after it (a fragment gets it from its includer)`, [
      changeOf(text, listen.start, src, `${src} ssl_certificate ${certs.cert}; ssl_certificate_key ${certs.key};`),
    ]);
  }
  if ((m = /^(open|dlopen|glob)\(\) "([^"]+)" failed/.exec(msg))) {
    const file = m[2];
    if (at && (at.name === 'include' || at.name === 'load_module')) return removeAt(at.name === 'include' ? 'include' : 'module', `"${file}" is not here`);
    const targets = parseTree(text).all.filter((d) => d.args.some((a) => a.value && !a.value.includes('$') && (a.value === file || file.endsWith('/' + a.value.replace(/^\.?\//, '')))));
    const d = targets.find((t) => at && t.start === at.start) ?? targets[0];
    if (!d) return null;
    if (d.name === 'include') return removeAtDirective(text, d, make, 'include', `"${file}" is not here`);
    if (d.name === 'load_module' || d.name === 'js_import' || d.name === 'js_include' || d.name === 'js_path') return removeAtDirective(text, d, make, 'module', `"${file}" is not here`);
    const src = text.slice(d.start, d.end);
    if (!/_log$/.test(d.name)) return removeAtDirective(text, d, make, TLS_FILES.some(([re]) => re.test(d.name)) ? 'certificate' : 'file', `"${file}" is not here`);
    const arg = d.args.find((a) => a.value === file || file.endsWith('/' + a.value.replace(/^\.?\//, '')))!;
    const rel = arg.start - d.start;
    return make('file', `log "${file}" cannot be created here: "${d.name}" to /dev/null`, [changeOf(text, d.start, src, src.slice(0, rel) + '/dev/null' + src.slice(rel + arg.raw.length))]);
  }
  if ((m = /^mkdir\(\) "([^"]+)" failed/.exec(msg))) {
    const dir = m[1];
    const d = parseTree(text).all.find((x) => DIR_DIRECTIVES.test(x.name) && x.args[0] && (x.args[0].value === dir || dir.endsWith('/' + x.args[0].value)));
    if (!d) return null;
    const src = text.slice(d.start, d.end);
    const rel = d.args[0].start - d.start;
    const replacement = src.slice(0, rel) + `nginx-t${dir.replace(/[^A-Za-z0-9]+/g, '-')}` + src.slice(rel + d.args[0].raw.length);
    return make('file', `directory "${dir}" cannot be created here: "${d.name}" pointed at the prefix`, [changeOf(text, d.start, src, replacement)]);
  }
  if ((m = /^bind\(\) to (\S+) failed \((99|13|98):/.exec(msg))) {
    const addr = m[1];
    const host = addr.startsWith('[') ? addr.slice(0, addr.indexOf(']') + 1) : addr.replace(/:\d+$/, '');
    const port = /:(\d+)$/.exec(addr)?.[1] ?? '80';
    const targets = parseTree(text).all.filter((d) => d.name === 'listen' && d.args[0] && (d.args[0].value === addr || d.args[0].value === `${host}:${port}`));
    if (!targets.length || m[2] !== '99') return null;
    const changes = changesOf(
      text,
      targets.map((d) => {
        const h = head(text, d);
        const rel = d.args[0].start - d.start;
        return { start: h.start, original: h.src, replacement: h.src.slice(0, rel) + `127.0.0.1:${port}` + h.src.slice(rel + d.args[0].raw.length) };
      }),
    );
    return make('address', `address ${host} is not on this machine: listen on 127.0.0.1:${port}`, changes);
  }
  if ((m = /^module "([^"]+)" is already loaded/.exec(msg))) return removeAt('module', `"${m[1]}" is loaded by the wrapper`);
  return null;
}

function removeAtDirective(text: string, d: NginxDirective, make: (c: Category, w: string, ch: TextChange[]) => Neutralisation | null, category: Category, what: string): Neutralisation | null {
  const src = text.slice(d.start, d.end);
  return make(category, `${what}: removed "${src.split('\n')[0].trim()}"`, [changeOf(text, d.start, src, blank(src))]);
}

function versionShort(): string {
  const info = nginxBinary();
  return 'version' in info ? info.version : 'nginx';
}

// ---------------------------------------------------------------------------------------------
// Wrapping a fragment into a main config

const WRAPPABLE = new Set(['main', 'http', 'server', 'location', 'upstream', 'stream', 'mail', 'events']);

function wrapper(context: string, subject: string, subjectText: string, prefix: string): string {
  const modules = WRAPPER_MODULES.filter((m) => existsSync(path.join(MODULES_DIR, `${m}.so`)) && !subjectText.includes(m) && !subjectText.includes('modules-enabled'));
  const top = parseNginx(subjectText).directives;
  const lines = ['# nginx-t wrapper', ...modules.map((m) => `load_module ${MODULES_DIR}/${m}.so;`)];
  const hasTop = (name: string) => context === 'main' && top.some((d) => d.name === name);
  if (!hasTop('pid')) lines.push(`pid ${prefix}nginx.pid;`);
  const inc = `include ${subject};`;
  switch (context) {
    case 'main':
      // `events {}` after the include: a `load_module` in the subject must come before any block.
      lines.push(inc);
      if (!hasTop('events')) lines.push('events {}');
      break;
    case 'events':
      lines.push(`events { ${inc} }`);
      break;
    case 'http':
      lines.push('events {}', `http { ${inc} }`);
      break;
    case 'server':
      lines.push('events {}', `http { server { listen 127.0.0.1:8099; ${inc} } }`);
      break;
    case 'location':
      lines.push('events {}', `http { server { listen 127.0.0.1:8099; location / { ${inc} } } }`);
      break;
    case 'upstream':
      lines.push('events {}', `http { upstream nginx_t_upstream { ${inc} } }`);
      break;
    case 'stream':
      lines.push('events {}', `stream { ${inc} }`);
      break;
    case 'mail':
      lines.push('events {}', `mail { ${inc} }`);
      break;
    default:
      throw new Error(`cannot wrap context ${context}`);
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Running nginx -t, many configs at a time

export interface Subject {
  key: string;
  text: string;
  /** Contexts to try in order (a fragment is accepted when some wrapping accepts it). */
  contexts: string[];
  /** Neutralisations to apply first (those the original file needed). */
  replay?: Neutralisation[];
  /** Categories that may be neutralised afresh. */
  allow: ReadonlySet<Category>;
}

export interface Verdict {
  ok: boolean;
  /** nginx's error (first context tried) when not ok. */
  message: string;
  /** The context the verdict is for (the accepting one, else the first). */
  context: string;
  /** Neutralisations applied afresh (replays not included). */
  neutralisations: Neutralisation[];
  /** Replayed neutralisations whose text was no longer found. */
  replayMissed: number;
  /** The text nginx checked last. */
  checked: string;
}

const MAX_NEUTRALISATIONS = 60;

interface Job {
  dir: string;
  state: RunState;
}

interface RunState {
  subject: Subject;
  ctx: number;
  text: string;
  neutralisations: Neutralisation[];
  replayMissed: number;
  vars: NeutraliseState;
  first: { message: string; context: string; neutralisations: Neutralisation[]; checked: string; replayMissed: number } | null;
  done: Verdict | null;
}

export class NginxRunner {
  readonly root: string;
  private readonly data: string;
  private readonly bin: string;
  private jobCount = 0;
  private round = 0;
  readonly certs: Certs | null;
  /** Set once by the constructor: sandboxed when this machine allows it. */
  mode: 'sandbox' | 'direct' = 'direct';
  /** nginx invocations so far. */
  runs = 0;

  constructor(bin: string) {
    this.bin = bin;
    // Thousands of small files: on tmpfs when there is one (disk-backed /tmp can take ms per file).
    this.root = mkdtempSync(path.join(shmWritable() ? '/dev/shm' : os.tmpdir(), 'nginx-t-'));
    this.data = path.join(this.root, 'data');
    mkdirSync(path.join(this.data, 'jobs'), { recursive: true });
    mkdirSync(path.join(this.root, 'ovl'));
    this.certs = this.makeCerts();
    this.mode = this.sandboxWorks() ? 'sandbox' : 'direct';
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private makeCerts(): Certs | null {
    const dir = path.join(this.data, 'certs');
    mkdirSync(dir);
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=nginx-t'], {
        stdio: 'ignore',
        timeout: 30_000,
      });
      return { cert, key };
    } catch {
      return null;
    }
  }

  /** Can this machine build the sandbox (root, namespaces, overlayfs)? Tried once on no jobs. */
  private sandboxWorks(): boolean {
    if (process.env.NGINX_T_SANDBOX === '0' || process.getuid?.() !== 0) return false;
    try {
      this.mode = 'sandbox';
      this.execute([]);
      return true;
    } catch {
      return false;
    }
  }

  /** Check every subject; returns one verdict each, in order. */
  checkMany(subjects: Subject[]): Verdict[] {
    const states: RunState[] = subjects.map((subject) => this.start(subject, 0, null));
    for (let guard = 0; guard < MAX_NEUTRALISATIONS * 3; guard++) {
      const pending = states.filter((s) => !s.done);
      if (!pending.length) break;
      const jobs = pending.map((s) => this.prepare(s));
      this.execute(jobs.map((j) => j.dir));
      for (const j of jobs) this.settle(j);
      rmSync(path.join(this.data, 'jobs'), { recursive: true, force: true });
      mkdirSync(path.join(this.data, 'jobs'));
    }
    return states.map((s) => s.done ?? { ok: false, message: 'nginx-t: too many rounds', context: s.subject.contexts[0], neutralisations: s.neutralisations, replayMissed: s.replayMissed, checked: s.text });
  }

  private start(subject: Subject, ctx: number, first: RunState['first']): RunState {
    let text = subject.text;
    let replayMissed = 0;
    const vars: NeutraliseState = { removedVars: new Set(), replayedModule: new Set() };
    for (const n of subject.replay ?? []) {
      if ((n.category === 'module' || n.category === 'variable') && n.about) vars.replayedModule.add(n.about);
      const next = applyChanges(text, n.changes);
      if (next === null) replayMissed++;
      else text = next;
      for (const c of n.changes) for (const v of c.original.matchAll(/\$\{?([A-Za-z0-9_]+)/g)) if (c.replacement.trim() === '') vars.removedVars.add(v[1].toLowerCase());
    }
    return { subject, ctx, text, neutralisations: [], replayMissed, vars, first, done: null };
  }

  private prepare(s: RunState): Job {
    const dir = path.join(this.data, 'jobs', `${this.round}-${this.jobCount++}`);
    const conf = path.join(dir, 'conf');
    mkdirSync(conf, { recursive: true });
    mkdirSync(path.join(dir, 'logs'));
    // The files a Debian install has beside nginx.conf, for relative includes (mime.types, ...).
    for (const f of standardFiles()) if (s.text.includes(f)) symlinkSync(path.join('/etc/nginx', f), path.join(conf, f));
    if (existsSync(MODULES_DIR)) symlinkSync(MODULES_DIR, path.join(dir, 'modules'));
    writeFileSync(path.join(conf, 'subject.conf'), s.text);
    writeFileSync(path.join(conf, 'nginx.conf'), wrapper(s.subject.contexts[s.ctx], path.join(conf, 'subject.conf'), s.text, dir + '/'));
    return { dir, state: s };
  }

  private execute(dirs: string[]): void {
    this.round++;
    this.runs += dirs.length;
    const list = path.join(this.data, 'list');
    writeFileSync(list, dirs.map((d) => d + '\n').join(''));
    // One shell for the batch; two nginx at a time (CI has two cores).
    const runAll = `xargs -P 2 -I{} sh -c 'timeout 20 "$0" -t -q -p {}/ -c {}/conf/nginx.conf -e /dev/stderr >{}/out 2>&1; echo $? >{}/rc' '${this.bin}' < '${list}'`;
    const ovl = path.join(this.root, 'ovl');
    const script =
      this.mode === 'sandbox'
        ? [
            'set -e',
            `mount -t tmpfs tmpfs '${ovl}'`,
            `mkdir -p '${ovl}/u' '${ovl}/w' '${ovl}/r'`,
            `mount -t overlay overlay -o 'lowerdir=/,upperdir=${ovl}/u,workdir=${ovl}/w' '${ovl}/r'`,
            `mount --rbind /dev '${ovl}/r/dev'`,
            `mount -t proc proc '${ovl}/r/proc'`,
            `mkdir -p '${ovl}/r${this.data}'`,
            `mount --bind '${this.data}' '${ovl}/r${this.data}'`,
            // The machine's own sites must not join in through `include /etc/nginx/sites-enabled/*`.
            `rm -rf '${ovl}/r/etc/nginx/sites-enabled/'* '${ovl}/r/etc/nginx/conf.d/'*`,
            `exec chroot '${ovl}/r' sh -c "ip link set lo up 2>/dev/null || true; ${runAll.replace(/["$`\\]/g, '\\$&')}"`,
          ].join('\n')
        : runAll;
    const args = this.mode === 'sandbox' ? ['unshare', '--mount', '--net', '--propagation', 'private', 'sh', '-c', script] : ['sh', '-c', script];
    execFileSync(args[0], args.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 + dirs.length * 2_000 });
  }

  private settle(job: Job): void {
    const s = job.state;
    const read = (f: string) => (existsSync(path.join(job.dir, f)) ? readFileSync(path.join(job.dir, f), 'utf8') : '');
    const rc = Number(read('rc').trim() || 'NaN');
    // The job's own directory says nothing (and differs per round): show it as <prefix>/.
    const out = (read('out') || 'nginx-t: nginx left no result').split(job.dir + '/').join('<prefix>/');
    const context = s.subject.contexts[s.ctx];
    if (rc === 0) {
      s.done = { ok: true, message: '', context, neutralisations: s.neutralisations, replayMissed: s.replayMissed, checked: s.text };
      return;
    }
    const err = locate(out, '<prefix>/conf/subject.conf');
    const n = s.neutralisations.length < MAX_NEUTRALISATIONS ? neutralise(s.text, err, s.subject.allow, s.vars, context, this.certs) : null;
    const next = n && applyChanges(s.text, n.changes);
    if (n && next !== null && next !== s.text) {
      s.text = next;
      s.neutralisations.push(n);
      return;
    }
    const failure = { message: err.message + (err.line ? ` (line ${err.line})` : ''), context, neutralisations: s.neutralisations, checked: s.text, replayMissed: s.replayMissed };
    const first = s.first ?? failure;
    if (s.ctx + 1 < s.subject.contexts.length) {
      Object.assign(s, this.start(s.subject, s.ctx + 1, first));
      return;
    }
    s.done = { ok: false, ...first };
  }
}

function shmWritable(): boolean {
  try {
    return statSync('/dev/shm').isDirectory() && (accessSync('/dev/shm', constants.W_OK), true);
  } catch {
    return false;
  }
}

let standardCache: string[] | undefined;
function standardFiles(): string[] {
  if (!standardCache) {
    standardCache = existsSync('/etc/nginx')
      ? readdirSync('/etc/nginx').filter((f) => f !== 'nginx.conf' && (f === 'snippets' || statSync(path.join('/etc/nginx', f)).isFile()))
      : [];
  }
  return standardCache;
}

/** nginx's first error, with the line when it is in the subject file. */
function locate(out: string, subjectPath: string): Located {
  const line = out.split('\n').find((l) => /\[(emerg|alert|crit|error)\]/.test(l)) ?? out.split('\n').find((l) => l.trim()) ?? `no output`;
  const msg = line.replace(/^nginx: \[\w+\] /, '').trim();
  const m = / in ((?:\/|<prefix>\/)\S+):(\d+)$/.exec(msg);
  if (!m) return { message: msg.replace(/\s+/g, ' '), line: null };
  return { message: msg.slice(0, m.index), line: m[1] === subjectPath ? Number(m[2]) : null };
}

// ---------------------------------------------------------------------------------------------
// Phase one, shared by both tests: every corpus file, ours vs nginx.

export interface CorpusVerdict {
  config: CorpusConfig;
  ours: string[];
  nginx: Verdict;
}

let runner: NginxRunner | undefined;
let corpusVerdicts: CorpusVerdict[] | undefined;

/** One runner per test process (removed at exit). */
export function sharedRunner(bin: string): NginxRunner {
  if (!runner) {
    runner = new NginxRunner(bin);
    const r = runner;
    process.once('exit', () => r.dispose());
  }
  return runner;
}

/** Every corpus config with our verdict and nginx's (after neutralisation); computed once. */
export function corpusVsNginx(bin: string): CorpusVerdict[] {
  if (corpusVerdicts) return corpusVerdicts;
  const configs = nginxCorpus();
  const verdicts = sharedRunner(bin).checkMany(configs.map((c) => ({ key: c.id, text: c.text, contexts: c.contexts, allow: ALL_CATEGORIES })));
  corpusVerdicts = configs.map((config, i) => ({ config, ours: ourProblems(config.text, config.file), nginx: verdicts[i] }));
  return corpusVerdicts;
}

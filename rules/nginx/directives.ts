// Directive metadata from `@nginx/reference-lib` (generated from nginx.org's documentation): the
// contexts each directive is allowed in, its syntax, default and description. Loaded on first use
// so that workspaces without nginx configs never pay for it.
import type { NginxDirective } from './parser';

export interface DirectiveSpec {
  name: string;
  module: string;
  /** Contexts as nginx.org names them: main, http, server, location, "if in location", if, ... */
  contexts: string[];
  isBlock: boolean;
  syntax: string[];
  default: string;
  description: string;
  /** Fewest and most arguments any syntax variant takes (Infinity for "..."). */
  minArgs: number;
  maxArgs: number;
  /** The only values the argument may take (`on | off`), when every variant is such a choice. */
  choices?: string[];
}

interface RefLib {
  getDirectives(format?: number): { name: string; module: string; description: string; syntax: string[]; contexts: string[]; isBlock: boolean; default: string }[];
  getVariables(format?: number): { name: string; module: string; description: string }[];
}

let table: Map<string, DirectiveSpec[]> | null = null;
let variables: Map<string, { module: string; description: string }> | null = null;

function lib(): RefLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@nginx/reference-lib') as RefLib;
}

function load(): Map<string, DirectiveSpec[]> {
  if (table) return table;
  table = new Map();
  for (const d of lib().getDirectives(1 /* Markdown */)) {
    const spec: DirectiveSpec = { ...d, ...argBounds(d.syntax) };
    const o = ARG_OVERRIDES[d.name];
    if (o) [spec.minArgs, spec.maxArgs] = o;
    const list = table.get(d.name);
    if (list) list.push(spec);
    else table.set(d.name, [spec]);
  }
  return table;
}

/** Every module's spec for a directive name (http, stream and mail modules share names). */
export function directiveSpecs(name: string): DirectiveSpec[] {
  return load().get(name) ?? [];
}

export function isKnownDirective(name: string): boolean {
  return load().has(name);
}

export function variableSpec(name: string): { module: string; description: string } | undefined {
  if (!variables) {
    variables = new Map();
    for (const v of lib().getVariables(1)) variables.set(v.name, { module: v.module, description: v.description });
  }
  return variables.get(name.startsWith('$') ? name : '$' + name) ?? variables.get(('$' + name.replace(/^\$/, '')).replace(/_[^_]+$/, '_'));
}

/**
 * Argument counts from the documented syntax, e.g. "*`name`* *`value`* [`always`]" takes 2 or 3.
 * Alternatives (`a` | `b`) count once; `[...]` is optional; "..." repeats the item before it.
 */
export function argBounds(syntax: string[]): { minArgs: number; maxArgs: number; choices?: string[] } {
  let min = Infinity;
  let max = 0;
  const choices: string[] = [];
  let allChoices = syntax.length > 0;
  for (const raw of syntax) {
    for (const alt of splitTopLevel(raw.replace(/\{\.\.\.\}/g, ' ').replace(/[`*\\]/g, ''))) {
      let depth = 0;
      let required = 0;
      let optional = 0;
      let unbounded = false;
      for (const word of alt.split(/\s+/).filter(Boolean)) {
        // "..." repeats; a word named "parameters" stands for any number of key=value words.
        if (word.includes('...') || /parameters\]?$/.test(word)) unbounded = true;
        const bare = word.replace(/\.\.\./g, '');
        if (depth === 0 && bare) {
          if (bare.startsWith('[')) optional++;
          else required++;
        }
        depth = Math.max(0, depth + (word.match(/\[/g) ?? []).length - (word.match(/\]/g) ?? []).length);
      }
      min = Math.min(min, required);
      max = Math.max(max, unbounded ? Infinity : required + optional);
    }
    // A pure choice between literal keywords: `on` | `off`.
    if (/^`[a-z0-9_.-]+`(\s*\|\s*`[a-z0-9_.-]+`)*$/i.test(raw.trim())) choices.push(...raw.split('|').map((w) => w.trim().replace(/`/g, '')));
    else allChoices = false;
  }
  if (min === Infinity) min = 0;
  return allChoices && choices.length ? { minArgs: min, maxArgs: max, choices } : { minArgs: min, maxArgs: max };
}

/** Split a syntax at `|` outside brackets: "a | b c" is the alternatives "a" and "b c". */
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Where nginx's source accepts more than nginx.org's syntax line documents. */
const ARG_OVERRIDES: Record<string, [number, number]> = { stub_status: [0, 1], ssl_protocols: [1, Infinity] };

/** Blocks whose children are data rows, not directives (`map`, `types`, ...). */
export const DATA_BLOCKS = new Set(['map', 'types', 'geo', 'split_clients', 'charset_map', 'match', 'js_set_map']);

/** Directives of common third-party modules that nginx.org does not document. */
export const THIRD_PARTY_DIRECTIVE = /^(more_(set|clear)(_input)?_headers|lua_[a-z_]+|[a-z_]+_by_lua(_block|_file)?|brotli(_[a-z_]+)?|vhost_traffic_status(_[a-z_]+)?|geoip2|modsecurity(_[a-z_]+)?|pagespeed|passenger_[a-z_]+|set_by_lua|echo(_[a-z_]+)?|headers_more_[a-z_]+|sticky|upstream_fair|check(_[a-z_]+)?|ngx_cache_purge|proxy_cache_purge|dav_ext_[a-z_]+|auth_pam(_[a-z_]+)?|naxsi_[a-z_]+|SecRules[A-Za-z]*|zstd(_[a-z_]+)?|vod(_[a-z_]+)?|rtmp|application|live|record(_[a-z_]+)?|push_stream_[a-z_]+|nchan_[a-z_]+)$/;

/**
 * The context name nginx.org uses for the children of `block` (null = top level of a file whose
 * context is `topContext`).
 */
export function contextOfChildren(block: NginxDirective | null, topContext: string): string {
  if (!block) return topContext;
  if (block.name === 'if') {
    const outer = contextOfChildren(block.parent, topContext);
    return outer === 'location' ? 'if in location' : 'if';
  }
  if (block.name === 'server') {
    const outer = contextOfChildren(block.parent, topContext);
    return outer === 'stream' ? 'stream-server' : outer === 'mail' ? 'mail-server' : 'server';
  }
  return block.name;
}

/** Is `spec` allowed among the children of a block with context `ctx`? */
export function allowedIn(spec: DirectiveSpec, ctx: string): boolean {
  if (spec.contexts.includes('') || spec.contexts.includes('any')) return true;
  // nginx.org documents some stream directives (NGINX Plus status_zone) only for http; be lenient.
  if (ctx === 'stream-server' || ctx === 'mail-server') return spec.contexts.includes('server');
  if (ctx === 'if in location') return spec.contexts.includes('if in location') || spec.contexts.includes('if');
  if (ctx === 'server') return spec.contexts.includes('server') && !spec.module.startsWith('ngx_stream') && !spec.module.startsWith('ngx_mail');
  return spec.contexts.includes(ctx);
}

/** Markdown documentation for hovers. */
export function directiveDoc(name: string): string | null {
  const specs = directiveSpecs(name);
  if (!specs.length) return null;
  const s = specs[0];
  const syntax = specs.flatMap((x) => x.syntax.map((y) => `\`${name}\` ${y.replace(/`/g, '').replace(/\*/g, '')}`));
  const lines = [
    `**${name}** (${specs.map((x) => x.module).filter((m, i, a) => a.indexOf(m) === i).join(', ')})`,
    '',
    ...[...new Set(syntax)].map((x) => `- ${x}`),
    '',
    `Default: ${s.default.trim() ? '`' + s.default.trim().replace(/\s+/g, ' ') + '`' : 'none'}; context: ${[...new Set(specs.flatMap((x) => x.contexts))].join(', ') || 'any'}`,
    '',
    s.description.split('\n\n')[0].replace(/\n/g, ' '),
    '',
    `[nginx.org reference](https://nginx.org/en/docs/${moduleDocPath(s.module)}#${name})`,
  ];
  return lines.join('\n');
}

function moduleDocPath(module: string): string {
  if (module === 'Core functionality') return 'ngx_core_module.html';
  const m = /^ngx_(http|stream|mail)_/.exec(module);
  return m ? `${m[1]}/${module}.html` : `${module}.html`;
}

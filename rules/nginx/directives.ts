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
 * `[...]` groups are optional and may nest ("*`path`* [*`level1`* [*`level2`*]]" takes 1 to 3);
 * ` | ` separates alternatives; "..." repeats the item before it; a word named "parameters" stands
 * for any number of key=value words. Brackets inside a word (`gzip[=]`, `[*protocol*://]*address*`)
 * belong to the word.
 */
export function argBounds(syntax: string[]): { minArgs: number; maxArgs: number; choices?: string[] } {
  let min = Infinity;
  let max = 0;
  const choices: string[] = [];
  let allChoices = syntax.length > 0;
  for (const raw of syntax) {
    const [lo, hi] = syntaxBounds(raw.replace(/\{\.\.\.\}/g, ' ').replace(/[`*\\]/g, ''));
    min = Math.min(min, lo);
    max = Math.max(max, hi);
    // A pure choice between literal keywords: `on` | `off`.
    if (/^`[a-z0-9_.-]+`(\s*\|\s*`[a-z0-9_.-]+`)*$/i.test(raw.trim())) choices.push(...raw.split('|').map((w) => w.trim().replace(/`/g, '')));
    else allChoices = false;
  }
  if (min === Infinity) min = 0;
  return allChoices && choices.length ? { minArgs: min, maxArgs: max, choices } : { minArgs: min, maxArgs: max };
}

type SyntaxItem = { word: string } | { group: SyntaxItem[][] };

/** [fewest, most] words of one syntax line (markup already removed). */
function syntaxBounds(s: string): [number, number] {
  // Tokens: '[' and ']' of optional groups, '|' between alternatives, words.
  const toks: string[] = [];
  let i = 0;
  const closeOf = (open: number) => {
    for (let k = open, depth = 0; k < s.length; k++) {
      if (s[k] === '[') depth++;
      else if (s[k] === ']' && --depth === 0) return k;
    }
    return -1;
  };
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) i++;
    else if (c === ']') toks.push(']'), i++;
    else if (c === '|' && (i + 1 >= s.length || /\s/.test(s[i + 1]))) toks.push('|'), i++;
    else if (c === '[' && /^($|[\s\]|])/.test(s.slice(closeOf(i) + 1, closeOf(i) + 2)) && closeOf(i) > 0) toks.push('['), i++;
    else {
      // A word: up to whitespace or a group's closing bracket; quotes and in-word brackets kept whole.
      let j = i;
      let depth = 0;
      while (j < s.length) {
        const d = s[j];
        if (d === "'") {
          const q = s.indexOf("'", j + 1);
          j = q < 0 ? s.length : q + 1;
          continue;
        }
        if (d === '[') depth++;
        else if (d === ']') {
          if (depth === 0) break;
          depth--;
        } else if (/\s/.test(d) && depth === 0) break;
        j++;
      }
      toks.push(s.slice(i, j));
      i = j;
    }
  }
  let p = 0;
  const alternatives = (): SyntaxItem[][] => {
    const alts: SyntaxItem[][] = [[]];
    while (p < toks.length && toks[p] !== ']') {
      const t = toks[p++];
      if (t === '|') alts.push([]);
      else if (t === '[') {
        const group = alternatives();
        p++; // ']'
        alts[alts.length - 1].push({ group });
      } else alts[alts.length - 1].push({ word: t });
    }
    return alts;
  };
  const root = alternatives();
  const itemBounds = (it: SyntaxItem): [number, number] => {
    if ('group' in it) return [0, altBounds(it.group)[1]];
    if (/^\.\.\.$/.test(it.word)) return [0, Infinity];
    return [1, it.word.includes('...') || /parameters$/.test(it.word) ? Infinity : 1];
  };
  const seqBounds = (xs: SyntaxItem[]): [number, number] =>
    xs.reduce<[number, number]>((a, x) => {
      const [lo, hi] = itemBounds(x);
      return [a[0] + lo, a[1] + hi];
    }, [0, 0]);
  function altBounds(alts: SyntaxItem[][]): [number, number] {
    const bs = alts.map(seqBounds);
    return [Math.min(...bs.map((b) => b[0])), Math.max(...bs.map((b) => b[1]))];
  }
  return altBounds(root);
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

// Hover documentation in nginx files: a directive name shows its nginx.org reference (syntax,
// default, contexts), a `$variable` or `${variable}` the variable's. Works on broken files too (the
// parser is tolerant). Pure: text and offset in, markdown out.
import { parseNginx, walkDirectives, type NginxDirective } from '../../../rules/nginx/parser';
import { directiveDoc, DATA_BLOCKS, THIRD_PARTY_DIRECTIVE } from '../../../rules/nginx/directives';

export interface NginxHover {
  markdown: string;
  /** Offsets of the hovered word. */
  start: number;
  end: number;
}

let cache: { text: string; directives: NginxDirective[] } | null = null;

function directivesOf(text: string): NginxDirective[] {
  if (cache?.text !== text) cache = { text, directives: parseNginx(text).directives };
  return cache.directives;
}

/** A row of a `map`/`types`/`geo` block: data, not a directive. */
function isDataRow(d: NginxDirective): boolean {
  for (let p = d.parent; p; p = p.parent) if (DATA_BLOCKS.has(p.name)) return true;
  return false;
}

interface VariableSpec {
  module: string;
  description: string;
}

let variables: Map<string, VariableSpec[]> | null = null;

/** Every module's entry for a variable name (http and stream modules share many names). */
function variableSpecs(key: string): VariableSpec[] {
  if (!variables) {
    variables = new Map();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib = require('@nginx/reference-lib') as { getVariables(format?: number): { name: string; module: string; description: string }[] };
    for (const v of lib.getVariables(1 /* Markdown */)) variables.set(v.name, [...(variables.get(v.name) ?? []), { module: v.module, description: v.description }]);
  }
  return variables.get(key) ?? [];
}

/**
 * The documentation of a variable: built-in ones by name, prefixed families (`$http_user_agent`,
 * `$arg_id`, `$cookie_session`, `$upstream_http_x`) under their `$http_NAME` entry. `kind` picks
 * the module family when http and stream both document the name (`$ssl_protocol`).
 */
export function nginxVariableDoc(name: string, kind: 'http' | 'stream' | 'mail' = 'http'): string | null {
  const bare = name.replace(/^\$/, '');
  let key = `$${bare}`;
  let specs = variableSpecs(key);
  // Longest documented prefix first: $upstream_http_x_y tries $upstream_http_x_NAME, then $upstream_http_NAME.
  for (let i = bare.lastIndexOf('_'); !specs.length && i > 0; i = bare.lastIndexOf('_', i - 1)) {
    key = `$${bare.slice(0, i + 1)}NAME`;
    specs = variableSpecs(key);
  }
  const spec = specs.find((s) => s.module.startsWith(`ngx_${kind}_`)) ?? specs[0];
  if (!spec) return null;
  const anchor = 'var_' + key.slice(1).replace(/NAME$/, '');
  const family = key.endsWith('NAME') ? ` (the \`${key}\` family)` : '';
  const m = /^ngx_(http|stream|mail)_/.exec(spec.module);
  const page = m ? `${m[1]}/${spec.module}.html` : `${spec.module}.html`;
  return [
    `**$${bare}**${family} (${spec.module})`,
    '',
    spec.description.split('\n\n')[0].replace(/\n/g, ' '),
    '',
    `[nginx.org reference](https://nginx.org/en/docs/${page}#${anchor})`,
  ].join('\n');
}

/** Which module family documents the variables used where `d` is (a `stream {}` block or http). */
function moduleKind(d: NginxDirective): 'http' | 'stream' | 'mail' {
  for (let p: NginxDirective | null = d; p; p = p.parent) if (p.name === 'stream' || p.name === 'mail') return p.name;
  return 'http';
}

/** Documentation for what is at `offset` in an nginx config, or null. */
export function nginxHover(text: string, offset: number): NginxHover | null {
  for (const d of walkDirectives(directivesOf(text))) {
    if (offset < d.start || offset > d.end) continue;
    if (offset <= d.nameEnd && !isDataRow(d) && d.name) {
      const doc = directiveDoc(d.name);
      if (doc) return { markdown: doc, start: d.start, end: d.nameEnd };
      if (THIRD_PARTY_DIRECTIVE.test(d.name)) {
        return { markdown: `**${d.name}**\n\nA directive of a third-party module (OpenResty, headers-more, ...): not documented on nginx.org.`, start: d.start, end: d.nameEnd };
      }
      return null;
    }
    for (const a of d.args) {
      if (offset < a.start || offset > a.end) continue;
      for (const m of a.raw.matchAll(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g)) {
        const start = a.start + m.index!;
        const end = start + m[0].length;
        if (offset < start || offset > end) continue;
        const doc = nginxVariableDoc(m[1] ?? m[2], moduleKind(d));
        return doc ? { markdown: doc, start, end } : null;
      }
    }
  }
  return null;
}

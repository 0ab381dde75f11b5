// nginx domain: configs found by name and folder (never every `.conf`), or by the `nginx` language
// id other extensions give them. Parsed with our own tolerant parser; see parser.ts.
import { LineIndex } from '../text';
import type { Language, ParsedFile, Range } from '../types';
import { parseNginx, type NginxComment, type NginxDirective } from './parser';
import { DATA_BLOCKS, directiveSpecs } from './directives';
import { indexTree } from './includes';

export interface NginxModel {
  path: string;
  text: string;
  index: LineIndex;
  /** Top-level directives of this file. */
  directives: NginxDirective[];
  comments: NginxComment[];
  /**
   * The context of the file's top level as its content shows: `main` for a whole config, `http`
   * for a `conf.d` file of server blocks, `server` for a snippet of locations. Rules that know the
   * including file (includes.ts) use its context instead.
   */
  topContext: string;
  /** Every context the top level could be in (a snippet of `if`/`add_header` fits server and location). */
  topContexts: string[];
}

const CONTEXT_ORDER = ['main', 'http', 'server', 'location', 'stream', 'mail', 'upstream', 'events'];

/** The contexts a file's top level most likely has (most votes first), from what its directives allow. */
export function inferTopContexts(directives: NginxDirective[]): string[] {
  const votes = new Map<string, number>();
  let counted = 0;
  for (const d of directives) {
    const specs = directiveSpecs(d.name).filter((s) => !s.contexts.includes(''));
    if (!specs.length) continue;
    counted++;
    const ctxs = new Set(specs.flatMap((s) => s.contexts.map((c) => (c === 'if in location' ? 'location' : c))));
    for (const c of ctxs) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  if (!counted) return ['main'];
  const best = Math.max(...CONTEXT_ORDER.map((c) => votes.get(c) ?? 0));
  return CONTEXT_ORDER.filter((c) => (votes.get(c) ?? 0) === best);
}

export function rangeOf(model: NginxModel, d: { start: number; end: number }): Range {
  return model.index.range(d.start, d.end);
}

/** The directive's name only (where most findings point). */
export function nameRange(model: NginxModel, d: NginxDirective): Range {
  return model.index.range(d.start, d.nameEnd);
}

/** Every directive of the file, depth first, data rows of `map`/`types` blocks excluded. */
export function allDirectives(model: NginxModel): NginxDirective[] {
  const cached = allCache.get(model);
  if (cached) return cached;
  // Depth first in source order; rows under map/types/... blocks are skipped with their subtree.
  const out: NginxDirective[] = [];
  const stack: NginxDirective[] = [...model.directives].reverse();
  while (stack.length) {
    const d = stack.pop()!;
    out.push(d);
    if (d.block && !DATA_BLOCKS.has(d.name)) for (let i = d.block.length - 1; i >= 0; i--) stack.push(d.block[i]);
  }
  allCache.set(model, out);
  return out;
}
const allCache = new WeakMap<NginxModel, NginxDirective[]>();

/** A row of a `map`, `types`, `geo`, ... block rather than a directive. */
export function isDataRow(d: NginxDirective): boolean {
  for (let p = d.parent; p; p = p.parent) if (DATA_BLOCKS.has(p.name)) return true;
  return false;
}

/** Names that only nginx uses. */
const NGINX_NAMES: RegExp[] = [
  /(^|\/)nginx\.conf$/,
  /\.nginx$/,
  /(^|\/)nginx\/(.+\/)?[^/]+\.conf$/,
  /(^|\/)nginx\/(.+\/)?[^/]+\.conf\.template$/,
  /(^|\/)nginx\.conf\.template$/,
];
/** Names nginx shares with Apache, supervisord, systemd and others: the content decides. */
const SHARED_NAMES: RegExp[] = [/(^|\/)conf\.d\/[^/]+\.conf$/, /(^|\/)sites-(available|enabled)\/[^/]+$/];

/** Section headers of INI-style files (supervisord, systemd units, php-fpm pools): `[program:worker]`. */
const INI_SECTION = /^[ \t]*\[[^\]\n]+\][ \t]*$/m;
/** Apache httpd sections and directives: `<VirtualHost *:80>`, `</Directory>`, `LoadModule`, `DocumentRoot`. */
const APACHE = /^[ \t]*(?:<\/?(?:VirtualHost|Directory|DirectoryMatch|IfModule|IfDefine|Location|LocationMatch|Files|FilesMatch|Proxy|Limit|LimitExcept|RequireAll|RequireAny|Macro)\b|(?:LoadModule|DocumentRoot|ServerName|ServerAlias|RewriteEngine|RewriteRule|ProxyPass|ProxyPassReverse|ErrorLog|CustomLog|AllowOverride|Require)[ \t])/m;

/**
 * Whether a text reads like an nginx config. Many other formats use `.conf` under `conf.d/`
 * (Apache, supervisord, systemd, HAProxy, logrotate): they have INI sections or Apache tags, or
 * their statements do not end with ";" or "{". In nginx every statement does, so text left
 * unterminated before a "}" or at the end is rare: a typo while typing, not several lines of it.
 * An empty file or one of comments only is taken as nginx (there is nothing to report either way).
 */
export function readsLikeNginx(text: string): boolean {
  if (INI_SECTION.test(text) || APACHE.test(text)) return false;
  // A rough strip of comments and quoted strings is enough to decide whether the file is nginx at all.
  // Template tags ({{ }}, {% %}, <% %>) are left out: a templated nginx config is still nginx.
  const bare = text
    .replace(/\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|<%[^\n]*?%>/g, 't')
    .replace(/(^|[\s;{}])#[^\n]*/g, '$1')
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, 'q');
  if (!bare.trim()) return true;
  let statements = 0;
  let unterminatedLines = 0;
  for (const m of bare.matchAll(/([^;{}]*)([;{}]|$)/g)) {
    const body = m[1].trim();
    if (m[2] === ';' || m[2] === '{') statements++;
    else if (body) unterminatedLines += body.split(/\n/).filter((l) => l.trim()).length;
    if (m[2] === '') break;
  }
  return statements > 0 && unterminatedLines <= Math.max(2, statements / 5);
}

export const nginxLanguage: Language<NginxModel> = {
  domain: 'nginx',
  commentPrefix: '#',
  globs: ['**/nginx.conf', '**/*.nginx', '**/nginx/**/*.conf', '**/conf.d/*.conf', '**/sites-available/*', '**/sites-enabled/*', '**/nginx/**/*.conf.template', '**/nginx.conf.template'],

  matches(path, languageId, text) {
    const byLanguage = !!languageId && languageId.toLowerCase() === 'nginx';
    if (!byLanguage && languageId && languageId !== 'plaintext' && languageId !== 'properties' && languageId !== 'ini') return false;
    const p = path.replace(/\\/g, '/');
    if (NGINX_NAMES.some((re) => re.test(p))) return true;
    // conf.d/*.conf and sites-available/* also hold Apache, supervisord or systemd files, and the
    // editor gives them the nginx language id as well: there the content decides.
    if (SHARED_NAMES.some((re) => re.test(p))) return text === undefined || readsLikeNginx(text);
    return byLanguage;
  },

  parse(text, path): ParsedFile<NginxModel> {
    const out = parseNginx(text, path);
    const index = new LineIndex(text);
    const topContexts = inferTopContexts(out.directives);
    const model: NginxModel = { path, text, index, directives: out.directives, comments: out.comments, topContext: topContexts[0], topContexts };
    const templated = /\{\{|<%|\{%/.exec(text);
    const parseErrors = out.errors.map((e) => ({
      range: index.range(e.start, e.end),
      message: templated && e.start >= templated.index ? `${e.message} This looks like a template (${templated[0]}), not an nginx config: render it first.` : e.message,
    }));
    return { model, parseErrors };
  },

  indexItems(model) {
    return [indexTree(model)];
  },

  statementEnd(model, line) {
    const d = directiveAtLine(model, line);
    return d ? model.index.positionAt(d.block ? d.blockOpen ?? d.end : d.end).line : line;
  },

  statementStart(model, line) {
    let best: NginxDirective | null = null;
    for (const d of allDirectives(model)) {
      const s = model.index.positionAt(d.start).line;
      const e = model.index.positionAt(d.block ? d.blockOpen ?? d.end : d.end).line;
      if (s <= line && line <= e) best = d;
    }
    return best ? model.index.positionAt(best.start).line : line;
  },
};

function directiveAtLine(model: NginxModel, line: number): NginxDirective | undefined {
  let byLine = lineCache.get(model);
  if (!byLine) {
    byLine = new Map();
    for (const d of allDirectives(model)) if (!byLine.has(d.line)) byLine.set(d.line, d);
    lineCache.set(model, byLine);
  }
  return byLine.get(line);
}
const lineCache = new WeakMap<NginxModel, Map<number, NginxDirective>>();

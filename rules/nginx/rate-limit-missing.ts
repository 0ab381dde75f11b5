import { defineRule, type Fix, type RuleContext } from '../types';
import { allDirectives, nameRange, rangeOf, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { enclosing, insertLines } from './model';
import { expandedChildren, includerChain, resolveInclude, type NginxTreeItem } from './includes';
import { PROXY_HANDLERS, isOpaqueInclude, locationLabel, locationMatch, scopeLabel, scopesAround } from './access-helpers';

/** Default auth/API location paths (regexes, case-insensitive, tested against the location's path). */
export const DEFAULT_PATHS = ['/(api|graphql)(?![a-z])', '/(wp-)?(login|signin|auth(?!or)|oauth|token|password|register)'];

const ZONE = 'perip';
const ZONE_LINE = `limit_req_zone $binary_remote_addr zone=${ZONE}:10m rate=10r/s;`;

type Node = [string, string[], number, Node[]?];

function zoneOfZoneDef(args: string[]): string | null {
  const z = args.find((a) => a.startsWith('zone='));
  const m = z ? /^zone=([^:]+):/.exec(z) : null;
  return m ? m[1] : null;
}

function zoneOfLimit(d: NginxDirective): { name: string; arg: NginxDirective['args'][number] } | null {
  const arg = d.args.find((a) => a.value.startsWith('zone='));
  return arg ? { name: arg.value.slice(5), arg } : null;
}

/** Zone names defined in this file and (with a workspace) in every nginx file of the workspace. */
function definedZones(model: NginxModel, ctx: RuleContext): Set<string> {
  const zones = new Set<string>();
  for (const d of allDirectives(model)) {
    if (d.name !== 'limit_req_zone') continue;
    const z = zoneOfZoneDef(d.args.map((a) => a.value));
    if (z) zones.add(z);
  }
  // A set of names: any order will do, so an explicit stack walks the summaries (no recursion per nesting level).
  const walk = (root: Node[]) => {
    const stack = [root];
    while (stack.length) {
      for (const [name, args, , kids] of stack.pop()!) {
        if (name === 'limit_req_zone') {
          const z = zoneOfZoneDef(args);
          if (z) zones.add(z);
        }
        if (kids) stack.push(kids);
      }
    }
  };
  for (const e of ctx.workspace?.entries('nginx') ?? []) {
    const item = e.items[0] as NginxTreeItem | undefined;
    if (item?.kind === 'nginx-tree') walk(item.tree as Node[]);
  }
  return zones;
}

/**
 * Can we see every place a `limit_req_zone` could be (the http block of the whole config, with all
 * its includes resolved)? Only then is an unknown zone a real error.
 */
function wholeHttpVisible(model: NginxModel, ctx: RuleContext): boolean {
  const http = model.directives.find((d) => d.name === 'http' && d.block);
  if (http) {
    const top = expandedChildren(model.directives, ctx);
    return !top.some(isOpaqueInclude) && !expandedChildren(http.block!, ctx).some(isOpaqueInclude);
  }
  const chain = includerChain(model, ctx);
  const ws = ctx.workspace;
  if (!chain || !ws || chain.blocks[0]?.name !== 'http') return false;
  if (expandedChildren(chain.blocks[0].block ?? [], ctx).some(isOpaqueInclude)) return false;
  const entry = ws.entries('nginx').find((e) => e.path === chain.path);
  const item = entry?.items[0] as NginxTreeItem | undefined;
  if (item?.kind !== 'nginx-tree') return false;
  return (item.tree as Node[]).every(([name, args]) => name !== 'include' || (args.length === 1 && (resolveInclude(args[0], chain.path, ws) !== null || !isOpaqueInclude({ name, args: [{ value: args[0] }] } as NginxDirective))));
}

function compilePaths(paths: unknown): RegExp[] {
  const list = Array.isArray(paths) ? paths : DEFAULT_PATHS;
  return list.map((p) => new RegExp(String(p), 'i'));
}

export default defineRule<NginxModel>({
  id: 'nginx/rate-limit-missing',
  title: 'API and login locations are rate limited',
  level: 'report',
  controls: ['edge.rate-limits'],
  aliases: {},
  hasSuggestions: true,
  defaultOptions: { paths: DEFAULT_PATHS },
  validateOptions(o) {
    if (o.paths === undefined) return undefined;
    if (!Array.isArray(o.paths) || !o.paths.every((p) => typeof p === 'string')) return 'paths must be a list of regular expressions (strings)';
    for (const p of o.paths as string[]) {
      try {
        new RegExp(p, 'i');
      } catch (e) {
        return `paths: invalid regular expression "${p}": ${(e as Error).message}`;
      }
    }
    return undefined;
  },
  docs: {
    rationale:
      'Login, token and password endpoints invite credential stuffing and brute force; APIs invite scraping and floods that exhaust the backend. `limit_req` makes nginx absorb the excess (503/429) before it reaches the application. A `limit_req` whose zone no `limit_req_zone` defines stops nginx from starting ("zero size shared memory zone").',
    howToFix:
      'Define a zone in the http block, `limit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s;`, and add `limit_req zone=perip burst=20 nodelay;` to the API/login locations (or the server). Tune the rate to the endpoint: logins need far less than APIs. Consider `limit_req_status 429;`. The paths checked are the `paths` option (regexes).',
    whenNotToUse: 'Services rate limited elsewhere (a CDN, a WAF, an API gateway or the application itself); internal-only servers.',
    examples: {
      bad: 'location /api/ {\n    proxy_pass http://app;\n}',
      good: '# in http:\nlimit_req_zone $binary_remote_addr zone=perip:10m rate=10r/s;\n# in the server:\nlocation /api/ {\n    limit_req zone=perip burst=20 nodelay;\n    proxy_pass http://app;\n}',
    },
  },
  check(model, ctx) {
    let patterns: RegExp[];
    try {
      patterns = compilePaths(ctx.options.paths);
    } catch {
      patterns = compilePaths(DEFAULT_PATHS);
    }
    const zones = definedZones(model, ctx);
    let visible: boolean | null = null;

    for (const d of allDirectives(model)) {
      // limit_req whose zone is defined nowhere.
      if (d.name === 'limit_req') {
        const z = zoneOfLimit(d);
        if (!z || z.name.includes('$') || zones.has(z.name)) continue;
        visible ??= wholeHttpVisible(model, ctx);
        if (!visible) continue;
        ctx.report({
          range: rangeOf(model, z.arg),
          message: `No "limit_req_zone" defines the zone "${z.name}": nginx refuses to start (zero size shared memory zone "${z.name}"). Define it in the http block (limit_req_zone $binary_remote_addr zone=${z.name}:10m rate=10r/s;) or fix the name.`,
        });
        continue;
      }

      if (d.name !== 'location' || !d.block) continue;
      const { modifier, path } = locationMatch(d);
      if (modifier === '@') continue;
      const normalized = path.replace(/[\^()\\?*+$]/g, '');
      if (!patterns.some((re) => re.test(normalized))) continue;
      const own = expandedChildren(d.block, ctx);
      const proxy = own.find((c) => PROXY_HANDLERS.has(c.name));
      if (!proxy || own.some((c) => c.name === 'internal')) continue;

      const { scopes } = scopesAround(proxy, model, ctx);
      let limit: NginxDirective | null = null;
      let limitScope: NginxDirective | null = null;
      for (const s of scopes) {
        limit = s.children.find((c) => c.name === 'limit_req') ?? null;
        if (limit) {
          limitScope = s.block;
          break;
        }
      }
      const label = locationLabel(d);
      if (limit) {
        const zone = zoneOfLimit(limit)?.name ?? '?';
        const at = limitScope === d ? `at ${label}` : `at ${scopeLabel(limitScope)} (covers ${label})`;
        const range = limit.file === model.path ? rangeOf(model, limit) : nameRange(model, d);
        ctx.pass({ range, message: `limit_req zone=${zone} ${at}` });
        continue;
      }
      if (scopes.some((s) => s.unresolved)) continue;

      const http = enclosing(d, 'http');
      const edits = [insertLines(model, d, [`# review: ${ZONE} allows 10 requests/s per client IP with bursts of 20; tune it to this endpoint`, `limit_req zone=${ZONE} burst=20 nodelay;`], 'start')];
      const needZone = !zones.has(ZONE);
      if (needZone && http) edits.unshift(insertLines(model, http, [ZONE_LINE], 'start'));
      const suggestion: Fix = {
        title:
          needZone && !http
            ? `Rate-limit ${label} with "limit_req zone=${ZONE}" (also add "${ZONE_LINE}" to the http block)`
            : `Rate-limit ${label} with "limit_req zone=${ZONE}"${needZone ? ' and define the zone in http' : ''} (review the rate)`,
        edits,
      };
      ctx.report({
        range: nameRange(model, d),
        message: `Proxied "${label}" looks like an API or login endpoint but no "limit_req" applies to it, so clients can flood or brute-force it. Add "limit_req zone=${ZONE} burst=20 nodelay;" here with a matching "limit_req_zone" in http.`,
        suggestions: [suggestion],
      });
    }
  },
});

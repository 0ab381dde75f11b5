import { defineRule, type RuleContext } from '../types';
import { nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { httpServers, indentUnit, insertLines } from './model';
import { CONTENT_HANDLERS, expandedOf, isOpaqueInclude, lastNamed, locationLabel, locationMatch, locationMatches, scopesAround, serverLabel, walkExpanded } from './access-helpers';

/** Dotfile paths a hidden-file guard must cover (any one of them, like gixy-ng's `/\.git` check). */
const PROBES = ['/.git/HEAD', '/.env'];

/** Does this block answer with an error (deny all, return 4xx) rather than the file? */
function denies(children: NginxDirective[]): boolean {
  return children.some((c) => (c.name === 'deny' && c.args[0]?.value === 'all') || (c.name === 'return' && /^[45]\d\d$/.test(c.args[0]?.value ?? '')));
}

/** `if ($uri ~ "/\.") { return 403; }` written at server level also guards dotfiles. */
function ifGuard(d: NginxDirective): boolean {
  const a = d.args.map((x) => x.value);
  if (a.length && a[0].startsWith('(')) a[0] = a[0].slice(1);
  if (a.length && a[a.length - 1] === ')') a.pop();
  else if (a.length && a[a.length - 1].endsWith(')')) a[a.length - 1] = a[a.length - 1].slice(0, -1);
  if (a.length < 3 || !/^\$(uri|request_uri|document_uri)$/.test(a[0]) || !/^~\*?$/.test(a[1])) return false;
  let re: RegExp;
  try {
    re = new RegExp(a[2], a[1] === '~*' ? 'i' : '');
  } catch {
    return false;
  }
  return PROBES.some((p) => re.test(p)) && denies(d.block ?? []);
}

interface Guard {
  directive: NginxDirective;
  label: string;
}

/** The first location (or server-level `if`) in the server that denies dotfile requests. */
function findGuard(server: NginxDirective, ctx: RuleContext): Guard | null {
  let found: Guard | null = null;
  walkExpanded(server.block ?? [], ctx, (d) => {
    if (found) return;
    if (d.name === 'location' && d.block && PROBES.some((p) => locationMatches(d, p)) && denies(expandedOf(d.block, ctx))) found = { directive: d, label: locationLabel(d) };
    else if (d.name === 'if' && d.parent === server && ifGuard(d)) found = { directive: d, label: `if ${d.args.map((x) => x.raw).join(' ')}` };
  });
  return found;
}

/**
 * Could an include we cannot read add a guard? Only where a location it adds would see dotfile
 * requests: directly in the server, or inside a location that matches them.
 */
function mayHideGuard(server: NginxDirective, ctx: RuleContext): boolean {
  let hit = false;
  walkExpanded(server.block ?? [], ctx, (d) => {
    if (hit || !isOpaqueInclude(d)) return;
    for (let p = d.parent; p && p !== server; p = p.parent) if (p.name === 'location' && !PROBES.some((u) => locationMatches(p, u))) return;
    hit = true;
  });
  return hit;
}

/**
 * Does the server answer some requests with files from disk? True when a location (or the server
 * itself, for requests no `location /` catches) has no content handler and a `root`/`alias` applies.
 */
function servesFiles(server: NginxDirective, model: NginxModel, ctx: RuleContext): boolean {
  const own = expandedOf(server.block ?? [], ctx);
  if (own.some((c) => c.name === 'return')) return false; // a redirect-only server
  const rootAbove = (() => {
    const { scopes } = scopesAround(server.block?.[0] ?? server, model, ctx);
    for (const s of scopes) {
      const r = lastNamed(s.children, 'root');
      if (r) return r.args[0]?.value !== '/dev/null';
    }
    return false;
  })();
  // Any location (at any depth, under locations that hand requests on) that serves files: the
  // answer does not depend on the order, so an explicit stack walks it (deep nesting is safe).
  let files = false;
  const stack: { list: NginxDirective[]; rooted: boolean }[] = [{ list: server.block ?? [], rooted: rootAbove }];
  while (stack.length && !files) {
    const { list, rooted } = stack.pop()!;
    for (const d of expandedOf(list, ctx)) {
      if (d.name !== 'location' || !d.block) continue;
      const { modifier } = locationMatch(d);
      const kids = expandedOf(d.block, ctx);
      if (modifier === '@' || kids.some((c) => c.name === 'internal')) continue;
      const ownRoot = kids.find((c) => c.name === 'root' || c.name === 'alias');
      const hasRoot = ownRoot ? ownRoot.args[0]?.value !== '/dev/null' : rooted;
      if (hasRoot && !kids.some((c) => CONTENT_HANDLERS.has(c.name) || /_by_lua/.test(c.name))) {
        files = true;
        break;
      }
      stack.push({ list: d.block, rooted: hasRoot });
    }
  }
  if (files) return true;
  const catchAll = own.some((c) => c.name === 'location' && ['/', '^~ /'].includes(c.args.map((a) => a.value).join(' ')));
  return rootAbove && !catchAll;
}

export default defineRule<NginxModel>({
  id: 'nginx/dotfiles-exposed',
  title: 'Hidden files (.git, .env) are not served',
  level: 'warn',
  controls: ['edge.file-exposure'],
  aliases: {},
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'requests for hidden files other than /.well-known/ get 403',
  docs: {
    rationale:
      'A server that serves files from a `root` also serves the hidden files in it: `/.git/` (the whole source history, often with credentials), `/.env` (secrets), `.htpasswd`, editor backups. Scanners probe these paths on every public IP within hours.',
    howToFix:
      'Add a regex location that refuses hidden files but keeps `/.well-known/` (ACME challenges, security.txt): `location ~ /\\.(?!well-known/) { deny all; }` (h5bp\'s security_file_access.conf). Put it before other regex locations, which nginx checks in order. The fix inserts it before the server\'s first location.',
    whenNotToUse: 'Servers that only proxy (they are not reported) or that must publish a dotfile other than `/.well-known/`; add a location for that file before the guard.',
    examples: {
      bad: 'server {\n    root /var/www/html;\n}',
      good: 'server {\n    root /var/www/html;\n    location ~ /\\.(?!well-known/) {\n        deny all;\n    }\n}',
    },
  },
  check(model, ctx) {
    for (const server of httpServers(model)) {
      if (!server.block || server.file !== model.path) continue;
      const guard = findGuard(server, ctx);
      if (guard) {
        const range = guard.directive.file === model.path ? nameRange(model, guard.directive) : nameRange(model, server);
        ctx.pass({ range, message: `hidden files denied by ${guard.label} in ${serverLabel(server)}` });
        continue;
      }
      if (mayHideGuard(server, ctx) || !servesFiles(server, model, ctx)) continue;

      const unit = indentUnit(model);
      const lines = ['location ~ /\\.(?!well-known/) {', `${unit}deny all;`, '}'];
      const kids = server.block;
      const firstLoc = kids.findIndex((k) => k.name === 'location');
      const edit = firstLoc > 0 ? insertLines(model, server, lines, kids[firstLoc - 1]) : insertLines(model, server, lines, firstLoc === 0 ? 'start' : 'end');
      const partial = kids.find((k) => k.name === 'location' && k.block && denies(k.block) && /\\\./.test(locationMatch(k).path));
      ctx.report({
        range: nameRange(model, server),
        message: `${serverLabel(server)} serves files from disk but nothing denies hidden files, so /.git/ or /.env would be downloadable${partial ? ` (${locationLabel(partial)} covers only some)` : ''}. Add "location ~ /\\.(?!well-known/) { deny all; }" before the other locations.`,
        fix: { title: 'Deny hidden files except /.well-known/', edits: [edit] },
      });
    }
  },
});

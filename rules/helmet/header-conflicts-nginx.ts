import { defineRule, type WorkspaceView } from '../types';
import type { HelmetModel, HelmetIndexItem } from './language';
import { nodeRange } from './analyze';
import { typescript } from './ts';
import { helmetFiles, shortPath } from './app-context';
import type { NginxTreeItem } from '../nginx/includes';

/** Headers helmet sets that an edge nginx commonly sets too. */
const SHARED = new Set([
  'content-security-policy',
  'content-security-policy-report-only',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'cross-origin-embedder-policy',
  'x-permitted-cross-domain-policies',
  'x-dns-prefetch-control',
  'x-download-options',
  'origin-agent-cluster',
]);

interface NginxHeader {
  name: string;
  value: string;
  file: string;
  line: number;
}

interface Conflict {
  header: string;
  helmet: string;
  nginx: NginxHeader;
}

/** `add_header` lines of every nginx file, except headers nginx hides from the app (proxy_hide_header). */
function nginxHeaders(ws: WorkspaceView): { set: NginxHeader[]; hidden: Set<string> } {
  const set: NginxHeader[] = [];
  const hidden = new Set<string>();
  for (const e of ws.entries('nginx')) {
    for (const item of e.items as NginxTreeItem[]) {
      if (item?.kind !== 'nginx-tree') continue;
      const stack = [...item.tree];
      while (stack.length) {
        const [name, args, line, children] = stack.pop()!;
        if (name === 'add_header' && args.length >= 2) set.push({ name: args[0], value: args[1], file: e.path, line });
        if (name === 'proxy_hide_header' && args.length) hidden.add(args[0].toLowerCase());
        if (children) for (const child of children) stack.push(child); // not push(...): a huge block would overflow the stack
      }
    }
  }
  return { set, hidden };
}

const normalise = (v: string) => v.replace(/\s+/g, ' ').replace(/\s*;\s*/g, ';').replace(/;$/, '').trim().toLowerCase();

function conflictsOf(item: HelmetIndexItem, nginx: ReturnType<typeof nginxHeaders>): Conflict[] {
  const out: Conflict[] = [];
  if (!item.headers) return out;
  const seen = new Set<string>();
  for (const n of nginx.set) {
    const h = n.name.toLowerCase();
    if (!SHARED.has(h) || nginx.hidden.has(h) || seen.has(h)) continue;
    const ours = item.headers[h];
    // Not sent by helmet, or only known at runtime: nothing certain to compare.
    if (ours === null || ours === undefined || ours === '?') continue;
    if (n.value.includes('$')) continue; // an nginx variable: its value is decided per request
    if (normalise(ours) === normalise(n.value)) continue;
    seen.add(h);
    out.push({ header: n.name, helmet: ours, nginx: n });
  }
  return out;
}

export default defineRule<HelmetModel>({
  id: 'helmet/header-conflicts-nginx',
  title: 'helmet and nginx do not send the same security header with different values',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: {},
  needsWorkspace: true,
  docs: {
    rationale:
      "nginx's `add_header` does not replace a header the proxied app already sent: the browser gets both. Two Content-Security-Policy headers are both enforced (the stricter intersection wins, which breaks pages in ways neither config shows); with two Strict-Transport-Security or X-Frame-Options headers browsers use the first or ignore both. One of the two places should own each header.",
    howToFix:
      'Keep the header in one place: remove the `add_header` line in nginx (or add `proxy_hide_header <Name>;` so nginx drops the app\'s copy), or turn the header off in helmet (`strictTransportSecurity: false`, `contentSecurityPolicy: false`).',
    whenNotToUse: 'When the nginx config in the workspace does not front this app (the rule cannot tell which app an nginx proxies to, which is why it only reports).',
    examples: {
      bad: "// nginx: add_header Strict-Transport-Security \"max-age=63072000\" always;\napp.use(helmet()); // max-age=31536000; includeSubDomains",
      good: "// nginx: add_header Strict-Transport-Security \"max-age=63072000\" always;\napp.use(helmet({ strictTransportSecurity: false }));",
    },
  },
  check(model, ctx) {
    if (!model.helmet.length) return;
    const ws = ctx.workspace!;
    const nginx = nginxHeaders(ws);
    if (!nginx.set.length) return;
    // Said once per workspace: in the first file (by path) whose helmet setup conflicts.
    const files = helmetFiles(ctx)
      .map((f) => ({ ...f, conflicts: conflictsOf(f.item, nginx) }))
      .filter((f) => f.conflicts.length)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const first = files[0];
    if (!first || first.path !== ctx.filePath) return;
    const list = first.conflicts.map((c) => `${c.header} (nginx "${c.nginx.value}" at ${shortPath(ctx.filePath, c.nginx.file)}:${c.nginx.line + 1}; helmet "${c.helmet}")`).join(', ');
    // Point at the callee (`helmet` in `helmet({...})`), not the whole options object.
    const use = model.helmet[0].node;
    const callee = typescript().isCallExpression(use) ? use.expression : use;
    ctx.report({
      range: nodeRange(model, callee),
      message: `nginx also sets ${list}: behind that nginx, browsers receive both headers${files.length > 1 ? ` (and ${files.length - 1} other app file(s) do the same)` : ''}. Keep each header in one place: drop it in nginx (or proxy_hide_header) or turn it off in helmet.`,
    });
  },
});

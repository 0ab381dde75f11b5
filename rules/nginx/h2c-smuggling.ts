import { defineRule, type RuleContext } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { scopesAround, scopeLabel, walkExpanded } from './access-helpers';
import { expandedChildren } from './includes';

function headerOf(d: NginxDirective, header: string): boolean {
  return d.name === 'proxy_set_header' && d.args.length >= 2 && d.args[0].value.toLowerCase() === header;
}

/** Variables set by a `map` in this file that can take the value of `$http_connection`. */
function connectionMaps(model: NginxModel): Set<string> {
  const out = new Set<string>();
  for (const d of allDirectives(model)) {
    if (d.name !== 'map' || d.args.length < 2 || !d.block) continue;
    if (d.block.some((row) => row.args.some((a) => a.value.includes('$http_connection')) || row.name.includes('$http_connection'))) out.add(d.args[1].value);
  }
  return out;
}

/** Is `proxy_http_version 1.1` in effect at the block or in a location inside it? */
function http11(d: NginxDirective, block: NginxDirective, model: NginxModel, ctx: RuleContext): boolean {
  const { scopes } = scopesAround(d, model, ctx);
  for (const s of scopes) {
    const v = [...s.children].reverse().find((c) => c.name === 'proxy_http_version');
    if (v) return v.args[0]?.value === '1.1';
  }
  let inner = false;
  walkExpanded(block.block ?? [], ctx, (d) => {
    if (d.name === 'proxy_http_version' && d.args[0]?.value === '1.1') inner = true;
  });
  return inner;
}

export default defineRule<NginxModel>({
  id: 'nginx/h2c-smuggling',
  title: 'Upgrade requests cannot smuggle h2c past nginx',
  level: 'warn',
  controls: ['edge.request-handling'],
  aliases: { semgrep: ['possible-nginx-h2c-smuggling'] },
  docs: {
    rationale:
      'With `proxy_http_version 1.1`, `proxy_set_header Upgrade $http_upgrade` and `proxy_set_header Connection $http_connection`, nginx passes any client upgrade to the backend, including `Upgrade: h2c` with `Connection: Upgrade, HTTP2-Settings`. A backend that accepts HTTP/2 over cleartext then holds a raw HTTP/2 connection with the client, on which it can send any request to any path: nginx\'s `location` routing, `allow`/`deny` and auth no longer see them (h2c smuggling, Bishop Fox 2020).',
    howToFix:
      'Forward upgrades only for WebSockets, with the standard map: `map $http_upgrade $connection_upgrade { default upgrade; "" close; }` and `proxy_set_header Connection $connection_upgrade;` (better still, map only `websocket` to "upgrade"). If the backend needs no upgrades, do not forward `Upgrade`/`Connection` at all.',
    whenNotToUse: 'Backends that cannot speak h2c (most WebSocket servers), when you have verified they reject `Upgrade: h2c`.',
    examples: {
      bad: 'location / {\n    proxy_http_version 1.1;\n    proxy_set_header Upgrade $http_upgrade;\n    proxy_set_header Connection $http_connection;\n    proxy_pass http://app;\n}',
      good: 'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    "" close;\n}\n# in the location:\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;',
    },
  },
  check(model, ctx) {
    const viaMap = connectionMaps(model);
    for (const d of allDirectives(model)) {
      if (!headerOf(d, 'upgrade') || !d.args[1].value.includes('$http_upgrade')) continue;
      const block = d.parent;
      // Inside `if ($http_upgrade = websocket)` the header is forwarded only when checked.
      if (!block || block.name === 'if') continue;
      const conn = expandedChildren(block.block ?? [], ctx).find((c) => headerOf(c, 'connection'));
      if (!conn) continue;
      const v = conn.args[1].value;
      const forwarded = v.includes('$http_connection') || viaMap.has(v);
      if (!forwarded || !http11(d, block, model, ctx)) continue;
      ctx.report({
        range: nameRange(model, d),
        message: `${scopeLabel(block)} forwards the client's Upgrade and Connection headers as they are ("Connection ${conn.args[1].raw}"), so "Upgrade: h2c" reaches the backend and can tunnel requests past nginx's routing and access rules. Forward only WebSocket upgrades (map $http_upgrade $connection_upgrade) or drop these headers.`,
      });
    }
  },
});

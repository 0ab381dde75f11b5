import { defineRule } from '../types';
import { allDirectives, nameRange, type NginxModel } from './language';
import type { NginxDirective } from './parser';
import { insertLines, replaceArg } from './model';
import { expandedChildren } from './includes';
import { isHarmlessInclude } from './headers';

export default defineRule<NginxModel>({
  id: 'nginx/server-tokens',
  title: 'nginx does not announce its version (server_tokens off)',
  level: 'warn',
  controls: ['edge.server-tokens'],
  aliases: { gixy: ['version_disclosure'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'responses and error pages no longer show the nginx version',
  hasSuggestions: true,
  docs: {
    rationale:
      '`server_tokens` defaults to `on`: every response and error page carries `Server: nginx/1.22.1`, telling scanners exactly which published CVEs to try. `build` adds the build name too.',
    howToFix: 'Set `server_tokens off;` in the `http` block (it applies to every server). Removing the `Server` header entirely needs headers-more (`more_clear_headers Server;`) or NGINX Plus.',
    whenNotToUse: 'Internal endpoints where the version is deliberately exposed for inventory tooling.',
    examples: { bad: 'http {\n    server_tokens on;\n}', good: 'http {\n    server_tokens off;\n}' },
  },
  check(model, ctx) {
    const all = allDirectives(model);
    for (const d of all) {
      if (d.name !== 'server_tokens' || !d.args.length) continue;
      const v = d.args[0].value.toLowerCase();
      if (v === 'on' || v === 'build') {
        // The author wrote it: changing it is offered, never applied unattended.
        ctx.report({
          range: nameRange(model, d),
          message: `"server_tokens ${v}" is set explicitly: it sends the nginx version${v === 'build' ? ' and build name' : ''} in the Server header and on error pages. Set "server_tokens off;".`,
          suggestions: [{ title: 'Set server_tokens off', edits: [replaceArg(model, d, 0, 'off')] }],
        });
      } else if (v === 'off') {
        ctx.pass({ range: nameRange(model, d), message: `server_tokens off (line ${d.line + 1}) hides the nginx version.` });
      }
    }
    // A whole config: the http block must turn it off (or every server must).
    for (const http of all.filter((d) => d.name === 'http' && d.block && !d.parent)) {
      const kids = expandedChildren(http.block!, ctx);
      if (kids.some((k) => k.name === 'server_tokens')) continue;
      if (kids.some((k) => k.name === 'include' && !isHarmlessInclude(k))) continue; // may set it
      const servers = kids.filter((k) => k.name === 'server' && k.block);
      if (servers.length && servers.every((s) => serverTurnsOff(s, ctx))) continue;
      ctx.report({
        range: nameRange(model, http),
        message: 'server_tokens defaults to on: every response and error page tells the nginx version. Add "server_tokens off;" to the http block.',
        fix: { title: 'Add "server_tokens off;" to http', edits: [insertLines(model, http, ['server_tokens off;'], 'start')] },
      });
    }
  },
});

function serverTurnsOff(server: NginxDirective, ctx: Parameters<typeof expandedChildren>[1]): boolean {
  const kids = expandedChildren(server.block ?? [], ctx);
  return kids.some((k) => k.name === 'server_tokens' && k.args[0]?.value.toLowerCase() === 'off');
}

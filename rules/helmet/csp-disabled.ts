import { defineRule, type Fix, type WorkspaceView } from '../types';
import type { HelmetIndexItem, HelmetModel } from './language';
import { nodeRange } from './analyze';
import { HEADER_OF, middlewareConfigs } from './effective';
import { helmetOptionsOf } from './setup';
import { insertAfterStatement, replaceNode, semi } from './edits';
import { writtenInPlace } from './values';
import { typescript } from './ts';

/**
 * Does another file of the workspace send a CSP (projects that put each helmet middleware in its
 * own file)? Without a workspace view only this file is known.
 */
function cspElsewhere(workspace: WorkspaceView | null, path: string): boolean {
  for (const entry of workspace?.entries('helmet') ?? []) {
    if (entry.path === path) continue;
    for (const item of entry.items as HelmetIndexItem[]) if (item.kind === 'node-app-file' && item.headers?.[HEADER_OF.contentSecurityPolicy]) return true;
  }
  return false;
}

export default defineRule<HelmetModel>({
  id: 'helmet/csp-disabled',
  title: "helmet's Content-Security-Policy is not switched off",
  level: 'warn',
  controls: ['app.csp'],
  aliases: { njsscan: ['helmet_feature_disabled', 'helmet_header_check_csp'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'The Content-Security-Policy header is the browser-side safety net against cross-site scripting: it decides which scripts, frames and objects a page may load. helmet sends a safe default policy; `contentSecurityPolicy: false` (or using only some helmet functions, never `helmet.contentSecurityPolicy()`) sends none, so one injected `<script>` runs with the full rights of the page.',
    howToFix:
      'Remove `contentSecurityPolicy: false` and adapt the policy to what the app loads (`directives: { scriptSrc: ["\'self\'", "https://cdn.example.com"] }`). If the policy would break pages today, start with `{ reportOnly: true }` and a `reportUri`/`reportTo` to collect violations, then enforce it.',
    whenNotToUse: 'Pure JSON APIs that never serve HTML to browsers gain little from a CSP; some teams set the policy at a reverse proxy or CDN instead (then say so in a suppression comment).',
    examples: { bad: 'app.use(helmet({ contentSecurityPolicy: false }));', good: "app.use(helmet({ contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\", 'cdn.example.com'] } } }));" },
  },
  check(model, ctx) {
    const ts = typescript();
    let topLevel = false;
    for (const use of model.helmet) {
      if (use.middleware !== 'topLevel') continue;
      topLevel = true;
      const csp = middlewareConfigs('topLevel', helmetOptionsOf(use)).find((c) => c.middleware === 'contentSecurityPolicy');
      if (!csp || csp.on !== false || !csp.prop) continue;
      const p = csp.prop;
      const inPlace = writtenInPlace(p) && p.value.node.kind === ts.SyntaxKind.FalseKeyword;
      const suggestions: Fix[] | undefined = inPlace ? [{ title: 'Send the policy as report-only first (`{ reportOnly: true }`)', edits: [replaceNode(model, p.value.node, '{ reportOnly: true }')] }] : undefined;
      ctx.report({
        range: nodeRange(model, p.own ? p.node : p.value.node),
        message: `\`${p.key}: false\` switches off helmet's Content-Security-Policy: nothing stops an injected script from running in production. Keep the default policy (adapt its directives), or start with \`{ reportOnly: true }\`.`,
        suggestions,
      });
    }
    // Piecemeal helmet (helmet.frameguard(), ...) without helmet.contentSecurityPolicy() sends no policy.
    const piecemeal = model.helmet.filter((u) => u.middleware !== 'topLevel');
    if (topLevel || !piecemeal.length || piecemeal.some((u) => u.middleware === 'contentSecurityPolicy') || cspElsewhere(ctx.workspace, ctx.filePath)) return;
    const first = piecemeal[0];
    const last = piecemeal[piecemeal.length - 1];
    const callee = ts.isCallExpression(last.node) ? last.node.expression : undefined;
    const base = callee && ts.isPropertyAccessExpression(callee) ? callee.expression.getText(model.sf) : undefined;
    const reg = last.registration;
    const suggestions: Fix[] | undefined =
      base && reg?.method === 'use' && reg.statement === last.statement
        ? [{ title: `Add ${base}.contentSecurityPolicy()`, edits: [insertAfterStatement(model, reg.statement, [`${reg.receiver}.use(${base}.contentSecurityPolicy())${semi(model)}`])] }]
        : undefined;
    const names = [...new Set(piecemeal.map((u) => `${u.writtenName ?? u.middleware}()`))].join(', ');
    ctx.report({
      range: nodeRange(model, ts.isCallExpression(first.node) ? first.node.expression : first.node),
      message: `helmet is used piecemeal (${names}) without contentSecurityPolicy(): the app sends no Content-Security-Policy, so nothing stops an injected script. Add helmet.contentSecurityPolicy() or use helmet() with its defaults.`,
      suggestions,
    });
  },
});

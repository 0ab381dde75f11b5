import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { dashify, middlewareConfigs } from './effective';
import { helmetOptionsOf } from './setup';
import { replaceNode } from './edits';
import { get } from './values';
import { typescript } from './ts';

/** CSP Level 3 directives and the common older ones browsers still know. */
export const CSP_DIRECTIVES = new Set([
  'default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'style-src', 'style-src-elem', 'style-src-attr',
  'img-src', 'font-src', 'connect-src', 'media-src', 'object-src', 'frame-src', 'child-src', 'worker-src',
  'manifest-src', 'prefetch-src', 'fenced-frame-src', 'base-uri', 'form-action', 'frame-ancestors', 'navigate-to',
  'sandbox', 'plugin-types', 'report-uri', 'report-to', 'require-trusted-types-for', 'trusted-types',
  'upgrade-insecure-requests', 'block-all-mixed-content', 'require-sri-for', 'webrtc',
]);

/** helmet's own name check: names it rejects are invalid-option's business. */
const DIRECTIVE_NAME = /^[a-z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The one spec directive within edit distance 2 (none when two are equally close). */
export function closestDirective(name: string): string | undefined {
  let best: string[] = [];
  let bestDistance = 2;
  for (const d of CSP_DIRECTIVES) {
    const dist = editDistance(name, d);
    if (dist < bestDistance || !best.length && dist === bestDistance) [best, bestDistance] = [[d], dist];
    else if (dist === bestDistance) best.push(d);
  }
  return best.length === 1 ? best[0] : undefined;
}

const camelCase = (dashed: string) => dashed.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The key rewritten to `target` in the style it was written in (identifier or quoted, camelCase or dashed). */
function renamedKey(model: HelmetModel, keyNode: TS.Node, written: string, target: string): string | undefined {
  const ts = typescript();
  const name = written.includes('-') ? target : camelCase(target);
  if (ts.isIdentifier(keyNode)) return camelCase(target);
  if (ts.isStringLiteral(keyNode)) {
    const q = keyNode.getText(model.sf)[0];
    return q + name + q;
  }
  return undefined;
}

export default defineRule<HelmetModel>({
  id: 'helmet/csp-unknown-directive',
  title: 'CSP directive names are real directives',
  level: 'warn',
  controls: ['app.csp'],
  aliases: {},
  hasSuggestions: true,
  docs: {
    rationale:
      'helmet accepts any directive name that looks like one, so a typo such as `frameAnchestors` (found in the Mozilla Observatory\'s own server) is sent as written and ignored by every browser: the protection the line was meant to add is silently missing. A misspelt `null` (meant to remove a default directive) leaves that default in place.',
    howToFix: 'Correct the name to the directive it was meant to be (the quick fix renames it when exactly one directive is within two letters), or remove it.',
    whenNotToUse: 'When you deliberately send a directive newer than this list (tell us, so the list grows).',
    examples: { bad: "directives: { frameAnchestors: [\"'none'\"] }", good: "directives: { frameAncestors: [\"'none'\"] }" },
  },
  check(model, ctx) {
    const seen = new Set<TS.Node>();
    for (const use of model.helmet) {
      for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
        if (c.middleware !== 'contentSecurityPolicy' || !c.on) continue;
        const directives = get(c.options, 'directives');
        if (directives?.kind !== 'object') continue;
        const names = new Set(directives.props.map((p) => dashify(p.key)));
        for (const p of directives.props) {
          const name = dashify(p.key);
          if (!DIRECTIVE_NAME.test(p.key) || CSP_DIRECTIVES.has(name) || seen.has(p.keyNode)) continue;
          seen.add(p.keyNode);
          const target = closestDirective(name);
          const newKey = target && !names.has(target) && p.own ? renamedKey(model, p.keyNode, p.key, target) : undefined;
          const removal = p.value.kind === 'null' ? ', so the default directive it was meant to remove stays' : '';
          ctx.report({
            range: nodeRange(model, p.keyNode),
            message: `"${p.key}" is not a CSP directive${p.key !== name ? ` (${name})` : ''}: helmet sends it and browsers ignore it${removal}.${target ? ` Did you mean ${target}?` : ' Remove it or use a directive browsers know.'}`,
            suggestions: newKey ? [{ title: `Rename to ${newKey}`, edits: [replaceNode(model, p.keyNode, newKey)] }] : undefined,
          });
        }
      }
    }
  },
});

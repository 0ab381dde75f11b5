import type * as TS from 'typescript';
import { defineRule, type Fix } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { cspDirectives, middlewareConfigs, shouldBeQuoted } from './effective';
import { helmetOptionsOf } from './setup';
import { replaceNode } from './edits';
import type { SVal } from './values';
import { typescript } from './ts';

/** A string literal for a CSP source: the file's quote style, or the other quote when the source contains it. */
function sourceLiteral(model: HelmetModel, source: string): string {
  const q = model.style.quote;
  const other = q === "'" ? '"' : "'";
  const use = source.includes(q) && !source.includes(other) ? other : q;
  return use + source.replace(/\\/g, '\\\\').replace(new RegExp(use, 'g'), '\\' + use) + use;
}

export default defineRule<HelmetModel>({
  id: 'helmet/csp-multi-token-entry',
  title: 'One CSP source per array element',
  level: 'report',
  controls: ['app.csp'],
  aliases: {},
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      "helmet joins a directive's entries with spaces, so `[\"https: 'unsafe-inline'\"]` works, but helmet validates each entry as one value: an unquoted keyword inside it (`\"https: self\"`) is not caught, and reviewers and tools read the entry as a single source. The NestJS documentation's helmet example uses this form.",
    howToFix: "Write one source per array element: `[\"https:\", \"'unsafe-inline'\"]`.",
    whenNotToUse: 'Never harmful to split; turn the rule off if the team prefers the compact form.',
    examples: { bad: "scriptSrc: [\"'self'\", \"https: 'unsafe-inline'\"]", good: "scriptSrc: [\"'self'\", 'https:', \"'unsafe-inline'\"]" },
  },
  check(model, ctx) {
    const ts = typescript();
    const seen = new Set<TS.Node>();
    for (const use of model.helmet) {
      for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
        if (c.middleware !== 'contentSecurityPolicy' || !c.on) continue;
        const csp = cspDirectives(c.options, [], use.node);
        for (const d of csp?.directives ?? []) {
          const v = d.value;
          const entries: SVal[] = !v ? [] : v.kind === 'string' ? [v] : v.kind === 'array' ? v.items : [];
          for (const e of entries) {
            if (e.kind !== 'string' || seen.has(e.node) || /[;,]/.test(e.value)) continue;
            const parts = e.value.split(/\s+/).filter(Boolean);
            if (parts.length < 2) continue;
            seen.add(e.node);
            const node = e.node;
            const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
            // Split in place only where the entry is written: an array element, or the directive's whole value.
            const inArray = literal && ts.isArrayLiteralExpression(node.parent);
            const wholeValue = literal && ts.isPropertyAssignment(node.parent) && node.parent.initializer === node && v === e;
            const list = parts.map((p) => sourceLiteral(model, p)).join(', ');
            const fix: Fix | undefined = inArray ? { title: 'Split into one source per element', edits: [replaceNode(model, node, list)] } : wholeValue ? { title: 'Split into an array of sources', edits: [replaceNode(model, node, `[${list}]`)] } : undefined;
            const unquoted = parts.filter(shouldBeQuoted);
            ctx.report({
              range: nodeRange(model, node),
              message: `One ${d.name} entry holds ${parts.length} sources (${JSON.stringify(e.value)}): helmet validates and reviewers read it as one value${unquoted.length ? `, so the unquoted ${unquoted.map((u) => `"${u}"`).join(', ')} inside it passes helmet's check but names a host` : ''}. Write one source per array element.`,
              fix,
            });
          }
        }
      }
    }
  },
});

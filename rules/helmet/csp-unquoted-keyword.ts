import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { effectOf } from './setup';
import { replaceNode, quoted } from './edits';
import { typescript } from './ts';

export default defineRule<HelmetModel>({
  id: 'helmet/csp-unquoted-keyword',
  title: "CSP keywords are quoted ('self', 'none', nonces, hashes)",
  level: 'block',
  controls: ['app.csp'],
  aliases: {},
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      "In a Content-Security-Policy, `self` without quotes is a host name, not the keyword. helmet 8 refuses such values: `helmet()` throws at startup (\"'self' should be quoted\"), so the app does not start. The same holds for none, unsafe-inline, unsafe-eval, strict-dynamic, report-sample, wasm-unsafe-eval and nonce-/sha256-/sha384-/sha512- sources.",
    howToFix: "Write the keyword with single quotes inside the string: `\"'self'\"`.",
    whenNotToUse: 'Never: helmet 8 throws on these values.',
    examples: { bad: "helmet({ contentSecurityPolicy: { directives: { scriptSrc: ['self'] } } })", good: "helmet({ contentSecurityPolicy: { directives: { scriptSrc: [\"'self'\"] } } })" },
  },
  check(model, ctx) {
    const ts = typescript();
    const seen = new Set<unknown>();
    for (const use of model.helmet) {
      for (const err of effectOf(use).errors) {
        if (err.kind !== 'unquoted-keyword' || seen.has(err.node)) continue;
        seen.add(err.node);
        const node = err.node;
        const value = ts.isStringLiteralLike(node) ? node.text : undefined;
        ctx.report({
          range: nodeRange(model, node),
          message: `helmet throws at startup: CSP source ${value !== undefined ? `"${value}"` : ''} must be quoted ("'${value ?? 'keyword'}'"); unquoted it would name a host.`.replace('  ', ' '),
          // Only a literal written right here can be rewritten safely.
          fix: value !== undefined && node.getSourceFile() === model.sf ? { title: `Quote '${value}'`, edits: [replaceNode(model, node, quoted(model, `'${value}'`))] } : undefined,
        });
      }
    }
  },
});

import { defineRule, type Fix } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { CSP_REPORT_ONLY, HEADER_OF, middlewareConfigs } from './effective';
import { effectOf, helmetOptionsOf, startsUp } from './setup';
import { deleteProperty } from './edits';
import { prop, truthiness, writtenInPlace } from './values';
import { typescript } from './ts';

export default defineRule<HelmetModel>({
  id: 'helmet/csp-report-only',
  title: 'Content-Security-Policy is enforced, not report-only',
  level: 'report',
  controls: ['app.csp'],
  aliases: {},
  hasSuggestions: true,
  docs: {
    rationale:
      'With `reportOnly: true` helmet sends `Content-Security-Policy-Report-Only`: browsers only report violations and still run every injected script. It is the right first step when introducing a policy, and a gap when it stays that way in production.',
    howToFix: 'Once the violation reports are clean, remove `reportOnly: true` so helmet sends an enforced `Content-Security-Policy` (keep `reportUri`/`reportTo` to hear about violations).',
    whenNotToUse: 'While a new or stricter policy is being rolled out; some teams send an enforced policy and a stricter report-only one side by side (then suppress this finding on the second).',
    examples: { bad: 'helmet({ contentSecurityPolicy: { reportOnly: true } })', good: 'helmet({ contentSecurityPolicy: { directives: { reportUri: ["/csp-report"] } } })' },
  },
  check(model, ctx) {
    const ts = typescript();
    for (const use of model.helmet) {
      const line = model.index.positionAt(use.node.getStart(model.sf)).line + 1;
      for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
        if (c.middleware !== 'contentSecurityPolicy' || !c.on) continue;
        const ro = prop(c.options, 'reportOnly');
        if (ro && truthiness(ro.value) === true) {
          const fix: Fix[] | undefined = writtenInPlace(ro) && ts.isObjectLiteralElementLike(ro.node) ? [{ title: 'Enforce the policy (remove reportOnly)', edits: [deleteProperty(model, ro.node)] }] : undefined;
          ctx.report({
            range: nodeRange(model, ro.own ? ro.node : ro.value.node),
            message: 'The Content-Security-Policy is report-only: browsers report violations but still run injected scripts. Remove `reportOnly: true` once the reports are clean, so the policy is enforced.',
            suggestions: fix,
          });
          continue;
        }
        const headers = effectOf(use).headers;
        if (startsUp(model) && headers.get(HEADER_OF.contentSecurityPolicy) !== null && headers.has(HEADER_OF.contentSecurityPolicy) && headers.get(CSP_REPORT_ONLY) === null) {
          const where = use.middleware === 'topLevel' ? (use.via === 'fastify' ? '@fastify/helmet' : 'helmet()') : `helmet.${use.writtenName ?? use.middleware}()`;
          ctx.pass({ range: nodeRange(model, use.node), message: `Content-Security-Policy enforced by ${where} at line ${line}` });
        }
      }
    }
  },
});

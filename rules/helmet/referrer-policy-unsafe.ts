import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { HEADER_OF, middlewareConfigs } from './effective';
import { effectOf, helmetOptionsOf } from './setup';
import { get } from './values';

/** What each leaky policy sends to other sites. */
const LEAKS: Record<string, string> = {
  'unsafe-url': 'sends the full URL (path and query string, with any tokens or ids in it) to every site, even over plain HTTP',
  'no-referrer-when-downgrade': 'sends the full URL (path and query string) to every other HTTPS site',
  'origin-when-cross-origin': 'sends the origin to other sites even from HTTPS pages to plain-HTTP ones',
};

export default defineRule<HelmetModel>({
  id: 'helmet/referrer-policy-unsafe',
  title: 'Referrer-Policy does not leak URLs to other sites',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: {},
  docs: {
    rationale:
      "The Referer header tells the next site where the user came from. `unsafe-url` and `no-referrer-when-downgrade` send full URLs, with paths and query strings that often hold reset tokens, search terms or ids, to every other site; `origin-when-cross-origin` also sends the origin over plain HTTP. helmet's default is `no-referrer`; browsers default to `strict-origin-when-cross-origin`. With several tokens, browsers apply the last one they know, so only that one is checked.",
    howToFix: "Use helmet's default (`no-referrer`) or `strict-origin-when-cross-origin`, which sends only the origin to other sites and nothing on a downgrade to HTTP.",
    whenNotToUse: 'When partners or analytics genuinely need full referrer URLs and the URLs hold nothing sensitive.',
    examples: { bad: "helmet({ referrerPolicy: { policy: 'unsafe-url' } })", good: "helmet({ referrerPolicy: { policy: 'strict-origin-when-cross-origin' } })" },
  },
  check(model, ctx) {
    for (const use of model.helmet) {
      const header = effectOf(use).headers.get(HEADER_OF.referrerPolicy);
      if (typeof header !== 'string') continue;
      // Browsers use the last token they support: earlier ones are fallbacks for old browsers.
      const last = header.split(',').pop()!;
      const leak = LEAKS[last];
      if (!leak) continue;
      const c = middlewareConfigs(use.middleware, helmetOptionsOf(use)).find((x) => x.middleware === 'referrerPolicy');
      const policy = get(c?.options, 'policy');
      const node = policy?.kind === 'array' ? policy.items[policy.items.length - 1].node : (policy?.node ?? use.node);
      ctx.report({ range: nodeRange(model, node), message: `Referrer-Policy ${last} ${leak}. Use helmet's default no-referrer, or strict-origin-when-cross-origin.` });
    }
  },
});

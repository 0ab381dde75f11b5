import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { HEADER_OF, middlewareConfigs, type Middleware } from './effective';
import { effectOf, helmetOptionsOf } from './setup';
import { prop } from './values';

const RELAXED: Partial<Record<Middleware, { value: string; message: string }>> = {
  crossOriginResourcePolicy: {
    value: 'cross-origin',
    message:
      'Cross-Origin-Resource-Policy is cross-origin: any site may load these responses into its own pages. That is right for public assets, CDNs and APIs meant to be embedded elsewhere; for anything else keep helmet\'s same-origin (or same-site).',
  },
  crossOriginOpenerPolicy: {
    value: 'unsafe-none',
    message:
      "Cross-Origin-Opener-Policy is unsafe-none: cross-site pages this app opens, or that open it, keep a handle on each other's window (tab-nabbing, cross-site leaks). Needed only for cross-origin popups such as OAuth or payment windows (consider same-origin-allow-popups); else keep helmet's same-origin.",
  },
};

export default defineRule<HelmetModel>({
  id: 'helmet/cross-origin-policy-relaxed',
  title: 'Cross-origin isolation headers are not relaxed without need',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: {},
  docs: {
    rationale:
      "helmet sends `Cross-Origin-Resource-Policy: same-origin` and `Cross-Origin-Opener-Policy: same-origin`, which keep other sites from embedding the app's responses and from keeping a handle on its windows. `crossOriginResourcePolicy: { policy: 'cross-origin' }` and `crossOriginOpenerPolicy: { policy: 'unsafe-none' }` undo that. Both are legitimate for public assets, CDNs and APIs, and for OAuth or payment popups, so this is information, not a warning.",
    howToFix: "Keep helmet's defaults where nothing needs the relaxation; for popups prefer `same-origin-allow-popups`; for assets that other sites embed, relax only the routes that serve them (a second helmet instance on that path).",
    whenNotToUse: 'Public APIs and asset hosts whose responses are meant to be used by other sites.',
    examples: { bad: "helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } })", good: "app.use('/public', helmet({ crossOriginResourcePolicy: { policy: 'cross-origin' } }));\napp.use(helmet());" },
  },
  check(model, ctx) {
    const seen = new Set<TS.Node>();
    for (const use of model.helmet) {
      const headers = effectOf(use).headers;
      for (const c of middlewareConfigs(use.middleware, helmetOptionsOf(use))) {
        const relaxed = RELAXED[c.middleware];
        if (!relaxed || !c.on || headers.get(HEADER_OF[c.middleware]) !== relaxed.value) continue;
        const policy = prop(c.options, 'policy');
        const node = policy?.value.node ?? (c.prop?.own ? c.prop.node : use.node);
        if (seen.has(node)) continue;
        seen.add(node);
        ctx.report({ range: nodeRange(model, node), message: relaxed.message });
      }
    }
  },
});

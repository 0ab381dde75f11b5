import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { at } from './app-context';
import { corsSetups, credentialContext } from './cors-origin';

export default defineRule<HelmetModel>({
  id: 'helmet/cors-wildcard-origin',
  title: 'CORS names the origins it trusts',
  level: 'report',
  controls: ['app.cors'],
  aliases: { njsscan: ['express_cors', 'generic_cors'], semgrep: ['nestjs-header-cors-any'] },
  docs: {
    rationale:
      '`cors()` without options, `origin: "*"`, `app.enableCors()`, `NestFactory.create(M, { cors: true })` and a hand-written `Access-Control-Allow-Origin: *` let every web site call the API from a browser and read the answers. That is right for a public, anonymous API; for anything behind a login it exposes data to any page a user visits, and it hides which front ends the API really serves.',
    howToFix:
      "Pass the origins that may call the API: `cors({ origin: ['https://app.example.com'] })`, `app.enableCors({ origin: [...] })`, `register(cors, { origin: [...] })`. Read the list from configuration per environment.",
    whenNotToUse: 'Public, anonymous, read-only APIs (open data, a CDN-like asset service) that no cookie or token protects.',
    examples: { bad: 'app.use(cors());', good: "app.use(cors({ origin: ['https://app.example.com'] }));" },
  },
  check(model, ctx) {
    const setups = corsSetups(model);
    if (!setups.length) return;
    const context = credentialContext(model, setups);
    for (const s of setups) {
      const v = s.verdict;
      if (v.kind === 'restricted') ctx.pass({ range: nodeRange(model, v.node), message: `CORS allows ${v.origins} at ${at(ctx, model, v.node)}` });
      // Echoing every origin with credentials is cors-reflect-origin-with-credentials (block).
      if (v.kind !== 'any' && !(v.kind === 'reflect' && s.credentials !== true)) continue;
      const what = v.kind === 'any' ? 'CORS allows any origin' : 'CORS accepts every origin';
      ctx.report({
        range: nodeRange(model, v.node),
        message:
          `${what} (${v.reason}): any web site can call this API from a browser and read its responses. List the origins that may call it (origin: ['https://app.example.com']).` +
          (context ? ` This file also uses ${context}, so this is more than a public API.` : ''),
        escalate: !!context,
      });
    }
  },
});

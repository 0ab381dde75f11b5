import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { corsSetups } from './cors-origin';

export default defineRule<HelmetModel>({
  id: 'helmet/cors-reflect-origin-with-credentials',
  title: 'CORS with credentials never trusts every origin',
  level: 'block',
  controls: ['app.cors'],
  aliases: { semgrep: ['cors-misconfiguration', 'cors-regex-wildcard'] },
  docs: {
    rationale:
      'With `credentials: true` the browser sends the user\'s cookies (or HTTP auth) on cross-origin requests and lets the calling page read the answer when Access-Control-Allow-Origin names that page. `origin: true`, a regex that matches everything, a callback that always says yes, or copying the request\'s Origin header into the response therefore let any web site act as the logged-in user and read the results. A pattern with an unescaped `.` (`/example.com$/`) lets look-alike domains (`exampleXcom`, `evil-example.com`) through the same way.',
    howToFix:
      "Allow a fixed list: `origin: ['https://app.example.com']`, or a callback that checks `allowed.includes(origin)`. Escape dots and anchor regexes: `/^https:\\/\\/(www\\.)?example\\.com$/`.",
    whenNotToUse: 'Never with credentials: a team that really needs every origin must drop `credentials: true` and use tokens the page sends explicitly.',
    examples: { bad: 'app.use(cors({ origin: true, credentials: true }));', good: "app.use(cors({ origin: ['https://app.example.com'], credentials: true }));" },
  },
  check(model, ctx) {
    for (const s of corsSetups(model)) {
      const v = s.verdict;
      if (s.credentials !== true || (v.kind !== 'reflect' && v.kind !== 'loose-pattern')) continue;
      ctx.report({
        range: nodeRange(model, v.node),
        message:
          v.kind === 'reflect'
            ? `CORS trusts every origin (${v.reason}) and allows credentials: any web site can send requests with the user's cookies and read the answers. Allow only a fixed list of origins.`
            : `CORS allows credentials and its ${v.reason}: a look-alike domain can send requests with the user's cookies and read the answers. Escape the dots and anchor the pattern (/^https:\\/\\/app\\.example\\.com$/).`,
      });
    }
  },
});

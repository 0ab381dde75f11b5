import { defineRule } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';

export default defineRule<HelmetModel>({
  id: 'helmet/called-without-parens',
  title: 'helmet is called when registered (`helmet()`, not `helmet`)',
  level: 'block',
  controls: ['app.security-headers'],
  aliases: {},
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      '`helmet` and its functions (`helmet.frameguard`, ...) are factories: called with options, they return the middleware. Passed uncalled, the framework calls the factory with the request instead. helmet() notices and throws "It appears you have done something like `app.use(helmet)`, but it should be `app.use(helmet())`." on every request (every response is a 500); `helmet.frameguard` and koa-helmet build a middleware from the request and never call `next()`, so requests hang or never reach a route. No security header is ever sent.',
    howToFix: 'Call it: `app.use(helmet())`, `app.use(helmet.frameguard({ action: "deny" }))`. (For Fastify, `fastify.register(helmet)` with @fastify/helmet is correct: plugins are registered uncalled.)',
    whenNotToUse: 'Never: the app cannot serve requests through an uncalled helmet.',
    examples: { bad: 'app.use(helmet);', good: 'app.use(helmet());' },
  },
  check(model, ctx) {
    for (const m of model.misuse) {
      if (m.kind !== 'not-called') continue;
      const text = m.node.getText(model.sf);
      const consequence =
        m.module === 'koa-helmet'
          ? 'Koa calls it with (ctx, next): it builds a middleware and never calls next(), so no route after it runs'
          : m.name === 'helmet'
            ? 'on every request helmet throws "It appears you have done something like `app.use(helmet)`, but it should be `app.use(helmet())`." and the response is a 500'
            : 'the framework calls it with the request: it builds a middleware and never calls next(), so every request hangs';
      const end = model.index.positionAt(m.node.getEnd());
      ctx.report({
        range: nodeRange(model, m.node),
        message: `${text} is registered without being called: ${consequence}. Call it: ${text}().`,
        fix: { title: `Call ${text}()`, edits: [{ range: { start: end, end }, newText: '()' }] },
      });
    }
  },
});

import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { AppCreation, HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { at, distinctApps, helmetFiles, onExpress, statementAfterApp } from './app-context';
import { quoted } from './edits';
import { HEADER_OF } from './effective';
import { effectOf, helmetOptionsOf, startsUp } from './setup';
import { typescript } from './ts';
import { prop, type SProp } from './values';

const HEADER = HEADER_OF.xPoweredBy;

/** `app.disable('x-powered-by')`; on a Nest app not typed as NestExpressApplication, through its Express instance. */
function disableLine(model: HelmetModel, app: AppCreation): (receiver: string) => string {
  const ts = typescript();
  const name = quoted(model, 'x-powered-by');
  const typed = ts.isCallExpression(app.node) && app.node.typeArguments?.some((t) => /NestExpressApplication/.test(t.getText(model.sf)));
  if (app.framework === 'nest' && !typed) return (r) => `${r}.getHttpAdapter().getInstance().disable(${name})`;
  return (r) => `${r}.disable(${name})`;
}

export default defineRule<HelmetModel>({
  id: 'helmet/x-powered-by-enabled',
  title: 'Express does not announce itself with X-Powered-By',
  level: 'report',
  controls: ['app.security-headers'],
  aliases: { njsscan: ['helmet_header_x_powered_by'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'responses no longer carry the X-Powered-By header',
  hasSuggestions: true,
  needsWorkspace: true,
  docs: {
    rationale:
      'Express adds `X-Powered-By: Express` to every response. It helps nobody but scanners that pick targets by stack. helmet removes it (its xPoweredBy middleware, on by default), or `app.disable("x-powered-by")` turns it off. `xPoweredBy: false` (or `hidePoweredBy: false`) in helmet options keeps it.',
    howToFix: "Use helmet with its defaults, or call `app.disable('x-powered-by')` right after creating the app (the quick fix). On NestJS use the Express instance: `app.getHttpAdapter().getInstance().disable('x-powered-by')`.",
    whenNotToUse: 'When a proxy in front of the app (nginx `proxy_hide_header X-Powered-By;`) already strips the header.',
    examples: { bad: 'const app = express();\napp.use(helmet({ xPoweredBy: false }));', good: "const app = express();\napp.disable('x-powered-by');" },
  },
  check(model, ctx) {
    for (const call of model.poweredByDisabled) ctx.pass({ range: nodeRange(model, call), message: `X-Powered-By disabled at ${at(ctx, model, call)}` });
    for (const use of model.helmet) {
      if (effectOf(use).headers.get(HEADER) === null && startsUp(model)) ctx.pass({ range: nodeRange(model, use.node), message: `X-Powered-By removed by helmet at ${at(ctx, model, use.node)}` });
    }
    const files = helmetFiles(ctx);
    const disabled = files.some((f) => f.item.poweredByDisabled);
    // null: helmet removes it; "?": helmet's options are only known at runtime (do not guess).
    const removed = files.some((f) => f.item.headers && (f.item.headers[HEADER] === null || f.item.headers[HEADER] === '?'));
    if (disabled || removed) return;
    const apps = distinctApps(model).filter(onExpress);
    const app = apps[0];
    const keepers: SProp[] = [];
    for (const use of model.helmet) {
      if (use.middleware !== 'topLevel') continue;
      const options = helmetOptionsOf(use);
      for (const key of ['xPoweredBy', 'hidePoweredBy']) {
        const p = prop(options, key);
        if (p?.value.kind === 'boolean' && !p.value.value) keepers.push(p);
      }
    }
    const fixFor = (a: AppCreation | undefined) => {
      const edit = a ? statementAfterApp(model, a, disableLine(model, a)) : null;
      return edit ? { title: "Add app.disable('x-powered-by') after the app is created", edits: [edit] } : undefined;
    };
    for (const p of keepers) {
      // The author turned helmet's removal off: overriding that is offered, never applied unattended.
      const change = fixFor(app);
      ctx.report({
        range: nodeRange(model, p.own ? p.node : (p.value.node as TS.Node)),
        message: `${p.key}: false, set explicitly, keeps Express's "X-Powered-By: Express" header, which tells scanners which stack to target, and nothing disables it. Remove the option, or call app.disable('x-powered-by') after creating the app.`,
        suggestions: change ? [change] : undefined,
      });
    }
    if (keepers.length) return;
    for (const a of apps) {
      ctx.report({
        range: nodeRange(model, a.node),
        message: `This ${a.framework === 'nest' ? 'NestJS app (Express adapter)' : 'Express app'} sends "X-Powered-By: Express" on every response (no helmet removes it and nothing calls app.disable('x-powered-by')), which tells scanners which stack to target. Use helmet, or disable the header right after creating the app.`,
        fix: fixFor(a),
      });
    }
  },
});

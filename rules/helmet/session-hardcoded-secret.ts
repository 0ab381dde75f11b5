import type * as TS from 'typescript';
import { defineRule } from '../types';
import type { HelmetModel } from './analyze';
import { nodeRange } from './analyze';
import { at } from './app-context';
import { isTypeScript, replaceNode } from './edits';
import { typescript } from './ts';
import { evaluate, prop, type SProp, type SVal } from './values';

/** Options that hold signing secrets, per session package. */
const SECRET_OPTIONS: Record<string, string[]> = {
  'express-session': ['secret'],
  'cookie-session': ['secret', 'keys'],
  '@fastify/session': ['secret'],
  '@fastify/secure-session': ['secret'],
};

interface SecretSite {
  /** What the secret signs, for messages. */
  what: string;
  /** The expression as written at the use (`secret: SECRET` -> `SECRET`). */
  written: TS.Node;
  value: SVal;
  env: 'SESSION_SECRET' | 'JWT_SECRET';
}

function writtenValue(p: SProp): TS.Node {
  const ts = typescript();
  if (ts.isPropertyAssignment(p.node)) return p.node.initializer;
  if (ts.isShorthandPropertyAssignment(p.node)) return p.node.name;
  return p.node;
}

function secretSites(model: HelmetModel): SecretSite[] {
  const out: SecretSite[] = [];
  for (const use of model.sessions) {
    for (const key of SECRET_OPTIONS[use.module] ?? []) {
      const p = prop(use.options, key);
      if (p) out.push({ what: `the ${use.module} ${key}`, written: writtenValue(p), value: p.value, env: 'SESSION_SECRET' });
    }
  }
  for (const k of model.appKeys) out.push({ what: 'the Koa app.keys (they sign its session cookies)', written: k.node.right, value: k.value, env: 'SESSION_SECRET' });
  for (const j of model.jwtCalls) {
    if (j.secret) out.push({ what: `the jsonwebtoken ${j.method}() secret`, written: j.secret, value: evaluate(j.secret, model.env), env: 'JWT_SECRET' });
  }
  return out;
}

export default defineRule<HelmetModel>({
  id: 'helmet/session-hardcoded-secret',
  title: 'Session and JWT secrets come from the environment',
  level: 'block',
  controls: ['app.session-cookies'],
  aliases: { semgrep: ['express-session-hardcoded-secret'], njsscan: ['hardcoded_jwt_secret', 'node_secret'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'The secret that signs session cookies (express-session `secret`, cookie-session `keys`, Koa `app.keys`) or JSON Web Tokens is what makes them unforgeable. Written in the source, it is known to everyone who can read the repository, its forks, CI logs and built images, and it is the same in every environment: anyone who has it can sign a session or token for any user.',
    howToFix:
      'Read the secret from the environment or a secret manager (`secret: process.env.SESSION_SECRET`, `jwt.sign(payload, process.env.JWT_SECRET)`), and rotate the old value: it must be considered leaked. The quick fix replaces the literal; the app then refuses to start until the variable is set (express-session and jsonwebtoken throw without a secret).',
    whenNotToUse: 'Test fixtures and throwaway examples (test and spec files are not checked).',
    examples: { bad: "app.use(session({ secret: 'keyboard cat' }));", good: 'app.use(session({ secret: process.env.SESSION_SECRET }));' },
  },
  check(model, ctx) {
    const ts = typescript();
    const asString = isTypeScript(model) ? ' as string' : '';
    for (const site of secretSites(model)) {
      const v = site.value;
      const env = `process.env.${site.env}${asString}`;
      if (v.kind === 'unknown') {
        ctx.pass({ range: nodeRange(model, site.written), message: `${site.what} is read at runtime (not written in the source) at ${at(ctx, model, site.written)}` });
        continue;
      }
      const message = `${site.what[0].toUpperCase()}${site.what.slice(1)} is written in the source code: anyone who can read the repository can forge ${site.env === 'JWT_SECRET' ? 'tokens' : 'session cookies'} for any user. Read it from the environment (process.env.${site.env}) and rotate the old value.`;
      if (v.kind === 'string') {
        // A literal the fix can replace: written right here, or a const of this file.
        const fixable = ts.isStringLiteralLike(v.node) || ts.isBinaryExpression(v.node) || ts.isTemplateExpression(v.node);
        ctx.report({ range: nodeRange(model, site.written), message, suggestions: fixable ? [{ title: `Read the secret from process.env.${site.env}`, edits: [replaceNode(model, v.node, env)] }] : undefined });
      } else if (v.kind === 'array' && v.items.some((i) => i.kind === 'string')) {
        const allLiteral = !v.open && v.items.every((i) => i.kind === 'string') && ts.isArrayLiteralExpression(v.node);
        ctx.report({ range: nodeRange(model, site.written), message, suggestions: allLiteral ? [{ title: `Read the secret from process.env.${site.env}`, edits: [replaceNode(model, v.node, `[${env}]`)] }] : undefined });
      }
    }
  },
});

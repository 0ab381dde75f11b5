import type * as TS from 'typescript';
import { defineRule, type Fix } from '../types';
import type { HelmetModel } from './language';
import { nodeRange } from './analyze';
import { middlewareConfigs, REMOVED, type HelmetError } from './effective';
import { effectOf, helmetOptionsOf } from './setup';
import { deleteProperty, replaceNode } from './edits';
import { deleteLinesEdit } from '../text';
import { prop, writtenInPlace, type SProp } from './values';
import { typescript } from './ts';

/** helmet 3 spellings of HSTS options that helmet 8 rejects, and the right ones. */
const HSTS_RENAMES: Record<string, string> = { maxage: 'maxAge', includeSubdomains: 'includeSubDomains' };

/** A property written in an object literal of this file (not a spread): a fix may delete or rename it. */
function ownProperty(node: TS.Node): TS.ObjectLiteralElementLike | undefined {
  const ts = typescript();
  return ts.isObjectLiteralElementLike(node) && !ts.isSpreadAssignment(node) && ts.isObjectLiteralExpression(node.parent) ? node : undefined;
}

/** `maxage` -> `maxAge`, keeping the key's quotes; delete instead when the right key is already there. */
function renameFix(model: HelmetModel, p: TS.ObjectLiteralElementLike, to: string): Fix | undefined {
  const ts = typescript();
  const name = p.name;
  if (!name) return undefined;
  const siblings = (p.parent as TS.ObjectLiteralExpression).properties;
  if (siblings.some((s) => s.name && (ts.isIdentifier(s.name) || ts.isStringLiteral(s.name)) && s.name.text === to)) return { title: `Delete the misspelt option (${to} is already set)`, edits: [deleteProperty(model, p)] };
  if (ts.isShorthandPropertyAssignment(p)) return undefined;
  if (ts.isIdentifier(name)) return { title: `Rename to ${to}`, edits: [replaceNode(model, name, to)] };
  if (ts.isStringLiteral(name)) {
    const q = name.getText(model.sf)[0];
    return { title: `Rename to ${to}`, edits: [replaceNode(model, name, q + to + q)] };
  }
  return undefined;
}

/** Where to point for an error: a directives object missing default-src is pointed at by its key. */
function errorNode(err: HelmetError): TS.Node {
  const ts = typescript();
  const n = err.node;
  return ts.isObjectLiteralExpression(n) && ts.isPropertyAssignment(n.parent) ? n.parent.name : n;
}

function advice(err: HelmetError): string {
  if (err.kind === 'alias-twice') return ' Keep one of the two names.';
  if (/invalid action "ALLOW-FROM/i.test(err.message)) return ' ALLOW-FROM is obsolete and ignored by browsers: allow framing origins with the CSP directive frame-ancestors instead.';
  if (/`maxage`/.test(err.message)) return ' Rename it to maxAge.';
  if (/`includeSubdomains`/.test(err.message)) return ' Rename it to includeSubDomains.';
  return '';
}

export default defineRule<HelmetModel>({
  id: 'helmet/invalid-option',
  title: 'helmet options are ones helmet 8 accepts',
  level: 'block',
  controls: ['app.security-headers'],
  aliases: {},
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'helmet 8 validates its options when the middleware is created and throws, so the app does not start: an option given under both its name and its legacy alias (`hsts` and `strictTransportSecurity`), the helmet 3 spellings `maxage` and `includeSubdomains`, policy values a header does not support (`X-Frame-Options: ALLOW-FROM`), and invalid, duplicate or missing (`default-src`) CSP directives. Things removed from helmet fail differently: the functions `helmet.noCache()`, `helmet.hpkp()`, `helmet.featurePolicy()`, `helmet.expectCt()` no longer exist (TypeError at startup), and the options `noCache`, `hpkp`, `featurePolicy`, `expectCt` and `setOnOldIE` are silently ignored, so the protection they promise is not there. Editor feedback is cheaper than a failed deploy.',
    howToFix: 'Follow the quoted helmet error: delete the legacy alias when both names are given, rename `maxage`/`includeSubdomains`, use a supported value, and remove the options and calls helmet dropped (send Cache-Control with the nocache package, a Permissions-Policy header yourself).',
    whenNotToUse: 'Never for startup errors. For removed options, only while a project still runs helmet 3 (then this domain describes a version you do not use).',
    examples: { bad: 'helmet({ hsts: { maxage: 31536000 }, frameguard: { action: "allow-from", domain: "https://a.example" } })', good: 'helmet({ hsts: { maxAge: 31536000 }, contentSecurityPolicy: { directives: { frameAncestors: ["\'self\'", "https://a.example"] } } })' },
  },
  check(model, ctx) {
    const ts = typescript();
    const seen = new Set<string>();
    const once = (node: TS.Node, what: string) => {
      const key = `${node.pos}:${node.end}:${what}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    for (const use of model.helmet) {
      // Startup errors (unquoted CSP keywords have their own rule).
      for (const err of effectOf(use).errors) {
        if (err.kind === 'unquoted-keyword' || !once(err.node, err.message)) continue;
        const own = ownProperty(err.node);
        const ownName = own?.name && (ts.isIdentifier(own.name) || ts.isStringLiteral(own.name)) ? own.name.text : undefined;
        let fix: Fix | undefined;
        if (own && err.kind === 'alias-twice') fix = { title: `Delete the legacy option ${ownName}`, edits: [deleteProperty(model, own)] };
        else if (own && ownName && HSTS_RENAMES[ownName]) fix = renameFix(model, own, HSTS_RENAMES[ownName]);
        ctx.report({ range: nodeRange(model, errorNode(err)), message: `helmet 8 throws at startup: "${err.message}", so the app does not start.${advice(err)}`, fix });
      }
      const options = helmetOptionsOf(use);
      // Removed top-level options: accepted and ignored.
      if (use.middleware === 'topLevel' && options?.kind === 'object') {
        for (const p of options.props) {
          if (!Object.hasOwn(REMOVED, p.key) || !once(p.keyNode, 'removed')) continue;
          reportIgnored(p, `\`${p.key}\` was ${REMOVED[p.key]}: helmet 8 ignores the option, so it does nothing. Remove it.`);
        }
      }
      // setOnOldIE: an X-XSS-Protection option of helmet 3; helmet 8 always sends "0", on purpose.
      for (const c of middlewareConfigs(use.middleware, options)) {
        const p = c.middleware === 'xXssProtection' ? prop(c.options, 'setOnOldIE') : undefined;
        if (p && once(p.keyNode, 'setOnOldIE')) reportIgnored(p, '`setOnOldIE` was removed in helmet 4: helmet 8 ignores it and always sends "X-XSS-Protection: 0" (the browsers\' XSS filters were themselves a risk). Remove it.');
      }
    }
    function reportIgnored(p: SProp, message: string) {
      const own = writtenInPlace(p) ? ownProperty(p.node) : undefined;
      ctx.report({ range: nodeRange(model, p.own ? p.keyNode : p.node), message, fix: own ? { title: `Delete ${p.key}`, edits: [deleteProperty(model, own)] } : undefined });
    }
    // Removed functions: `helmet.noCache()` is a TypeError when the app starts.
    for (const m of model.misuse) {
      if (m.kind !== 'removed-function') continue;
      const text = m.node.getText(model.sf);
      const call = m.node.parent;
      const registration = call && ts.isCallExpression(call) ? call.parent : undefined;
      const statement = registration?.parent;
      let fix: Fix | undefined;
      // Only `app.use(helmet.noCache());` on lines of its own is deleted whole.
      if (registration && ts.isCallExpression(registration) && registration.arguments.length === 1 && registration.arguments[0] === call && statement && ts.isExpressionStatement(statement) && statement.expression === registration) {
        const start = model.index.positionAt(statement.getStart(model.sf));
        const end = model.index.positionAt(statement.getEnd());
        const alone = model.index.lineText(start.line).slice(0, start.character).trim() === '' && model.index.lineText(end.line).slice(end.character).trim() === '';
        if (alone) fix = { title: `Delete the ${text}() call`, edits: [deleteLinesEdit(model.index, start.line, end.line)] };
      }
      ctx.report({
        range: nodeRange(model, m.node),
        message: `${text}() was ${REMOVED[m.name] ?? 'removed from helmet'}: helmet 8 has no such function, so the app crashes at startup with "TypeError: ${text} is not a function". Remove the call.`,
        fix,
      });
    }
  },
});

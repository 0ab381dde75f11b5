// The cookie flags of a session middleware (express-session, cookie-session, @fastify/session,
// koa-session): where each package reads them, their defaults, and where a fix can write them.
import type * as TS from 'typescript';
import type { TextEdit } from '../types';
import type { HelmetModel, SessionUse } from './analyze';
import { addProperty, parsedCleanly } from './edits';
import { typescript } from './ts';
import { prop, type SProp, type SVal } from './values';

export interface SessionCookie {
  use: SessionUse;
  /** The package's name for messages. */
  label: string;
  /** 'cookie': flags live in `options.cookie`; 'top': in the options themselves (cookie-session, koa-session). */
  where: 'cookie' | 'top';
  /** The options are not known here (built in another module, a spread of unknown values). */
  unknown: boolean;
  /** The evaluated object holding the flags (undefined: no such object, every flag absent). */
  flags: SVal | undefined;
  /** The options object literal, when written in this file. */
  optionsLiteral: TS.ObjectLiteralExpression | undefined;
  /** The object literal holding the flags, when written in this file. */
  flagsLiteral: TS.ObjectLiteralExpression | undefined;
}

export type Flag = { state: 'absent' } | { state: 'unknown' } | { state: 'set'; value: SVal; prop: SProp };

/** How a package stores its session: the cookie name option and its default, and whether cookies are Secure by default. */
export const SESSION_PACKAGES: Record<string, { where: 'cookie' | 'top'; nameOption: string; defaultName: string; secureByDefault: boolean; proxyHint: string }> = {
  'express-session': { where: 'cookie', nameOption: 'name', defaultName: 'connect.sid', secureByDefault: false, proxyHint: "app.set('trust proxy', 1)" },
  'cookie-session': { where: 'top', nameOption: 'name', defaultName: 'session', secureByDefault: false, proxyHint: "app.set('trust proxy', 1)" },
  '@fastify/session': { where: 'cookie', nameOption: 'cookieName', defaultName: 'sessionId', secureByDefault: true, proxyHint: 'Fastify({ trustProxy: true })' },
  '@fastify/secure-session': { where: 'cookie', nameOption: 'cookieName', defaultName: 'session', secureByDefault: false, proxyHint: 'Fastify({ trustProxy: true })' },
  'koa-session': { where: 'top', nameOption: 'key', defaultName: 'koa.sess', secureByDefault: false, proxyHint: 'app.proxy = true' },
  'koa-generic-session': { where: 'cookie', nameOption: 'key', defaultName: 'koa.sid', secureByDefault: false, proxyHint: 'app.proxy = true' },
};

const literalOf = (v: SVal | undefined): TS.ObjectLiteralExpression | undefined => {
  const ts = typescript();
  return v?.kind === 'object' && ts.isObjectLiteralExpression(v.node) ? v.node : undefined;
};

export function sessionCookie(use: SessionUse): SessionCookie | null {
  const pkg = SESSION_PACKAGES[use.module];
  if (!pkg) return null;
  const base = { use, label: use.module, where: pkg.where };
  const o = use.options;
  if (o === undefined) return { ...base, unknown: false, flags: undefined, optionsLiteral: undefined, flagsLiteral: undefined };
  if (o.kind !== 'object') return { ...base, unknown: true, flags: undefined, optionsLiteral: undefined, flagsLiteral: undefined };
  const optionsLiteral = literalOf(o);
  if (pkg.where === 'top') return { ...base, unknown: false, flags: o, optionsLiteral, flagsLiteral: optionsLiteral };
  const cookie = prop(o, 'cookie');
  if (!cookie) return { ...base, unknown: o.open, flags: undefined, optionsLiteral, flagsLiteral: undefined };
  if (cookie.value.kind !== 'object') return { ...base, unknown: true, flags: undefined, optionsLiteral, flagsLiteral: undefined };
  return { ...base, unknown: false, flags: cookie.value, optionsLiteral, flagsLiteral: literalOf(cookie.value) };
}

export function flag(c: SessionCookie, name: string): Flag {
  if (c.unknown) return { state: 'unknown' };
  const p = prop(c.flags, name);
  if (!p) return c.flags?.kind === 'object' && c.flags.open ? { state: 'unknown' } : { state: 'absent' };
  if (p.value.kind === 'unknown') return { state: 'unknown' };
  return { state: 'set', value: p.value, prop: p };
}

/** `cookie.secure` for express-session, `secure` for cookie-session: how messages name a flag. */
export const flagName = (c: SessionCookie, name: string) => (c.where === 'cookie' ? `cookie.${name}` : name);

/** Where a finding about an absent flag points: the cookie object, else the options, else the call. */
export function absentRange(c: SessionCookie): TS.Node {
  return c.flagsLiteral ?? c.optionsLiteral ?? c.use.node;
}

/** Edits that add `key: value` where the flags live (creating `cookie: { ... }` when needed); null when nothing is written here. */
export function addFlag(model: HelmetModel, c: SessionCookie, property: string): TextEdit[] | null {
  if (c.flagsLiteral) return parsedCleanly(model, c.flagsLiteral) ? addProperty(model, c.flagsLiteral, property) : null;
  if (c.where === 'cookie' && c.optionsLiteral && !prop(c.use.options, 'cookie') && parsedCleanly(model, c.optionsLiteral)) return addProperty(model, c.optionsLiteral, `cookie: { ${property} }`);
  return null;
}

/** The property node a fix may edit (written in an object literal of this file), or undefined. */
export function writtenProperty(model: HelmetModel, p: SProp): TS.PropertyAssignment | undefined {
  const ts = typescript();
  return p.own && ts.isPropertyAssignment(p.node) && parsedCleanly(model, p.node.parent) ? p.node : undefined;
}

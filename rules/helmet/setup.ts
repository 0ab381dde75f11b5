// The headers a file's helmet setup sends: every helmet use in source order (helmet(), piecemeal
// middlewares, the Fastify plugin), merged the way the middlewares run one after another.
import type { HelmetModel, HelmetUse } from './analyze';
import { topLevelEffect, middlewareEffect, HEADER_OF, CSP_REPORT_ONLY, type Effect } from './effective';
import type { SVal } from './values';
import { get, truthiness } from './values';

/** @fastify/helmet options that are the plugin's, not helmet's. */
const FASTIFY_PLUGIN_OPTIONS = new Set(['global', 'enableCSPNonces']);

/** helmet's options of a use (the Fastify plugin's own options removed). */
export function helmetOptionsOf(use: HelmetUse): SVal | undefined {
  const o = use.options;
  if (use.via !== 'fastify' || o?.kind !== 'object') return o;
  return { ...o, props: o.props.filter((p) => !FASTIFY_PLUGIN_OPTIONS.has(p.key)) };
}

const effects = new WeakMap<HelmetUse, Effect>();

/** What one use does (cached per use). */
export function effectOf(use: HelmetUse): Effect {
  let e = effects.get(use);
  if (e) return e;
  const options = helmetOptionsOf(use);
  e = use.middleware === 'topLevel' ? topLevelEffect(options, use.node) : middlewareEffect(use.middleware, options, use.node);
  // Fastify nonces make script-src and style-src differ per request.
  if (use.via === 'fastify' && truthiness(get(use.options, 'enableCSPNonces') ?? { kind: 'boolean', value: false, node: use.node }) !== false) {
    for (const h of [HEADER_OF.contentSecurityPolicy, CSP_REPORT_ONLY]) if (e.headers.get(h)) e.headers.set(h, undefined);
  }
  effects.set(use, e);
  return e;
}

/**
 * Does the file's helmet setup get past startup (no option helmet throws on, no uncalled or removed
 * helmet function)? Passing evidence is only given for a setup that starts.
 */
export function startsUp(model: HelmetModel): boolean {
  // Rules ask once per helmet use: computed once per model, or a file of many uses is quadratic.
  let ok = startsUpOf.get(model);
  if (ok === undefined) startsUpOf.set(model, (ok = model.misuse.length === 0 && model.helmet.every((u) => effectOf(u).errors.length === 0)));
  return ok;
}
const startsUpOf = new WeakMap<HelmetModel, boolean>();

/** Headers the file's helmet uses send together (null: removed or off; undefined: only known at runtime). */
export function fileHeaders(model: HelmetModel): Map<string, string | null | undefined> | null {
  if (!model.helmet.length) return null;
  const out = new Map<string, string | null | undefined>();
  for (const use of model.helmet) for (const [k, v] of effectOf(use).headers) out.set(k, v);
  return out;
}

// Static evaluation of option values: what an expression is when it can be known without running
// anything (literals, same-file consts, spreads of known objects, arithmetic such as
// `60 * 60 * 24 * 365`), and `unknown` otherwise (process.env, calls, imports from other modules).
// Every value keeps the node it was written at, so rules point at it and fixes edit it.
import type * as TS from 'typescript';
import { typescript } from './ts';

export type SVal =
  | { kind: 'string'; value: string; node: TS.Node }
  | { kind: 'number'; value: number; node: TS.Node }
  | { kind: 'boolean'; value: boolean; node: TS.Node }
  | { kind: 'null'; node: TS.Node }
  | { kind: 'undefined'; node: TS.Node }
  | { kind: 'object'; props: SProp[]; node: TS.Node; open: boolean }
  | { kind: 'array'; items: SVal[]; node: TS.Node; open: boolean }
  | { kind: 'regexp'; source: string; flags: string; node: TS.Node }
  | { kind: 'function'; node: TS.Node }
  /** helmet's `contentSecurityPolicy.dangerouslyDisableDefaultSrc`. */
  | { kind: 'disable-default-src'; node: TS.Node }
  | { kind: 'unknown'; node: TS.Node };

export interface SProp {
  key: string;
  value: SVal;
  /** The property as written (for deleting it); for a prop that came from a spread, the spread element. */
  node: TS.Node;
  keyNode: TS.Node;
  /** Written in this object literal (not brought in by a spread): a fix may edit it. */
  own: boolean;
}

/** What evaluation needs from the file: name lookup and helmet's own special members. */
export interface EvalEnv {
  /** The initializer of the const (or never-reassigned let/var) this identifier refers to. */
  lookup(id: TS.Identifier): TS.Expression | undefined;
  /** helmet's `getDefaultDirectives()` and `dangerouslyDisableDefaultSrc`, recognised by the importer. */
  special?(node: TS.Expression): SVal | undefined;
}

const MAX_DEPTH = 40;
/**
 * Steps one top-level evaluation may take. The depth cap alone does not bound the work: consts
 * that each spread the previous one several times (`const b = { ...a, ...a, ...a }`) grow
 * exponentially with depth. Past the budget a value is unknown, as anything not knowable is.
 */
const MAX_STEPS = 10_000;
let steps = 0;
/** Each const's value, evaluated once per file: every `helmet(options)` sharing one const reuses it. */
const constValues = new WeakMap<TS.Node, SVal>();

export function evaluate(node: TS.Expression, env: EvalEnv, depth = 0): SVal {
  const ts = typescript();
  if (depth === 0) steps = 0;
  if (depth > MAX_DEPTH || ++steps > MAX_STEPS) return { kind: 'unknown', node };
  const e = unwrap(node);
  const special = env.special?.(e);
  if (special) return special;
  switch (e.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return { kind: 'string', value: (e as TS.StringLiteral).text, node: e };
    case ts.SyntaxKind.NumericLiteral:
      return { kind: 'number', value: Number((e as TS.NumericLiteral).text), node: e };
    case ts.SyntaxKind.TrueKeyword:
      return { kind: 'boolean', value: true, node: e };
    case ts.SyntaxKind.FalseKeyword:
      return { kind: 'boolean', value: false, node: e };
    case ts.SyntaxKind.NullKeyword:
      return { kind: 'null', node: e };
    case ts.SyntaxKind.RegularExpressionLiteral: {
      const text = (e as TS.RegularExpressionLiteral).text;
      const slash = text.lastIndexOf('/');
      return { kind: 'regexp', source: text.slice(1, slash), flags: text.slice(slash + 1), node: e };
    }
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
      return { kind: 'function', node: e };
    case ts.SyntaxKind.Identifier: {
      const id = e as TS.Identifier;
      if (id.text === 'undefined') return { kind: 'undefined', node: e };
      if (id.text === 'Infinity') return { kind: 'number', value: Infinity, node: e };
      if (id.text === 'NaN') return { kind: 'number', value: NaN, node: e };
      const init = env.lookup(id);
      if (!init) return { kind: 'unknown', node: e };
      let value = constValues.get(init);
      if (!value) constValues.set(init, (value = evaluate(init, env, depth + 1)));
      return value;
    }
    case ts.SyntaxKind.VoidExpression:
      return { kind: 'undefined', node: e };
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const p = e as TS.PrefixUnaryExpression;
      const v = evaluate(p.operand, env, depth + 1);
      if (p.operator === ts.SyntaxKind.MinusToken && v.kind === 'number') return { kind: 'number', value: -v.value, node: e };
      if (p.operator === ts.SyntaxKind.PlusToken && v.kind === 'number') return { kind: 'number', value: v.value, node: e };
      if (p.operator === ts.SyntaxKind.ExclamationToken) {
        const t = truthiness(v);
        return t === undefined ? { kind: 'unknown', node: e } : { kind: 'boolean', value: !t, node: e };
      }
      return { kind: 'unknown', node: e };
    }
    case ts.SyntaxKind.BinaryExpression:
      return evaluateBinary(e as TS.BinaryExpression, env, depth);
    case ts.SyntaxKind.ConditionalExpression: {
      const c = e as TS.ConditionalExpression;
      const t = truthiness(evaluate(c.condition, env, depth + 1));
      if (t === true) return evaluate(c.whenTrue, env, depth + 1);
      if (t === false) return evaluate(c.whenFalse, env, depth + 1);
      return { kind: 'unknown', node: e };
    }
    case ts.SyntaxKind.TemplateExpression: {
      const t = e as TS.TemplateExpression;
      let s = t.head.text;
      for (const span of t.templateSpans) {
        const v = evaluate(span.expression, env, depth + 1);
        if (v.kind !== 'string' && v.kind !== 'number') return { kind: 'unknown', node: e };
        s += String(v.value) + span.literal.text;
      }
      return { kind: 'string', value: s, node: e };
    }
    case ts.SyntaxKind.ObjectLiteralExpression:
      return evaluateObject(e as TS.ObjectLiteralExpression, env, depth);
    case ts.SyntaxKind.ArrayLiteralExpression: {
      const items: SVal[] = [];
      let open = false;
      for (const el of (e as TS.ArrayLiteralExpression).elements) {
        if (ts.isSpreadElement(el)) {
          const v = evaluate(el.expression, env, depth + 1);
          if (v.kind === 'array') {
            steps += v.items.length; // copies count: shared consts make spreads the growing part
            for (const item of v.items) items.push(item); // not push(...): a huge array would overflow the stack
            open ||= v.open;
          } else open = true;
        } else if (ts.isOmittedExpression(el)) items.push({ kind: 'undefined', node: el });
        else items.push(evaluate(el, env, depth + 1));
      }
      return { kind: 'array', items, node: e, open };
    }
    case ts.SyntaxKind.NewExpression: {
      // new Set([...]) is accepted wherever helmet takes a list of sources.
      const n = e as TS.NewExpression;
      if (ts.isIdentifier(n.expression) && n.expression.text === 'Set' && (n.arguments?.length ?? 0) <= 1) {
        const v = n.arguments?.length ? evaluate(n.arguments[0], env, depth + 1) : undefined;
        if (!v || v.kind === 'undefined' || v.kind === 'null') return { kind: 'array', items: [], node: e, open: false };
        if (v.kind === 'array') {
          // A Set keeps one of equal primitives.
          const seen = new Set<string>();
          const items = v.items.filter((i) => {
            if (i.kind !== 'string' && i.kind !== 'number' && i.kind !== 'boolean') return true;
            const k = `${i.kind}:${String(i.value)}`;
            return !seen.has(k) && !!seen.add(k);
          });
          return { ...v, items, node: e };
        }
      }
      return { kind: 'unknown', node: e };
    }
    default:
      return { kind: 'unknown', node: e };
  }
}

function evaluateBinary(b: TS.BinaryExpression, env: EvalEnv, depth: number): SVal {
  const ts = typescript();
  const op = b.operatorToken.kind;
  const l = evaluate(b.left, env, depth + 1);
  if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.QuestionQuestionToken) {
    if (op === ts.SyntaxKind.QuestionQuestionToken) {
      if (l.kind === 'null' || l.kind === 'undefined') return evaluate(b.right, env, depth + 1);
      return l.kind === 'unknown' ? { kind: 'unknown', node: b } : l;
    }
    const t = truthiness(l);
    if (t === undefined) return { kind: 'unknown', node: b };
    const takeLeft = op === ts.SyntaxKind.BarBarToken ? t : !t;
    return takeLeft ? l : evaluate(b.right, env, depth + 1);
  }
  const r = evaluate(b.right, env, depth + 1);
  if (op === ts.SyntaxKind.PlusToken && (l.kind === 'string' || r.kind === 'string')) {
    if ((l.kind === 'string' || l.kind === 'number') && (r.kind === 'string' || r.kind === 'number')) return { kind: 'string', value: String(l.value) + String(r.value), node: b };
    return { kind: 'unknown', node: b };
  }
  if (l.kind !== 'number' || r.kind !== 'number') return { kind: 'unknown', node: b };
  const x = l.value;
  const y = r.value;
  const value =
    op === ts.SyntaxKind.PlusToken ? x + y
    : op === ts.SyntaxKind.MinusToken ? x - y
    : op === ts.SyntaxKind.AsteriskToken ? x * y
    : op === ts.SyntaxKind.SlashToken ? x / y
    : op === ts.SyntaxKind.PercentToken ? x % y
    : op === ts.SyntaxKind.AsteriskAsteriskToken ? x ** y
    : undefined;
  return value === undefined ? { kind: 'unknown', node: b } : { kind: 'number', value, node: b };
}

function evaluateObject(o: TS.ObjectLiteralExpression, env: EvalEnv, depth: number): SVal {
  const ts = typescript();
  const props: SProp[] = [];
  let open = false;
  for (const p of o.properties) {
    if (ts.isSpreadAssignment(p)) {
      const v = evaluate(p.expression, env, depth + 1);
      if (v.kind === 'object') {
        steps += v.props.length; // copies count: shared consts make spreads the growing part
        if (v.open) markOverridable(props);
        for (const sp of v.props) props.push({ ...sp, node: p, own: false });
        open ||= v.open;
      } else if (v.kind !== 'null' && v.kind !== 'undefined') {
        markOverridable(props);
        open = true;
      }
      continue;
    }
    const key = propertyKey(p.name);
    if (key === undefined) {
      open = true;
      continue;
    }
    let value: SVal;
    if (ts.isPropertyAssignment(p)) value = evaluate(p.initializer, env, depth + 1);
    else if (ts.isShorthandPropertyAssignment(p)) value = evaluate(p.name, env, depth + 1);
    else value = { kind: 'function', node: p }; // methods and accessors
    props.push({ key, value, node: p, keyNode: p.name!, own: true });
  }
  return { kind: 'object', props, node: o, open };
}

/** An unknown spread may override every property before it: their values are no longer known. */
function markOverridable(props: SProp[]): void {
  for (let i = 0; i < props.length; i++) props[i] = { ...props[i], value: { kind: 'unknown', node: props[i].value.node } };
}

/** The static name of a property (`a`, `"a"`, `['a']`, `1`), or undefined when computed. */
export function propertyKey(name: TS.PropertyName | undefined): string | undefined {
  const ts = typescript();
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const ex = unwrap(name.expression);
    if (ts.isStringLiteral(ex) || ts.isNoSubstitutionTemplateLiteral(ex)) return ex.text;
  }
  if (ts.isPrivateIdentifier(name)) return undefined;
  return undefined;
}

/** Parentheses, `as`, `satisfies`, `<T>x` and `x!` do not change a value. */
export function unwrap(node: TS.Expression): TS.Expression {
  const ts = typescript();
  let e = node;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e) || ts.isTypeAssertionExpression(e)) e = e.expression;
    else return e;
  }
}

/** JavaScript truthiness when it is known. */
export function truthiness(v: SVal): boolean | undefined {
  switch (v.kind) {
    case 'string':
      return v.value !== '';
    case 'number':
      return v.value !== 0 && !Number.isNaN(v.value);
    case 'boolean':
      return v.value;
    case 'null':
    case 'undefined':
      return false;
    case 'unknown':
      return undefined;
    default:
      return true;
  }
}

/** The last property with this key (later properties and spreads override earlier ones). */
export function prop(v: SVal | undefined, key: string): SProp | undefined {
  if (!v || v.kind !== 'object') return undefined;
  for (let i = v.props.length - 1; i >= 0; i--) if (v.props[i].key === key) return v.props[i];
  return undefined;
}

/** The value of a property; `undefined` (JS) when absent, like reading it at runtime. */
export function get(v: SVal | undefined, key: string): SVal | undefined {
  return prop(v, key)?.value;
}

/** Is the value absent or `undefined` (helmet treats both alike)? */
export function isUndef(v: SVal | undefined): boolean {
  return v === undefined || v.kind === 'undefined';
}

/**
 * Is the property written in its object literal with its value inside it (not reached through a
 * spread or a const)? Only then may a fix delete the property or edit the value in place.
 */
export function writtenInPlace(p: SProp): boolean {
  return p.own && p.value.node.pos >= p.node.pos && p.value.node.end <= p.node.end;
}

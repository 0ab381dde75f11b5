// `.readiness-lint.yaml`: schema (zod), loading with positioned errors, and resolution of levels
// from profile + per-rule overrides.
import { z } from 'zod';
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import { LineIndex, nestingBeyond } from '../../../rules/text';
import type { Level, Range, Rule } from '../../../rules/types';
import { allRules, getRule } from '../../../rules/index';
import { controlById } from '../../../rules/controls';
import { levelEnforces } from '../../../rules/k8s/pss';
import { globProblem } from './glob';

export const CONFIG_FILE_NAME = '.readiness-lint.yaml';
/** YAML aliases a config may use (anchors for shared settings); more is an alias bomb. */
const MAX_ALIASES = 100;
export const PROFILES = ['recommended', 'strict', 'pss-baseline', 'pss-restricted'] as const;
export type Profile = (typeof PROFILES)[number];

const levelSchema = z.enum(['off', 'report', 'warn', 'block']);
const ruleSettingSchema = z.union([
  levelSchema,
  z.strictObject({ level: levelSchema.optional(), options: z.record(z.string(), z.unknown()).optional() }),
]);

export const configSchema = z.strictObject({
  profile: z
    .enum(PROFILES)
    .optional()
    .describe('Base levels for all rules: recommended (default), strict (warn becomes block), or pss-baseline / pss-restricted (only the Pod Security Standard checks of that level, blocking).'),
  rules: z
    .record(z.string(), ruleSettingSchema)
    .optional()
    .describe('Per-rule level (off | report | warn | block) or { level, options }.'),
  ignore: z.array(z.string()).optional().describe('Globs (relative to the workspace root) that are never checked.'),
  controls: z
    .record(
      z.string(),
      z.strictObject({
        evidence: z.array(z.string()).optional().describe('Globs of files that evidence this control.'),
        level: levelSchema.optional().describe('Level of every rule that evidences this control (a per-rule setting still wins).'),
        enabled: z.boolean().optional().describe('false removes the control from the checklist and score.'),
      }),
    )
    .optional()
    .describe('Per-control overrides of the readiness checklist.'),
  maxFileSizeKb: z.number().int().positive().optional().describe('Files larger than this are skipped with one diagnostic.'),
});

export type ConfigFile = z.infer<typeof configSchema>;

export interface ConfigError {
  message: string;
  range: Range;
}

export interface LoadedConfig {
  config: ConfigFile;
  errors: ConfigError[];
}

/** Parse and validate config text. Never throws; invalid parts are dropped and reported. */
export function parseConfigText(text: string): LoadedConfig {
  const index = new LineIndex(text);
  const tooDeep = nestingBeyond(text, 64);
  if (tooDeep >= 0) return { config: {}, errors: [{ message: 'Nested more than 64 levels deep here: the config is not read.', range: index.range(tooDeep, tooDeep + 1) }] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const errors: ConfigError[] = [];
  for (const e of doc.errors) {
    errors.push({ message: e.message.split('\n')[0], range: index.range(e.pos[0], e.pos[1]) });
  }
  if (errors.length) return { config: {}, errors };
  let raw;
  try {
    // A few aliases are fine; an alias bomb (aliases of aliases) must not expand into gigabytes.
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (e) {
    return { config: {}, errors: [{ message: `${(e as Error).message}: this file uses more than ${MAX_ALIASES} YAML aliases and is not read.`, range: index.range(0, 0) }] };
  }
  const result = configSchema.safeParse(raw);
  const config: ConfigFile = result.success ? result.data : {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      let message = issue.message;
      if (path[0] === 'rules' && path.length === 2) message = 'level must be off, report, warn or block (or { level, options })';
      if (issue.code === 'unrecognized_keys') message = `Unknown key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
      errors.push({ message: `${path.length ? path.join('.') + ': ' : ''}${message}`, range: rangeOfPath(doc.contents as YamlNode, path, index, issue.code === 'unrecognized_keys' ? issue.keys : undefined) });
    }
    // Keep the valid parts so one typo does not disable the whole file.
    if (raw && typeof raw === 'object') {
      const partial: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(raw)) {
        // Keys come from the file: only the schema's own fields, never Object.prototype's (constructor, __proto__).
        const field = Object.hasOwn(configSchema.shape, k) ? (configSchema.shape as Record<string, z.ZodType>)[k] : undefined;
        if (field && field.safeParse(v).success) partial[k] = v;
      }
      // Keep the valid rule entries even when one of them is wrong.
      if (!partial.rules && raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
        partial.rules = Object.fromEntries(Object.entries(raw.rules).filter(([, v]) => ruleSettingSchema.safeParse(v).success));
      }
      Object.assign(config, partial);
    }
  }
  // Globs must compile: an invalid one would fail every scan that uses it.
  const globs: [string[], (string | number)[]][] = [
    ...(config.ignore ?? []).map((g, i): [string[], (string | number)[]] => [[g], ['ignore', i]]),
    ...Object.entries(config.controls ?? {}).flatMap(([id, c]) => (c.evidence ?? []).map((g, i): [string[], (string | number)[]] => [[g], ['controls', id, 'evidence', i]])),
  ];
  for (const [[g], at] of globs) {
    // Evidence is looked for inside the workspace only: /etc/** or ../../ would list files outside it.
    const escapes = at[0] === 'controls' && (g.startsWith('/') || g.startsWith('~') || /^[A-Za-z]:/.test(g) || /(^|\/)\.\.(\/|$)/.test(g));
    const problem = escapes ? 'evidence globs stay inside the workspace (relative, without "..")' : globProblem(g);
    if (problem) errors.push({ message: `Invalid glob "${g}": ${problem}`, range: rangeOfPath(doc.contents as YamlNode, at, index) });
  }
  if (config.ignore) config.ignore = config.ignore.filter((g) => !globProblem(g));
  for (const c of Object.values(config.controls ?? {})) if (c.evidence) c.evidence = c.evidence.filter((g) => !globProblem(g) && !errors.some((e) => e.message.startsWith(`Invalid glob "${g}"`)));
  // Semantic checks: rule ids, rule options, control ids.
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const rule = getRule(id);
    if (!rule) {
      errors.push({ message: `Unknown rule "${id}".${suggest(id, allRules.map((r) => r.id))}`, range: rangeOfPath(doc.contents as YamlNode, ['rules', id], index, undefined, true) });
      continue;
    }
    if (typeof setting === 'object' && setting.options) {
      const problem = rule.validateOptions?.(setting.options);
      if (problem) errors.push({ message: `${id}: ${problem}`, range: rangeOfPath(doc.contents as YamlNode, ['rules', id, 'options'], index) });
    }
  }
  for (const id of Object.keys(config.controls ?? {})) {
    if (!controlById.has(id)) {
      errors.push({ message: `Unknown control "${id}".${suggest(id, [...controlById.keys()])}`, range: rangeOfPath(doc.contents as YamlNode, ['controls', id], index, undefined, true) });
    }
  }
  return { config, errors };
}

function suggest(id: string, candidates: string[]): string {
  const tail = id.split('/').pop() ?? id;
  const hit = candidates.find((c) => c.endsWith('/' + tail) || c.endsWith('.' + tail)) ?? candidates.find((c) => c.includes(tail));
  return hit ? ` Did you mean "${hit}"?` : '';
}

function rangeOfPath(root: YamlNode | null, path: (string | number)[], index: LineIndex, keys?: string[], keyOnly = false): Range {
  let node: YamlNode | null = root;
  let keyNode: YamlNode | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyNode = pair.key as YamlNode;
      node = (pair.value as YamlNode) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as YamlNode) ?? null;
      keyNode = null;
    } else break;
  }
  if (keys && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && keys.includes(String(p.key.value)));
    if (pair && (pair.key as YamlNode).range) keyNode = pair.key as YamlNode;
    node = null;
  }
  const target = keyOnly || !node ? keyNode ?? node : node;
  const r = target?.range;
  if (r) return index.range(r[0], r[1]);
  return index.range(0, 0);
}

/** A record's own entry: keys written in the file never reach Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Effective settings for one run: what every consumer (CLI, server, tests) reads. */
export interface ResolvedConfig {
  profile: Profile;
  /** Level of a rule after profile and overrides. */
  levelOf(ruleId: string): Level;
  optionsOf(ruleId: string): Record<string, unknown>;
  ignore: string[];
  controls: NonNullable<ConfigFile['controls']>;
  /** Ignore every inline suppression (CI gates that must not be bypassed). */
  noInlineSuppressions: boolean;
  maxFileSizeKb: number;
}

export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

const LEVEL_RANK: Record<Level, number> = { off: 0, report: 1, warn: 2, block: 3 };

export function profileLevel(rule: Rule, profile: Profile): Level {
  if (profile === 'pss-baseline' || profile === 'pss-restricted') {
    // Exactly the rules that implement a check of that Pod Security Standard level, as admission would.
    const level = profile === 'pss-baseline' ? 'baseline' : 'restricted';
    return rule.aliases.pss?.some((check) => levelEnforces(level, check)) ? 'block' : 'off';
  }
  if (profile === 'strict') return rule.strictLevel ?? (rule.level === 'warn' ? 'block' : rule.level === 'off' ? 'report' : rule.level);
  return rule.level;
}

export function resolveConfig(
  file: ConfigFile = {},
  overrides: { profile?: Profile; noInlineSuppressions?: boolean; maxFileSizeKb?: number; ruleLevels?: Record<string, Level> } = {},
): ResolvedConfig {
  const profile = overrides.profile ?? file.profile ?? 'recommended';
  const rules = file.rules ?? {};
  return {
    profile,
    levelOf(ruleId) {
      const fromOverride = overrides.ruleLevels?.[ruleId];
      if (fromOverride) return fromOverride;
      const s = own(rules, ruleId);
      if (typeof s === 'string') return s;
      if (s?.level) return s.level;
      const rule = getRule(ruleId);
      if (!rule) return 'off';
      // Control overrides: the strictest of the rule's controls, so no override silently relaxes another.
      const fromControls = rule.controls.map((c) => own(file.controls ?? {}, c)?.level).filter((l): l is Level => !!l);
      if (fromControls.length) return fromControls.reduce((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a));
      return profileLevel(rule, profile);
    },
    optionsOf(ruleId) {
      const s = own(rules, ruleId);
      const rule = getRule(ruleId);
      return { ...(rule?.defaultOptions ?? {}), ...(typeof s === 'object' ? s.options ?? {} : {}) };
    },
    ignore: file.ignore ?? [],
    controls: file.controls ?? {},
    noInlineSuppressions: overrides.noInlineSuppressions ?? false,
    maxFileSizeKb: overrides.maxFileSizeKb ?? file.maxFileSizeKb ?? DEFAULT_MAX_FILE_SIZE_KB,
  };
}

/** JSON Schema for editors (completion in `.readiness-lint.yaml`). */
export function configJsonSchema(): object {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-7' }) as Record<string, unknown>;
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  if (props.rules) {
    props.rules.propertyNames = { enum: allRules.map((r) => r.id) };
  }
  if (props.controls) props.controls.propertyNames = { enum: [...controlById.keys()] };
  schema.title = 'Readiness Lint configuration';
  return schema;
}

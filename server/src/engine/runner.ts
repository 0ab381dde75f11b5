// Lint one text: detect its domain, parse, run the enabled rules, apply suppressions and levels.
// Pure: no file system, no vscode, no LSP. Never throws on bad input.
import type { Fix, Language, Level, Range, Rule, WorkspaceView, WorkspaceEntry, Domain } from '../../../rules/types';
import { languages, allRules } from '../../../rules/index';
import { LineIndex } from '../../../rules/text';
import { findSuppressions, fromObjectSuppressions, isSuppressed } from './suppressions';
import type { ResolvedConfig } from './config';
import { resolveConfig } from './config';

/** Findings the engine itself raises (not rules): kept here so every front shows them the same way. */
export const ENGINE_IDS = {
  parseError: 'readiness-lint/parse-error',
  tooLarge: 'readiness-lint/file-too-large',
  internalError: 'readiness-lint/internal-error',
  unusedDisable: 'readiness-lint/unused-disable',
  disableWithoutReason: 'readiness-lint/disable-without-reason',
  unknownRuleInDisable: 'readiness-lint/unknown-rule-in-disable',
  configError: 'readiness-lint/config-error',
  partialFile: 'readiness-lint/partial-file',
  unreadable: 'readiness-lint/unreadable-file',
  notUtf8: 'readiness-lint/not-utf8',
} as const;

/**
 * Engine findings that are notes, not problems: a Kustomize patch is not checked as a complete
 * object, and that is no fault of the file. Counted apart, shown as hints in the editor.
 */
const NOTE_IDS: ReadonlySet<string> = new Set([ENGINE_IDS.partialFile]);
export function isNote(f: Finding): boolean {
  return NOTE_IDS.has(f.ruleId);
}

/** A message as plain text, for places that show no Markdown (the Problems panel, CI annotations). */
export function plainMessage(message: string): string {
  return message.replace(/`([^`\n]+)`/g, '$1');
}

export interface Finding {
  ruleId: string;
  /** Effective level (never 'off'). */
  level: Exclude<Level, 'off'>;
  message: string;
  range: Range;
  fix?: Fix;
  suggestions?: Fix[];
  /** The checklist controls it evidences (the rule's, or the subset the rule named); none for engine findings. */
  controls?: string[];
}

export interface PassEvidence {
  ruleId: string;
  range: Range;
  message: string;
  /** As for findings. */
  controls?: string[];
}

export interface FileResult {
  /** Path as given by the caller. */
  path: string;
  domain: string;
  findings: Finding[];
  passes: PassEvidence[];
  /** Findings silenced by inline suppressions (for counts and the unused check). */
  suppressed: number;
  /** The language's index summary of this file, for rules of other files (`Language.indexItems`). */
  indexItems?: unknown[];
  /**
   * The rules ran on the whole file. False when it did not parse, was over the size cap, or is a
   * partial object (a Kustomize patch): such a file is never passing evidence.
   */
  checked: boolean;
}

export interface LintOptions {
  path: string;
  text: string;
  languageId?: string;
  config?: ResolvedConfig;
  /** Run only these rules (RuleTester, fix verification). */
  onlyRules?: Rule[];
  /** The rest of the workspace, for rules that relate objects across files. */
  workspace?: WorkspaceView;
}

export function languageFor(path: string, languageId?: string, text?: string): Language | undefined {
  return languages.find((l) => l.matches(path, languageId, text));
}

const defaultConfig = resolveConfig();

/** The start of a file: where findings about the whole file point. */
export const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A file the rules did not run on, with the one finding that says why. */
function unchecked(path: string, domain: string, finding: Finding): FileResult {
  return { path, domain, passes: [], suppressed: 0, checked: false, findings: [finding] };
}

/** The one finding for a file of a domain that could not be read: never skipped silently. */
export function unreadableResult(path: string, domain: string, reason: string): FileResult {
  return unchecked(path, domain, { ruleId: ENGINE_IDS.unreadable, level: 'warn', message: `Cannot read this file (${reason}): it was not checked.`, range: FILE_START });
}

/** The one finding for a file over the size cap (also used without reading the file). */
export function tooLargeResult(path: string, domain: string, config: ResolvedConfig): FileResult {
  return unchecked(path, domain, { ruleId: ENGINE_IDS.tooLarge, level: 'report', message: `File is larger than ${config.maxFileSizeKb} KB (setting maxFileSizeKb) and was not checked.`, range: FILE_START });
}

export function lintText(opts: LintOptions): FileResult | null {
  const language = languageFor(opts.path, opts.languageId, opts.text);
  if (!language) return null;
  const config = opts.config ?? defaultConfig;
  const { text, path } = opts;
  const result: FileResult = { path, domain: language.domain, findings: [], passes: [], suppressed: 0, checked: false };
  const index = new LineIndex(text);

  if (text.length > config.maxFileSizeKb * 1024) return tooLargeResult(path, language.domain, config);

  let parsed;
  try {
    parsed = language.parse(text, path);
  } catch (e) {
    result.findings.push({ ruleId: ENGINE_IDS.parseError, level: 'warn', message: `Could not parse this file: ${(e as Error).message}`, range: index.range(0, 0) });
    return result;
  }
  if (parsed.parseErrors.length) {
    // One clear diagnostic: the first error; rules do not run on a broken model.
    const first = parsed.parseErrors[0];
    const more = parsed.parseErrors.length > 1 ? ` (${parsed.parseErrors.length - 1} more parse error(s) after this one)` : '';
    result.findings.push({ ruleId: ENGINE_IDS.parseError, level: 'warn', message: first.message + more, range: first.range });
    return result;
  }
  if (parsed.recoveredErrors?.length) {
    const first = parsed.recoveredErrors[0];
    const more = parsed.recoveredErrors.length > 1 ? ` (${parsed.recoveredErrors.length - 1} more after this one)` : '';
    result.findings.push({ ruleId: ENGINE_IDS.parseError, level: 'report', message: `${first.message}${more}. Checks ran on the code the parser recovered.`, range: first.range });
  }

  const rules = (opts.onlyRules ?? allRules).filter((r) => r.domain === language.domain);
  if (language.indexItems) {
    try {
      result.indexItems = language.indexItems(parsed.model, path);
    } catch {
      result.indexItems = [];
    }
  }
  const workspace = opts.workspace ? withCurrentFile(opts.workspace, language.domain, path, result.indexItems ?? []) : null;
  const partial = workspace && language.partialReason ? language.partialReason(path, workspace) : null;
  if (partial) {
    result.findings.push({ ruleId: ENGINE_IDS.partialFile, level: 'report', message: partial, range: index.range(0, 0) });
    return result;
  }
  result.checked = true;
  const statementEnd = language.statementEnd ? (line: number) => language.statementEnd!(parsed.model, line) : undefined;
  const sups = config.noInlineSuppressions
    ? []
    : [...findSuppressions(index, language.commentPrefix, statementEnd), ...fromObjectSuppressions(language.objectSuppressions?.(parsed.model) ?? [])];

  for (const rule of rules) {
    const level = opts.onlyRules ? (rule.level === 'off' ? 'warn' : rule.level) : config.levelOf(rule.id);
    if (level === 'off') continue;
    if (rule.needsWorkspace && !workspace) continue;
    const options = { ...(rule.defaultOptions ?? {}), ...config.optionsOf(rule.id) };
    try {
      rule.check(parsed.model, {
        filePath: path,
        workspace,
        options,
        report(d) {
          if (isSuppressed(sups, rule.id, d.range.start.line)) {
            result.suppressed++;
            return;
          }
          const shown = d.escalate && level === 'report' ? 'warn' : level;
          // On code the parser only recovered (half-typed JS), a suggestion's edit may land inside
          // the broken part; fixes are still re-checked by verifyFix, suggestions wait for valid code.
          const suggestions = parsed.recoveredErrors?.length ? undefined : d.suggestions;
          result.findings.push({ ruleId: rule.id, level: shown, message: d.message, range: d.range, fix: d.fix, suggestions, controls: controlsOf(rule, d.controls) });
        },
        pass(p) {
          result.passes.push({ ruleId: rule.id, range: p.range, message: p.message, controls: controlsOf(rule, p.controls) });
        },
      });
    } catch (e) {
      // A rule bug must not take the other rules (or the server) down with it.
      result.findings.push({
        ruleId: ENGINE_IDS.internalError,
        level: 'report',
        message: `Rule ${rule.id} failed on this file: ${(e as Error).message}. Please report this.`,
        range: index.range(0, 0),
      });
    }
  }

  if (!opts.onlyRules) {
    for (const s of sups) {
      if (!s.own) continue;
      if (s.unknownIds.length) {
        result.findings.push({ ruleId: ENGINE_IDS.unknownRuleInDisable, level: 'report', message: `Unknown rule id in suppression: ${s.unknownIds.join(', ')}.`, range: s.range });
      }
      if (!s.reason) {
        result.findings.push({
          ruleId: ENGINE_IDS.disableWithoutReason,
          level: 'report',
          message: 'Suppression without a reason: add one after " -- " so reviewers know why.',
          range: s.range,
        });
      }
      if (!s.used && s.ruleIds.length) {
        result.findings.push({
          ruleId: ENGINE_IDS.unusedDisable,
          level: 'report',
          message: `Unused suppression: ${s.ruleIds.join(', ')} reports nothing here.`,
          range: s.range,
          fix: { title: 'Remove unused suppression', edits: [{ range: { start: { line: s.range.start.line, character: 0 }, end: { line: s.range.start.line + 1, character: 0 } }, newText: '' }] },
        });
      }
    }
  }

  result.findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return result;
}

/** The controls a finding or pass evidences: the subset the rule named, never one it does not list. */
function controlsOf(rule: Rule, named: string[] | undefined): string[] {
  if (!named) return rule.controls;
  const bad = named.filter((c) => !rule.controls.includes(c));
  if (bad.length) throw new Error(`${rule.id} reported control(s) it does not list: ${bad.join(', ')}`);
  return named;
}

/** The workspace as the linted file sees it: its own entry comes from its current text. */
function withCurrentFile(view: WorkspaceView, domain: Domain, path: string, items: unknown[]): WorkspaceView {
  return {
    entries(d) {
      const others = view.entries(d).filter((e) => e.path !== path);
      return d === domain ? [...others, { path, items }] : others;
    },
  };
}

/** A workspace view over a fixed list of entries (CLI scans, tests). */
export function staticWorkspace(entries: (WorkspaceEntry & { domain: string })[]): WorkspaceView {
  return { entries: (d) => entries.filter((e) => e.domain === d) };
}

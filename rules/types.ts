// The shape of a rule and of what it reports. Pure data and functions: nothing here may import
// `vscode` or an LSP package, so the CLI, the language server and the tests share it.

export type Domain = 'docker' | 'k8s' | 'nginx' | 'helmet';

/** off: not run; report: information, never fails; warn: warning; block: error, fails the gate. */
export type Level = 'off' | 'report' | 'warn' | 'block';
export const LEVELS: readonly Level[] = ['off', 'report', 'warn', 'block'];

/** 0-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is a titled list of non-overlapping edits on the linted file. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export type PeerTool =
  | 'hadolint'
  | 'buildkit'
  | 'checkov'
  | 'trivy'
  | 'kubeLinter'
  | 'polaris'
  | 'kubeScore'
  | 'pss'
  | 'pluto'
  | 'gixy'
  | 'nginxLinter'
  | 'njsscan'
  | 'semgrep';
export type Aliases = Partial<Record<PeerTool, string[]>>;

export interface RuleDocs {
  rationale: string;
  howToFix: string;
  whenNotToUse: string;
  /** Optional before/after snippets shown in the rule's documentation page. */
  examples?: { bad: string; good: string };
}

export interface ReportDescriptor {
  range: Range;
  message: string;
  /** Safe, mechanical fix: applied by `--fix` and "fix all". */
  fix?: Fix;
  /** Offered only as quick fixes: they need a human to review values (snippets, placeholders). */
  suggestions?: Fix[];
  /**
   * This finding is riskier than the rule's usual case (CORS for any origin on an API that uses
   * cookies): a rule configured at `report` shows it as `warn`. Never above warn, never when off.
   */
  escalate?: boolean;
  /**
   * The checklist controls this finding is about, when it is about fewer than all of the rule's
   * (a lost HSTS header evidences edge.hsts, a lost X-Frame-Options edge.security-headers).
   */
  controls?: string[];
}

export interface PassDescriptor {
  range: Range;
  message: string;
  /** As for findings: a subset of the rule's controls, when the pass proves fewer than all. */
  controls?: string[];
}

/** Index summaries of the workspace's files of one domain (see `Language.indexItems`). */
export interface WorkspaceEntry {
  path: string;
  items: unknown[];
}

/** What a rule that relates objects across files sees of the rest of the workspace. */
export interface WorkspaceView {
  /** Every file of the domain, the file being linted included (from its current text). */
  entries(domain: Domain): WorkspaceEntry[];
}

export interface RuleContext {
  readonly filePath: string;
  /**
   * The workspace, for rules with `needsWorkspace` (null when a lone text is linted; such rules
   * are then not run, so they never guess about files they cannot see).
   */
  readonly workspace: WorkspaceView | null;
  /** Options merged from the rule's defaults and the config file. */
  readonly options: Record<string, unknown>;
  report(descriptor: ReportDescriptor): void;
  /** Evidence that the rule's controls are met here (shown as a passing checklist item). */
  pass(descriptor: PassDescriptor): void;
}

/**
 * What applying a rule's fix does to what runs, as ESLint's fix types. `safe`: nothing a deployment
 * notices (syntax, casing, deprecated names, values that cannot work as written); `--fix` applies
 * these. `hardening`: the fix changes runtime behaviour (security contexts, pull policy, tokens,
 * USER, headers, TLS, CORS, cookie flags); the CLI applies it only with `--fix-type hardening`, and
 * the editor offers it as a quick fix whose title says what changes. A value the author wrote
 * explicitly is never flipped by a fix: such findings carry a suggestion instead.
 */
export type FixType = 'safe' | 'hardening';
export const FIX_TYPES: readonly FixType[] = ['safe', 'hardening'];

export interface Rule<Model = unknown> {
  /** Stable, ESLint-style `<domain>/<name>`; never reused. */
  id: string;
  domain: Domain;
  title: string;
  /** Default level in the `recommended` profile. */
  level: Level;
  /** Level in the `strict` profile (defaults to `block` for warn rules, else `level`). */
  strictLevel?: Level;
  /** Checklist controls this rule evidences (ids from rules/controls.ts). */
  controls: string[];
  aliases: Aliases;
  docs: RuleDocs;
  /** True when the rule offers a `fix` (applied by `--fix` or fix-all when its type is asked for) for some findings. */
  fixable: boolean;
  /** What the rule's fixes do to what runs (required when `fixable`). */
  fixType?: FixType;
  /**
   * For `hardening` fixes: what a running deployment notices once the fix is applied, as the end
   * of a sentence ("the container can no longer write to its root filesystem"). Quick-fix titles
   * and the rule's documentation show it.
   */
  fixConsequence?: string;
  /** True when the rule offers review-needed `suggestions`. */
  hasSuggestions?: boolean;
  /** Relates objects across files: runs only with a workspace view (CLI scans, the server's index). */
  needsWorkspace?: boolean;
  defaultOptions?: Record<string, unknown>;
  /** Validates user-supplied options; returns an error message or undefined. */
  validateOptions?(options: Record<string, unknown>): string | undefined;
  check(model: Model, ctx: RuleContext): void;
}

type RuleInput<Model> = Omit<Rule<Model>, 'domain' | 'fixable'> & { fixable?: boolean; domain?: Domain };

export function defineRule<Model>(rule: RuleInput<Model>): Rule<Model> {
  const domain = (rule.domain ?? rule.id.split('/')[0]) as Domain;
  if (!/^(docker|k8s|nginx|helmet)\/[a-z0-9]+(-[a-z0-9]+)*$/.test(rule.id)) {
    throw new Error(`Invalid rule id "${rule.id}"`);
  }
  // Every fix says what it does to what runs; a hardening fix says what changes.
  if (rule.fixable && !rule.fixType) throw new Error(`${rule.id} is fixable but has no fixType (safe or hardening)`);
  if (rule.fixType === 'hardening' && !rule.fixConsequence) throw new Error(`${rule.id} has hardening fixes but no fixConsequence`);
  if (rule.fixType && !rule.fixable) throw new Error(`${rule.id} has a fixType but is not fixable`);
  return { fixable: false, ...rule, domain };
}

/** A parsed file of one domain. `parseErrors` become one diagnostic each (usually at most one). */
export interface ParsedFile<Model = unknown> {
  model: Model;
  parseErrors: { range: Range; message: string }[];
  /**
   * Errors the parser recovered from (JS/TS while typing): the first is reported at level report,
   * and rules still run on the recovered tree.
   */
  recoveredErrors?: { range: Range; message: string }[];
}

export interface ObjectSuppression {
  tool: PeerTool | 'own';
  ids: string[];
  reason: string | null;
  /** Lines (0-based, inclusive) of the object the suppression covers. */
  firstLine: number;
  lastLine: number;
  /** Where the suppression is written (the annotation). */
  range: Range;
}

export interface Language<Model = unknown> {
  domain: Domain;
  /** Does this path (and, when given, language id or content) belong to the domain? */
  matches(path: string, languageId?: string, text?: string): boolean;
  parse(text: string, path: string): ParsedFile<Model>;
  /** Comment prefix used by suppressions and inserted "disable" comments. */
  commentPrefix: string;
  /** Glob patterns (fast-glob) used to discover the domain's files in a workspace. */
  globs: string[];
  /**
   * Small, JSON-serialisable facts about a file that rules of other files need (objects, labels,
   * selectors). Kept per file in workspace indexes.
   */
  indexItems?(model: Model, path: string): unknown[];
  /**
   * Suppressions written in the model rather than in comments (Kubernetes annotations). `tool` is
   * 'own' for `readiness-lint.io/disable`, else the peer whose ids `ids` are ('*' = all its checks).
   */
  objectSuppressions?(model: Model): ObjectSuppression[];
  /**
   * Is this file, as other files of the workspace declare, not a complete object that rules should
   * check (a Kustomize patch)? Returns the reason, shown once, or null.
   */
  partialReason?(path: string, workspace: WorkspaceView): string | null;
  /** Last line of the statement that starts on `line` (a next-line suppression covers all of it). */
  statementEnd?(model: Model, line: number): number;
  /** First line of the statement containing `line` (where a suppression comment must go). */
  statementStart?(model: Model, line: number): number;
}

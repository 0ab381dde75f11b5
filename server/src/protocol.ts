// The one place that types the custom LSP requests, notifications and settings shared by the
// server and the VS Code client. No imports from `vscode` or the server runtime.

export const SECTION = 'readinessLint';

export interface Settings {
  enable: boolean;
  /** Lint while typing, or only when the file is saved. */
  run: 'onType' | 'onSave';
  /** Files larger than this are skipped with one diagnostic. */
  maxFileSizeKb: number;
  /** Profile used when `.readiness-lint.yaml` does not set one. */
  profile: 'recommended' | 'strict' | 'pss-baseline' | 'pss-restricted';
  /** Globs (from `files.exclude`) that the workspace index skips. */
  exclude: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, run: 'onType', maxFileSizeKb: 2048, profile: 'recommended', exclude: [] };

export interface InitializationOptions {
  /** file:// URI of the folder with the rule documentation pages (one `<domain>-<name>.md` each). */
  docsBaseUri?: string;
}

/** Data attached to every diagnostic we publish. */
export interface DiagnosticData {
  ruleId: string;
  fixable: boolean;
}

export interface WireRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface ChecklistEvidence {
  uri: string;
  /** Workspace-relative path for display. */
  path: string;
  range: WireRange;
  ruleId: string;
  passed: boolean;
  message: string;
}

export interface ChecklistControl {
  id: string;
  title: string;
  description: string;
  status: 'pass' | 'fail' | 'partial' | 'not-applicable' | 'needs-evidence';
  reason: string;
  evidence: ChecklistEvidence[];
}

export interface ChecklistCategory {
  id: string;
  title: string;
  status: ChecklistControl['status'];
  controls: ChecklistControl[];
}

export interface ChecklistResponse {
  score: number | null;
  applicable: number;
  passed: number;
  categories: ChecklistCategory[];
  /** Number of files in the workspace index. */
  fileCount: number;
  /** True while the first workspace scan is still running. */
  indexing: boolean;
}

export const Requests = {
  /** () -> ChecklistResponse */
  checklist: 'readinessLint/checklist',
  /** () -> void: rescan the whole workspace. */
  rescan: 'readinessLint/rescan',
  /** () -> string: Markdown readiness report for the workspace. */
  exportReport: 'readinessLint/exportReport',
  /** ({ ruleId }) -> string | null: Markdown documentation of a rule. */
  ruleDoc: 'readinessLint/ruleDoc',
} as const;

export const Notifications = {
  /** Server -> client: the checklist changed (debounced). Payload: { score, indexing }. */
  checklistChanged: 'readinessLint/checklistChanged',
} as const;

export const Commands = {
  rescan: 'readinessLint.rescan',
  exportReport: 'readinessLint.exportReport',
  showOutput: 'readinessLint.showOutput',
  showRuleDoc: 'readinessLint.showRuleDoc',
  openEvidence: 'readinessLint.openEvidence',
  disableForLine: 'readinessLint.disableForLine',
  showFailingOnly: 'readinessLint.showFailingOnly',
  showAll: 'readinessLint.showAll',
  focusView: 'readinessLint.focusView',
} as const;

/** Arguments of the client command that inserts a suppression comment after asking for a reason. */
export interface DisableForLineArgs {
  uri: string;
  /** Line above which the comment goes (0-based). */
  line: number;
  indent: string;
  commentPrefix: string;
  ruleId: string;
  version: number;
}

export const FIX_ALL_KIND = 'source.fixAll.readinessLint';

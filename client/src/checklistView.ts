// The Readiness view: categories -> controls -> evidence (failing first, then passing). The same
// message in several places is one row ("12 files: The final image has no USER ...") that expands
// to the places.
import * as vscode from 'vscode';
import { Commands, type ChecklistCategory, type ChecklistControl, type ChecklistEvidence, type ChecklistResponse } from '../../server/src/protocol';

type Node =
  | { kind: 'category'; data: ChecklistCategory }
  | { kind: 'control'; data: ChecklistControl }
  | { kind: 'group'; control: string; items: ChecklistEvidence[] }
  | { kind: 'evidence'; data: ChecklistEvidence; grouped?: boolean }
  | { kind: 'info'; label: string };

/** Evidence items with the same outcome, rule and message, in the order they come. */
function groupEvidence(control: string, evidence: ChecklistEvidence[]): Node[] {
  const groups = new Map<string, ChecklistEvidence[]>();
  for (const e of evidence) {
    const key = `${e.passed}\u0000${e.ruleId}\u0000${e.message}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()].map((items) => (items.length > 1 ? { kind: 'group', control, items } : { kind: 'evidence', data: items[0] }));
}

const STATUS_ICON: Record<ChecklistControl['status'], [string, string | undefined]> = {
  pass: ['pass-filled', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  partial: ['warning', 'list.warningForeground'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
  'needs-evidence': ['question', 'descriptionForeground'],
};

const STATUS_TEXT: Record<ChecklistControl['status'], string> = {
  pass: 'pass',
  fail: 'fail',
  partial: 'partial',
  'not-applicable': 'not applicable',
  'needs-evidence': 'needs evidence',
};

export class ChecklistProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<ChecklistResponse>();
  readonly onDidLoad = this.loaded.event;
  private data: ChecklistResponse | undefined;
  private failingOnly = false;

  constructor(private readonly fetch: () => Thenable<ChecklistResponse>) {}

  async refresh(): Promise<void> {
    try {
      this.data = await this.fetch();
    } catch {
      return;
    }
    this.loaded.fire(this.data);
    this.changed.fire(undefined);
  }

  setFailingOnly(on: boolean): void {
    this.failingOnly = on;
    void vscode.commands.executeCommand('setContext', 'readinessLint.failingOnly', on);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.data) return [];
    const keep = (s: ChecklistControl['status']) => !this.failingOnly || s === 'fail' || s === 'partial';
    if (!node) {
      const cats = this.data.categories.filter((c) => c.controls.some((k) => keep(k.status)));
      if (!cats.length && this.failingOnly) return [{ kind: 'info', label: 'No failing controls.' }];
      return cats.map((c) => ({ kind: 'category', data: c }));
    }
    if (node.kind === 'category') return node.data.controls.filter((k) => keep(k.status)).map((k) => ({ kind: 'control', data: k }));
    if (node.kind === 'control') {
      if (!node.data.evidence.length) return [{ kind: 'info', label: node.data.reason }];
      return groupEvidence(node.data.id, node.data.evidence);
    }
    if (node.kind === 'group') return node.items.map((e) => ({ kind: 'evidence', data: e, grouped: true }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'info') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.contextValue = 'info';
      return item;
    }
    if (node.kind === 'category') {
      const c = node.data;
      const n = c.controls.filter((k) => k.status === 'pass').length;
      const applicable = c.controls.filter((k) => k.status !== 'not-applicable').length;
      const item = new vscode.TreeItem(c.title, c.status === 'pass' || c.status === 'not-applicable' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${c.id}`;
      item.description = applicable ? `${n}/${applicable} pass` : STATUS_TEXT[c.status];
      item.iconPath = icon(c.status);
      item.contextValue = `category.${c.status}`;
      item.tooltip = `${c.title}: ${STATUS_TEXT[c.status]}`;
      return item;
    }
    if (node.kind === 'control') {
      const k = node.data;
      const fails = k.evidence.filter((e) => !e.passed).length;
      const passes = k.evidence.length - fails;
      const item = new vscode.TreeItem(k.title, k.evidence.length || k.reason ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `control:${k.id}`;
      item.description = `${STATUS_TEXT[k.status]}${fails ? ` · ${fails} failing` : ''}${passes ? ` · ${passes} passing` : ''}`;
      item.iconPath = icon(k.status);
      item.contextValue = `control.${k.status}`;
      item.tooltip = new vscode.MarkdownString(`**${k.title}** — ${STATUS_TEXT[k.status]}\n\n${k.description}\n\n*${k.reason}*`);
      return item;
    }
    if (node.kind === 'group') {
      const first = node.items[0];
      const files = new Set(node.items.map((e) => e.path)).size;
      const item = new vscode.TreeItem(`${node.items.length} ${files === node.items.length ? 'files' : 'places'}: ${first.message}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.control}:${first.passed}:${first.ruleId}:${first.message}`;
      item.tooltip = `${first.passed ? 'Passing' : 'Failing'} · ${first.ruleId}\n${first.message}\n\n${node.items.map((e) => `${e.path}:${e.range.start.line + 1}`).join('\n')}`;
      item.iconPath = evidenceIcon(first.passed);
      item.contextValue = first.passed ? 'evidence.group.pass' : 'evidence.group.fail';
      return item;
    }
    const e = node.data;
    // The message leads (a long path would push it out of sight); a grouped row shows only its place.
    const where = `${e.path}:${e.range.start.line + 1}`;
    const item = new vscode.TreeItem(node.grouped ? where : e.message, vscode.TreeItemCollapsibleState.None);
    item.description = node.grouped ? undefined : where;
    item.tooltip = `${e.passed ? 'Passing' : 'Failing'} · ${e.ruleId}\n${e.message}`;
    item.iconPath = evidenceIcon(e.passed);
    item.contextValue = e.passed ? 'evidence.pass' : 'evidence.fail';
    item.command = { title: 'Open', command: Commands.openEvidence, arguments: [e.uri, e.range.start.line, e.range.start.character] };
    return item;
  }
}

function evidenceIcon(passed: boolean): vscode.ThemeIcon {
  return passed ? new vscode.ThemeIcon('check', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('close', new vscode.ThemeColor('testing.iconFailed'));
}

function icon(status: ChecklistControl['status']): vscode.ThemeIcon {
  const [id, color] = STATUS_ICON[status];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

// Rule documentation rendered from the rule modules: one source for hover, the docs pages shipped
// in the extension, SARIF help and `--list-rules`.
import type { Rule, PeerTool } from '../../../rules/types';
import { controlById } from '../../../rules/controls';
import { ENGINE_IDS } from './runner';

const PEER_NAMES: Record<PeerTool, string> = {
  hadolint: 'hadolint',
  buildkit: 'Docker BuildKit checks',
  checkov: 'Checkov',
  trivy: 'Trivy',
  kubeLinter: 'kube-linter',
  polaris: 'Polaris',
  kubeScore: 'kube-score',
  pss: 'Pod Security Standards',
  pluto: 'pluto',
  gixy: 'gixy',
  nginxLinter: 'nginx-linter',
  njsscan: 'njsscan',
  semgrep: 'semgrep',
};

export function aliasesText(rule: Rule): string {
  return Object.entries(rule.aliases)
    .filter(([, ids]) => ids && ids.length)
    .map(([tool, ids]) => `${PEER_NAMES[tool as PeerTool] ?? tool}: ${ids!.join(', ')}`)
    .join('; ');
}

/** What the rule's fix does, as the docs and `--list-rules` describe it. */
function fixText(rule: Rule): string {
  if (!rule.fixable) return rule.hasSuggestions ? 'suggestions only (quick fixes to review)' : 'none';
  if (rule.fixType === 'hardening') return `hardening (applied with \`--fix-type hardening\`: ${rule.fixConsequence ?? 'changes what runs'})`;
  return 'safe (applied by `--fix`: nothing that runs changes)';
}

export function renderRuleDoc(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    `Default level: \`${rule.level}\` · Fix: ${fixText(rule)} · Controls: ${rule.controls.map((c) => controlById.get(c)?.title ?? c).join(', ')}`,
    '',
    '## Why',
    '',
    rule.docs.rationale,
    '',
    '## How to fix',
    '',
    rule.docs.howToFix,
  ];
  if (rule.docs.examples) {
    lines.push('', '### Problem', '', '```', rule.docs.examples.bad, '```', '', '### Fixed', '', '```', rule.docs.examples.good, '```');
  }
  lines.push('', '## When not to use it', '', rule.docs.whenNotToUse);
  const aliases = aliasesText(rule);
  if (aliases) lines.push('', '## Same check in other tools', '', aliases, '', 'Their inline suppressions for these ids are honoured.');
  lines.push(
    '',
    '## Configure',
    '',
    '```yaml',
    '# .readiness-lint.yaml',
    'rules:',
    `  ${rule.id}: report   # off | report | warn | block`,
    '```',
    '',
    'Suppress one occurrence (the reason is required):',
    '',
    '```',
    `# readiness-lint-disable-next-line ${rule.id} -- <why this is acceptable here>`,
    '```',
  );
  return lines.join('\n') + '\n';
}

/** Titles of the engine's own findings (not rules), for SARIF and hover. */
export const ENGINE_FINDING_TITLES: Record<string, string> = {
  [ENGINE_IDS.parseError]: 'The file could not be parsed',
  [ENGINE_IDS.tooLarge]: 'File over the size cap was skipped',
  [ENGINE_IDS.internalError]: 'A rule failed on this file',
  [ENGINE_IDS.unusedDisable]: 'Suppression comment that suppresses nothing',
  [ENGINE_IDS.disableWithoutReason]: 'Suppression comment without a reason',
  [ENGINE_IDS.unknownRuleInDisable]: 'Suppression comment names an unknown rule',
  [ENGINE_IDS.configError]: 'Invalid .readiness-lint.yaml',
  [ENGINE_IDS.partialFile]: 'Partial manifest (a Kustomize patch) is not checked as a complete object',
  [ENGINE_IDS.unreadable]: 'A file of a checked kind could not be read',
  [ENGINE_IDS.notUtf8]: 'A file that is not UTF-8 is not fixed',
};

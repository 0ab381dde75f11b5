// `--format sarif`: SARIF 2.1.0 with rule metadata (help text, tags) and a physical location for
// every result.
import { allRules, getRule } from '../../../../rules/index';
import { renderRuleDoc, aliasesText, ENGINE_FINDING_TITLES } from '../docs';
import { relativePath, type Report } from '../report';
import { VERSION } from '../version';

const SARIF_LEVEL = { block: 'error', warn: 'warning', report: 'note' } as const;

export function formatSarif(report: Report): string {
  const usedIds = new Set(report.results.flatMap((r) => r.findings.map((f) => f.ruleId)));
  const ruleIds = [...allRules.map((r) => r.id), ...[...usedIds].filter((id) => !getRule(id)).sort()];
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const rule = getRule(id);
    if (!rule) {
      const title = ENGINE_FINDING_TITLES[id] ?? id;
      return { id, name: id, shortDescription: { text: title }, fullDescription: { text: title }, help: { text: title }, properties: { tags: ['readiness-lint'] } };
    }
    const level = report.config.levelOf(id);
    return {
      id,
      name: id.replace(/\//g, '.'),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.docs.rationale },
      help: { text: `${rule.docs.howToFix}\n\nWhen not to use: ${rule.docs.whenNotToUse}`, markdown: renderRuleDoc(rule) },
      defaultConfiguration: { level: level === 'off' ? 'none' : SARIF_LEVEL[level], enabled: level !== 'off' },
      properties: { tags: [rule.domain, 'production-readiness', ...rule.controls], ...(aliasesText(rule) ? { aliases: rule.aliases } : {}) },
    };
  });
  const results = report.results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId)!,
      level: SARIF_LEVEL[f.level],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(relativePath(report, r.path)), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'readiness-lint', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + encodeURI(report.cwd.replace(/\\/g, '/').replace(/\/?$/, '/')) } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

// Agreement of our nginx rules with gixy on its own plugin test cases, through rule `aliases.gixy`.
// Two lineages are compared separately (test/corpora/nginx/gixy/{yandex,dvershinin}, see its
// MANIFEST.md): for every case in a lineage's expectations.json whose plugin some nginx rule aliases,
// the file is linted (language id `nginx`, only the rules aliasing that plugin, each at least at
// `warn`); a case not ending in `_fp.conf` must raise at least one finding of those rules, an `_fp`
// case none. gixy runs each file with only that plugin and without includes; so do we (no workspace).
// Plugin options come from the file's `# Options: {json}` line (yandex applies them to positive cases
// only, dvershinin to both, as their harnesses do) on top of the upstream plugin's own defaults where
// those differ from our rule's (UPSTREAM_DEFAULTS); gixy option names map to rule options by
// camel-casing (`https_only` -> `httpsOnly`) and only options the rule declares are passed.
// The harness is data-driven: every rule with a gixy alias is covered as soon as it is registered.
// Each covered plugin must agree on at least THRESHOLD of its cases in each lineage. Deliberate
// differences are listed in EXCLUSIONS, each with its reason.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Rule } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { lintText, ENGINE_IDS, type Finding } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { CORPORA_ROOT, requireCorpus } from './corpora';
import { aliasIndex, pct, printDisagreements, table, tally, type Disagreement, type Tally } from './agreement';

/** Minimum agreement on covered cases, per plugin and lineage. */
const THRESHOLD = 0.95;

const LINEAGES = ['yandex', 'dvershinin'] as const;
type Lineage = (typeof LINEAGES)[number];

const GIXY_ROOT = path.join(CORPORA_ROOT, 'nginx/gixy');

interface Exclusion {
  lineage: Lineage;
  /** Case file as in expectations.json (`tests/plugins/simply/<plugin>/<name>.conf`). */
  file: string;
  plugin: string;
  reason: string;
}

/** Deliberate differences: only where we are defensibly better or the case needs what a static linter cannot know. */
const EXCLUSIONS: Exclusion[] = [];

/**
 * Option values of an upstream plugin that differ from our rule's defaults (gixy option names).
 * yandex's add_header_redefinition only reports the headers of its `headers` option; dvershinin's
 * (and our rule, by default) reports any dropped header.
 */
const UPSTREAM_DEFAULTS: Record<Lineage, Record<string, Record<string, unknown>>> = {
  yandex: {
    add_header_redefinition: {
      headers: ['x-frame-options', 'x-content-type-options', 'x-xss-protection', 'content-security-policy', 'strict-transport-security', 'cache-control'],
    },
  },
  dvershinin: {},
};

/** gixy plugins of all lineages (yandex, dvershinin, gixy-ng, Gixy-Next), for checking alias spelling. */
const KNOWN_PLUGINS = new Set([
  'add_header_content_type',
  'add_header_multiline',
  'add_header_redefinition',
  'alias_traversal',
  'allow_without_deny',
  'default_server_flag',
  'error_log_off',
  'filesystem_root_exposure',
  'force_https',
  'hash_without_default',
  'host_spoofing',
  'hsts_header',
  'http2_misdirected_request',
  'http_splitting',
  'if_is_evil',
  'invalid_regex',
  'low_keepalive_requests',
  'missing_resolver',
  'missing_worker_processes',
  'mixed_case_variable',
  'nginx_cves',
  'origins',
  'overlapping_captures',
  'proxy_buffering_off',
  'proxy_pass_normalized',
  'proxy_set_header_redefinition',
  'quic_bpf_reuseport',
  'regex_exact_match',
  'regex_redos',
  'resolver_external',
  'return_bypasses_allow_deny',
  'ssl_ecdh_curve',
  'ssl_stapling_letsencrypt',
  'ssl_stapling_without_resolver',
  'ssrf',
  'stale_dns_cache',
  'status_page_exposed',
  'try_files_is_evil_too',
  'unanchored_regex',
  'unnamed_groups',
  'valid_referers',
  'version_disclosure',
  'weak_ssl_tls',
  'worker_rlimit_nofile_vs_connections',
]);

interface GixyCase {
  file: string;
  plugin: string;
  expect: 'exactly_one_issue' | 'no_issues';
  options: Record<string, unknown> | null;
  severity?: string;
}

const nginxRules = rulesOfDomain('nginx');
const index = aliasIndex(nginxRules, 'gixy', (id) => id);

/** `# Options: {...}` on the first line of a case. */
function fileOptions(text: string): Record<string, unknown> | null {
  const m = /^#\s*Options:\s*(\{.*\})\s*$/m.exec(text.split(/\r?\n/, 1)[0] ?? '');
  if (!m) return null;
  try {
    return JSON.parse(m[1]) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** gixy plugin options -> the options of one rule (only those it declares; invalid ones dropped). */
function ruleOptions(rule: Rule, gixyOptions: Record<string, unknown>): Record<string, unknown> | null {
  const declared = rule.defaultOptions ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(gixyOptions)) {
    const key = camel(k);
    if (key in declared) out[key] = Array.isArray(v) ? [...v] : v;
  }
  if (!Object.keys(out).length) return null;
  return rule.validateOptions?.({ ...declared, ...out }) ? null : out;
}

function lint(text: string, file: string, rules: Rule[], gixyOptions: Record<string, unknown>): Finding[] {
  const ruleConfig: Record<string, { options: Record<string, unknown> }> = {};
  for (const r of rules) {
    const o = ruleOptions(r, gixyOptions);
    if (o) ruleConfig[r.id] = { options: o };
  }
  const result = lintText({ path: path.basename(file), text, languageId: 'nginx', config: resolveConfig({ rules: ruleConfig }), onlyRules: rules });
  assert.ok(result, `${file} is not linted as nginx`);
  return result.findings;
}

interface LineageResult {
  report: string;
  disagreements: Disagreement[];
  perPlugin: Map<string, Tally>;
}

function runLineage(lineage: Lineage): LineageResult {
  const root = path.join(GIXY_ROOT, lineage);
  const cases = (JSON.parse(readFileSync(path.join(root, 'expectations.json'), 'utf8')) as { cases: GixyCase[] }).cases;
  const perPlugin = new Map<string, Tally>();
  const notCovered = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  const used = new Set<Exclusion>();
  for (const c of cases) {
    const ours = index.get(c.plugin);
    if (!ours) {
      notCovered.set(c.plugin, (notCovered.get(c.plugin) ?? 0) + 1);
      continue;
    }
    const t = perPlugin.get(c.plugin) ?? tally();
    perPlugin.set(c.plugin, t);
    const excl = EXCLUSIONS.find((e) => e.lineage === lineage && e.file === c.file && e.plugin === c.plugin);
    if (excl) {
      used.add(excl);
      t.excluded++;
      continue;
    }
    const text = readFileSync(path.join(root, c.file), 'utf8');
    const positive = !c.file.endsWith('_fp.conf');
    assert.equal(positive, c.expect === 'exactly_one_issue', `${lineage} ${c.file}: expectation does not follow the _fp naming`);
    const fromFile = fileOptions(text) ?? c.options ?? {};
    const applied = lineage === 'yandex' && !positive ? {} : fromFile;
    const options = { ...(UPSTREAM_DEFAULTS[lineage][c.plugin] ?? {}), ...applied };
    const findings = lint(text, c.file, ours, options);
    const ourIds = new Set(ours.map((r) => r.id));
    const hits = findings.filter((f) => ourIds.has(f.ruleId));
    const agree = positive ? hits.length > 0 : hits.length === 0;
    t.covered++;
    if (agree) t.agreed++;
    else {
      const broken = findings.find((f) => f.ruleId === ENGINE_IDS.parseError || f.ruleId === ENGINE_IDS.internalError);
      disagreements.push({
        corpus: `gixy ${lineage}`,
        peerRule: c.plugin,
        ours: [...ourIds].join(','),
        case: c.file,
        expected: positive ? 'a finding' : 'no finding',
        got: hits.length ? hits.map((f) => `line ${f.range.start.line + 1}: ${f.message}`).join(' | ') : broken ? `nothing (${broken.ruleId}: ${broken.message})` : 'nothing',
      });
    }
  }
  const rows = [['gixy plugin', 'our rule(s)', 'covered', 'agreed', 'excluded', 'agreement']];
  let covered = 0;
  let agreed = 0;
  for (const [plugin, t] of [...perPlugin].sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.push([plugin, index.get(plugin)!.map((r) => r.id).join(', '), String(t.covered), String(t.agreed), String(t.excluded), pct(t.agreed, t.covered)]);
    covered += t.covered;
    agreed += t.agreed;
  }
  rows.push([`${lineage.toUpperCase()} OVERALL`, '', String(covered), String(agreed), String(used.size), pct(agreed, covered)]);
  let report = `gixy ${lineage} (${cases.length} cases: positive must raise a finding of an aliased rule, _fp none)\n${table(rows)}\n`;
  report += `  not covered (no rule aliases them): ${[...notCovered].sort().map(([p, n]) => `${p} (${n})`).join(', ') || 'none'}\n`;
  const inCorpus = new Set(cases.map((c) => c.plugin));
  const absent = [...index.keys()].filter((p) => !inCorpus.has(p)).sort();
  if (absent.length) report += `  aliased but without cases in this lineage: ${absent.join(', ')}\n`;
  report += [...used].map((e) => `  excluded ${e.file} ${e.plugin}: ${e.reason}\n`).join('');
  const stale = EXCLUSIONS.filter((e) => e.lineage === lineage && !used.has(e));
  if (stale.length) report += `  exclusions that matched no case (remove them): ${stale.map((e) => `${e.file} ${e.plugin}`).join('; ')}\n`;
  return { report, disagreements, perPlugin };
}

describe('nginx gixy agreement', function () {
  this.timeout(120_000);

  for (const lineage of LINEAGES) {
    describe(`gixy ${lineage} plugin cases`, function () {
      before(function () {
        requireCorpus(path.join(GIXY_ROOT, lineage, 'expectations.json'), `gixy ${lineage} agreement`);
      });
      it(`every covered plugin agrees on at least ${THRESHOLD * 100}% of its cases`, function () {
        const result = runLineage(lineage);
        console.log('\n' + result.report);
        printDisagreements(result.disagreements);
        const low = [...result.perPlugin]
          .filter(([, t]) => t.covered > 0 && t.agreed / t.covered < THRESHOLD)
          .map(([p, t]) => `${p} ${pct(t.agreed, t.covered)} (${t.agreed}/${t.covered})`);
        assert.deepEqual(low, [], `gixy ${lineage}: plugins below ${THRESHOLD * 100}% agreement (disagreements listed above)`);
      });
    });
  }

  it('every gixy alias names a gixy plugin', function () {
    const unknown = [...index.keys()].filter((p) => !KNOWN_PLUGINS.has(p)).map((p) => `${p} (alias of ${index.get(p)!.map((r) => r.id).join(', ')})`);
    assert.deepEqual(unknown, []);
  });

  it('harness: option mapping, upstream defaults and the _fp convention', function () {
    assert.deepEqual(fileOptions('# Options: {"domains": ["yandex.ru"], "https_only": true}\n\nif (...) {}'), { domains: ['yandex.ru'], https_only: true });
    assert.equal(fileOptions('if ($x) {}\n'), null);
    const origins = index.get('origins')?.[0];
    if (origins) assert.deepEqual(ruleOptions(origins, { domains: ['a.com'], https_only: true, __allow_includes: true }), { domains: ['a.com'], httpsOnly: true });
  });
});

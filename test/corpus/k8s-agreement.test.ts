// Agreement of our Kubernetes rules with peer tools on their own test corpora, through rule `aliases`:
//   - Polaris (FairwindsOps/polaris test/checks): per check and manifest, `failure*` files must raise
//     the check, the others must not (upstream: at least one danger / no danger).
//   - Trivy KSV/KCV checks (aquasecurity/trivy-checks examples): `bad` must raise the check, `good` must not.
//   - Pod Security Standards (kubernetes/pod-security-admission fixtures): each Pod passes or fails the
//     baseline and restricted levels. PSS_CHECKS below maps every PSS check to its level; a Pod "fails"
//     a level for us when any rule aliased to a PSS check of that level (or of a lower level: restricted
//     includes baseline) reports on it.
// Every k8s rule runs at least at `warn` here (a rule that is `off` by default is still compared).
// The harness works with whatever rules are registered: checks no rule aliases are listed as "not
// covered". Deliberate differences are listed in EXCLUSIONS, each with its reason.
import { PSS_CHECKS, type PssLevel } from '../../rules/k8s/pss';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Level, Rule } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { lintText, staticWorkspace, ENGINE_IDS, type Finding } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { K8S_CORPORA, requireCorpus } from './corpora';
import { aliasIndex, gate, normTrivy, pct, printDisagreements, readJsonl, table, tally, type Disagreement, type Tally } from './agreement';

/** Minimum agreement on covered cases for Polaris and Trivy. */
const THRESHOLD = 0.95;
/** PSS: every covered fixture must agree, per level. */
const PSS_THRESHOLD = 1;

type CorpusName = 'polaris' | 'trivy' | 'pss';

interface Exclusion {
  corpus: CorpusName;
  /** Path of the case inside its corpus folder (as in its expectations.jsonl). */
  case: string;
  /** Polaris check, trivy check id (`KSV-0017`), or PSS check id (`seccompProfile_baseline`). */
  peerRule: string;
  reason: string;
}

const INSECURE_CAPS_LIST =
  'The container drops an explicit list of 15 capabilities instead of ALL. Polaris accepts either form; k8s/drop-all-capabilities follows the restricted Pod Security Standard (capabilities_restricted) and Trivy KSV-0003, which require `drop: [ALL]`: PSS rejects this Pod, and a list misses any capability a runtime adds to its default set later.';
const SINGLE_REPLICA_PDB =
  'The Deployment sets no `replicas` (one pod). k8s/pod-disruption-budget reports only workloads with 2 or more replicas (or an HPA minimum of 2 or more): a PDB cannot keep a single pod available (`minAvailable: 1` blocks node drains, `maxUnavailable: 1` protects nothing), and k8s/min-replicas reports the single replica itself. With `replicas: 3` the rule reports this file as Polaris does.';

/** Deliberate differences: only where we are defensibly better or the case needs what a static linter cannot know. */
const EXCLUSIONS: Exclusion[] = [
  ...['success.yaml', 'success.case.yaml', 'success.pod.yaml'].map((f) => ({ corpus: 'polaris' as const, case: `test/checks/insecureCapabilities/${f}`, peerRule: 'insecureCapabilities', reason: INSECURE_CAPS_LIST })),
  {
    corpus: 'polaris',
    case: 'test/checks/missingNetworkPolicy/failure.netpol_missing_ingress_rules.yaml',
    peerRule: 'missingNetworkPolicy',
    reason:
      'The policy selects the Pod with policyTypes [Egress, Ingress] and no `ingress` rules: that denies all ingress, the strictest isolation there is. Polaris requires a non-empty rule list; k8s/network-policy (like kube-linter non-isolated-pod and kube-score pod-networkpolicy) rightly treats the Pod as isolated.',
  },
  {
    corpus: 'polaris',
    case: 'test/checks/missingNetworkPolicy/failure.netpol_missing_egress_rules.yaml',
    peerRule: 'missingNetworkPolicy',
    reason: 'Same as missing_ingress_rules for egress: policyTypes includes Egress with no `egress` rules, which denies all egress. The Pod is isolated both ways.',
  },
  {
    corpus: 'polaris',
    case: 'test/checks/missingNetworkPolicy/failure.netpol_missing_egress_in_policytypes.yaml',
    peerRule: 'missingNetworkPolicy',
    reason:
      'The policy isolates ingress (policyTypes [Ingress]) but not egress. k8s/network-policy is about who can reach the pods (ingress isolation, as kube-linter non-isolated-pod and kube-score pod-networkpolicy); Polaris also requires egress isolation. Egress control is a different control (often done by egress gateways or mesh policy).',
  },
  ...['failure.yaml', 'failure-bad-ns.yaml', 'failure.bad-name.yaml', 'failure.empty-labels.yaml', 'failure.no-labels.yaml', 'failure.no-metadata.yaml', 'failure.wrong-place.yaml'].map((f) => ({
    corpus: 'polaris' as const,
    case: `test/checks/missingPodDisruptionBudget/${f}`,
    peerRule: 'missingPodDisruptionBudget',
    reason: SINGLE_REPLICA_PDB,
  })),
  ...['failure.empty.yaml', 'failure.nospreadconstraint.yaml'].map((f) => ({
    corpus: 'polaris' as const,
    case: `test/checks/topologySpreadConstraint/${f}`,
    peerRule: 'topologySpreadConstraint',
    reason:
      'The Deployment sets no `replicas` (one pod). Spreading one pod over nodes or zones changes nothing; k8s/anti-affinity-or-spread (like kube-linter no-anti-affinity and kube-score host-podantiaffinity) reports multi-replica workloads only, and k8s/min-replicas reports the single replica. With `replicas: 3` both files are reported.',
  })),
  {
    corpus: 'polaris',
    case: 'test/checks/pdbDisruptionsIsZero/success.none.yaml',
    peerRule: 'pdbDisruptionsIsZero',
    reason:
      'The PodDisruptionBudget sets neither minAvailable nor maxUnavailable (`spec: {}`). Polaris only looks for a zero; k8s/pdb-valid also reports a budget without a policy (kube-score poddisruptionbudget-has-policy): it protects nothing and reads as if it did.',
  },
  {
    corpus: 'trivy',
    case: 'extracted/kubernetes/KSV-0036/good-1.yaml',
    peerRule: 'KSV-0036',
    reason:
      'The Pod leaves automountServiceAccountToken unset, so Kubernetes mounts the token (the default). Trivy KSV-0036 fails only on an explicit `true` or an explicit mount of the token path; k8s/automount-sa-token follows Polaris automountServiceAccountToken (its failure.uses_defaults.yaml fails this exact case) and Checkov CKV_K8S_38, which report the default.',
  },
  {
    corpus: 'trivy',
    case: 'extracted/kubernetes/KSV-0022/bad-1.yaml',
    peerRule: 'KSV-0022',
    reason:
      'The container adds NET_BIND_SERVICE. Trivy KSV-0022 flags any added capability (its allowed set is empty) although its own description cites the baseline Pod Security Standard, which allows NET_BIND_SERVICE (and restricted allows it too). k8s/no-added-dangerous-capabilities implements the baseline standard (PSS capabilities_baseline: 8/8 fail fixtures, 38/38 pass fixtures agree).',
  },
];

// ---------------------------------------------------------------------------------------------
// Shared

const k8sRules = rulesOfDomain('k8s');
/** Every k8s rule forced on: comparison is about what a rule finds, not about default levels. */
const allOn = resolveConfig({}, { ruleLevels: Object.fromEntries(k8sRules.map((r) => [r.id, 'warn' as Level])) });

interface Linted {
  findings: Finding[];
  /** Why the engine did not lint the file normally (not a manifest, parse error, internal error). */
  broken: string | null;
}

/**
 * Each case is its own workspace (as upstream: Polaris loads one file as the resource set, PSS
 * admits one Pod, Trivy scans one example), so rules relating objects across files
 * (`needsWorkspace`: NetworkPolicy, PodDisruptionBudget, Service selectors, ...) see the file's
 * own objects and nothing else.
 */
function lint(file: string): Linted {
  const text = readFileSync(file, 'utf8');
  const result = lintText({ path: file, text, config: allOn, workspace: staticWorkspace([]) });
  if (!result) return { findings: [], broken: 'not recognised as a Kubernetes manifest' };
  const bad = result.findings.filter((f) => f.ruleId === ENGINE_IDS.parseError || f.ruleId === ENGINE_IDS.internalError);
  return { findings: result.findings, broken: bad.length ? bad.map((f) => `${f.ruleId}: ${f.message}`).join('; ') : null };
}

const lintCache = new Map<string, Linted>();
function lintCached(file: string): Linted {
  let r = lintCache.get(file);
  if (!r) lintCache.set(file, (r = lint(file)));
  return r;
}

function describeHits(hits: Finding[], l: Linted): string {
  if (hits.length) return hits.map((f) => `${f.ruleId} line ${f.range.start.line + 1}: ${f.message}`).join(' | ');
  return l.broken ? `nothing (${l.broken})` : 'nothing';
}

function findExclusion(corpus: CorpusName, file: string, peerRule: string, used: Set<Exclusion>): Exclusion | undefined {
  const e = EXCLUSIONS.find((x) => x.corpus === corpus && x.case === file && x.peerRule === peerRule);
  if (e) used.add(e);
  return e;
}

function exclusionNotes(corpus: CorpusName, used: Set<Exclusion>): string {
  // One line per reason (several cases often share one), then the cases.
  const byReason = new Map<string, Exclusion[]>();
  for (const e of used) byReason.set(e.reason, [...(byReason.get(e.reason) ?? []), e]);
  let out = [...byReason].map(([reason, es]) => `  excluded (${es.length}) ${es.map((e) => `${e.peerRule} ${e.case.split('/').pop()}`).join(', ')}:\n      ${reason}\n`).join('');
  const stale = EXCLUSIONS.filter((e) => e.corpus === corpus && !used.has(e));
  if (stale.length) out += `  exclusions that matched no covered case (remove them): ${stale.map((e) => `${e.case} ${e.peerRule}`).join('; ')}\n`;
  return out;
}

interface CorpusResult {
  report: string;
  disagreements: Disagreement[];
  covered: number;
  agreed: number;
  unknownAliases: string[];
}

type CheckTally = Tally & { ours: string; title: string };

function checkTable(header: string[], perCheck: Map<string, CheckTally>, overall: string, used: number): { rows: string[][]; covered: number; agreed: number } {
  const rows = [header];
  let covered = 0;
  let agreed = 0;
  for (const [id, t] of [...perCheck].sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.push([`${id}${t.title ? ' ' + t.title : ''}`.slice(0, 60), t.ours, String(t.covered), String(t.agreed), String(t.excluded), pct(t.agreed, t.covered)]);
    covered += t.covered;
    agreed += t.agreed;
  }
  rows.push([overall, '', String(covered), String(agreed), String(used), pct(agreed, covered)]);
  return { rows, covered, agreed };
}

/** One file-level verdict per case: `fail` must raise one of `ours`, `pass` must raise none. */
function compareCase(
  corpus: CorpusName,
  root: string,
  c: { file: string; expect: 'pass' | 'fail'; peerRule: string; title: string },
  ours: Rule[],
  perCheck: Map<string, CheckTally>,
  disagreements: Disagreement[],
  used: Set<Exclusion>,
): void {
  const t = perCheck.get(c.peerRule) ?? { ...tally(), ours: ours.map((r) => r.id).join(', '), title: c.title };
  perCheck.set(c.peerRule, t);
  const ourIds = new Set(ours.map((r) => r.id));
  const l = lintCached(path.join(root, c.file));
  const hits = l.findings.filter((f) => ourIds.has(f.ruleId));
  const agree = c.expect === 'fail' ? hits.length > 0 : hits.length === 0;
  if (findExclusion(corpus, c.file, c.peerRule, used)) {
    t.excluded++;
    return;
  }
  t.covered++;
  if (agree) t.agreed++;
  else {
    disagreements.push({
      corpus,
      peerRule: c.peerRule,
      ours: [...ourIds].join(','),
      case: c.file,
      expected: c.expect === 'fail' ? 'a finding' : 'no finding',
      got: describeHits(hits, l),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Polaris

interface PolarisCase {
  check: string;
  file: string;
  expect: 'pass' | 'fail';
  custom_check_yaml: string | null;
  mutated_file: string | null;
}

const normPolaris = (id: string) => id.trim().toLowerCase();

function runPolaris(): CorpusResult {
  const root = K8S_CORPORA.polaris;
  const cases = readJsonl<PolarisCase>(path.join(root, 'expectations.jsonl'));
  const index = aliasIndex(k8sRules, 'polaris', normPolaris);
  const known = new Set<string>(cases.map((c) => normPolaris(c.check)));
  const checksDir = path.join(root, 'pkg/config/checks');
  if (existsSync(checksDir)) for (const f of readdirSync(checksDir)) if (f.endsWith('.yaml')) known.add(normPolaris(f.replace(/\.yaml$/, '')));
  const unknownAliases = [...index.keys()].filter((k) => !known.has(k)).map((k) => `${k} (alias of ${index.get(k)!.map((r) => r.id).join(', ')})`);
  const custom = new Set(cases.filter((c) => c.custom_check_yaml).map((c) => c.check));

  const perCheck = new Map<string, CheckTally>();
  const notCovered = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  const used = new Set<Exclusion>();
  for (const c of cases) {
    const ours = index.get(normPolaris(c.check));
    if (!ours) {
      notCovered.set(c.check, (notCovered.get(c.check) ?? 0) + 1);
      continue;
    }
    compareCase('polaris', root, { file: c.file, expect: c.expect, peerRule: c.check, title: custom.has(c.check) ? '(custom check.yaml)' : '' }, ours, perCheck, disagreements, used);
  }
  const { rows, covered, agreed } = checkTable(['polaris check', 'our rule(s)', 'covered', 'agreed', 'excluded', 'agreement'], perCheck, 'POLARIS OVERALL', used.size);
  let report = `Polaris checks (${cases.length} manifests: failure* must raise the check, others must not)\n${table(rows)}\n`;
  report += `  not covered (no rule aliases them): ${[...notCovered].sort().map(([id, n]) => `${id} (${n})`).join(', ') || 'none'}\n`;
  report += exclusionNotes('polaris', used);
  return { report, disagreements, covered, agreed, unknownAliases };
}

// ---------------------------------------------------------------------------------------------
// Trivy (Kubernetes part)

interface TrivyExample {
  check_id: string;
  aliases: string[];
  title: string;
  file: string;
  expect: 'pass' | 'fail';
  deprecated: boolean;
}

function runTrivy(): CorpusResult {
  const root = K8S_CORPORA.trivy;
  const examples = readJsonl<TrivyExample>(path.join(root, 'expectations.jsonl')).filter((e) => e.file.startsWith('extracted/kubernetes/'));
  const index = aliasIndex(k8sRules, 'trivy', normTrivy);
  const known = new Set<string>();
  const metaFile = path.join(root, 'checks_metadata.json');
  if (existsSync(metaFile)) for (const m of JSON.parse(readFileSync(metaFile, 'utf8')) as { id: string }[]) known.add(normTrivy(m.id));
  for (const e of examples) known.add(normTrivy(e.check_id));
  const unknownAliases = [...index.keys()].filter((k) => !/^(KSV|KCV)-/.test(k) || !known.has(k)).map((k) => `${k} (alias of ${index.get(k)!.map((r) => r.id).join(', ')})`);

  const perCheck = new Map<string, CheckTally>();
  const notCovered = new Map<string, number>();
  const disagreements: Disagreement[] = [];
  const used = new Set<Exclusion>();
  for (const e of examples) {
    const id = normTrivy(e.check_id);
    const ours = [...new Set([e.check_id, ...e.aliases].flatMap((a) => index.get(normTrivy(a)) ?? []))];
    if (!ours.length) {
      notCovered.set(id, (notCovered.get(id) ?? 0) + 1);
      continue;
    }
    compareCase('trivy', root, { file: e.file, expect: e.expect, peerRule: id, title: e.title + (e.deprecated ? ' (deprecated)' : '') }, ours, perCheck, disagreements, used);
  }
  const { rows, covered, agreed } = checkTable(['trivy check', 'our rule(s)', 'covered', 'agreed', 'excluded', 'agreement'], perCheck, 'TRIVY OVERALL', used.size);
  let report = `Trivy KSV/KCV checks (${examples.length} Kubernetes examples: bad must raise the check, good must not)\n${table(rows)}\n`;
  report += `  not covered (no rule aliases them): ${[...notCovered].sort().map(([id, n]) => `${id} (${n})`).join(', ') || 'none'}\n`;
  report += exclusionNotes('trivy', used);
  return { report, disagreements, covered, agreed, unknownAliases };
}

// ---------------------------------------------------------------------------------------------
// Pod Security Standards

const LEVEL_RANK: Record<PssLevel, number> = { baseline: 0, restricted: 1 };

const PSS_BY_LOWER = new Map(Object.keys(PSS_CHECKS).map((k) => [k.toLowerCase(), k]));

/**
 * A fixture built to violate one check may violate another by construction (the upstream generator
 * has to, for the Pod to be valid): the restricted twin of a baseline check, restrictedVolumes for a
 * hostPath volume, hostNetwork for a Windows HostProcess Pod, no `allowPrivilegeEscalation: false`
 * next to `privileged: true`, no securityContext at all. PSS rejects those Pods for both reasons, so
 * our rules for the second check reporting too is expected; any other report is listed for review.
 */
const ALSO_VIOLATES: Record<string, string[]> = {
  capabilities_baseline: ['capabilities_restricted'],
  procMount: ['procMount_restricted'],
  seccompProfile_baseline: ['seccompProfile_restricted'],
  hostPathVolumes: ['restrictedVolumes'],
  windowsHostProcess: ['hostNamespaces'],
  privileged: ['allowPrivilegeEscalation'],
  allowPrivilegeEscalation: ['capabilities_restricted'],
};

interface PssCase {
  file: string;
  level: PssLevel;
  expect: 'pass' | 'fail';
  check_fixture_prefix: string;
  name: string;
}

/** `runasnonroot` -> `runAsNonRoot`; `base.yaml`, `base_linux.yaml` -> null (compliant Pods). */
function pssCheckOf(prefix: string): string | null {
  return PSS_BY_LOWER.get(prefix.toLowerCase()) ?? null;
}

interface PssResult extends CorpusResult {
  levels: Record<PssLevel, { covered: number; agreed: number }>;
}

function runPss(): PssResult {
  const root = K8S_CORPORA.pss;
  const cases = readJsonl<PssCase>(path.join(root, 'expectations.jsonl'));
  /** PSS check id -> rules aliased to it. */
  const index = aliasIndex(k8sRules, 'pss', (id) => PSS_BY_LOWER.get(id.trim().toLowerCase()) ?? `?${id}`);
  const unknownAliases = [...index.keys()].filter((k) => k.startsWith('?')).map((k) => `${k.slice(1)} (alias of ${index.get(k)!.map((r) => r.id).join(', ')})`);
  /** Rule id -> the PSS checks it stands for. */
  const checksOfRule = new Map<string, string[]>();
  for (const [check, rules] of index) for (const r of rules) if (!check.startsWith('?')) checksOfRule.set(r.id, [...(checksOfRule.get(r.id) ?? []), check]);
  const covered = (check: string) => (index.get(check)?.length ?? 0) > 0;
  const checksUpTo = (level: PssLevel) => Object.keys(PSS_CHECKS).filter((c) => LEVEL_RANK[PSS_CHECKS[c]] <= LEVEL_RANK[level]);

  const levels: PssResult['levels'] = { baseline: { covered: 0, agreed: 0 }, restricted: { covered: 0, agreed: 0 } };
  const notCoveredLevel: Record<PssLevel, Map<string, number>> = { baseline: new Map(), restricted: new Map() };
  /** Per check: its own fail fixtures (rule must report) and the pass fixtures of levels enforcing it (rule must not). */
  const perCheck = new Map<string, { failCovered: number; failAgreed: number; passCovered: number; passAgreed: number }>();
  const bump = (check: string, k: 'fail' | 'pass', ok: boolean) => {
    const t = perCheck.get(check) ?? { failCovered: 0, failAgreed: 0, passCovered: 0, passAgreed: 0 };
    perCheck.set(check, t);
    if (k === 'fail') {
      t.failCovered++;
      if (ok) t.failAgreed++;
    } else {
      t.passCovered++;
      if (ok) t.passAgreed++;
    }
  };
  const disagreements: Disagreement[] = [];
  /** Reports on fail fixtures by PSS-aliased rules other than the fixture's own check, grouped. */
  const extras = new Map<string, { files: string[]; example: string }>();
  const noteExtra = (what: string, file: string, f: Finding) => {
    const e = extras.get(what) ?? { files: [], example: `line ${f.range.start.line + 1}: ${f.message}` };
    extras.set(what, e);
    const short = path.basename(path.dirname(path.dirname(path.dirname(file)))) + '/' + path.basename(file);
    if (!e.files.includes(short)) e.files.push(short);
  };
  const used = new Set<Exclusion>();

  for (const c of cases) {
    const check = pssCheckOf(c.check_fixture_prefix);
    const l = lintCached(path.join(root, c.file));
    const enforced = checksUpTo(c.level).filter(covered);
    /** Checks of this level our rules say the Pod violates, with the findings that say so. */
    const fired = new Map<string, Finding[]>();
    for (const f of l.findings) {
      for (const ch of checksOfRule.get(f.ruleId) ?? []) {
        if (LEVEL_RANK[PSS_CHECKS[ch]] <= LEVEL_RANK[c.level]) fired.set(ch, [...(fired.get(ch) ?? []), f]);
      }
    }
    const firedFindings = [...new Set([...fired.values()].flat())];
    const oursFail = fired.size > 0;

    // Level verdict. A fail fixture counts when its own check is covered (a Pod built to violate an
    // uncovered check is one our rules cannot be expected to reject); a pass fixture counts when any
    // check of its level is covered.
    const isCovered = c.expect === 'fail' ? check !== null && covered(check) : enforced.length > 0;
    const peerRule = check ?? 'level';
    if (!isCovered) {
      if (c.expect === 'fail' && check) notCoveredLevel[c.level].set(check, (notCoveredLevel[c.level].get(check) ?? 0) + 1);
      if (oursFail) noteExtra(`fixture for uncovered check ${check}: ${[...new Set(firedFindings.map((f) => f.ruleId))].join(', ')} reported`, c.file, firedFindings[0]);
      continue;
    }
    if (findExclusion('pss', c.file, peerRule, used)) continue;
    // For a fail fixture the check it was built for must be among those we report (not just any).
    const ownFired = check !== null && fired.has(check);
    const agree = c.expect === 'fail' ? ownFired : !oursFail;
    levels[c.level].covered++;
    if (agree) levels[c.level].agreed++;
    if (c.expect === 'fail') {
      bump(check!, 'fail', ownFired);
      // Rules that reported although they stand neither for the fixture's check nor for one it violates by construction.
      const expectedRules = new Set([check!, ...(ALSO_VIOLATES[check!] ?? [])].flatMap((ch) => (index.get(ch) ?? []).map((r) => r.id)));
      for (const f of firedFindings) {
        if (expectedRules.has(f.ruleId)) continue;
        noteExtra(`${f.ruleId} (${checksOfRule.get(f.ruleId)!.join(', ')}) also reported on ${check} fixtures`, c.file, f);
      }
    } else {
      for (const ch of enforced) bump(ch, 'pass', !fired.has(ch));
    }
    if (!agree) {
      // Name the rules that decided: the check's own rules for a fail fixture, those that reported for a pass fixture.
      const ourRules = c.expect === 'fail' ? (index.get(check!) ?? []).map((r) => r.id).join(',') : [...new Set(firedFindings.map((f) => f.ruleId))].join(',');
      disagreements.push({
        corpus: 'pss',
        peerRule: `${c.level} ${peerRule}`,
        ours: ourRules,
        case: c.file,
        expected: c.expect === 'fail' ? `fails ${c.level} (check ${check})` : `passes ${c.level}`,
        got: c.expect === 'fail' ? (oursFail ? `fails only through ${[...fired.keys()].join(', ')}: ${describeHits(firedFindings, l)}` : `passes: ${describeHits([], l)}`) : `fails: ${describeHits(firedFindings, l)}`,
      });
    }
  }

  // The mapping, stated: which of our rules stand for which PSS check, at which level.
  const mapRows = [['PSS check', 'level', 'our rule(s)', 'own fail fixtures reported', 'pass fixtures silent']];
  for (const [check, level] of Object.entries(PSS_CHECKS)) {
    const t = perCheck.get(check);
    const rules = index.get(check)?.map((r) => r.id).join(', ') ?? '(not covered)';
    mapRows.push([check, level, rules, t ? `${t.failAgreed}/${t.failCovered}` : '-', t ? `${t.passAgreed}/${t.passCovered}` : '-']);
  }
  const levelRows = [['PSS level', 'covered Pods', 'agreed', 'agreement', 'fail fixtures not covered']];
  for (const lv of ['baseline', 'restricted'] as PssLevel[]) {
    const nc = [...notCoveredLevel[lv]].sort().map(([ch, n]) => `${ch} (${n})`).join(', ');
    levelRows.push([lv, String(levels[lv].covered), String(levels[lv].agreed), pct(levels[lv].agreed, levels[lv].covered), nc || 'none']);
  }
  let report = `Pod Security Standards (${cases.length} Pods; a Pod fails a level for us when a rule aliased to a PSS check of that level, or of baseline, reports)\n`;
  report += `${table(mapRows)}\n\n${table(levelRows)}\n`;
  if (extras.size) {
    report += '  other PSS-aliased rules that also reported on fail fixtures (information, not counted: beyond the by-construction pairs in ALSO_VIOLATES, a fixture is compliant except for its own check):\n';
    for (const [what, e] of [...extras].sort((a, b) => b[1].files.length - a[1].files.length)) {
      report += `    ${what}: ${e.files.length} fixture(s), e.g. ${e.files.slice(0, 3).join(', ')}\n        ${e.example}\n`;
    }
  }
  report += exclusionNotes('pss', used);
  const totalCovered = levels.baseline.covered + levels.restricted.covered;
  const totalAgreed = levels.baseline.agreed + levels.restricted.agreed;
  return { report, disagreements, covered: totalCovered, agreed: totalAgreed, unknownAliases, levels };
}

// ---------------------------------------------------------------------------------------------

describe('k8s corpus agreement', function () {
  this.timeout(120_000);

  before(function () {
    console.log(`\n  k8s rules registered: ${k8sRules.length} (${k8sRules.map((r) => r.id.replace(/^k8s\//, '')).join(', ') || 'none'})`);
  });

  describe('Polaris checks', function () {
    before(function () {
      requireCorpus(path.join(K8S_CORPORA.polaris, 'expectations.jsonl'), 'Polaris agreement');
    });
    let result: CorpusResult;
    it(`agrees on at least ${THRESHOLD * 100}% of covered manifests`, function () {
      result = runPolaris();
      console.log('\n' + result.report);
      printDisagreements(result.disagreements);
      gate('Polaris', result, THRESHOLD);
    });
    it('every polaris alias names a Polaris check', function () {
      if (!result) this.skip();
      assert.deepEqual(result.unknownAliases, []);
    });
  });

  describe('Trivy KSV checks', function () {
    before(function () {
      requireCorpus(path.join(K8S_CORPORA.trivy, 'expectations.jsonl'), 'Trivy agreement');
    });
    let result: CorpusResult;
    it(`agrees on at least ${THRESHOLD * 100}% of covered examples`, function () {
      result = runTrivy();
      console.log('\n' + result.report);
      printDisagreements(result.disagreements);
      gate('Trivy (Kubernetes)', result, THRESHOLD);
    });
    it('every trivy alias of a k8s rule names a known Kubernetes check (KSV-xxxx / KCV-xxxx)', function () {
      if (!result) this.skip();
      assert.deepEqual(result.unknownAliases, []);
    });
  });

  describe('Pod Security Standards fixtures', function () {
    before(function () {
      requireCorpus(path.join(K8S_CORPORA.pss, 'expectations.jsonl'), 'PSS agreement');
    });
    let result: PssResult;
    it('agrees on every covered Pod, per level (baseline, restricted)', function () {
      result = runPss();
      console.log('\n' + result.report);
      printDisagreements(result.disagreements);
      gate('PSS baseline', result.levels.baseline, PSS_THRESHOLD);
      gate('PSS restricted', result.levels.restricted, PSS_THRESHOLD);
    });
    it('every pss alias names a PSS check', function () {
      if (!result) this.skip();
      assert.deepEqual(result.unknownAliases, []);
    });
  });
});

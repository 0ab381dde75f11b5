// Agreement of our Dockerfile rules with peer tools on their own test corpora, through rule `aliases`:
//   - BuildKit build checks (moby/buildkit dockerfile_check_test.go): exact expected warnings per case.
//     Per peer rule and case, the set of expected lines must equal the set of lines where our aliased
//     rule(s) report; both sides are mapped to the first line of the instruction that holds them
//     (peers report per instruction, we may point at a token on a continuation line). `# check=`
//     directives and the BUILDKIT_DOCKERFILE_CHECK build argument are honoured as BuildKit does.
//   - Trivy DS checks (aquasecurity/trivy-checks examples): `bad` must raise the check, `good` must not.
// Every docker rule runs at least at `warn` here (a rule that is `off` by default is still compared).
// Deliberate differences are listed in EXCLUSIONS, each with its reason.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Level, PeerTool, Rule } from '../../rules/types';
import { rulesOfDomain } from '../../rules/index';
import { parseDockerfile, type DockerModel } from '../../rules/docker/language';
import { lintText, ENGINE_IDS, type Finding } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';
import { DOCKER_CORPORA, requireCorpus } from './corpora';
import { aliasIndex as aliasIndexOf, gate as gateAt, normTrivy, pct, printDisagreements, table, tally, type Disagreement, type Tally } from './agreement';

/** Minimum agreement on covered cases, per peer corpus. */
const THRESHOLD = 0.95;

interface Exclusion {
  corpus: 'buildkit' | 'trivy';
  /** Buildkit: case dir (`cases/testX/NN`); trivy: example file (`extracted/dockerfile/DS-xxxx/bad-1.Dockerfile`). */
  case: string;
  /** Buildkit rule name or trivy check id (`DS-0002`). */
  peerRule: string;
  reason: string;
}

/** Deliberate differences: only where we are defensibly better or the case needs what a static linter cannot know. */
const EXCLUSIONS: Exclusion[] = [
  {
    corpus: 'buildkit',
    case: 'cases/testRuleCheckOption/07',
    peerRule: 'FromAsCasing',
    reason:
      'The file says `#check=skip=all`; the test replaces that with the build argument BUILDKIT_DOCKERFILE_CHECK=skip=ConsistentInstructionCasing, which a static linter never sees. We honour the file (as BuildKit does without the argument) and report nothing.',
  },
];

// ---------------------------------------------------------------------------------------------
// Shared helpers

const dockerRules = rulesOfDomain('docker');
/** Every docker rule forced on: comparison is about what a rule finds, not about default levels. */
const allOn = resolveConfig({}, { ruleLevels: Object.fromEntries(dockerRules.map((r) => [r.id, 'warn' as Level])) });

function aliasIndex(tool: PeerTool, norm: (id: string) => string): Map<string, Rule[]> {
  return aliasIndexOf(dockerRules, tool, norm);
}

function lint(text: string, file: string): Finding[] {
  const result = lintText({ path: file, text, config: allOn });
  assert.ok(result, `${file} is not recognised as a Dockerfile`);
  return result.findings;
}

// ---------------------------------------------------------------------------------------------
// BuildKit

interface BkWarning {
  rule: string;
  line: number;
  detail: string;
}
interface BkCase {
  dir: string;
  test_func: string;
  expected_warnings: BkWarning[];
  expected_unmarshal_warnings: BkWarning[] | null;
  other_params: Record<string, string>;
}

/** `check=` settings (`skip=A,B;error=true;experimental=C`), as BuildKit's linter reads them. */
interface CheckConfig {
  skipAll: boolean;
  skip: Set<string>;
  experimentalAll: boolean;
  experimental: Set<string>;
}
const emptyCheck = (): CheckConfig => ({ skipAll: false, skip: new Set(), experimentalAll: false, experimental: new Set() });

function parseCheckValue(value: string): CheckConfig {
  const cfg = emptyCheck();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const names = part
      .slice(eq + 1)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (key === 'skip') {
      if (names.includes('all')) cfg.skipAll = true;
      else names.forEach((n) => cfg.skip.add(n));
    } else if (key === 'experimental') {
      if (names.includes('all')) cfg.experimentalAll = true;
      else names.forEach((n) => cfg.experimental.add(n));
    }
  }
  return cfg;
}

function mergeCheck(a: CheckConfig, b: CheckConfig): CheckConfig {
  return {
    skipAll: a.skipAll || b.skipAll,
    skip: new Set([...a.skip, ...b.skip]),
    experimentalAll: a.experimentalAll || b.experimentalAll,
    experimental: new Set([...a.experimental, ...b.experimental]),
  };
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

/** Value of a `check` directive in a comment line, cut at the first space as BuildKit does (`skip=X // why`). */
function checkDirective(line: string): string | null {
  const m = DIRECTIVE.exec(line.trim());
  if (!m || m[1].toLowerCase() !== 'check') return null;
  return m[2].split(/\s/)[0];
}

/** Parser directives BuildKit knows; an unknown one is a plain comment and ends the directive block. */
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);

/** The leading parser-directive lines (0-based count): BuildKit reads them once, for the whole file. */
function directiveLines(lines: string[]): number {
  let n = 0;
  for (const raw of lines) {
    const m = DIRECTIVE.exec((n === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim());
    if (!m || !KNOWN_DIRECTIVES.has(m[1].toLowerCase())) break;
    n++;
  }
  return n;
}

/**
 * The file-wide lint configuration: the `# check=` parser directive at the top of the file, replaced
 * by the `BUILDKIT_DOCKERFILE_CHECK` build argument when the test sets one.
 */
function fileCheckConfig(text: string, c: BkCase): CheckConfig {
  const attrs = c.other_params.FrontendAttrs ?? '';
  const fromArg = /"build-arg:BUILDKIT_DOCKERFILE_CHECK"\s*:\s*"([^"]*)"/.exec(attrs);
  if (fromArg) return parseCheckValue(fromArg[1]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const raw of lines.slice(0, directiveLines(lines))) {
    const v = checkDirective(raw);
    if (v !== null) return parseCheckValue(v);
  }
  return emptyCheck();
}

/**
 * `# check=skip=...` comments right above an instruction apply to that instruction only (BuildKit
 * merges them into the instruction's linter). Key: 1-based start line of the instruction.
 */
function instructionCheckConfigs(text: string, model: DockerModel): Map<number, CheckConfig> {
  const lines = text.split(/\r\n|\r|\n/);
  const out = new Map<number, CheckConfig>();
  // Parser directives are not comments of the first instruction (a build argument can replace them).
  let prevEnd = directiveLines(lines) - 1;
  for (const ins of model.instructions) {
    let comments: string[] = [];
    for (let l = prevEnd + 1; l < ins.range.start.line; l++) {
      const t = (lines[l] ?? '').trim();
      if (!t.startsWith('#')) continue;
      if (t.slice(1).trim() === '') comments = [];
      else comments.push(t);
    }
    for (const c of comments) {
      const v = checkDirective(c);
      if (v !== null) {
        out.set(ins.range.start.line + 1, parseCheckValue(v));
        break;
      }
    }
    prevEnd = Math.max(prevEnd, ins.range.end.line);
  }
  return out;
}

/** Map a 1-based line to the start line of the instruction that contains it (peers report per instruction). */
function instructionStart(model: DockerModel, line: number): number {
  const l0 = line - 1;
  const ins = model.instructions.find((i) => i.range.start.line <= l0 && l0 <= i.range.end.line);
  return ins ? ins.range.start.line + 1 : line;
}

/** BuildKit rule names and which are experimental (those run only when enabled, and ignore skip). */
function buildkitRuleset(cases: BkCase[]): { names: Set<string>; experimental: Set<string> } {
  const names = new Set<string>();
  const experimental = new Set<string>();
  const file = path.join(DOCKER_CORPORA.buildkit, 'frontend/dockerfile/linter/ruleset.go');
  if (existsSync(file)) {
    const blocks = readFileSync(file, 'utf8').split(/LinterRule\[/).slice(1);
    for (const b of blocks) {
      const name = /^\s*Name:\s*"([^"]+)"/m.exec(b)?.[1];
      if (!name) continue;
      names.add(name);
      if (/^\s*Experimental:\s*true/m.test(b)) experimental.add(name);
    }
  }
  for (const c of cases) for (const w of [...c.expected_warnings, ...(c.expected_unmarshal_warnings ?? [])]) names.add(w.rule);
  return { names, experimental };
}

/** Which BuildKit rule(s) a test function is about; others default to the function name minus `test`. */
const TEST_FUNC_RULES: Record<string, string[]> = {
  testDefinitionDescription: ['InvalidDefinitionDescription'],
  testCopyIgnoredFiles: ['CopyIgnoredFile'],
  testCopyIgnoredFileContextRoot: ['CopyIgnoredFile'],
  testAllTargetUnmarshal: ['UndefinedVar'],
  testRuleCheckOption: ['FromAsCasing', 'ConsistentInstructionCasing'],
  testStageName: ['StageNameCasing', 'FromAsCasing'],
  testUndeclaredArg: ['UndefinedArgInFrom'],
  testUnmatchedVars: ['UndefinedVar'],
  testWarningsBeforeError: ['StageNameCasing', 'MaintainerDeprecated'],
};

function runBuildkit(): { report: string; disagreements: Disagreement[]; covered: number; agreed: number; unknownAliases: string[] } {
  const root = path.join(DOCKER_CORPORA.buildkit, 'extracted');
  const cases: BkCase[] = readFileSync(path.join(root, 'expectations.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const ruleset = buildkitRuleset(cases);
  const index = aliasIndex('buildkit', (id) => id);
  const unknownAliases = [...index.keys()].filter((k) => !ruleset.names.has(k)).map((k) => `${k} (alias of ${index.get(k)!.map((r) => r.id).join(', ')})`);
  const perRule = new Map<string, Tally>();
  const disagreements: Disagreement[] = [];
  const usedExclusions = new Set<Exclusion>();
  const notes: string[] = [];

  for (const c of cases) {
    const file = path.join(root, c.dir, 'Dockerfile');
    const text = readFileSync(file, 'utf8');
    const model = parseDockerfile(text);
    const findings = lint(text, 'Dockerfile');
    const broken = findings.filter((f) => f.ruleId === ENGINE_IDS.parseError || f.ruleId === ENGINE_IDS.internalError);
    if (broken.length) notes.push(`${c.dir}: ${broken.map((f) => `${f.ruleId}: ${f.message}`).join('; ')}`);
    const fileCfg = fileCheckConfig(text, c);
    const localCfg = instructionCheckConfigs(text, model);
    // The lint subrequest (UnmarshalWarnings) lints every stage, as a static linter does; the build
    // path only lints the stages of the target. Upstream does not check `Line` on that path.
    const unmarshal = c.expected_unmarshal_warnings !== null;
    const expectedAll = c.expected_unmarshal_warnings ?? c.expected_warnings;
    const about = TEST_FUNC_RULES[c.test_func] ?? [c.test_func.replace(/^test/, '')];

    for (const [peerRule, ours] of index) {
      if (!ruleset.names.has(peerRule)) continue;
      const t = perRule.get(peerRule) ?? tally();
      perRule.set(peerRule, t);
      const isExperimental = ruleset.experimental.has(peerRule);
      if (isExperimental ? !(fileCfg.experimentalAll || fileCfg.experimental.has(peerRule)) : fileCfg.skipAll || fileCfg.skip.has(peerRule)) {
        if (about.includes(peerRule)) t.skipped++;
        continue;
      }
      const ourIds = new Set(ours.map((r) => r.id));
      const expected = expectedAll.filter((w) => w.rule === peerRule);
      const gotLines = new Set<number>();
      for (const f of findings) {
        if (!ourIds.has(f.ruleId)) continue;
        const line = instructionStart(model, f.range.start.line + 1);
        const local = localCfg.get(line);
        if (local && !isExperimental && (local.skipAll || local.skip.has(peerRule))) continue;
        gotLines.add(line);
      }
      if (!about.includes(peerRule) && expected.length === 0 && gotLines.size === 0) continue;
      const expLines = new Set(expected.map((w) => instructionStart(model, w.line)));
      const agree = unmarshal ? expected.length === gotLines.size : expLines.size === gotLines.size && [...expLines].every((l) => gotLines.has(l));
      const excl = EXCLUSIONS.find((e) => e.corpus === 'buildkit' && e.case === c.dir && e.peerRule === peerRule);
      if (excl) {
        usedExclusions.add(excl);
        t.excluded++;
        continue;
      }
      t.covered++;
      if (agree) t.agreed++;
      else {
        const fmt = (s: Set<number>) => (s.size ? `lines ${[...s].sort((a, b) => a - b).join(',')}` : 'none');
        disagreements.push({
          corpus: 'buildkit',
          peerRule,
          ours: [...ourIds].join(','),
          case: c.dir,
          expected: unmarshal ? `${expected.length} warning(s) (lint subrequest; upstream does not check lines)` : fmt(expLines),
          got: fmt(gotLines),
        });
      }
    }
  }

  const rows = [['buildkit rule', 'our rule(s)', 'covered', 'agreed', 'excluded', 'skipped by check=', 'agreement']];
  let covered = 0;
  let agreed = 0;
  let skipped = 0;
  for (const [peerRule, t] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.push([peerRule, index.get(peerRule)!.map((r) => r.id).join(', '), String(t.covered), String(t.agreed), String(t.excluded), String(t.skipped), pct(t.agreed, t.covered)]);
    covered += t.covered;
    agreed += t.agreed;
    skipped += t.skipped;
  }
  rows.push(['BUILDKIT OVERALL', '', String(covered), String(agreed), String(usedExclusions.size), String(skipped), pct(agreed, covered)]);
  const notCovered = [...ruleset.names].filter((n) => !index.has(n)).sort();
  const casesAbout = (n: string) => cases.filter((c) => (TEST_FUNC_RULES[c.test_func] ?? [c.test_func.replace(/^test/, '')]).includes(n) || c.expected_warnings.some((w) => w.rule === n)).length;
  let report = `BuildKit build checks (${cases.length} cases; a case counts for a rule when it tests that rule or either tool reports it there)\n${table(rows)}\n`;
  report += `  not covered (no rule aliases them): ${notCovered.map((n) => `${n} (${casesAbout(n)} cases)`).join(', ') || 'none'}\n`;
  report += staleExclusions('buildkit', usedExclusions);
  if (notes.length) report += `  cases our engine did not lint normally:\n${notes.map((n) => `    ${n}`).join('\n')}\n`;
  return { report, disagreements, covered, agreed, unknownAliases };
}

function staleExclusions(corpus: Exclusion['corpus'], used: Set<Exclusion>): string {
  let out = [...used].map((e) => `  excluded ${e.case} ${e.peerRule}: ${e.reason}\n`).join('');
  const stale = EXCLUSIONS.filter((e) => e.corpus === corpus && !used.has(e));
  if (stale.length) out += `  exclusions that matched no covered case (remove them): ${stale.map((e) => `${e.case} ${e.peerRule}`).join('; ')}\n`;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Trivy

interface TrivyExample {
  check_id: string;
  aliases: string[];
  title: string;
  file: string;
  expect: 'pass' | 'fail';
  deprecated: boolean;
}

function runTrivy(): { report: string; disagreements: Disagreement[]; covered: number; agreed: number; unknownAliases: string[] } {
  const root = DOCKER_CORPORA.trivy;
  const examples: TrivyExample[] = readFileSync(path.join(root, 'expectations.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((e: TrivyExample) => e.file.startsWith('extracted/dockerfile/'));
  const index = aliasIndex('trivy', normTrivy);
  const known = new Set<string>();
  const metaFile = path.join(root, 'checks_metadata.json');
  if (existsSync(metaFile)) for (const m of JSON.parse(readFileSync(metaFile, 'utf8')) as { id: string }[]) known.add(normTrivy(m.id));
  for (const e of examples) known.add(normTrivy(e.check_id));
  const unknownAliases = [...index.keys()].filter((k) => k.startsWith('DS-') === false || !known.has(k)).map((k) => `${k} (alias of ${index.get(k)!.map((r) => r.id).join(', ')})`);

  const perCheck = new Map<string, Tally & { ours: string; title: string }>();
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
    const t = perCheck.get(id) ?? { ...tally(), ours: ours.map((r) => r.id).join(', '), title: e.title };
    perCheck.set(id, t);
    const ourIds = new Set(ours.map((r) => r.id));
    const text = readFileSync(path.join(root, e.file), 'utf8');
    const findings = lint(text, path.basename(e.file));
    const hits = findings.filter((f) => ourIds.has(f.ruleId));
    const agree = e.expect === 'fail' ? hits.length > 0 : hits.length === 0;
    const excl = EXCLUSIONS.find((x) => x.corpus === 'trivy' && x.case === e.file && x.peerRule === id);
    if (excl) {
      used.add(excl);
      t.excluded++;
      continue;
    }
    t.covered++;
    if (agree) t.agreed++;
    else {
      const broken = findings.find((f) => f.ruleId === ENGINE_IDS.parseError || f.ruleId === ENGINE_IDS.internalError);
      disagreements.push({
        corpus: 'trivy',
        peerRule: id,
        ours: [...ourIds].join(','),
        case: e.file,
        expected: e.expect === 'fail' ? 'a finding' : 'no finding',
        got: hits.length ? hits.map((f) => `line ${f.range.start.line + 1}: ${f.message}`).join(' | ') : broken ? `nothing (${broken.ruleId}: ${broken.message})` : 'nothing',
      });
    }
  }
  const rows = [['trivy check', 'our rule(s)', 'covered', 'agreed', 'excluded', 'agreement']];
  let covered = 0;
  let agreed = 0;
  for (const [id, t] of [...perCheck].sort((a, b) => a[0].localeCompare(b[0]))) {
    rows.push([`${id} ${t.title}`.slice(0, 60), t.ours, String(t.covered), String(t.agreed), String(t.excluded), pct(t.agreed, t.covered)]);
    covered += t.covered;
    agreed += t.agreed;
  }
  rows.push(['TRIVY OVERALL', '', String(covered), String(agreed), String(used.size), pct(agreed, covered)]);
  let report = `Trivy DS checks (${examples.length} Dockerfile examples: bad must raise the check, good must not)\n${table(rows)}\n`;
  report += `  not covered (no rule aliases them): ${[...notCovered].sort().map(([id, n]) => `${id} (${n})`).join(', ') || 'none'}\n`;
  report += staleExclusions('trivy', used);
  return { report, disagreements, covered, agreed, unknownAliases };
}

// ---------------------------------------------------------------------------------------------

function gate(name: string, r: { covered: number; agreed: number }): void {
  gateAt(name, r, THRESHOLD);
}

describe('docker corpus agreement', function () {
  this.timeout(120_000);

  describe('BuildKit build checks', function () {
    before(function () {
      requireCorpus(path.join(DOCKER_CORPORA.buildkit, 'extracted/expectations.jsonl'), 'BuildKit agreement');
    });
    let result: ReturnType<typeof runBuildkit>;
    it(`agrees on at least ${THRESHOLD * 100}% of covered cases`, function () {
      result = runBuildkit();
      console.log('\n' + result.report);
      printDisagreements(result.disagreements);
      gate('BuildKit', result);
    });
    it('every buildkit alias names a BuildKit rule', function () {
      if (!result) this.skip();
      assert.deepEqual(result.unknownAliases, []);
    });
  });

  describe('Trivy DS checks', function () {
    before(function () {
      requireCorpus(path.join(DOCKER_CORPORA.trivy, 'expectations.jsonl'), 'Trivy agreement');
    });
    let result: ReturnType<typeof runTrivy>;
    it(`agrees on at least ${THRESHOLD * 100}% of covered examples`, function () {
      result = runTrivy();
      console.log('\n' + result.report);
      printDisagreements(result.disagreements);
      gate('Trivy', result);
    });
    it('every trivy alias names a known Dockerfile check (DS-xxxx)', function () {
      if (!result) this.skip();
      assert.deepEqual(result.unknownAliases, []);
    });
  });
});

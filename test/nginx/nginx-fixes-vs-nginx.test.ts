// Every quick fix against nginx itself: on every corpus config that `nginx -t` accepts (after the
// neutralisations of nginx-t.ts), every fix and every suggestion any nginx rule offers is applied
// and the result must
//   - still parse, with no new finding of the validity rules (unknown directive, not allowed here,
//     invalid arguments) and no rule crashing on it,
//   - no longer have the finding (same rule, same line, same message; fixes only: a suggestion's
//     values are for a human to confirm, so "gone" is reported, not required),
//   - be accepted by `nginx -t`, wrapped in the same context, with the same neutralisations replayed
//     and only environmental ones (a missing file, host or certificate) added afresh: never a module
//     directive, so a fix that inserts what nginx 1.22 does not know (`http2 on`) fails here.
// Fix-all (the engine's loop over verified fixes) is applied per file and checked the same way.
// Rules run with a workspace view of the file's own corpus folder (its upstream project, or its gixy
// plugin folder), as in a CLI scan of that folder, so include-aware rules behave as they do there.
// Rules that are off by default run at `warn`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesOfDomain } from '../../rules/index';
import { nginxLanguage, type NginxModel } from '../../rules/nginx/language';
import { httpServers, insertLines } from '../../rules/nginx/model';
import { applyTextEdits, LineIndex } from '../../rules/text';
import { FIX_TYPES, defineRule, type Fix, type Rule, type TextEdit, type WorkspaceView } from '../../rules/types';
import { ENGINE_IDS, lintText, staticWorkspace, type Finding, type LintOptions } from '../../server/src/engine/runner';
import { fixAll, verifiedFixes } from '../../server/src/engine/fix';
import { resolveConfig, type ResolvedConfig } from '../../server/src/engine/config';
import { requireCorpus } from '../corpus/corpora';
import { ENVIRONMENT_ONLY, WILD_NGINX, corpusVsNginx, ourProblems, requireNginx, sharedRunner, type CorpusVerdict, type Subject, type Verdict } from './nginx-t';

type Kind = 'fix' | 'suggestion' | 'fix-all';

interface Attempt {
  kind: Kind;
  rule: string;
  corpus: CorpusVerdict;
  title: string;
  line: number;
  message: string;
  before: string;
  after: string;
  /** Our objections to the result that the original did not have. */
  ours: string[];
  /** The finding is gone (null for fix-all). */
  gone: boolean | null;
  /** The engine's verification keeps this fix (fixes only). */
  engineKeeps: boolean | null;
  nginx?: Verdict;
}

const workspaces = new Map<string, WorkspaceView>();

/** The nginx files of the config's corpus folder as a workspace (built once per folder). */
function workspaceOf(c: CorpusVerdict, all: CorpusVerdict[]): WorkspaceView {
  let ws = workspaces.get(c.config.folder);
  if (!ws) {
    const entries = all
      .filter((o) => o.config.folder === c.config.folder)
      .map((o) => {
        const model = nginxLanguage.parse(o.config.text, o.config.file).model;
        return { domain: 'nginx', path: o.config.file, items: nginxLanguage.indexItems?.(model, o.config.file) ?? [] };
      });
    workspaces.set(c.config.folder, (ws = staticWorkspace(entries)));
  }
  return ws;
}

/** Every nginx rule on: the recommended levels, and `warn` for rules that are off by default. */
function allOnConfig(rules: Rule[]): ResolvedConfig {
  return resolveConfig({ rules: Object.fromEntries(rules.filter((r) => r.level === 'off').map((r) => [r.id, 'warn' as const])) });
}

function ruleCounts(problems: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of problems) {
    const id = / (\S+): /.exec(p)?.[1] ?? p;
    m.set(id, (m.get(id) ?? 0) + 1);
  }
  return m;
}

/** Our validity objections to `after` beyond those `before` already had. */
function newProblems(before: string[], after: string[]): string[] {
  const b = ruleCounts(before);
  const a = ruleCounts(after);
  return after.filter((p) => {
    const id = / (\S+): /.exec(p)?.[1] ?? p;
    return (a.get(id) ?? 0) > (b.get(id) ?? 0);
  });
}

/** Where an offset of the old text lands after the edits (the start of a replacement it falls in). */
function mapOffset(text: string, edits: TextEdit[], offset: number): number {
  const index = new LineIndex(text);
  let shift = 0;
  for (const e of edits) {
    const s = index.offsetAt(e.range.start);
    const end = index.offsetAt(e.range.end);
    // An edit that ends at or before the offset (an insertion right at it included) moves it.
    if (end <= offset) shift += e.newText.length - (end - s);
    else if (s <= offset && offset < end) return s + shift;
  }
  return offset + shift;
}

function stillReported(before: Finding[], after: Finding[], f: Finding, text: string, fixed: string, edits: TextEdit[]): boolean {
  const line = new LineIndex(fixed).positionAt(mapOffset(text, edits, new LineIndex(text).offsetAt(f.range.start))).line;
  const count = (fs: Finding[]) => fs.filter((x) => x.ruleId === f.ruleId).length;
  return count(after) >= count(before) || after.some((x) => x.ruleId === f.ruleId && x.range.start.line === line && x.message === f.message);
}

/** A short line diff: the changed middle of the two texts, with line numbers. */
function lineDiff(a: string, b: string, max = 24): string {
  const x = a.split(/\r?\n/);
  const y = b.split(/\r?\n/);
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const out = [
    `@@ line ${pre + 1}`,
    ...x.slice(pre, x.length - suf).map((l) => `- ${l}`),
    ...y.slice(pre, y.length - suf).map((l) => `+ ${l}`),
  ];
  return (out.length > max ? [...out.slice(0, max), `  ... (${out.length - max} more)`] : out).map((l) => `        ${l}`).join('\n');
}

/**
 * Apply every fix and suggestion the rules offer on every nginx-accepted corpus config, and
 * fix-all per file; check each result with our parser and with nginx.
 */
function checkFixes(bin: string, corpus: CorpusVerdict[], rules: Rule[], config: ResolvedConfig, onlyRules?: Rule[]): Attempt[] {
  const attempts: Attempt[] = [];
  for (const c of corpus) {
    if (!c.nginx.ok) continue;
    const { file, text } = c.config;
    const opts: LintOptions = { path: file, text, languageId: 'nginx', config, workspace: workspaceOf(c, corpus), onlyRules };
    const before = lintText(opts);
    if (!before) continue;
    const ruleIds = new Set(rules.map((r) => r.id));
    const findings = before.findings.filter((f) => ruleIds.has(f.ruleId) && (f.fix || f.suggestions?.length));
    if (!findings.length) continue;
    const ourBefore = ourProblems(text, file);
    const kept = verifiedFixes(opts, findings);
    const crashed = (fs: Finding[]) => fs.filter((x) => x.ruleId === ENGINE_IDS.internalError).map((x) => x.message);
    const attempt = (kind: Kind, f: Finding | null, fix: Fix | null, after: string, title: string): Attempt => {
      const relinted = lintText({ ...opts, text: after });
      const gone = f && fix ? !!relinted && !stillReported(before.findings, relinted.findings, f, text, after, fix.edits) : null;
      // A rule that crashes on the fixed text (and did not on the original) is a failure too.
      const crashes = crashed(relinted?.findings ?? []).filter((m) => !crashed(before.findings).includes(m));
      return {
        kind,
        rule: f?.ruleId ?? '(fix-all)',
        corpus: c,
        title,
        line: f ? f.range.start.line + 1 : 0,
        message: f?.message ?? '',
        before: text,
        after,
        ours: [...newProblems(ourBefore, ourProblems(after, file)), ...crashes],
        gone,
        engineKeeps: kind === 'fix' && f ? kept.has(f) : null,
      };
    };
    for (const f of findings) {
      for (const [kind, fix] of [...(f.fix ? [['fix', f.fix] as const] : []), ...(f.suggestions ?? []).map((s) => ['suggestion', s] as const)]) {
        let after: string;
        try {
          after = applyTextEdits(text, fix.edits);
        } catch (e) {
          attempts.push({ ...attempt(kind, f, null, text, fix.title), ours: [`the edits do not apply: ${(e as Error).message}`], gone: false });
          continue;
        }
        attempts.push(attempt(kind, f, fix, after, fix.title));
      }
    }
    if (findings.some((f) => f.fix)) {
      const all = fixAll(opts, { types: FIX_TYPES });
      if (all.applied > 0) attempts.push(attempt('fix-all', null, null, all.text, `fix-all (${all.applied} fixes, ${all.passes} passes)`));
    }
  }
  const subjects: Subject[] = attempts.map((a, i) => ({
    key: `${i}`,
    text: a.after,
    contexts: [a.corpus.nginx.context],
    replay: a.corpus.nginx.neutralisations,
    allow: ENVIRONMENT_ONLY,
  }));
  const verdicts = sharedRunner(bin).checkMany(subjects);
  attempts.forEach((a, i) => (a.nginx = verdicts[i]));
  return attempts;
}

function failed(a: Attempt): string[] {
  const why: string[] = [];
  if (!a.nginx?.ok) why.push(`nginx -t rejects it: ${a.nginx?.message}`);
  if (a.ours.length) why.push(`our parser or validity rules object, or a rule crashes: ${a.ours.join('; ')}`);
  if (a.kind === 'fix' && a.gone === false) why.push('the finding is still reported after the fix');
  return why;
}

function describeFailure(a: Attempt, why: string[]): string {
  const extra = a.nginx?.neutralisations.length ? `\n      neutralised afresh: ${a.nginx.neutralisations.map((n) => `${n.category}: ${n.what}`).join('; ')}` : '';
  return [
    `  ${a.rule} ${a.kind} "${a.title}" on ${a.corpus.config.id}${a.line ? `:${a.line}` : ''}`,
    ...(a.message ? [`      finding: ${a.message}`] : []),
    ...why.map((w) => `      ${w}`),
    lineDiff(a.before, a.after) + extra,
  ].join('\n');
}

function table(attempts: Attempt[]): string {
  const rows = new Map<string, { fix: number; keeps: number; fixNginx: number; fixGone: number; sug: number; sugNginx: number; sugGone: number }>();
  for (const a of attempts) {
    const r = rows.get(a.rule) ?? { fix: 0, keeps: 0, fixNginx: 0, fixGone: 0, sug: 0, sugNginx: 0, sugGone: 0 };
    rows.set(a.rule, r);
    if (a.kind === 'suggestion') {
      r.sug++;
      if (a.nginx?.ok) r.sugNginx++;
      if (a.gone) r.sugGone++;
    } else {
      r.fix++;
      if (a.engineKeeps) r.keeps++;
      if (a.nginx?.ok) r.fixNginx++;
      if (a.gone) r.fixGone++;
    }
  }
  const w = Math.max(28, ...[...rows.keys()].map((k) => k.length));
  const head = `  ${'rule'.padEnd(w)}  fixes  engine-keeps  nginx-ok  gone | suggestions  nginx-ok  gone   (fix-all: files changed)`;
  const lines = [...rows]
    .sort(([a], [b]) => (a === '(fix-all)' ? 1 : b === '(fix-all)' ? -1 : a.localeCompare(b)))
    .map(([id, r]) => {
      // Fix-all: one result per file changed; "kept" and "gone" do not apply.
      const all = id === '(fix-all)';
      const n = (v: number, width: number, na = false) => (na ? '-' : String(v)).padStart(width);
      return `  ${id.padEnd(w)}  ${n(r.fix, 5)}  ${n(r.keeps, 12, all)}  ${n(r.fixNginx, 8)}  ${n(r.fixGone, 4, all)} | ${n(r.sug, 11)}  ${n(r.sugNginx, 8)}  ${n(r.sugGone, 4)}`;
    });
  return [head, ...lines].join('\n');
}

function fresh(attempts: Attempt[]): string {
  const m = new Map<string, number>();
  for (const a of attempts) for (const n of a.nginx?.neutralisations ?? []) m.set(n.category, (m.get(n.category) ?? 0) + 1);
  return m.size ? ` (${[...m].map(([c, k]) => `${c} ${k}`).join(', ')})` : '';
}

function writeReport(attempts: Attempt[]): string {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-results/nginx-t');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'fixes.txt');
  const out = attempts.map((a) => {
    const why = failed(a);
    const extra = (a.nginx?.neutralisations ?? []).map((n) => `\n      neutralised afresh (${n.category}): ${n.what}`).join('');
    return `${why.length ? 'FAIL' : 'ok  '} ${a.rule} ${a.kind} "${a.title}" on ${a.corpus.config.id}${a.line ? `:${a.line}` : ''}${a.gone === false ? ' (finding remains)' : ''}${why.length ? '\n' + why.map((x) => `      ${x}`).join('\n') : ''}${extra}\n${lineDiff(a.before, a.after, 12)}`;
  });
  writeFileSync(file, out.join('\n') + '\n');
  return file;
}

describe('nginx fixes vs nginx -t (corpus)', function () {
  this.timeout(300_000);
  let bin = '';

  before(function () {
    requireCorpus(WILD_NGINX, 'the wild nginx corpus');
    bin = requireNginx(this);
  });

  it('every fix and suggestion on every corpus config yields a config nginx accepts, without the finding', function () {
    const started = Date.now();
    const rules = rulesOfDomain('nginx');
    const corpus = corpusVsNginx(bin);
    const runsBefore = sharedRunner(bin).runs;
    const attempts = checkFixes(bin, corpus, rules, allOnConfig(rules));
    const failures = attempts.map((a) => [a, failed(a)] as const).filter(([, why]) => why.length > 0);
    const dropped = attempts.filter((a) => a.kind === 'fix' && a.engineKeeps === false);
    const remaining = attempts.filter((a) => a.kind === 'suggestion' && a.gone === false);
    const report = writeReport(attempts);
    const accepted = corpus.filter((c) => c.nginx.ok).length;
    const fixable = rules.filter((r) => r.fixable || r.hasSuggestions).map((r) => r.id);
    console.log(
      [
        `Fixes vs nginx -t on the ${accepted} corpus configs nginx accepts: ${attempts.length} results checked (${sharedRunner(bin).runs - runsBefore} nginx runs, ${((Date.now() - started) / 1000).toFixed(1)} s); rules with fixes or suggestions: ${fixable.join(', ') || 'none yet'}`,
        table(attempts),
        `  fixes the engine's own verification drops (never offered): ${dropped.length}${dropped.length ? '\n' + dropped.map((a) => `    ${a.rule} on ${a.corpus.config.id}:${a.line}`).join('\n') : ''}`,
        `  suggestions after which the finding remains (values to review): ${remaining.length}`,
        `  results whose replayed neutralisations no longer matched (the edit changed them): ${attempts.filter((a) => a.nginx?.replayMissed).length}; results that needed a fresh neutralisation: ${attempts.filter((a) => a.nginx?.neutralisations.length).length}${fresh(attempts)}`,
        `  every result: ${path.relative(process.cwd(), report)}`,
        ...(failures.length ? ['FAILURES:', ...failures.map(([a, why]) => describeFailure(a, why))] : []),
      ].join('\n'),
    );
    assert.deepEqual(failures.map(([a, why]) => `${a.rule} ${a.kind} on ${a.corpus.config.id}:${a.line}: ${why.join('; ')}`), []);
  });
});

// The check itself, with rules made to be wrong: it must catch a fix nginx 1.22 rejects, a fix that
// leaves its finding, and pass a good one.
describe('nginx fixes vs nginx -t: the check catches bad fixes', function () {
  this.timeout(120_000);
  let bin = '';

  before(function () {
    requireCorpus(WILD_NGINX, 'the wild nginx corpus');
    bin = requireNginx(this);
  });

  const serverRule = (id: string, directive: string, lines: string[]) =>
    defineRule<NginxModel>({
      id,
      title: `Test rule: servers set ${directive}`,
      level: 'warn',
      controls: ['edge.request-handling'],
      aliases: {},
      fixable: true,
      fixType: 'safe',
      docs: { rationale: 'test only', howToFix: 'test only', whenNotToUse: 'test only' },
      check(model, ctx) {
        for (const s of httpServers(model)) {
          if ((s.block ?? []).some((d) => d.name === directive)) continue;
          ctx.report({ range: model.index.range(s.start, s.nameEnd), message: `server without ${directive}`, fix: { title: `add ${directive}`, edits: [insertLines(model, s, lines, 'start')] } });
        }
      },
    }) as Rule;
  const good = serverRule('nginx/nginx-t-good-fix', 'keepalive_timeout', ['keepalive_timeout 65s;']);
  // http2 on is 1.25.1+: @nginx/reference-lib knows it, so only nginx 1.22 itself can object.
  const tooNew = serverRule('nginx/nginx-t-too-new-fix', 'client_body_timeout', ['client_body_timeout 10s;', 'http2 on;']);
  const noop = serverRule('nginx/nginx-t-noop-fix', 'send_timeout', ['# send_timeout is missing']);

  it('flags what is wrong and only that', function () {
    const corpus = corpusVsNginx(bin).filter((c) => /^wild\/(nginx\/conf\/nginx\.conf|h5bp\/conf\.d\/templates\/example\.com\.conf|nginx-demos\/nginx-hello\/hello\.conf)$/.test(c.config.id));
    assert.equal(corpus.length, 3, 'the sample configs are in the corpus');
    assert.ok(corpus.every((c) => c.nginx.ok), 'nginx accepts the sample configs');
    const rules = [good, tooNew, noop];
    const attempts = checkFixes(bin, corpus, rules, resolveConfig(), rules);
    const by = (id: string) => attempts.filter((a) => a.rule === id && a.kind === 'fix');
    assert.ok(by(good.id).length >= 3 && by(good.id).every((a) => failed(a).length === 0), by(good.id).map((a) => failed(a).join()).join('\n'));
    assert.ok(by(tooNew.id).length >= 3 && by(tooNew.id).every((a) => failed(a).some((w) => w.includes('unknown directive "http2"'))));
    assert.ok(by(noop.id).length >= 3 && by(noop.id).every((a) => failed(a).includes('the finding is still reported after the fix')));
    assert.ok(attempts.some((a) => a.kind === 'fix-all' && failed(a).some((w) => w.includes('http2'))), 'fix-all applies the too-new fix and nginx rejects it');
  });

  it('maps a finding line across edits above it', function () {
    const text = 'a;\nb;\nc;\n';
    const edits: TextEdit[] = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x;\ny;\n' }];
    assert.equal(mapOffset(text, edits, text.indexOf('c;')), text.indexOf('c;') + 'x;\ny;\n'.length);
    const inside: TextEdit[] = [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: 'B;\nB2;\n' }];
    assert.equal(mapOffset(text, inside, text.indexOf('b;') + 1), text.indexOf('b;'));
    assert.equal(mapOffset(text, inside, text.indexOf('c;')), text.indexOf('c;') + 4);
  });
});

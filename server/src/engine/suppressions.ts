// Inline suppressions: our own comments and the peers' forms, mapped through rule `aliases`.
//   # readiness-lint-disable-next-line <rule-id>[, <rule-id>] -- <reason>
//   # readiness-lint-disable-file <rule-id>[, ...] -- <reason>
//   # hadolint ignore=DL3002,DL3006        (next instruction)   # hadolint global ignore=...  (file)
//   # checkov:skip=CKV_DOCKER_3: reason     (file, as Checkov does for Dockerfiles)
//   # trivy:ignore:AVD-DS-0002              (next line)
//   # check=skip=JSONArgsRecommended,all    (BuildKit; file when a parser directive at the top,
//                                            else the next instruction)
//   // njsscan-ignore: helmet_feature_disabled   (JS/TS: trailing on the line, or on the line above)
//   // nosemgrep  |  // nosemgrep: a.b.rule-id   (JS/TS: all semgrep-aliased rules, or those ids)
import type { LineIndex } from '../../../rules/text';
import type { ObjectSuppression, PeerTool, Range, Rule } from '../../../rules/types';
import { allRules } from '../../../rules/index';

export interface Suppression {
  /** Rule ids (ours) this suppression silences; '*' for all. */
  ruleIds: string[];
  /** 'line' suppressions cover [firstLine, lastLine]; 'file' cover everything. */
  scope: 'line' | 'file';
  firstLine: number;
  lastLine: number;
  reason: string | null;
  /** Range of the comment, for reporting it. */
  range: Range;
  /** Our own syntax (reported when unused or without reason); peers' pragmas are only honoured. */
  own: boolean;
  used: boolean;
  /** Ids written that match no rule (ours: reported). */
  unknownIds: string[];
}

const OWN = /readiness-lint-disable-(next-line|file)\b\s*([^\n]*)/;

/** Peer id -> our rule ids, built once from aliases. Trivy ids match with or without `AVD-`. */
const peerIndex = new Map<string, string[]>();
function peerKey(tool: PeerTool, id: string): string {
  // semgrep ids may be written fully qualified (`javascript.express....express-cookie-session-no-secure`).
  const norm = tool === 'trivy' ? id.toUpperCase().replace(/^AVD-/, '') : tool === 'semgrep' ? id.split('.').pop()!.toUpperCase() : id.toUpperCase();
  return `${tool}:${norm}`;
}
function rulesForPeer(tool: PeerTool, id: string): string[] {
  // "all of that tool's checks": every rule that has an alias in that tool.
  if ((tool === 'buildkit' && id.toLowerCase() === 'all') || id === '*') {
    return (allRules as Rule[]).filter((r) => r.aliases[tool]?.length).map((r) => r.id);
  }
  if (peerIndex.size === 0) {
    for (const r of allRules as Rule[]) {
      for (const [t, ids] of Object.entries(r.aliases)) {
        for (const pid of ids ?? []) {
          const k = peerKey(t as PeerTool, pid);
          peerIndex.set(k, [...(peerIndex.get(k) ?? []), r.id]);
        }
      }
    }
  }
  return peerIndex.get(peerKey(tool, id)) ?? [];
}

/**
 * Find suppressions in the comment lines of a text. `statementEnd(line)` returns the last line of
 * the statement starting at `line` (a multi-line RUN), so a next-line suppression covers it all.
 */
export function findSuppressions(
  index: LineIndex,
  commentPrefix: string,
  statementEnd: (line: number) => number = (l) => l,
): Suppression[] {
  const out: Suppression[] = [];
  const text = index.text;
  if (!text.includes('readiness-lint-disable') && !/hadolint|checkov|trivy|check\s*=|njsscan-ignore|nosemgrep/.test(text)) return out;
  // njsscan and semgrep write their pragmas in JS/TS `//` comments, also after code on the line.
  const jsPeers = commentPrefix === '//';
  // Parser directives (`# key=value`) are only directives at the very top of the file.
  let inDirectives = true;
  for (let line = 0; line < index.lineCount; line++) {
    const raw = index.lineText(line);
    const trimmed = raw.trimStart();
    if (!trimmed.startsWith(commentPrefix)) {
      inDirectives = false;
      const trailing = jsPeers ? TRAILING_JS_PEER.exec(raw) : null;
      const ids = trailing ? jsPeerRules(trailing[1]) : null;
      // A trailing pragma covers its own line, and the statement that starts there.
      if (ids) out.push(peer(ids, false, line, statementEnd(line), null, index.range(index.lineStart(line) + trailing!.index, index.lineEnd(line))));
      continue;
    }
    const body = trimmed.slice(commentPrefix.length).trim();
    const directive = inDirectives && /^[a-z]+\s*=/i.test(body);
    if (!directive) inDirectives = false;
    const start = index.lineStart(line) + (raw.length - trimmed.length);
    const range = index.range(start, index.lineEnd(line));
    const nextTarget = () => {
      let t = line + 1;
      while (t < index.lineCount && (index.lineText(t).trim() === '' || index.lineText(t).trimStart().startsWith(commentPrefix))) t++;
      return t;
    };

    const own = OWN.exec(body);
    if (own) {
      const [idsPart, ...reasonParts] = own[2].split(/\s--\s?|\s--$/);
      const reason = reasonParts.join(' -- ').trim() || null;
      const ids = idsPart.split(/[,\s]+/).filter(Boolean);
      const known = ids.filter((id) => id === '*' || allRules.some((r) => r.id === id));
      const target = nextTarget();
      out.push({
        ruleIds: known,
        scope: own[1] === 'file' ? 'file' : 'line',
        firstLine: target,
        lastLine: own[1] === 'file' ? Number.MAX_SAFE_INTEGER : statementEnd(target),
        reason,
        range,
        own: true,
        used: false,
        unknownIds: ids.filter((id) => !known.includes(id)),
      });
      continue;
    }
    const hadolint = /^hadolint\s+(global\s+|stage\s+)?ignore=([A-Za-z0-9_,\s-]+?)(?:\s*#\s*(.*))?$/.exec(body);
    if (hadolint) {
      const ids = hadolint[2].split(/[,\s]+/).filter(Boolean).flatMap((id) => rulesForPeer('hadolint', id));
      const target = nextTarget();
      const file = !!hadolint[1]?.startsWith('global');
      out.push(peer(ids, file, target, file ? Number.MAX_SAFE_INTEGER : statementEnd(target), hadolint[3] ?? null, range));
      continue;
    }
    const checkov = /^checkov:skip=([A-Z0-9_]+)(?::\s*(.*))?$/.exec(body);
    if (checkov) {
      out.push(peer(rulesForPeer('checkov', checkov[1]), true, 0, Number.MAX_SAFE_INTEGER, checkov[2] ?? null, range));
      continue;
    }
    const buildkit = /^check\s*=\s*(.*)$/i.exec(body);
    if (buildkit) {
      // `check=skip=A,B;error=true // trailing words are ignored`
      const skip = buildkit[1].split(';').map((p) => /^\s*skip\s*=\s*([^\s;]*)/i.exec(p)?.[1]).find((v) => v !== undefined);
      if (skip !== undefined) {
        const ids = skip.split(',').map((x) => x.trim()).filter(Boolean).flatMap((id) => rulesForPeer('buildkit', id));
        const target = nextTarget();
        out.push(peer(ids, directive, target, directive ? Number.MAX_SAFE_INTEGER : statementEnd(target), null, range));
      }
      continue;
    }
    const trivy = /^trivy:ignore:([A-Za-z0-9-]+)/.exec(body);
    if (trivy) {
      const target = nextTarget();
      out.push(peer(rulesForPeer('trivy', trivy[1]), false, target, statementEnd(target), null, range));
      continue;
    }
    const js = jsPeers ? jsPeerRules(body) : null;
    if (js) {
      const target = nextTarget();
      out.push(peer(js, false, target, statementEnd(target), null, range));
    }
  }
  return out;
}

/** `// njsscan-ignore: ...` or `// nosemgrep...` after code on a line (group 1: the comment's body). */
const TRAILING_JS_PEER = /\/\/\s*((?:njsscan-ignore|nosemgrep)\b.*)$/;

/**
 * Our rules silenced by an njsscan or semgrep pragma (the comment's body after `//`), or null when
 * the body is not one. `nosemgrep` alone silences every rule with a semgrep alias.
 */
function jsPeerRules(body: string): string[] | null {
  const njsscan = /^njsscan-ignore\s*:\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)/.exec(body);
  if (njsscan) return njsscan[1].split(/\s*,\s*/).flatMap((id) => rulesForPeer('njsscan', id));
  const semgrep = /^nosemgrep\b(?:\s*:\s*([\w.\/-]+(?:\s*,\s*[\w.\/-]+)*))?/.exec(body);
  if (!semgrep) return null;
  if (!semgrep[1]) return rulesForPeer('semgrep', '*');
  return semgrep[1].split(/\s*,\s*/).flatMap((id) => rulesForPeer('semgrep', id));
}

function peer(ruleIds: string[], file: boolean, firstLine: number, lastLine: number, reason: string | null, range: Range): Suppression {
  return { ruleIds, scope: file ? 'file' : 'line', firstLine, lastLine, reason, range, own: false, used: false, unknownIds: [] };
}

/** File suppressions, and line suppressions sorted by first line with their longest span. */
interface SuppressionIndex {
  size: number;
  file: Suppression[];
  lines: Suppression[];
  maxSpan: number;
}
const indexes = new WeakMap<Suppression[], SuppressionIndex>();

/**
 * Built once per list: a file with thousands of suppressions and findings would otherwise test
 * every suppression for every finding.
 */
function indexOf(sups: Suppression[]): SuppressionIndex {
  let ix = indexes.get(sups);
  if (!ix || ix.size !== sups.length) {
    const lines = sups.filter((s) => s.scope === 'line').sort((a, b) => a.firstLine - b.firstLine);
    ix = { size: sups.length, file: sups.filter((s) => s.scope === 'file'), lines, maxSpan: lines.reduce((m, s) => Math.max(m, s.lastLine - s.firstLine), 0) };
    indexes.set(sups, ix);
  }
  return ix;
}

/** Is a finding of `ruleId` starting on `line` suppressed? Marks every suppression that covers it used. */
export function isSuppressed(sups: Suppression[], ruleId: string, line: number): boolean {
  const covers = (s: Suppression) => s.ruleIds.includes(ruleId) || s.ruleIds.includes('*');
  const ix = indexOf(sups);
  let hit = false;
  for (const s of ix.file) {
    if (covers(s)) hit = s.used = true;
  }
  // Line suppressions that start at or before `line`, back to the longest span: the only ones that can cover it.
  let lo = 0;
  let hi = ix.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ix.lines[mid].firstLine <= line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && ix.lines[i].firstLine >= line - ix.maxSpan; i--) {
    const s = ix.lines[i];
    if (line <= s.lastLine && covers(s)) hit = s.used = true;
  }
  return hit;
}

/** Suppressions written on objects (annotations), mapped to our rule ids through aliases. */
export function fromObjectSuppressions(list: ObjectSuppression[]): Suppression[] {
  return list.map((o) => {
    if (o.tool === 'own') {
      const known = o.ids.filter((id) => id === '*' || allRules.some((r) => r.id === id));
      return { ruleIds: known, scope: 'line', firstLine: o.firstLine, lastLine: o.lastLine, reason: o.reason, range: o.range, own: true, used: false, unknownIds: o.ids.filter((id) => !known.includes(id)) };
    }
    const ids = o.ids.flatMap((id) => rulesForPeer(o.tool as PeerTool, id));
    return peer(ids, false, o.firstLine, o.lastLine, o.reason, o.range);
  });
}

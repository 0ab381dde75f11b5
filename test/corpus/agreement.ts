// Helpers shared by the corpus agreement tests of every domain (docker-agreement, k8s-agreement):
// alias lookup, tallies, tables, the disagreement listing and the per-corpus gate.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { PeerTool, Rule } from '../../rules/types';

/** Rules of `rules` that name a check of `tool` in their aliases, keyed by the normalised check id. */
export function aliasIndex(rules: Rule[], tool: PeerTool, norm: (id: string) => string): Map<string, Rule[]> {
  const m = new Map<string, Rule[]>();
  for (const r of rules) {
    for (const id of r.aliases[tool] ?? []) {
      const k = norm(id);
      m.set(k, [...(m.get(k) ?? []), r]);
    }
  }
  return m;
}

/** One JSON object per non-empty line. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function pct(agreed: number, covered: number): string {
  return covered ? `${((100 * agreed) / covered).toFixed(1)}%` : '-';
}

/** Left-aligned first column, right-aligned others, two spaces of indent. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

export interface Tally {
  covered: number;
  agreed: number;
  excluded: number;
  /** Cases where the peer itself does not run the rule (`check=skip`, experimental not enabled). */
  skipped: number;
}
export const tally = (): Tally => ({ covered: 0, agreed: 0, excluded: 0, skipped: 0 });

/** `AVD-DS-0002`, `DS-0002`, `DS002`, `AVD-KSV-0017`, `KSV017` -> `DS-0002` / `KSV-0017`. */
export function normTrivy(id: string): string {
  const m = /^(?:AVD-)?([A-Z]+)-?0*(\d+)$/i.exec(id.trim());
  return m ? `${m[1].toUpperCase()}-${m[2].padStart(4, '0')}` : id.toUpperCase();
}

export interface Disagreement {
  corpus: string;
  peerRule: string;
  ours: string;
  case: string;
  expected: string;
  got: string;
}

export function printDisagreements(ds: Disagreement[]): void {
  if (!ds.length) {
    console.log('  disagreements: none\n');
    return;
  }
  console.log(`  disagreements (${ds.length}):`);
  for (const d of ds) console.log(`    [${d.peerRule} ~ ${d.ours}] ${d.case}\n        expected: ${d.expected}\n        got:      ${d.got}`);
  console.log('');
}

/** Fail when agreement on covered cases is below `threshold` (nothing covered: say so, pass). */
export function gate(name: string, r: { covered: number; agreed: number }, threshold: number): void {
  if (r.covered === 0) {
    console.log(`  ${name}: no rule aliases a check of this corpus yet; nothing to gate.\n`);
    return;
  }
  const rate = r.agreed / r.covered;
  assert.ok(rate >= threshold, `${name}: agreement ${(rate * 100).toFixed(1)}% on ${r.covered} covered cases is below ${threshold * 100}% (disagreements listed above)`);
}

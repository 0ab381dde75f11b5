// Polaris ships fixes for some checks (JSON patches) with golden files: `failure*.yaml` becomes
// `mutated*.yaml`. Our fix (or, where the value needs a human, our first suggestion) applied to the
// failure file must give the same manifests as data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { allRules } from '../../rules/index';
import { FIX_TYPES, type Rule } from '../../rules/types';
import { applyTextEdits } from '../../rules/text';
import { lintText, staticWorkspace } from '../../server/src/engine/runner';
import { fixAll } from '../../server/src/engine/fix';
import { resolveConfig } from '../../server/src/engine/config';
import { CORPORA_ROOT, requireCorpus } from './corpora';

const POLARIS = path.join(CORPORA_ROOT, 'k8s/polaris');

/** Deliberate differences, with the reason (none today). */
const DIFFERENT: Record<string, string> = {};

interface Case {
  check: string;
  file: string;
  mutated_file: string | null;
}

function data(text: string): unknown[] {
  return parseAllDocuments(text).map((d) => (Array.isArray(d) ? null : d.toJS()));
}

/** Apply our fixes for these rules, then the first suggestion of what remains, until stable. */
function applyOurs(file: string, text: string, rules: Rule[]): string {
  const config = resolveConfig();
  const workspace = staticWorkspace([]);
  let out = fixAll({ path: file, text, config, onlyRules: rules, workspace }, { types: FIX_TYPES }).text;
  for (let guard = 0; guard < 10; guard++) {
    const r = lintText({ path: file, text: out, config, onlyRules: rules, workspace });
    const s = r?.findings.find((f) => f.suggestions?.length)?.suggestions?.[0];
    if (!s) break;
    out = applyTextEdits(out, s.edits);
  }
  return out;
}

describe('Polaris fix goldens (failure -> mutated)', function () {
  before(function () {
    requireCorpus(POLARIS, 'the Polaris corpus');
  });

  it('our fixes give the manifests Polaris produces, as data', function () {
    const cases = readFileSync(path.join(POLARIS, 'expectations.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Case)
      .filter((c) => c.mutated_file);
    const rows: string[] = [];
    const failures: string[] = [];
    let same = 0;
    for (const c of cases) {
      const key = `${c.check}/${path.basename(c.file)}`;
      const rules = allRules.filter((r) => r.aliases.polaris?.includes(c.check));
      if (DIFFERENT[key]) {
        rows.push(`  excluded  ${key}: ${DIFFERENT[key]}`);
        continue;
      }
      const failure = readFileSync(path.join(POLARIS, c.file), 'utf8');
      const mutated = readFileSync(path.join(POLARIS, c.mutated_file!), 'utf8');
      const ours = applyOurs(path.basename(c.file), failure, rules);
      // As data: key order is not compared (Polaris re-serialises with sorted keys).
      const ok = isDeepStrictEqual(data(ours), data(mutated));
      if (ok) same++;
      else failures.push(`${key} (${rules.map((r) => r.id).join(', ') || 'no rule'})\n      ours:    ${JSON.stringify(data(ours))}\n      polaris: ${JSON.stringify(data(mutated))}`);
      rows.push(`  ${ok ? 'same    ' : 'DIFFERS '}  ${key}  via ${rules.map((r) => r.id).join(', ') || '(no rule)'}`);
    }
    console.log(`Polaris fix goldens: ${same} of ${cases.length - Object.keys(DIFFERENT).length} compared cases give the same manifests\n${rows.join('\n')}`);
    assert.deepEqual(failures, []);
  });
});

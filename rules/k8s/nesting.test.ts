import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { nestingBeyond } from '../text';
import { lintText } from '../../server/src/engine/runner';
import { allCorpusManifests } from '../../test/corpus/corpora';

describe('k8s: files nested too deep to parse safely', () => {
  const flow = (n: number) => `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":${'['.repeat(n)}1${']'.repeat(n)}}`;
  const block = (n: number) => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n' + Array.from({ length: n }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:\n`).join('') + `${' '.repeat(2 * (n + 1))}v\n`;

  it('measures flow and block nesting, and ignores brackets in strings and comments', () => {
    assert.equal(nestingBeyond(flow(150), 200), -1);
    assert.ok(nestingBeyond(flow(1000), 200) > 0);
    assert.ok(nestingBeyond(block(300), 200) > 0);
    assert.equal(nestingBeyond(block(100), 200), -1);
    assert.equal(nestingBeyond(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\n`, 200), -1);
  });

  it('a 1,000-deep manifest of a few KB is one clear parse error, not a crash', () => {
    for (const text of [flow(1000), block(1000)]) {
      const r = lintText({ path: 'deep.json', text: text.startsWith('{') ? text : text, languageId: text.startsWith('{') ? 'json' : 'yaml' });
      assert.ok(r);
      assert.deepEqual(r.findings.map((f) => f.ruleId), ['readiness-lint/parse-error']);
      assert.match(r.findings[0].message, /Nested more than 200 levels deep/);
    }
  });

  it('no real manifest of the corpora comes near the limit', () => {
    const files = allCorpusManifests();
    assert.ok(files.length > 400);
    assert.deepEqual(files.filter((f) => nestingBeyond(readFileSync(f, 'utf8'), 200) >= 0), []);
  });
});

import assert from 'node:assert/strict';
import { compileGlob } from './glob';

const config = (g: string) => compileGlob(g, { globstar: true, braces: true, matchBelow: true });

describe('rules/glob: linear-time glob matching', () => {
  it('matches as the config and .gitignore globs always did', () => {
    const cases: [string, string, boolean][] = [
      ['vendor/**', 'vendor/a/b.js', true],
      ['vendor', 'vendor/a/b.js', true],
      ['vendor', 'vendors/a', false],
      ['**/*.md', 'README.md', true],
      ['**/*.md', 'docs/runbooks/oncall.md', true],
      ['**/runbooks/**/*.md', 'runbooks/a.md', true],
      ['**/runbooks/**/*.md', 'ops/runbooks/db/a.md', true],
      ['*.md', 'docs/a.md', false],
      ['docs/*.md', 'docs/a.md', true],
      ['docs/*.md', 'docs/x/a.md', false],
      ['catalog-info.y?(a)ml', 'catalog-info.y?(a)ml', true],
      ['**/*.{yml,yaml}', 'k8s/a.yaml', true],
      ['**/*.{yml,yaml}', 'k8s/a.json', false],
      ['{a,b/{c,d}}/x', 'b/d/x', true],
      ['file?.txt', 'file1.txt', true],
      ['file?.txt', 'file/.txt', false],
      ['[abc].txt', 'b.txt', true],
      ['[!abc].txt', 'b.txt', false],
      ['[a-c].txt', 'c.txt', true],
      ['a\\*b', 'a*b', true],
      ['a\\*b', 'axb', false],
      ['**', 'anything/at/all', true],
      ['.env', '.env', true],
      ['**/.env*', 'app/.env.local', true],
      // Three or more stars run on the automaton instead of a regular expression: same answers.
      ['*a*b*c', 'xaybzc', true],
      ['*a*b*c', 'x/aybzc', false],
      ['**/*a*b*', 'dir/sub/xayb', true],
      ['**/*a*b*', 'dir/sub/xbya', false],
      ['src/**/*a*b*c/**', 'src/x/abc/y/z.js', true],
      ['[a-c]*[!x]*?*', 'b-yz', true],
    ];
    for (const [g, p, want] of cases) assert.equal(config(g).test(p), want, `${g} ~ ${p}`);
  });

  it('nginx include patterns: * and ? stay within a folder name, braces are literal', () => {
    assert.equal(compileGlob('conf.d/*.conf').test('conf.d/a.conf'), true);
    assert.equal(compileGlob('conf.d/*.conf').test('conf.d/x/a.conf'), false);
    assert.equal(compileGlob('sites/{a,b}').test('sites/{a,b}'), true);
    assert.equal(compileGlob('sites/{a,b}').test('sites/a'), false);
  });

  it('refuses a character class that cannot match as written', () => {
    assert.throws(() => compileGlob('[z-a]'), /range out of order/);
  });

  it('stays linear on patterns that make a backtracking regular expression hang', () => {
    const long = 'a'.repeat(20_000);
    const hostile = 'a*'.repeat(30) + 'b';
    assert.equal(config(hostile).test(long), false);
    assert.equal(compileGlob(hostile).test(long), false);
    assert.equal(config('**/' + 'a*'.repeat(20) + '**/b').test(`${long}/${long}`), false);
    // A brace bomb is refused rather than expanded.
    assert.throws(() => config('{a,b}'.repeat(40)), /too many alternatives/);
    assert.equal(config('{a,b}'.repeat(7)).test('abababa'), true);
  });
});

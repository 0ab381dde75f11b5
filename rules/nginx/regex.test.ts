import assert from 'node:assert/strict';
import { canContain, endAnchored, firstChars, groupOf, mustContain, mustStartWith, parseRegex, precedingOfGroups, samples, startAnchored } from './regex';

const re = (s: string, i = false) => {
  const r = parseRegex(s, i);
  assert.ok(r, `${s} parses`);
  return r;
};

describe('nginx regex analysis', () => {
  it('numbers and names capture groups as PCRE does', () => {
    const r = re('^/(a|b)/(?:x)(?<p>\\W*)(?P<q>.)(?\'r\'y)$');
    assert.equal(r.groups.length, 4);
    assert.deepEqual([...r.named.keys()], ['p', 'q', 'r']);
    assert.equal(groupOf(r, '2'), r.named.get('p'));
    assert.equal(groupOf(r, '5'), null);
  });

  it('knows which characters a capture lets the client choose', () => {
    const [ab, w, dot, neg, cls] = re('(a|b)(\\W*)(.*)([^/]+)([.])').groups.map((g) => g.body);
    assert.equal(canContain(ab, 'a'), false, 'literal alternatives are not chosen');
    assert.equal(canContain(ab, 'a', false), true);
    assert.equal(canContain(w, '\n'), true);
    assert.equal(canContain(dot, '\n'), false, '"." excludes LF');
    assert.equal(canContain(dot, '\r'), true, '"." includes CR');
    assert.equal(canContain(neg, '\n'), true, 'negated classes include line breaks');
    assert.equal(canContain(neg, '/'), false);
    assert.equal(canContain(cls, '.'), false, '[.] is a literal dot');
    assert.equal(canContain(re('(?s)(.*)').groups[0].body, '\n'), true, '(?s) makes "." match LF');
  });

  it('must-contain and must-start', () => {
    assert.equal(mustContain(re('a/b').root, '/'), true);
    assert.equal(mustContain(re('a(/b)?').root, '/'), false);
    assert.equal(mustContain(re('(x/|y/)').root, '/'), true);
    assert.equal(mustStartWith(re('/.*').root, '/'), true);
    assert.equal(mustStartWith(re('/?.*').root, '/'), false);
    assert.equal(firstChars(re('(https?)').root).chosen.isEmpty(), true);
  });

  it('anchoring', () => {
    assert.equal(startAnchored(re('^a|^b')), true);
    assert.equal(startAnchored(re('^a|b')), false);
    assert.equal(startAnchored(re('(^a|^b)c')), true);
    assert.equal(endAnchored(re('a$|b\\z')), true);
    assert.equal(endAnchored(re('a$|b')), false);
  });

  it('what precedes a group', () => {
    const r = re('/site(.*)/x/(.*)');
    const pre = precedingOfGroups(r);
    const [g1, g2] = r.groups;
    assert.deepEqual(pre.get(g1)!.set.codes(), ['e'.charCodeAt(0)]);
    assert.deepEqual(pre.get(g2)!.set.codes(), ['/'.charCodeAt(0)]);
    const a = re('(a)');
    assert.equal(precedingOfGroups(a).get(a.groups[0])!.atStart, true);
  });

  it('samples fill lax positions with the preferred character and keep anchors', () => {
    assert.deepEqual(
      samples(re('^https?://a.b/'), { prefer: '/' }).map((s) => s.text),
      ['http://a/b/', 'https://a/b/'],
    );
    const [s] = samples(re('x[^/]+$'), { prefer: '/' });
    assert.deepEqual(s, { text: 'xa', anchoredStart: false, anchoredEnd: true });
    assert.deepEqual(samples(re('a^b'), { prefer: '/' }), [], 'an anchor in the middle never matches');
  });

  it('case-insensitive classes, escapes, POSIX classes, quantifier braces', () => {
    assert.equal(canContain(re('([a-c])', true).groups[0].body, 'B'), true);
    assert.equal(canContain(re('([[:digit:]]+)').groups[0].body, '5'), true);
    assert.equal(canContain(re('(\\x41)').groups[0].body, 'A', false), true);
    assert.equal(canContain(re('(a{,2})').groups[0].body, '{', false), true, '"{,2}" is literal in PCRE');
    assert.ok(re('\\Q.*\\E'));
  });

  it('returns null for what it cannot read (never throws)', () => {
    for (const bad of ['(', 'a)', '[a', '*a', '(?(1)a|b)', '\\', '(*UTF8)a']) assert.equal(parseRegex(bad), null, bad);
  });
});

import assert from 'node:assert/strict';
import { parseShell, commandName, hasFlag } from '../../rules/docker/shell';

const words = (s: string) => parseShell(s, 0, s.length).commands.map((c) => c.words.map((w) => w.value));

describe('shell tokenizer', () => {
  it('splits commands on operators and keeps exact offsets', () => {
    const s = 'apt-get update && apt-get install -y curl | tee log; echo "a b" \'c\'';
    const script = parseShell(s, 0, s.length);
    assert.deepEqual(script.commands.map((c) => c.words.map((w) => w.value)), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'curl'], ['tee', 'log'], ['echo', 'a b', 'c']]);
    assert.equal(script.hasPipe, true);
    const y = script.commands[1].words[2];
    assert.equal(s.slice(y.start, y.end), '-y');
  });
  it('joins line continuations and drops comment lines inside them', () => {
    assert.deepEqual(words('apt-get install \\\n  # a comment\n  curl'), [['apt-get', 'install', 'curl']]);
  });
  it('does not split inside $( ) or quotes, and || is not a pipe', () => {
    const s = 'echo $(date | cut -c1) "x && y" || true';
    const script = parseShell(s, 0, s.length);
    assert.equal(script.commands.length, 2);
    assert.equal(script.hasPipe, false);
  });
  it('finds commands after assignments and flags in bundles', () => {
    const c = parseShell('DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get -yq install x', 0, 61).commands[0];
    assert.equal(commandName(c), 'apt-get');
    assert.ok(hasFlag(c, ['-y']));
    assert.ok(!hasFlag(c, ['--no-install-recommends']));
  });
  it('keeps redirections with & in one word', () => {
    assert.deepEqual(words('make 2>&1 >/dev/null && echo ok &>log'), [['make', '2>&1', '>/dev/null'], ['echo', 'ok', '&>log']]);
    const s = 'sleep 1 & wait';
    assert.equal(parseShell(s, 0, s.length).commands[1].joinedBy, '&');
  });
  it('never throws on junk', () => {
    for (const s of ['"unterminated', "'", '$(', '\\', '&&&|||;;;', '\u0000\u0001', '(((']) parseShell(s, 0, s.length);
  });
});

import assert from 'node:assert/strict';
import { parseConfigText, resolveConfig, configJsonSchema } from '../../server/src/engine/config';

describe('config (.readiness-lint.yaml)', () => {
  it('accepts a valid file and resolves levels from profile and overrides', () => {
    const { config, errors } = parseConfigText('profile: strict\nrules:\n  docker/no-sudo: report\n  docker/pipefail: { level: off }\nignore: ["vendor/**"]\n');
    assert.deepEqual(errors, []);
    const r = resolveConfig(config);
    assert.equal(r.profile, 'strict');
    assert.equal(r.levelOf('docker/no-sudo'), 'report');
    assert.equal(r.levelOf('docker/pipefail'), 'off');
    assert.equal(r.levelOf('docker/copy-instead-of-add'), 'block', 'strict turns warn into block');
    assert.deepEqual(r.ignore, ['vendor/**']);
  });

  it('a control level applies to every rule of that control; a rule setting still wins; the strictest control wins', () => {
    const { config, errors } = parseConfigText('controls:\n  k8s.resources: { level: report }\n  container.non-root: { level: block }\nrules:\n  k8s/memory-limits: block\n');
    assert.deepEqual(errors, []);
    const r = resolveConfig(config);
    assert.equal(r.levelOf('k8s/cpu-requests'), 'report');
    assert.equal(r.levelOf('k8s/memory-limits'), 'block');
    assert.equal(r.levelOf('docker/no-sudo'), 'block');
    assert.equal(r.levelOf('k8s/privileged-container'), 'block', 'untouched rules keep their profile level');
  });

  it('reports YAML syntax errors with positions', () => {
    const { errors } = parseConfigText('rules:\n  docker/no-sudo: [warn\n');
    assert.ok(errors.length >= 1);
    assert.ok(errors[0].range.start.line >= 1);
  });

  it('reports unknown keys, bad levels, unknown rules and controls at their lines, keeping the valid parts', () => {
    const text = 'profile: recommended\nrulez: {}\nrules:\n  docker/no-sudo: loud\n  docker/nope: warn\ncontrols:\n  container.nope: { enabled: false }\n';
    const { config, errors } = parseConfigText(text);
    const byLine = errors.map((e) => `${e.range.start.line + 1}: ${e.message}`);
    assert.ok(byLine.some((m) => m.startsWith('2: ') && /Unknown key: rulez/.test(m)), byLine.join('\n'));
    assert.ok(byLine.some((m) => m.startsWith('4: ') && /rules\.docker\/no-sudo/.test(m)), byLine.join('\n'));
    assert.ok(byLine.some((m) => m.startsWith('5: ') && /Unknown rule "docker\/nope"/.test(m)), byLine.join('\n'));
    assert.ok(byLine.some((m) => m.startsWith('7: ') && /Unknown control "container.nope"/.test(m)), byLine.join('\n'));
    assert.equal(config.profile, 'recommended', 'valid top-level keys survive');
  });

  it('suggests the intended rule id for a near miss', () => {
    const { errors } = parseConfigText('rules:\n  dockerfile/no-sudo: off\n');
    assert.match(errors[0].message, /Did you mean "docker\/no-sudo"/);
  });

  it('treats an empty file as the defaults', () => {
    assert.deepEqual(parseConfigText('').errors, []);
    assert.deepEqual(parseConfigText('# only a comment\n').errors, []);
  });

  it('generates a JSON schema listing every rule id', () => {
    const schema = configJsonSchema() as { properties: { rules: { propertyNames: { enum: string[] } } } };
    assert.ok(schema.properties.rules.propertyNames.enum.includes('docker/no-sudo'));
  });

  it('is data: keys named after Object.prototype are unknown keys, not lookups', () => {
    for (const key of ['constructor', 'hasOwnProperty', '__proto__', 'toString']) {
      const { config, errors } = parseConfigText(`${key}: 1\nprofile: strict\n`);
      assert.deepEqual(errors.map((e) => e.message), [`Unknown key: ${key}`], key);
      assert.equal(config.profile, 'strict', key);
    }
    const { config, errors } = parseConfigText('rules:\n  __proto__: { "docker/no-sudo": off }\n  constructor: warn\n');
    assert.ok(errors.some((e) => /Unknown rule "constructor"/.test(e.message)), errors.map((e) => e.message).join(' | '));
    assert.equal(resolveConfig(config).levelOf('docker/no-sudo'), 'warn', 'a __proto__ entry never becomes a rule setting');
  });

  it('refuses an alias bomb with one error instead of expanding it', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [k, p] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) rows.push(`${k}: &${k} [${Array(9).fill('*' + p).join(',')}]`);
    const { config, errors } = parseConfigText(rows.join('\n') + '\n');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /more than 100 YAML aliases/);
    assert.deepEqual(config, {});
    assert.deepEqual(parseConfigText('x: &v warn\nrules:\n  docker/no-sudo: *v\n').errors.map((e) => e.message), ['Unknown key: x'], 'a few aliases are fine');
  });

  it('reports a glob that cannot compile at its line, and drops it', () => {
    const { config, errors } = parseConfigText('ignore: ["vendor/**", "[z-a]"]\ncontrols:\n  ops.owner: { evidence: ["docs/[b-a]*.md", "OWNERS"] }\n');
    assert.deepEqual(
      errors.map((e) => [e.range.start.line + 1, e.message]),
      [
        [1, 'Invalid glob "[z-a]": range out of order in character class (z-a)'],
        [3, 'Invalid glob "docs/[b-a]*.md": range out of order in character class (b-a)'],
      ],
    );
    assert.deepEqual(config.ignore, ['vendor/**']);
    assert.deepEqual(config.controls?.['ops.owner']?.evidence, ['OWNERS']);
  });

  it('evidence globs stay inside the workspace: absolute paths and ".." are errors', () => {
    const { config, errors } = parseConfigText('controls:\n  ops.owner: { evidence: ["/etc/**/passwd", "../../../../etc/host*", "/**", "docs/OWNERS", "~/notes.md"] }\n');
    assert.deepEqual(errors.map((e) => e.message.replace(/:.*/, '')), ['Invalid glob "/etc/**/passwd"', 'Invalid glob "../../../../etc/host*"', 'Invalid glob "/**"', 'Invalid glob "~/notes.md"']);
    assert.ok(errors.every((e) => /stay inside the workspace/.test(e.message)));
    assert.deepEqual(config.controls?.['ops.owner']?.evidence, ['docs/OWNERS']);
  });
});

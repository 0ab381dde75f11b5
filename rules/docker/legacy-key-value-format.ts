import { defineRule, type TextEdit } from '../types';
import { insertEdit, replaceEdit } from '../text';
import type { DockerModel } from './language';

interface PropertyLike {
  getName(): string;
  getNameRange(): import('../types').Range;
  getValue(): string | null;
  getAssignmentOperator(): string | null;
}

/**
 * Edits that rewrite `key value` as `key=value` (or `key="value"` when the value has whitespace or
 * continuation lines), or null when quoting would change the value.
 */
function modernEdits(model: DockerModel, nameEnd: number, argsEnd: number): TextEdit[] | null {
  const esc = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const continuation = new RegExp(`${esc}[ \\t]*(\\r?\\n|\\r)`, 'g');
  // The value starts after the separating whitespace and any continuations.
  const gap = new RegExp(`^(?:[ \\t]+|${esc}[ \\t]*(?:\\r?\\n|\\r))+`).exec(model.text.slice(nameEnd, argsEnd));
  if (!gap) return null;
  const valueStart = nameEnd + gap[0].length;
  const value = model.text.slice(valueStart, argsEnd);
  const joined = value.replace(continuation, '');
  if (!joined || /(^|\n)\s*#/.test(value)) return null;
  if (/^"(?:[^"\\]|\\.)*"$/.test(joined) || /^'[^']*'$/.test(joined)) return [replaceEdit(model.index, nameEnd, valueStart, '=')];
  if (/["'\\`]/.test(joined) || joined.includes(model.escapeChar)) return null;
  if (!/\s/.test(value)) return [replaceEdit(model.index, nameEnd, valueStart, '=')];
  return [replaceEdit(model.index, nameEnd, valueStart, '="'), insertEdit(model.index, argsEnd, '"')];
}

export default defineRule<DockerModel>({
  id: 'docker/legacy-key-value-format',
  title: 'ENV and LABEL use key=value',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['LegacyKeyValueFormat'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'The whitespace form `ENV key value` is deprecated: it allows only one variable per instruction and takes everything after the key, spaces included, as the value, which is easy to misread.',
    howToFix: 'Write `ENV key=value` (quote values with spaces: `ENV GREETING="hello world"`); the same for LABEL.',
    whenNotToUse: 'Never needed for Dockerfiles built with a current Docker.',
    examples: { bad: 'FROM alpine:3.20\nENV APP_HOME /app', good: 'FROM alpine:3.20\nENV APP_HOME=/app' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ENV' && instr.keyword !== 'LABEL') continue;
      const props = (instr.ast as unknown as { getProperties(): PropertyLike[] }).getProperties();
      if (props.length !== 1 || props[0].getAssignmentOperator() !== null || props[0].getValue() === null || instr.argsEnd === null) continue;
      const nameRange = props[0].getNameRange();
      const nameStart = model.index.offsetAt(nameRange.start);
      const nameEnd = model.index.offsetAt(nameRange.end);
      const key = model.text.slice(nameStart, nameEnd);
      if (!model.text.slice(nameEnd, instr.argsEnd).trim()) continue;
      const edits = modernEdits(model, nameEnd, instr.argsEnd);
      ctx.report({
        range: model.index.range(nameStart, nameEnd),
        message: `Use "${instr.keyword} ${key}=value" instead of the legacy whitespace-separated "${instr.keyword} ${key} value" form.`,
        fix: edits ? { title: `Rewrite as ${key}=value`, edits } : undefined,
      });
    }
  },
});

import { defineRule } from '../types';
import type { DockerModel } from './language';
import { replaceEdit } from '../text';
import { isAllLower, isAllUpper, stageNameTokens } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/consistent-instruction-casing',
  title: 'Instruction keywords use one casing',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['ConsistentInstructionCasing'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale: 'Keywords in mixed casing (`From`, `copy` next to `COPY`) make a Dockerfile harder to scan and are flagged by BuildKit build checks on every build.',
    howToFix: 'Write every instruction keyword in the casing most of the file already uses, normally uppercase.',
    whenNotToUse: 'Teams that do not use BuildKit build checks and do not mind mixed casing.',
    examples: { bad: 'FROM alpine:3.20\ncopy app /app\nCOPY etc /etc/app', good: 'FROM alpine:3.20\nCOPY app /app\nCOPY etc /etc/app' },
  },
  check(model, ctx) {
    let upper = 0;
    let lower = 0;
    for (const instr of model.instructions) {
      const k = instr.keywordText;
      if (isAllLower(k)) lower++;
      else if (isAllUpper(k)) upper++;
    }
    const majorityLower = lower > upper;
    for (const instr of model.instructions) {
      const k = instr.keywordText;
      const wanted = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === wanted) continue;
      const edits = [{ range: instr.keywordRange, newText: wanted }];
      // `from x as y`: the AS keyword follows FROM's casing, or the fix would create a FromAsCasing finding.
      const stage = instr.keyword === 'FROM' ? model.stages.find((s) => s.from === instr) : undefined;
      const tokens = stage ? stageNameTokens(model, stage) : null;
      if (tokens) {
        const as = majorityLower ? 'as' : 'AS';
        if (tokens.as.value !== as) edits.push(replaceEdit(model.index, tokens.as.start, tokens.as.end, as));
      }
      ctx.report({
        range: instr.keywordRange,
        message: `Instruction '${k}' should match the ${majorityLower ? 'lowercase' : 'uppercase'} casing of the other instructions; write '${wanted}'.`,
        fix: { title: `Write '${wanted}'`, edits },
      });
    }
  },
});

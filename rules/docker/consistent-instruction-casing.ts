import { defineRule } from '../types';
import type { DockerModel } from './language';
import { isAllLower, isAllUpper } from './batch-b-util';

export default defineRule<DockerModel>({
  id: 'docker/consistent-instruction-casing',
  title: 'Instruction keywords use one casing',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['ConsistentInstructionCasing'] },
  fixable: true,
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
      ctx.report({
        range: instr.keywordRange,
        message: `Instruction '${k}' should match the ${majorityLower ? 'lowercase' : 'uppercase'} casing of the other instructions; write '${wanted}'.`,
        fix: { title: `Write '${wanted}'`, edits: [{ range: instr.keywordRange, newText: wanted }] },
      });
    }
  },
});

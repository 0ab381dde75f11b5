import { defineRule } from '../types';
import { insertEdit } from '../text';
import type { DockerModel } from './language';
import { argTokens, jsonTokens } from './instruction-tokens';

export default defineRule<DockerModel>({
  id: 'docker/copy-multi-arg-trailing-slash',
  title: 'COPY with several sources copies into a directory ending in /',
  level: 'block',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3021'], trivy: ['AVD-DS-0011'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale: 'When COPY (or ADD) has more than one source, the destination must be a directory written with a trailing `/`; otherwise the build fails.',
    howToFix: 'End the destination with `/`: `COPY package.json yarn.lock /app/`.',
    whenNotToUse: 'Never needed: without the slash the build fails.',
    examples: { bad: 'FROM node:22\nCOPY package.json yarn.lock /app', good: 'FROM node:22\nCOPY package.json yarn.lock /app/' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || instr.argsStart === null) continue;
      let tokens;
      let json = false;
      if (instr.jsonForm) {
        tokens = jsonTokens(model, instr);
        json = true;
      } else {
        tokens = argTokens(model, instr);
        if (tokens.some((t) => t.value.startsWith('<<'))) {
          // Heredoc sources: only the words on the instruction's first line are arguments.
          const line = model.index.positionAt(instr.argsStart).line;
          tokens = tokens.filter((t) => model.index.positionAt(t.start).line === line);
        }
      }
      if (tokens.length < 3) continue;
      // Windows paths ending in a backslash read as line continuations; the arguments are ambiguous.
      if (tokens.some((t) => t.value.endsWith('\\'))) continue;
      const dest = tokens[tokens.length - 1];
      if (dest.value.endsWith('/') || dest.value.includes('$')) continue;
      const at = json ? dest.end - 1 : dest.end;
      ctx.report({
        range: model.index.range(dest.start, dest.end),
        message: `${instr.keyword} with ${tokens.length - 1} sources needs a directory destination ending in '/'; write "${dest.value}/".`,
        fix: { title: `Append '/' to ${dest.value}`, edits: [insertEdit(model.index, at, '/')] },
      });
    }
  },
});

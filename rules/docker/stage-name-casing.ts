import { defineRule, type TextEdit } from '../types';
import { replaceEdit } from '../text';
import type { DockerModel, Stage } from './language';
import { stageNameTokens } from './instruction-tokens';

/** Edits that lowercase every reference to `stage` (FROM <stage>, --from=<stage>, --mount=...,from=<stage>). */
function referenceEdits(model: DockerModel, stage: Stage): TextEdit[] {
  const name = stage.name!;
  const edits: TextEdit[] = [];
  for (const instr of model.instructions) {
    if (!instr.stage || instr.stage.index <= stage.index) continue;
    if (instr.keyword === 'FROM' && instr === instr.stage.from) {
      const from = instr.ast as unknown as { getImage(): string | null; getImageRange(): import('../types').Range | null };
      const image = from.getImage();
      const r = from.getImageRange();
      if (image && r && image !== name && image.toLowerCase() === name) edits.push({ range: r, newText: name });
    }
    for (const flag of instr.flags) {
      const fname = flag.getName().toLowerCase();
      const value = flag.getValue();
      const vr = flag.getValueRange();
      if (!value || !vr) continue;
      const vstart = model.index.offsetAt(vr.start);
      if (fname === 'from' && value !== name && value.toLowerCase() === name) edits.push(replaceEdit(model.index, vstart, vstart + value.length, name));
      if (fname === 'mount') {
        const re = /(^|,)from=([^,]*)/gi;
        for (let m = re.exec(value); m; m = re.exec(value)) {
          const ref = m[2];
          if (ref !== name && ref.toLowerCase() === name) {
            const at = vstart + m.index + m[1].length + 'from='.length;
            edits.push(replaceEdit(model.index, at, at + ref.length, name));
          }
        }
      }
    }
  }
  return edits;
}

export default defineRule<DockerModel>({
  id: 'docker/stage-name-casing',
  title: 'Stage names are lowercase',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { buildkit: ['StageNameCasing'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'Stage names are case-insensitive, so `AS Builder` and `--from=builder` refer to the same stage. Writing them in lowercase keeps names visually distinct from instruction keywords and consistent in every reference.',
    howToFix: 'Lowercase the stage name and every reference to it (`FROM x AS builder`, `COPY --from=builder`).',
    whenNotToUse: 'Teams that deliberately use another naming convention and do not use BuildKit build checks.',
    examples: { bad: 'FROM golang:1.22 AS Builder', good: 'FROM golang:1.22 AS builder' },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const tokens = stageNameTokens(model, stage);
      if (!tokens || tokens.name.value === tokens.name.value.toLowerCase()) continue;
      const duplicate = model.stages.some((s) => s !== stage && s.name === stage.name);
      const lower = tokens.name.value.toLowerCase();
      ctx.report({
        range: model.index.range(tokens.name.start, tokens.name.end),
        message: `Stage name "${tokens.name.value}" should be lowercase; rename it to "${lower}".`,
        fix: duplicate
          ? undefined
          : {
              title: `Rename the stage to ${lower} (and its references)`,
              edits: [replaceEdit(model.index, tokens.name.start, tokens.name.end, lower), ...referenceEdits(model, stage)],
            },
      });
    }
  },
});

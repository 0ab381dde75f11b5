import { defineRule, type Fix } from '../types';
import { replaceEdit } from '../text';
import { substituteArgs, type DockerModel } from './language';

export default defineRule<DockerModel>({
  id: 'docker/copy-from-valid-stage',
  title: 'COPY --from references an earlier stage',
  level: 'block',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3022', 'DL3023'], trivy: ['AVD-DS-0006'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'A stage cannot copy from itself, and copying from a stage defined further down makes the build order hard to follow (and fails with the classic builder). Either way the COPY does not do what it says.',
    howToFix:
      'Point `--from` at a stage defined above this one (`FROM golang:1.22 AS build` ... `COPY --from=build /out/app /app`), or at an image reference. Numeric stage indices below the current stage are accepted.',
    whenNotToUse: 'Never needed: a self-reference is a build error, and a forward reference can always be reordered.',
    examples: {
      bad: 'FROM golang:1.22 AS build\nCOPY --from=build /out/app /app',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM alpine:3.20\nCOPY --from=build /out/app /app',
    },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || !instr.stage) continue;
      const stage = instr.stage;
      for (const flag of instr.flags) {
        if (flag.getName().toLowerCase() !== 'from') continue;
        const raw = flag.getValue();
        const vr = flag.getValueRange();
        if (!raw || !vr) continue;
        const value = substituteArgs(raw, model.globalArgDefaults).toLowerCase();
        if (value.includes('$')) continue;
        const range = vr;
        const start = model.index.offsetAt(vr.start);
        const end = model.index.offsetAt(vr.end);
        const suggestions = (): Fix[] | undefined => {
          const list = model.stages
            .filter((s) => s.index < stage.index && s.name)
            .slice(-5)
            .map((s) => ({ title: `Copy from stage "${s.name}"`, edits: [replaceEdit(model.index, start, end, s.name!)] }));
          return list.length ? list : undefined;
        };
        if (/^\d+$/.test(value)) {
          const n = Number(value);
          if (n === stage.index) ctx.report({ range, message: `COPY --from=${raw} refers to the current stage; copy from an earlier stage or an image.`, suggestions: suggestions() });
          else if (n > stage.index) ctx.report({ range, message: `COPY --from=${raw} refers to a stage that is defined later; stages can only copy from stages above them.`, suggestions: suggestions() });
          continue;
        }
        const target = model.stages.find((s) => s.name === value);
        if (!target) continue; // an image reference such as nginx:1.27
        if (target === stage) {
          ctx.report({ range, message: `COPY --from=${raw} refers to its own stage "${stage.name}"; copy from an earlier stage or an image.`, suggestions: suggestions() });
        } else if (target.index > stage.index) {
          ctx.report({
            range,
            message: `Stage "${raw}" is defined later (line ${target.from.range.start.line + 1}); COPY --from must reference a stage defined above this one.`,
            suggestions: suggestions(),
          });
        }
      }
    }
  },
});

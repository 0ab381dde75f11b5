import { defineRule } from '../types';
import type { DockerModel } from './language';

export default defineRule<DockerModel>({
  id: 'docker/no-copy-entire-fs-from-stage',
  title: 'COPY --from copies files, not a whole filesystem',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3067'] },
  docs: {
    rationale:
      '`COPY --from=build / /` copies the whole filesystem of another stage into the image: compilers, package caches, secrets used during the build and everything else the multi-stage build was meant to leave behind.',
    howToFix: 'Copy only what the image needs, for example `COPY --from=build /app/dist /app/` and `COPY --from=build /usr/local/bin/app /usr/local/bin/`.',
    whenNotToUse:
      'Copying from a stage built `FROM scratch` that holds only the artifacts (an "export" stage) is not reported; suppress other deliberate cases, such as squashing a base image.',
    examples: { bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build / /', good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'COPY' || instr.jsonForm) continue;
      const from = instr.flags.find((f) => f.getName().toLowerCase() === 'from');
      const source = from?.getValue();
      if (!from || !source) continue;
      const args = instr.ast.getArguments();
      if (args.length < 2) continue;
      const root = args.slice(0, -1).find((a) => /^["']?\/(\.|\*)?["']?$/.test(a.getValue()));
      if (!root) continue;
      // A stage built FROM scratch holds only what was put there on purpose.
      const stage = /^[0-9]+$/.test(source) ? model.stages[Number(source)] : model.stages.find((s) => s.name === source.toLowerCase());
      if (stage && stage.baseImage.toLowerCase() === 'scratch') continue;
      const r = root.getRange();
      ctx.report({
        range: r,
        message: `Do not copy the whole filesystem of "${source}" with COPY --from: copy only the files the image needs.`,
      });
    }
  },
});

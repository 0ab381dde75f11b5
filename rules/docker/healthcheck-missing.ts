import { defineRule } from '../types';
import { insertEdit } from '../text';
import type { DockerModel } from './language';
import { insertionPointBefore } from './instruction-tokens';

const SNIPPET = 'HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <probe-command> || exit 1';

export default defineRule<DockerModel>({
  id: 'docker/healthcheck-missing',
  title: 'Final image declares a HEALTHCHECK',
  level: 'report',
  controls: ['container.healthcheck', 'ops.health-endpoint'],
  aliases: { hadolint: ['DL3057'], checkov: ['CKV_DOCKER_2'], trivy: ['AVD-DS-0026'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a HEALTHCHECK, Docker and Compose only know whether the process is running, not whether it serves requests; a hung application keeps receiving traffic and is never restarted.',
    howToFix:
      'Add `HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD <probe> || exit 1` to the final stage, where the probe is a command available in the image (for example `wget -qO- http://localhost:8080/health`). Write `HEALTHCHECK NONE` to state that the orchestrator probes the container instead.',
    whenNotToUse:
      'Images that only run under Kubernetes, which ignores HEALTHCHECK and uses liveness/readiness probes; keep the rule at `report` or turn it off there.',
    examples: {
      bad: 'FROM node:22-alpine\nCMD ["node", "server.js"]',
      good: 'FROM node:22-alpine\nHEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:3000/health || exit 1\nCMD ["node", "server.js"]',
    },
  },
  check(model, ctx) {
    const final = model.finalStage;
    if (!final) return;
    const checks = model.finalImageStages.flatMap((s) => s.instructions.filter((i) => i.keyword === 'HEALTHCHECK'));
    if (checks.length) {
      const last = checks[checks.length - 1];
      const none = /^none$/i.test(model.text.slice(last.argsStart ?? last.end, last.argsEnd ?? last.end).trim());
      ctx.pass({
        range: last.range,
        message: none
          ? 'HEALTHCHECK NONE states that health checking is left to the orchestrator.'
          : 'The final image declares a HEALTHCHECK.',
      });
      return;
    }
    const from = final.from;
    const range = model.index.range(from.start, model.index.lineEnd(from.range.start.line));
    const entry = final.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
    const eol = model.index.eol;
    let edit;
    if (entry) {
      const at = insertionPointBefore(model, entry);
      edit = insertEdit(model.index, at.offset, `${at.indent}${SNIPPET}${eol}`);
    } else {
      const endsWithNewline = /\r?\n$/.test(model.text);
      edit = insertEdit(model.index, model.text.length, `${endsWithNewline ? '' : eol}${SNIPPET}${eol}`);
    }
    ctx.report({
      range,
      message: 'The final image has no HEALTHCHECK; add one that probes the application (or HEALTHCHECK NONE if the orchestrator probes it).',
      suggestions: [{ title: 'Add a HEALTHCHECK (replace <probe-command>)', edits: [edit] }],
    });
  },
});

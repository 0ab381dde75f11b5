import { defineRule } from '../types';
import { parseImageRef, type DockerModel } from './language';
import { finalImageUsers, fromLineSpan, insertUserLine, isRootUser } from './args-users-edits';

/** Base images documented to run as a non-root user by default (distroless `:nonroot` tags). */
function baseRunsAsNonRoot(image: string): boolean {
  const { tag } = parseImageRef(image);
  return !!tag && /(^|-)nonroot($|-)/.test(tag);
}

export default defineRule<DockerModel>({
  id: 'docker/missing-user',
  title: 'Final image sets a USER',
  level: 'warn',
  controls: ['container.non-root'],
  aliases: { checkov: ['CKV_DOCKER_3'], trivy: ['AVD-DS-0002'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'Without a USER instruction the container runs as the base image user, which is root for almost every image. A process running as root turns any remote code execution into root in the container and makes container escapes far more damaging; Kubernetes `runAsNonRoot` also refuses such images.',
    howToFix:
      'Create an unprivileged user (or use a numeric UID) and switch to it in the final stage, after the steps that need root and before CMD/ENTRYPOINT: `USER 10001:10001`. Make sure the files the application writes are owned by that user (`COPY --chown=10001:10001 ...`).',
    whenNotToUse:
      'Images whose base already runs as a non-root user that this rule cannot see (for example a company base image), or tooling images that must run as root; the user can also be set at deploy time with Kubernetes `runAsUser`.',
    examples: { bad: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]', good: 'FROM node:22-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001:10001\nCMD ["node", "/app/server.js"]' },
  },
  check(model, ctx) {
    const final = model.finalStage;
    if (!final) return;
    const users = finalImageUsers(model);
    const span = fromLineSpan(final);
    if (users.length) {
      const last = users[users.length - 1];
      if (!isRootUser(last.user)) ctx.pass({ range: model.index.range(last.instr.start, last.instr.end), message: `The final image switches to user ${last.raw}.` });
      return;
    }
    const root = model.finalImageStages[0];
    if (baseRunsAsNonRoot(root.baseImage)) {
      ctx.pass({ range: model.index.range(root.from.start, root.from.argsEnd ?? root.from.end), message: `Base image ${root.baseImage} runs as a non-root user.` });
      return;
    }
    ctx.report({
      range: model.index.range(span.start, span.end),
      message: 'The final image has no USER instruction, so it runs as root: add `USER <uid>` (for example `USER 10001:10001`) before CMD/ENTRYPOINT.',
      suggestions: [{ title: 'Add `USER 10001:10001` to the final stage', edits: [insertUserLine(model, final.from.end)] }],
    });
  },
});

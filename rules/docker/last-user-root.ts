import { defineRule } from '../types';
import type { DockerModel } from './language';
import { finalImageUsers, insertUserLine, isRootUser } from './args-users-edits';

export default defineRule<DockerModel>({
  id: 'docker/last-user-root',
  title: 'Final image does not switch back to root',
  level: 'warn',
  controls: ['container.non-root'],
  aliases: { hadolint: ['DL3002'], checkov: ['CKV_DOCKER_8'], trivy: ['AVD-DS-0002'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'The last USER of the final image decides who the container runs as. `USER root` (or `0`) there means the application runs as root, so a compromise of the application is a compromise of root in the container. Build stages that are not part of the final image are not checked.',
    howToFix:
      'Keep `USER root` only around the steps that need it and switch to an unprivileged user afterwards, before CMD/ENTRYPOINT: `USER 10001:10001`.',
    whenNotToUse:
      'Tooling images that must run as root (for example images that manage the host), where the risk is accepted; prefer setting the user at deploy time with Kubernetes `runAsUser` over suppressing.',
    examples: { bad: 'FROM debian:12\nUSER root\nRUN apt-get update\nCMD ["app"]', good: 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER 10001:10001\nCMD ["app"]' },
  },
  check(model, ctx) {
    const users = finalImageUsers(model);
    if (!users.length) return; // docker/missing-user reports images without USER
    const last = users[users.length - 1];
    if (last.user.includes('$')) return; // value known only at build time
    if (!isRootUser(last.user)) {
      ctx.pass({ range: model.index.range(last.start, last.end), message: `Runs as user ${last.raw}` });
      return;
    }
    ctx.report({
      range: model.index.range(last.start, last.end),
      message: `The final image runs as root (\`USER ${last.raw}\`): switch to a non-root user such as \`USER 10001\` after the steps that need root.`,
      suggestions: [{ title: 'Add `USER 10001:10001` after the root steps', edits: [insertUserLine(model, last.instr.end)] }],
    });
  },
});

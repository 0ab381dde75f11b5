import { defineRule } from '../types';
import type { DockerModel } from './language';
import { finalImageUsers, isRootUser } from './args-users-edits';

export default defineRule<DockerModel>({
  id: 'docker/numeric-user',
  title: 'Final image runs as a numeric UID',
  level: 'report',
  controls: ['container.non-root'],
  aliases: { hadolint: ['DL3066'] },
  docs: {
    rationale:
      'Kubernetes can only verify `runAsNonRoot: true` for numeric users: with `USER app` the kubelet cannot tell whether `app` is root and refuses to start the pod. A name may also resolve to a different UID on the host, which matters for volume ownership.',
    howToFix:
      'Use the numeric UID (and GID) of the user you created, for example `RUN adduser -u 10001 -D app` followed by `USER 10001:10001`.',
    whenNotToUse: 'Images that never run under Kubernetes `runAsNonRoot` and rely on the user name on purpose.',
    examples: { bad: 'FROM alpine:3.20\nRUN adduser -D app\nUSER app', good: 'FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001' },
  },
  check(model, ctx) {
    const users = finalImageUsers(model);
    if (!users.length) return;
    // Windows images (nanoserver, servercore) name their users; UIDs do not exist there.
    if (model.finalImageStages.some((s) => /(^|[/:-])(nanoserver|servercore|windows)/i.test(s.baseImage))) return;
    const last = users[users.length - 1];
    // Variables resolve only at build time; root is docker/last-user-root's business.
    if (last.user.includes('$') || last.user === '' || isRootUser(last.user)) return;
    const range = model.index.range(last.start, last.end);
    if (/^[0-9]+$/.test(last.user)) {
      ctx.pass({ range, message: `Runs as numeric UID ${last.user}` });
      return;
    }
    ctx.report({
      range,
      message: `USER "${last.user}" is a name: use its numeric UID (for example \`USER 10001\`) so the host and Kubernetes \`runAsNonRoot\` can verify it is not root.`,
    });
  },
});

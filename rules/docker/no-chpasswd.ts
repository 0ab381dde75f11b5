import { defineRule } from '../types';
import { runCommands, type DockerModel } from './language';
import { commandName } from './shell';
import { withWrapped } from './args-users-edits';

export default defineRule<DockerModel>({
  id: 'docker/no-chpasswd',
  title: 'No passwords set inside the image',
  level: 'warn',
  controls: ['container.build-secrets'],
  aliases: { checkov: ['CKV2_DOCKER_17'] },
  docs: {
    rationale:
      '`chpasswd` writes a password hash into `/etc/shadow` of a layer that everyone who pulls the image can read, and the clear-text password usually sits in the RUN line and the build history too. Containers should not have password logins at all.',
    howToFix:
      'Remove the `chpasswd` step. Run the application as a user without a password (`adduser -D` / `useradd --no-log-init`), and authenticate operators through the orchestrator (`kubectl exec`) rather than logins inside the container.',
    whenNotToUse: 'Test images for login flows that are never pushed to a shared registry.',
    examples: { bad: 'FROM debian:12\nRUN echo "app:changeme" | chpasswd', good: 'FROM debian:12\nRUN useradd --no-log-init --uid 10001 app' },
  },
  check(model, ctx) {
    const seen = new Set<number>();
    for (const { cmd } of runCommands(model)) {
      for (const c of withWrapped(cmd)) {
        if (commandName(c) !== 'chpasswd') continue;
        const word = c.words[c.nameIndex];
        if (seen.has(word.start)) continue;
        seen.add(word.start);
        ctx.report({
          range: model.index.range(word.start, word.end),
          message: 'Do not set passwords in the image with chpasswd: the hash (and often the password) ends up in a layer; use password-less users instead.',
        });
      }
    }
  },
});

import { defineRule } from '../types';
import { deleteEdit } from '../text';
import { runCommands } from "./language";
import { commandName } from "./shell";
import type { DockerModel } from './language';

export default defineRule<DockerModel>({
  id: 'docker/no-sudo',
  title: 'No sudo in RUN instructions',
  level: 'warn',
  controls: ['container.non-root'],
  aliases: { hadolint: ['DL3004'], checkov: ['CKV2_DOCKER_1'], trivy: ['AVD-DS-0010'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: "the command runs as the stage's current USER instead of root",
  docs: {
    rationale:
      'Build steps already run as the current USER. `sudo` in an image means it is installed and configured, which lets any process in the container regain root, and it behaves unpredictably without a TTY.',
    howToFix: 'Drop the `sudo` prefix. If a step needs root, switch with `USER root` before it and back to the application user (`USER 10001`) after it.',
    whenNotToUse: 'Images meant as interactive development environments where the user deliberately needs sudo at run time.',
    examples: { bad: 'USER app\nRUN sudo apt-get install -y curl', good: 'USER root\nRUN apt-get install -y curl\nUSER app' },
  },
  check(model, ctx) {
    for (const { instr, cmd } of runCommands(model)) {
      if (commandName(cmd) !== 'sudo') continue;
      const word = cmd.words[cmd.nameIndex];
      const next = cmd.words[cmd.nameIndex + 1];
      // Only `sudo <command>` without sudo options is mechanically fixable.
      const fixable = next && !next.value.startsWith('-') && !instr.jsonForm;
      ctx.report({
        range: model.index.range(word.start, word.end),
        message: 'Do not use sudo: build steps run as the current USER; switch with `USER root` and back instead.',
        fix: fixable ? { title: 'Remove sudo', edits: [deleteEdit(model.index, word.start, next.start)] } : undefined,
      });
    }
  },
});

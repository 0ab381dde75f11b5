import { defineRule } from '../types';
import { isJsonElement } from './language';
import { replaceEdit } from '../text';
import type { DockerModel } from './language';
import { pmCalls } from './package-managers';

/** Subcommands that mean the same with apt-get. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove']);

export default defineRule<DockerModel>({
  id: 'docker/apt-get-not-apt',
  title: 'Scripts use apt-get, not apt',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3027'], checkov: ['CKV_DOCKER_9'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      '`apt` is the interactive front end: its output and behaviour may change between releases and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` and `apt-cache` are the stable, scriptable tools.',
    howToFix: 'Replace `apt` with `apt-get` (`install`, `update`, `upgrade`, `remove`, `purge`, `autoremove`) or `apt-cache` (`search`, `show`, `policy`).',
    whenNotToUse: 'Never in a Dockerfile.',
    examples: { bad: 'RUN apt update && apt install -y curl', good: 'RUN apt-get update && apt-get install -y curl' },
  },
  check(model, ctx) {
    for (const call of pmCalls(model)) {
      if (call.manager !== 'apt') continue;
      const w = call.nameWord;
      const fixable = w.value === 'apt' && SAME_IN_APT_GET.has(call.subcommand);
      const newText = isJsonElement(model, call.instr, w) ? '"apt-get"' : 'apt-get';
      ctx.report({
        range: model.index.range(w.start, w.end),
        message: 'Use `apt-get` or `apt-cache` instead of `apt`, whose command-line interface is not stable for scripts.',
        fix: fixable ? { title: 'Replace apt with apt-get', edits: [replaceEdit(model.index, w.start, w.end, newText)] } : undefined,
      });
    }
  },
});

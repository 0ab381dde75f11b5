import { defineRule } from '../types';
import type { DockerModel } from './language';
import { pmCalls, simulated } from './package-managers';

export default defineRule<DockerModel>({
  id: 'docker/no-dist-upgrade',
  title: 'No distribution upgrades in the build',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3035'], trivy: ['AVD-DS-0024'] },
  docs: {
    rationale:
      '`apt-get dist-upgrade` and `zypper dist-upgrade` may replace, add or remove packages across the whole distribution, so the image no longer matches its base image tag and each build can end up with a different system.',
    howToFix: 'Use a newer base image tag (or digest) instead; if you need current security fixes, use `apt-get upgrade -y` / `zypper patch` or rebuild on a refreshed base image.',
    whenNotToUse: 'Base images you build and publish yourself where a full upgrade is the intended step.',
    examples: { bad: 'RUN apt-get update && apt-get dist-upgrade -y', good: 'FROM debian:12.7\nRUN apt-get update && apt-get upgrade -y' },
  },
  check(model, ctx) {
    for (const call of pmCalls(model)) {
      if (!call.sub || simulated(call)) continue;
      const apt = (call.manager === 'apt-get' || call.manager === 'apt') && (call.subcommand === 'dist-upgrade' || call.subcommand === 'full-upgrade');
      const zypper = call.manager === 'zypper' && call.subcommand === 'dist-upgrade';
      if (!apt && !zypper) continue;
      const tool = call.nameWord.value.slice(call.nameWord.value.lastIndexOf('/') + 1);
      ctx.report({
        range: model.index.range(call.sub.start, call.sub.end),
        message: `\`${tool} ${call.sub.value}\` can upgrade the whole distribution; use a newer base image instead.`,
      });
    }
  },
});

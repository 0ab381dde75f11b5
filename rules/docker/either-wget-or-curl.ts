import { defineRule } from '../types';
import type { DockerModel } from './language';
import { commandsNamed } from './package-managers';
import type { ShellWord } from './shell';

export default defineRule<DockerModel>({
  id: 'docker/either-wget-or-curl',
  title: 'One download tool: either wget or curl',
  level: 'report',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL4001'], trivy: ['AVD-DS-0014'] },
  docs: {
    rationale:
      'Using both `wget` and `curl` means both have to be installed (and patched) in the image, for no gain: either can do every download a build needs.',
    howToFix: 'Pick the tool the Dockerfile uses most and rewrite the other calls with it (`wget -qO- URL` is `curl -fsSL URL`, `wget URL` is `curl -fsSLO URL`).',
    whenNotToUse: 'When one of the tools is only run by a third-party install script you do not control.',
    examples: { bad: 'RUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz', good: 'RUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz' },
  },
  check(model, ctx) {
    const uses: Record<'curl' | 'wget', ShellWord[]> = { curl: [], wget: [] };
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const { words } of commandsNamed(model, instr, ['curl', 'wget'])) {
        const word = words[0];
        uses[word.value.slice(word.value.lastIndexOf('/') + 1) as 'curl' | 'wget'].push(word);
      }
    }
    if (!uses.curl.length || !uses.wget.length) return;
    const [rare, kept] = uses.wget.length <= uses.curl.length ? (['wget', 'curl'] as const) : (['curl', 'wget'] as const);
    for (const word of uses[rare]) {
      ctx.report({
        range: model.index.range(word.start, word.end),
        message: `This Dockerfile uses both wget and curl; use ${kept} here as well so the image needs only one download tool.`,
      });
    }
  },
});

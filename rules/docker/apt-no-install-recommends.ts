import { defineRule } from '../types';
import { instructionsBefore } from './language';
import type { DockerInstruction, DockerModel } from './language';
import { callHasOption, insertAfterWord, optionValues, pmCalls, simulated } from './package-managers';

const CONFIGURED = /APT::Install-Recommends\s*"?(0|false)"?/i;

/** An earlier RUN/COPY (`setters`, in this stage or a parent) wrote `APT::Install-Recommends "false"`. */
function configuredEarlier(instr: DockerInstruction, setters: Set<DockerInstruction>): boolean {
  return setters.size > 0 && instructionsBefore(instr).some((i) => setters.has(i));
}

export default defineRule<DockerModel>({
  id: 'docker/apt-no-install-recommends',
  title: 'apt-get install skips recommended packages',
  level: 'report',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3015'], trivy: ['AVD-DS-0029'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'recommended packages are no longer installed, so tools they brought may be missing from the image',
  docs: {
    rationale:
      'By default apt also installs every "Recommends" package. They are rarely needed at run time, make the image larger and add software (and CVEs) nobody chose.',
    howToFix: 'Add `--no-install-recommends` after `install` (`apt-get install -y --no-install-recommends curl`), and list any recommended package you really need explicitly.',
    whenNotToUse: 'Images meant as full development environments where the recommended extras are wanted.',
    examples: { bad: 'RUN apt-get install -y curl', good: 'RUN apt-get install -y --no-install-recommends curl' },
  },
  check(model, ctx) {
    let setters: Set<DockerInstruction> | undefined;
    for (const call of pmCalls(model)) {
      if ((call.manager !== 'apt-get' && call.manager !== 'apt') || !call.sub || call.subcommand !== 'install') continue;
      if (callHasOption(call, ['--no-install-recommends']) || simulated(call)) continue;
      if (optionValues(call, '-o', '--option').some((v) => /^APT::Install-Recommends=(0|false|no)$/i.test(v.trim()))) continue;
      setters ??= new Set(model.instructions.filter((i) => (i.keyword === 'RUN' || i.keyword === 'COPY') && CONFIGURED.test(model.text.slice(i.start, i.end))));
      if (configuredEarlier(call.instr, setters)) continue;
      const tool = call.nameWord.value.slice(call.nameWord.value.lastIndexOf('/') + 1);
      ctx.report({
        range: model.index.range(call.sub.start, call.sub.end),
        message: `\`${tool} install\` also installs recommended packages; add \`--no-install-recommends\`.`,
        fix: { title: 'Add --no-install-recommends', edits: [insertAfterWord(model, call.instr, call.sub, '--no-install-recommends')] },
      });
    }
  },
});

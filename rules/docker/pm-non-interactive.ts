import { defineRule } from '../types';
import type { DockerModel } from './language';
import { innerName, insertAfterWord, optionMatches, optionValues, pmCalls, simulated, type PmCall } from './package-managers';

const APT_PROMPTING = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep']);
const RPM_PROMPTING = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'remove', 'downgrade', 'autoremove', 'distro-sync']);
const ZYPPER_PROMPTING = new Set(['install', 'remove', 'update', 'patch', 'dist-upgrade', 'source-install']);

/** Does the call already answer "yes" by itself? */
function assumesYes(call: PmCall): boolean {
  const opts = [...call.before, ...call.after];
  // `yes | apt-get install ...`
  const cmd = call.commands[call.index];
  if (cmd.joinedBy === '|' && call.index > 0 && innerName(call.commands[call.index - 1]) === 'yes') return true;
  switch (call.manager) {
    case 'apt-get':
    case 'apt': {
      if (opts.some((w) => optionMatches(w, ['-y', '--yes', '--assume-yes']))) return true;
      // -qq (quiet level 2) implies -y.
      if (opts.some((w) => /^-[A-Za-z]*q[A-Za-z]*q/.test(w.value) || /^(-q|--quiet)=([2-9])$/.test(w.value))) return true;
      return optionValues(call, '-o', '--option').some((v) => /^APT::Get::Assume-Yes=(1|true|yes)$/i.test(v.trim()));
    }
    case 'yum':
    case 'dnf':
      if (opts.some((w) => optionMatches(w, ['-y', '--assumeyes']))) return true;
      return optionValues(call, null, '--setopt').some((v) => /^assumeyes=(1|true|yes)$/i.test(v.trim()));
    case 'zypper':
      return call.before.some((w) => optionMatches(w, ['-n', '--non-interactive', '--no-confirm'])) || call.after.some((w) => optionMatches(w, ['-y', '--no-confirm']));
    default:
      return true;
  }
}

function prompts(call: PmCall): boolean {
  switch (call.manager) {
    case 'apt-get':
    case 'apt':
      return APT_PROMPTING.has(call.subcommand);
    case 'yum':
    case 'dnf':
      return RPM_PROMPTING.has(call.subcommand);
    case 'zypper':
      return ZYPPER_PROMPTING.has(call.subcommand);
    default:
      return false;
  }
}

export default defineRule<DockerModel>({
  id: 'docker/pm-non-interactive',
  title: 'Package installs do not wait for confirmation',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3014', 'DL3030', 'DL3034', 'DL3038'], trivy: ['AVD-DS-0021'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'A build has no terminal to answer "Do you want to continue? [Y/n]". Without an assume-yes option `apt-get install`, `yum install`, `dnf install` and `zypper install` abort (or hang) instead of installing, so the build depends on how the package manager happens to read an empty stdin.',
    howToFix: 'Add `-y` after the subcommand (`apt-get install -y curl`, `dnf install -y curl`); for zypper use `zypper --non-interactive install curl` or `zypper install -y curl`.',
    whenNotToUse: 'Never in a Dockerfile; the option is harmless when nothing needs confirmation.',
    examples: { bad: 'RUN apt-get update && apt-get install curl', good: 'RUN apt-get update && apt-get install -y curl' },
  },
  check(model, ctx) {
    for (const call of pmCalls(model)) {
      if (!call.sub || !prompts(call) || assumesYes(call) || simulated(call)) continue;
      const tool = call.nameWord.value.slice(call.nameWord.value.lastIndexOf('/') + 1);
      ctx.report({
        range: model.index.range(call.sub.start, call.sub.end),
        message: `\`${tool} ${call.sub.value}\` without \`-y\` waits for a confirmation the build cannot give; add \`-y\`.`,
        fix: { title: 'Add -y', edits: [insertAfterWord(model, call.instr, call.sub, '-y')] },
      });
    }
  },
});

import { defineRule } from '../types';
import type { TextEdit } from '../types';
import { runCommands, type DockerInstruction, type DockerModel, isJsonElement } from './language';
import { commandArgs, type ShellCommand, type ShellWord } from './shell';
import { deleteWords, effectiveName, withWrapped } from './args-users-edits';

const RELEVANT = /^(apk|apt-get|apt|aptitude|yum|dnf|microdnf|tdnf|yum-config-manager|dnf-3|dnf5|zypper|rpm|echo|printf|sed|tee)$/;

interface Hit {
  word: ShellWord;
  what: string;
  edit?: TextEdit;
}

const APT = /^(apt-get|apt|aptitude)$/;
const RPM_FAMILY = /^(yum|dnf|microdnf|tdnf|yum-config-manager|dnf-3|dnf5)$/;
const APT_OPTION_OFF = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|APT::Get::force-yes)=(true|1|yes)$/i;
const GPGCHECK_OFF = /^(.*\.)?(gpgcheck|repo_gpgcheck|localpkg_gpgcheck)=(0|false|no|off)$/i;

function commandHits(model: DockerModel, instr: DockerInstruction, cmd: ShellCommand): Hit[] {
  const hits: Hit[] = [];
  const name = effectiveName(cmd);
  if (!RELEVANT.test(name)) return [];
  const args = commandArgs(cmd);
  const canFix = (w: ShellWord) => !isJsonElement(model, instr, w);
  const del = (first: ShellWord, last = first) => (canFix(first) && canFix(last) ? deleteWords(model, first.start, last.end) : undefined);
  const flag = (names: string[], label: (w: ShellWord) => string) => {
    for (const w of args) {
      if (w.value === '--') break;
      if (names.some((n) => w.value === n || w.value.startsWith(`${n}=`))) hits.push({ word: w, what: label(w), edit: del(w) });
    }
  };

  if (name === 'apk') flag(['--allow-untrusted'], () => '`apk --allow-untrusted`');
  if (APT.test(name)) {
    flag(['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'], (w) => `\`${name} ${w.value}\``);
    for (let i = 0; i < args.length; i++) {
      const w = args[i];
      if (w.value === '-o' && args[i + 1] && APT_OPTION_OFF.test(args[i + 1].value)) hits.push({ word: args[i + 1], what: `\`${name} -o ${args[i + 1].value}\``, edit: del(w, args[i + 1]) });
      else if (/^-o./.test(w.value) && APT_OPTION_OFF.test(w.value.slice(2))) hits.push({ word: w, what: `\`${name} ${w.value}\``, edit: del(w) });
    }
  }
  if (RPM_FAMILY.test(name)) {
    flag(['--nogpgcheck', '--no-gpgchecks'], (w) => `\`${name} ${w.value}\``);
    for (let i = 0; i < args.length; i++) {
      const w = args[i];
      if (w.value.startsWith('--setopt=') && GPGCHECK_OFF.test(w.value.slice(9))) hits.push({ word: w, what: `\`${name} ${w.value}\``, edit: del(w) });
      else if (w.value === '--setopt' && args[i + 1] && GPGCHECK_OFF.test(args[i + 1].value)) hits.push({ word: args[i + 1], what: `\`${name} --setopt ${args[i + 1].value}\``, edit: del(w, args[i + 1]) });
    }
  }
  if (name === 'zypper') flag(['--no-gpg-checks'], (w) => `\`zypper ${w.value}\``);
  if (name === 'rpm') flag(['--nosignature', '--nodigest', '--noverify', '--nofiledigest'], (w) => `\`rpm ${w.value}\``);
  // Repository definitions written with echo/printf/sed/tee: `[trusted=yes]`, `gpgcheck=0`. A
  // `file:` source holds packages built in this image and never crosses a network.
  if (['echo', 'printf', 'sed', 'tee'].includes(name)) {
    for (const w of args) {
      if (/\[[^\]]*\btrusted=yes\b[^\]]*\]/.test(w.value) && !/\]\s*file:/.test(w.value)) hits.push({ word: w, what: 'An APT source with `[trusted=yes]`' });
      else if (/(^|[^a-z_])(repo_)?gpgcheck\s*=\s*(0|false|no|off)\b/i.test(w.value)) hits.push({ word: w, what: '`gpgcheck=0` in a repository configuration' });
    }
  }
  return hits;
}

export default defineRule<DockerModel>({
  id: 'docker/no-unsigned-packages',
  title: 'Package signatures are verified',
  level: 'block',
  controls: ['container.build-secrets'],
  aliases: { checkov: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'packages are no longer installed without signature checks',
  docs: {
    rationale:
      'Package managers check signatures so that a compromised mirror, proxy or network path cannot slip a modified package into the image. `apk --allow-untrusted`, `apt-get --allow-unauthenticated`/`--force-yes`, `yum/dnf --nogpgcheck` and `rpm --nosignature` turn that check off.',
    howToFix:
      'Remove the flag. If a third-party repository is not trusted yet, import its signing key first (`curl -fsSL https://repo.example/key.asc -o /etc/apt/keyrings/example.asc` and `signed-by=` in the source entry, or `rpm --import`).',
    whenNotToUse: 'Installing a package you built yourself in an earlier stage of the same Dockerfile, where the file never crosses a network; suppress that line with a reason.',
    examples: { bad: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted curl', good: 'FROM alpine:3.20\nRUN apk add --no-cache curl' },
  },
  check(model, ctx) {
    const seen = new Set<number>();
    for (const { instr, cmd } of runCommands(model)) {
      for (const c of withWrapped(cmd)) {
        for (const h of commandHits(model, instr, c)) {
          if (seen.has(h.word.start)) continue;
          seen.add(h.word.start);
          ctx.report({
            range: model.index.range(h.word.start, h.word.end),
            message: `${h.what} turns off package signature verification: remove it and import the repository's signing key instead.`,
            fix: h.edit ? { title: 'Remove the flag that disables signature verification', edits: [h.edit] } : undefined,
          });
        }
      }
    }
  },
});

import { defineRule } from '../types';
import type { DockerModel } from './language';
import { callHasOption, pmCalls, simulated, type PmCall } from './package-managers';
import type { ShellWord } from './shell';

/** Not a package name: variables, command substitutions, paths, URLs, globs. */
const notAName = (v: string) => v === '' || /[$`*?]/.test(v) || /^[./~]/.test(v) || v.includes('://');

interface Spec {
  /** Does this call install named packages? */
  applies(call: PmCall): boolean;
  /** Is this operand pinned or not a registry package at all? */
  pinnedOrSkipped(v: string): boolean;
  /** How the pinned form looks. */
  hint(v: string): string;
}

const SPECS: Partial<Record<PmCall['manager'], Spec>> = {
  'apt-get': {
    applies: (c) => c.subcommand === 'install',
    pinnedOrSkipped: (v) => v.includes('=') || v.includes('/') || v.endsWith('.deb') || notAName(v),
    hint: (v) => `${v}=<version>`,
  },
  apk: {
    applies: (c) => c.subcommand === 'add',
    pinnedOrSkipped: (v) => /[=<>~]/.test(v) || v.endsWith('.apk') || notAName(v),
    hint: (v) => `${v}=<version>`,
  },
  pip: {
    applies: (c) => c.subcommand === 'install' && !callHasOption(c, ['-c', '--constraint']),
    pinnedOrSkipped: (v) => /[=<>!~@]/.test(v) || /\.(whl|zip|tar\.gz|tgz|tar\.bz2)$/.test(v) || v.startsWith('git+') || notAName(v),
    hint: (v) => `${v}==<version>`,
  },
  npm: {
    applies: (c) => c.subcommand === 'install',
    pinnedOrSkipped: (v) => {
      if (notAName(v) || /\.(tgz|tar\.gz|tar)$/.test(v) || /^(git\+|git:|github:|gitlab:|bitbucket:|gist:|file:|npm:)/.test(v)) return true;
      const at = v.indexOf('@', 1);
      if (at > 0) return v.slice(at + 1) !== '' && v.slice(at + 1) !== 'latest';
      // `user/repo` is a GitHub reference; `@scope/name` is a registry package.
      return !v.startsWith('@') && v.includes('/');
    },
    hint: (v) => `${v.replace(/@latest$/, '')}@<version>`,
  },
  gem: {
    applies: (c) => c.subcommand === 'install' && !callHasOption(c, ['-v', '--version', '-g', '--file']),
    pinnedOrSkipped: (v) => v.includes(':') || v.endsWith('.gem') || notAName(v),
    hint: (v) => `${v}:<version>`,
  },
  yum: {
    applies: (c) => c.subcommand === 'install',
    pinnedOrSkipped: (v) => /-\d/.test(v) || v.endsWith('.rpm') || v.startsWith('@') || notAName(v),
    hint: (v) => `${v}-<version>`,
  },
  zypper: {
    applies: (c) => c.subcommand === 'install',
    pinnedOrSkipped: (v) => /[=<>]/.test(v) || v.endsWith('.rpm') || notAName(v),
    hint: (v) => `${v}=<version>`,
  },
  go: {
    applies: (c) => c.subcommand === 'install',
    pinnedOrSkipped: (v) => {
      const at = v.lastIndexOf('@');
      if (at > 0) return v.slice(at + 1) !== '' && v.slice(at + 1) !== 'latest';
      return notAName(v) || !v.includes('.');
    },
    hint: (v) => `${v.replace(/@latest$/, '')}@<version>`,
  },
};
SPECS.apt = SPECS['apt-get'];
SPECS.dnf = SPECS.yum;
SPECS.microdnf = SPECS.yum;

export default defineRule<DockerModel>({
  id: 'docker/pin-package-versions',
  title: 'Installed packages are pinned to versions',
  level: 'report',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3008', 'DL3013', 'DL3016', 'DL3018', 'DL3028', 'DL3033', 'DL3037', 'DL3041', 'DL3062'] },
  docs: {
    rationale:
      'An unpinned `apt-get install curl` or `pip install flask` installs whatever is newest on the day of the build, so two builds of the same commit can differ, and a new upstream release can break the image without any change in the repository.',
    howToFix:
      'Pin each package: `curl=7.88.1-10+deb12u5` (apt), `curl=8.9.0-r0` (apk), `flask==3.0.3` (pip, or install from a pinned requirements/constraints file), `express@4.19.2` (npm), `rails:7.1.3` or `-v` (gem), `httpd-2.4.57` (yum/dnf), `curl=8.6.0` (zypper), `golang.org/x/tools/gopls@v0.16.1` (go install).',
    whenNotToUse:
      'Images rebuilt on purpose to pick up the latest security updates of a distribution (then pin the base image digest and rely on scanning instead); the rule is informational by default for that reason.',
    examples: { bad: 'RUN apt-get install -y curl\nRUN pip install flask', good: 'RUN apt-get install -y curl=7.88.1-10+deb12u5\nRUN pip install flask==3.0.3' },
  },
  check(model, ctx) {
    for (const call of pmCalls(model)) {
      const spec = SPECS[call.manager];
      if (!spec || !call.sub || !spec.applies(call) || simulated(call)) continue;
      for (const w of call.operands as ShellWord[]) {
        if (spec.pinnedOrSkipped(w.value)) continue;
        const tool = call.nameWord.value.slice(call.nameWord.value.lastIndexOf('/') + 1);
        ctx.report({
          range: model.index.range(w.start, w.end),
          message: `Pin \`${w.value}\` to a version (\`${tool} ${call.sub.value} ${spec.hint(w.value)}\`) so rebuilds install the same package.`,
        });
      }
    }
  },
});

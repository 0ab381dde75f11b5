import { defineRule } from '../types';
import { instructionsBefore } from './language';
import { insertEdit } from '../text';
import type { DockerInstruction, DockerModel } from './language';
import { APT_INSTALLS, cacheMountTargets, callHasOption, chainEndOffset, insertAfterWord, pmCallsOf, lastRemoval, simulated, type Manager, type PmCall } from './package-managers';

/** Tools whose cleanup is a command appended at the end of the RUN's chain. */
interface AppendCleanup {
  installs: Set<string>;
  /** Is a later call in the RUN the cleanup? */
  isCleanup(c: PmCall): boolean;
  /** rm targets that count as cleanup. */
  paths: string[];
  /** Cache mount targets that keep the cache out of the layer (default: `paths`). */
  mounts?: string[];
  command: string;
  what: string;
  finalOnly: boolean;
}

const RPM_INSTALLS = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'downgrade', 'distro-sync']);
const cleanAll = (...tools: Manager[]) => (c: PmCall) => tools.includes(c.manager) && c.subcommand === 'clean' && c.operands.some((w) => w.value === 'all');

const APPEND: Partial<Record<Manager, AppendCleanup>> = {
  'apt-get': {
    installs: APT_INSTALLS,
    // apt 2.7+ `apt-get dist-clean` also removes the lists.
    isCleanup: (c) => (c.manager === 'apt-get' || c.manager === 'apt') && c.subcommand === 'dist-clean',
    paths: ['/var/lib/apt/lists'],
    mounts: ['/var/lib/apt', '/var/cache/apt'],
    command: 'rm -rf /var/lib/apt/lists/*',
    what: 'the package lists',
    finalOnly: true,
  },
  yum: { installs: RPM_INSTALLS, isCleanup: cleanAll('yum', 'dnf'), paths: ['/var/cache/yum'], command: 'yum clean all', what: 'its package cache', finalOnly: false },
  dnf: { installs: RPM_INSTALLS, isCleanup: cleanAll('dnf', 'yum'), paths: ['/var/cache/dnf', '/var/cache/libdnf5'], command: 'dnf clean all', what: 'its package cache', finalOnly: false },
  microdnf: {
    installs: new Set(['install', 'reinstall', 'upgrade', 'update']),
    isCleanup: cleanAll('microdnf', 'dnf', 'yum'),
    paths: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
    command: 'microdnf clean all',
    what: 'its package cache',
    finalOnly: false,
  },
  zypper: {
    installs: new Set(['install', 'source-install', 'patch', 'update', 'dist-upgrade', 'remove']),
    isCleanup: (c) => c.manager === 'zypper' && c.subcommand === 'clean',
    paths: ['/var/cache/zypp'],
    command: 'zypper clean',
    what: 'its package cache',
    finalOnly: false,
  },
  yarn: {
    installs: new Set(['install']),
    isCleanup: (c) => c.manager === 'yarn' && c.subcommand === 'cache' && c.operands[0]?.value === 'clean',
    paths: ['/usr/local/share/.cache/yarn', '/root/.cache/yarn', '/root/.yarn', '~/.cache/yarn'],
    command: 'yarn cache clean',
    what: 'the yarn cache',
    finalOnly: true,
  },
};

const toolName = (c: PmCall) => c.nameWord.value.slice(c.nameWord.value.lastIndexOf('/') + 1);
const underAny = (path: string, prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : p + '/') || path.startsWith(p + '*'));

export default defineRule<DockerModel>({
  id: 'docker/pm-cache-cleanup',
  title: 'Package manager caches are cleaned in the same layer',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: {
    hadolint: ['DL3009', 'DL3019', 'DL3032', 'DL3036', 'DL3040', 'DL3042', 'DL3060'],
    trivy: ['AVD-DS-0015', 'AVD-DS-0019', 'AVD-DS-0020', 'AVD-DS-0025', 'AVD-DS-0027'],
  },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'package caches and indexes are no longer kept in the image',
  docs: {
    rationale:
      'Package indexes and downloaded packages written by a RUN stay in that layer for good: deleting them in a later RUN does not shrink the image. They add tens of megabytes to every pull and keep stale metadata in the image.',
    howToFix:
      'Clean up in the same RUN: `apt-get install … && rm -rf /var/lib/apt/lists/*`, `apk add --no-cache …`, `yum install … && yum clean all` (likewise `dnf`, `microdnf`), `zypper install … && zypper clean`, `yarn install && yarn cache clean`, `pip install --no-cache-dir …`. With BuildKit, a `RUN --mount=type=cache,target=<cache dir>` keeps the cache out of the image as well.',
    whenNotToUse: 'Build stages that are thrown away (apt and yarn are only checked in stages that end up in the final image), or images that deliberately keep a package cache for offline installs.',
    examples: {
      bad: 'RUN apt-get update && apt-get install -y curl\nRUN pip install requests==2.32.3',
      good: 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir requests==2.32.3',
    },
  },
  check(model, ctx) {
    const finalStages = new Set(model.finalImageStages);
    let pipSetters: Set<DockerInstruction> | undefined;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const calls = pmCallsOf(model, instr);
      if (!calls.length) continue;
      const mounts = cacheMountTargets(instr);
      const inFinal = instr.stage !== null && finalStages.has(instr.stage);

      // Tools cleaned with a command appended to the chain: one finding per RUN and tool.
      for (const [key, spec] of Object.entries(APPEND) as [Manager, AppendCleanup][]) {
        if (spec.finalOnly && !inFinal) continue;
        const mine = calls.filter((c) => (c.manager === key || (key === 'apt-get' && c.manager === 'apt')) && c.sub && spec.installs.has(c.subcommand) && !simulated(c));
        const last = mine[mine.length - 1];
        if (!last) continue;
        if (mounts.some((m) => underAny(m, spec.mounts ?? spec.paths))) continue;
        if (calls.some((c) => c.index > last.index && spec.isCleanup(c))) continue;
        if (lastRemoval(model, instr, spec.paths) > last.index) continue;
        const end = chainEndOffset(model, instr, last.commands, last.index);
        ctx.report({
          range: model.index.range(last.sub!.start, last.sub!.end),
          message: `\`${toolName(last)} ${last.sub!.value}\` leaves ${spec.what} in the layer; end the same RUN with \`&& ${spec.command}\`.`,
          fix: end === null ? undefined : { title: `Append && ${spec.command}`, edits: [insertEdit(model.index, end, ` && ${spec.command}`)] },
        });
      }

      // Computed once per RUN (a RUN may hold thousands of calls).
      let apkRemoved: number | undefined;
      let pipRemoved: number | undefined;
      let pipPurged: number | undefined;
      for (const call of calls) {
        if (!call.sub) continue;
        if (call.manager === 'apk' && call.subcommand === 'add') {
          // `--no-network` installs from what is already on disk and fetches no index.
          if (callHasOption(call, ['--no-cache', '--no-network'])) continue;
          if (mounts.some((m) => underAny(m, ['/var/cache/apk', '/etc/apk/cache']))) continue;
          apkRemoved ??= lastRemoval(model, instr, ['/var/cache/apk']);
          if (apkRemoved > call.index) continue;
          ctx.report({
            range: model.index.range(call.sub.start, call.sub.end),
            message: '`apk add` without `--no-cache` leaves the package index in the layer; add `--no-cache`.',
            fix: { title: 'Add --no-cache', edits: [insertAfterWord(model, instr, call.sub, '--no-cache')] },
          });
        } else if (call.manager === 'pip' && call.subcommand === 'install') {
          if (callHasOption(call, ['--no-cache-dir'])) continue;
          if (mounts.some((m) => m.includes('pip') || m.includes('.cache'))) continue;
          pipSetters ??= new Set(model.instructions.filter((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bPIP_NO_CACHE_DIR\b/.test(model.text.slice(i.start, i.end))));
          if (pipCacheDisabled(call, pipSetters)) continue;
          pipRemoved ??= lastRemoval(model, instr, ['/root/.cache', '~/.cache', '$HOME/.cache']);
          pipPurged ??= lastIndexOf(calls, (c) => c.manager === 'pip' && c.subcommand === 'cache' && c.operands[0]?.value === 'purge');
          if (pipRemoved > call.index || pipPurged > call.index) continue;
          ctx.report({
            range: model.index.range(call.sub.start, call.sub.end),
            message: `\`${toolName(call)} install\` keeps downloaded packages in the layer; add \`--no-cache-dir\`.`,
            fix: { title: 'Add --no-cache-dir', edits: [insertAfterWord(model, instr, call.sub, '--no-cache-dir')] },
          });
        }
      }
    }
  },
});

function lastIndexOf(calls: PmCall[], test: (c: PmCall) => boolean): number {
  for (let k = calls.length - 1; k >= 0; k--) if (test(calls[k])) return calls[k].index;
  return -1;
}

/** `PIP_NO_CACHE_DIR` set on the command line or by an earlier ENV/ARG (`setters`) of the stage chain. */
function pipCacheDisabled(call: PmCall, setters: Set<DockerInstruction>): boolean {
  const cmd = call.commands[call.index];
  if (cmd.words.some((w) => w.start < call.nameWord.start && /^PIP_NO_CACHE_DIR=/.test(w.value))) return true;
  return setters.size > 0 && instructionsBefore(call.instr).some((i) => setters.has(i));
}

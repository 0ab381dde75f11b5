import { defineRule } from '../types';
import { deleteLinesEdit, insertEdit } from '../text';
import type { DockerInstruction, DockerModel } from './language';
import { family, pmCallsOf, type PmCall } from './package-managers';

const REFRESH: Record<string, Set<string>> = {
  'apt-get': new Set(['update']),
  apk: new Set(['update']),
  yum: new Set(['makecache']),
  dnf: new Set(['makecache']),
  microdnf: new Set(['makecache']),
  zypper: new Set(['refresh']),
};

const INSTALLS: Record<string, Set<string>> = {
  'apt-get': new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download']),
  apk: new Set(['add', 'upgrade', 'fix', 'fetch']),
  yum: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'downgrade', 'distro-sync', 'download']),
  dnf: new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'upgrade', 'update', 'downgrade', 'distro-sync', 'download']),
  microdnf: new Set(['install', 'reinstall', 'upgrade', 'update', 'download']),
  zypper: new Set(['install', 'update', 'patch', 'dist-upgrade', 'source-install', 'download']),
};

const isRefresh = (c: PmCall) => REFRESH[family(c.manager)]?.has(c.subcommand) ?? false;
const isInstall = (c: PmCall, fam: string) => family(c.manager) === fam && (INSTALLS[fam]?.has(c.subcommand) ?? false);

export default defineRule<DockerModel>({
  id: 'docker/update-not-alone',
  title: 'Package index updates run in the same RUN as the install',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { checkov: ['CKV_DOCKER_5'], trivy: ['AVD-DS-0017'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: 'the package index is refreshed whenever the install step is rebuilt, so the image gets current package versions',
  docs: {
    rationale:
      'Docker caches each RUN as a layer. A lone `RUN apt-get update` is cached forever, so a later `RUN apt-get install` (changed or not) installs from a stale index: old package versions, or 404 errors once the mirror has moved on.',
    howToFix: 'Refresh the index and install in one RUN: `RUN apt-get update && apt-get install -y curl` (likewise `apk update && apk add`, `dnf makecache && dnf install`).',
    whenNotToUse: 'A RUN that only refreshes the index to inspect it (for example `apt-cache policy`) and installs nothing later in the image.',
    examples: {
      bad: 'RUN apt-get update\nRUN apt-get install -y curl',
      good: 'RUN apt-get update && apt-get install -y curl',
    },
  },
  check(model, ctx) {
    const runs = model.instructions.filter((i) => i.keyword === 'RUN');
    for (const instr of runs) {
      const calls = pmCallsOf(model, instr);
      const seen = new Set<string>();
      for (const [k, call] of calls.entries()) {
        if (!call.sub || !isRefresh(call)) continue;
        const fam = family(call.manager);
        if (seen.has(fam)) continue;
        seen.add(fam);
        if (calls.slice(k + 1).some((c) => isInstall(c, fam))) continue;
        const tool = call.nameWord.value.slice(call.nameWord.value.lastIndexOf('/') + 1);
        ctx.report({
          range: model.index.range(call.nameWord.start, call.sub.end),
          message: `\`${tool} ${call.sub.value}\` runs in its own RUN, so its cached layer goes stale; refresh and install in the same RUN.`,
          fix: mergeFix(model, instr, calls, fam),
        });
      }
    }
  },
});

/** `RUN apt-get update` + `RUN apt-get install ...` -> `RUN apt-get update && apt-get install ...`. */
function mergeFix(model: DockerModel, instr: DockerInstruction, calls: PmCall[], fam: string) {
  if (instr.jsonForm || instr.flags.length || instr.argsStart === null) return undefined;
  const commands = calls[0].commands;
  // The RUN must hold nothing but refresh commands of this tool, written on one line.
  if (commands.length !== calls.length || !calls.every((c) => isRefresh(c) && family(c.manager) === fam)) return undefined;
  if (commands.slice(1).some((c) => c.joinedBy !== '&&' && c.joinedBy !== ';')) return undefined;
  const args = model.text.slice(instr.argsStart, instr.argsEnd!).trim();
  if (/[\r\n]/.test(args) || args.startsWith('<<')) return undefined;
  const pos = model.instructions.indexOf(instr);
  const next = model.instructions[pos + 1];
  if (!next || next.keyword !== 'RUN' || next.stage !== instr.stage || next.jsonForm || next.argsStart === null) return undefined;
  if (model.text.slice(next.argsStart, next.argsEnd!).trimStart().startsWith('<<')) return undefined;
  const nextCalls = pmCallsOf(model, next);
  if (!nextCalls.some((c) => isInstall(c, fam))) return undefined;
  return {
    title: 'Merge into the next RUN',
    edits: [deleteLinesEdit(model.index, instr.range.start.line, instr.range.end.line), insertEdit(model.index, next.argsStart, `${args} && `)],
  };
}

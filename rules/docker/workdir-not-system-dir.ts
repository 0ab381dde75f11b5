import { defineRule } from '../types';
import { substituteArgs, type DockerModel } from './language';
import { argsVisibleAt } from './args-users-edits';

/** Resolve `.`, `..` and repeated slashes of an absolute path. */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

export default defineRule<DockerModel>({
  id: 'docker/workdir-not-system-dir',
  title: 'WORKDIR is not a system directory',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: { trivy: ['AVD-DS-0030'] },
  docs: {
    rationale:
      '`/proc`, `/sys` and `/dev` are provided by the kernel and the runtime at start, and `/boot` or `/lost+found` belong to the host OS layout. Files written there during the build are hidden or replaced at run time, and an application working there touches kernel interfaces.',
    howToFix: 'Use an application directory such as `WORKDIR /app` (or `/srv/app`, `/opt/app`).',
    whenNotToUse: 'Never for application images.',
    examples: { bad: 'FROM alpine:3.20\nWORKDIR /proc/app', good: 'FROM alpine:3.20\nWORKDIR /app' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'WORKDIR' || instr.argsStart === null) continue;
      let path = model.text.slice(instr.argsStart, instr.argsEnd!).trim().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
      if (path.includes('$')) path = substituteArgs(path, argsVisibleAt(model, instr));
      if (!path.startsWith('/') || path.includes('$')) continue;
      const norm = normalize(path);
      const dir = SYSTEM_DIRS.find((d) => norm === d || norm.startsWith(`${d}/`));
      if (!dir) continue;
      ctx.report({
        range: model.index.range(instr.argsStart, instr.argsEnd!),
        message: `WORKDIR ${path} is inside the system directory ${dir}: use an application directory such as /app instead.`,
      });
    }
  },
});

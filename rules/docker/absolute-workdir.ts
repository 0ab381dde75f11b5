import { defineRule } from '../types';
import { replaceEdit } from '../text';
import { argsText, parseImageRef, type DockerInstruction, type DockerModel, instructionsBefore } from './language';
import { rootImage } from './instruction-tokens';

/** WORKDIRs set by common official images (a relative WORKDIR on them is relative to this). */
const IMAGE_WORKDIRS: Record<string, string> = {
  golang: '/go',
  php: '/var/www/html',
  wordpress: '/var/www/html',
  httpd: '/usr/local/apache2',
  tomcat: '/usr/local/tomcat',
  composer: '/app',
};

interface WorkdirPath {
  /** Path without surrounding quotes. */
  path: string;
  /** Offsets of the path inside the quotes. */
  start: number;
  end: number;
}

function workdirPath(model: DockerModel, instr: DockerInstruction): WorkdirPath | null {
  if (instr.argsStart === null) return null;
  const raw = argsText(model, instr);
  const m = /^(["'])(.*)\1$/s.exec(raw);
  if (m) return { path: m[2], start: instr.argsStart + 1, end: instr.argsEnd! - 1 };
  return { path: raw, start: instr.argsStart, end: instr.argsEnd! };
}

/** Absolute, Windows-absolute, or starting with a variable (resolved at build time). */
function isAbsoluteLike(path: string): boolean {
  return /^([/\\$]|[A-Za-z]:[\\/])/.test(path);
}

function join(base: string, rel: string): string {
  const clean = rel.replace(/^(\.\/)+/, '');
  if (clean === '.' || clean === '') return base;
  return base.endsWith('/') ? base + clean : `${base}/${clean}`;
}

export default defineRule<DockerModel>({
  id: 'docker/absolute-workdir',
  title: 'WORKDIR uses an absolute path',
  level: 'warn',
  controls: ['container.reproducible-build'],
  aliases: { hadolint: ['DL3000'], checkov: ['CKV_DOCKER_10'], trivy: ['AVD-DS-0009'], buildkit: ['WorkdirRelativePath'] },
  fixable: true,
  fixType: 'hardening',
  fixConsequence: "the container's working directory no longer depends on the base image's WORKDIR",
  hasSuggestions: true,
  docs: {
    rationale:
      'A relative WORKDIR is resolved against whatever working directory the base image sets. When the base image changes it upstream, files land in a different place and later COPY, RUN and CMD steps break silently.',
    howToFix:
      'Start the path with `/`: `WORKDIR /app`. A relative WORKDIR after an absolute one in the same stage (or a stage it builds on) is fine and not reported, as in BuildKit.',
    whenNotToUse:
      'Never needed for new Dockerfiles. hadolint, Checkov and Trivy also flag relative WORKDIRs that follow an absolute one; this rule follows BuildKit and accepts those.',
    examples: { bad: 'FROM node:22\nWORKDIR app', good: 'FROM node:22\nWORKDIR /app' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'WORKDIR' || !instr.stage) continue;
      const wd = workdirPath(model, instr);
      if (!wd || !wd.path || isAbsoluteLike(wd.path)) continue;
      const earlier = instructionsBefore(instr)
        .filter((i) => i.keyword === 'WORKDIR')
        .map((i) => workdirPath(model, i))
        .filter((p): p is WorkdirPath => !!p && !!p.path);
      if (earlier.some((p) => isAbsoluteLike(p.path))) continue;
      const range = model.index.range(instr.argsStart!, instr.argsEnd!);
      const quoted = wd.start !== instr.argsStart;
      const ref = parseImageRef(rootImage(instr.stage).toLowerCase());
      const base = (!ref.registry && IMAGE_WORKDIRS[ref.name.replace(/^library\//, '')]) || '/';
      // Relative to earlier relative WORKDIRs (if any): the absolute equivalent joins them all.
      const target = [...earlier.map((p) => p.path), wd.path].reduce((acc, p) => join(acc, p), base);
      const safe = !/(^|\/)\.\.(\/|$)/.test(target) && !/[\r\n]/.test(target) && (quoted || !/\s/.test(target));
      const edit = replaceEdit(model.index, wd.start, wd.end, target);
      const message = `WORKDIR "${wd.path}" is a relative path, so where it points depends on the base image; use an absolute path such as "${target}".`;
      if (!earlier.length) {
        ctx.report({ range, message, fix: safe ? { title: `Use the absolute path ${target}`, edits: [edit] } : undefined });
      } else {
        ctx.report({
          range,
          message,
          suggestions: safe ? [{ title: `Use the absolute path ${target} (check the base image's working directory)`, edits: [edit] }] : undefined,
        });
      }
    }
  },
});

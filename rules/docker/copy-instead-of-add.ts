import { defineRule } from '../types';
import { replaceEdit } from '../text';
import type { DockerInstruction, DockerModel } from './language';

/** ADD flags that COPY also accepts; any other flag (`--checksum`, `--keep-git-dir`, `--unpack`) is ADD-only. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Extensions of files ADD may extract (it detects archives by content; these are the usual names). */
const ARCHIVE = /\.(tar|tgz|tbz|tbz2|tb2|txz|tzst|taz|tlz|gz|bz2|xz|zst|lz|lzma|lz4|z)$/i;

/**
 * Could this wildcard source match an archive, which ADD would extract and COPY would not? Only a
 * literal, non-archive extension at its end (`*.txt`) rules that out.
 */
function mayMatchArchive(src: string): boolean {
  return /[*?[]/.test(src) && !/\.[A-Za-z0-9]+$/.test(src);
}

function sources(instr: DockerInstruction): string[] | null {
  let values: string[];
  if (instr.jsonForm) {
    const strings = (instr.ast as unknown as { getJSONStrings(): { getJSONValue(): string }[] }).getJSONStrings();
    values = strings.map((s) => s.getJSONValue());
  } else {
    values = instr.ast.getArguments().map((a) => a.getValue().replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1'));
  }
  if (values.length < 2) return null;
  if (values.some((v) => v.startsWith('<<'))) return null; // heredoc
  return values.slice(0, -1);
}

export default defineRule<DockerModel>({
  id: 'docker/copy-instead-of-add',
  title: 'COPY rather than ADD for local files',
  level: 'warn',
  controls: ['container.minimal-surface'],
  aliases: { hadolint: ['DL3020'], checkov: ['CKV_DOCKER_4'], trivy: ['AVD-DS-0005'] },
  fixable: true,
  fixType: 'safe',
  docs: {
    rationale:
      'ADD also downloads URLs and silently extracts local archives, so an `ADD` of a plain file does something surprising as soon as that file becomes (or is replaced by) an archive. COPY does exactly one thing, which makes the build predictable and easier to review.',
    howToFix: 'Replace `ADD` with `COPY` for local files and directories. Keep ADD only to extract a local tar archive or to fetch a URL or Git repository with `--checksum`.',
    whenNotToUse: 'When the source is an archive whose name does not say so and you rely on ADD extracting it.',
    examples: { bad: 'FROM alpine:3.20\nADD app.py /app/', good: 'FROM alpine:3.20\nCOPY app.py /app/' },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ADD') continue;
      const srcs = sources(instr);
      if (!srcs || srcs.length === 0) continue;
      // URLs, Git repositories and archives are what ADD is for; variables could be any of them.
      if (srcs.some((s) => REMOTE.test(s) || ARCHIVE.test(s) || s.includes('$'))) continue;
      const flagNames = instr.flags.map((f) => f.getName().toLowerCase());
      const unpack = instr.flags.find((f) => f.getName().toLowerCase() === 'unpack');
      if (unpack && !/^(false|0)$/i.test(unpack.getValue() ?? '')) continue;
      // The fix must not change what lands in the image: only sources that cannot be archives.
      const fixable = flagNames.every((n) => COPY_FLAGS.has(n)) && !srcs.some(mayMatchArchive);
      const keyword = instr.keywordText === instr.keywordText.toLowerCase() ? 'copy' : 'COPY';
      ctx.report({
        range: instr.keywordRange,
        message: 'Use COPY instead of ADD for local files: ADD also fetches URLs and extracts archives, COPY only copies.',
        fix: fixable ? { title: 'Replace ADD with COPY', edits: [replaceEdit(model.index, model.index.offsetAt(instr.keywordRange.start), model.index.offsetAt(instr.keywordRange.end), keyword)] } : undefined,
      });
    }
  },
});

// Argument tokens of instructions with offsets (EXPOSE specs, stage names, JSON arrays), shells
// known for base images, and heredoc-aware RUN scripts.
import type { RuleContext, TextEdit } from '../types';
import { deleteLinesEdit } from '../text';
import type { Heredoc } from 'dockerfile-ast';
import { parseImageRef, type DockerInstruction, type DockerModel, type Stage, deleteInstruction, stageLineage } from './language';
import { parseShell, type ShellScript } from './shell';

export interface ArgToken {
  value: string;
  start: number;
  end: number;
}

/** Whitespace-separated arguments of an instruction (after flags) with document offsets. */
export function argTokens(model: DockerModel, instr: DockerInstruction): ArgToken[] {
  const args = (instr.ast as unknown as { getArguments(): { getValue(): string; getRange(): import('../types').Range }[] }).getArguments();
  return args.map((a) => {
    const r = a.getRange();
    return { value: a.getValue(), start: model.index.offsetAt(r.start), end: model.index.offsetAt(r.end) };
  });
}

/** JSON strings of an exec-form instruction with offsets (quotes included) and decoded values. */
export function jsonTokens(model: DockerModel, instr: DockerInstruction): ArgToken[] {
  const ins = instr.ast as unknown as { getJSONStrings?(): { getJSONValue(): string; getRange(): import('../types').Range }[] };
  if (!instr.jsonForm || typeof ins.getJSONStrings !== 'function') return [];
  return ins.getJSONStrings().map((s) => {
    const r = s.getRange();
    return { value: s.getJSONValue(), start: model.index.offsetAt(r.start), end: model.index.offsetAt(r.end) };
  });
}

/** Offset at which a new line can be inserted before `instr`, above the comments directly attached to it. */
export function insertionPointBefore(model: DockerModel, instr: DockerInstruction): { offset: number; indent: string } {
  let line = instr.range.start.line;
  while (line > 0 && /^\s*#/.test(model.index.lineText(line - 1))) {
    const prev = line - 1;
    // Stop at a comment that belongs to an instruction continuation (never the case for full-line comments above).
    if (model.instructions.some((i) => i.range.start.line <= prev && prev <= i.range.end.line)) break;
    line = prev;
  }
  const text = model.index.lineText(instr.range.start.line);
  return { offset: model.index.lineStart(line), indent: /^\s*/.exec(text)![0] };
}

export function isAllUpper(s: string): boolean {
  return s === s.toUpperCase();
}

export function isAllLower(s: string): boolean {
  return s === s.toLowerCase();
}

/** The external image a stage ultimately builds on (following `FROM <stage>` links). */
export function rootImage(stage: Stage): string {
  return stageLineage(stage)[0].baseImage;
}

const DEBIAN_LIKE = new Set([
  'debian', 'ubuntu', 'node', 'python', 'golang', 'ruby', 'openjdk', 'eclipse-temurin', 'amazoncorretto', 'maven',
  'gradle', 'php', 'buildpack-deps', 'rust', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux',
  'oraclelinux', 'perl', 'r-base', 'elixir', 'erlang', 'haskell', 'julia', 'swift', 'gcc', 'clojure', 'nginx', 'httpd',
  'tomcat', 'jenkins/jenkins',
]);

/**
 * Which pipefail-capable shell the root base image is known to ship: `bash` (Debian/Ubuntu/RHEL
 * family), `ash` (Alpine, BusyBox), or null when unknown (scratch, distroless, unresolved ARGs).
 */
export function knownShell(stage: Stage): 'bash' | 'ash' | null {
  const image = rootImage(stage);
  if (!image || image.includes('$') || image.toLowerCase() === 'scratch') return null;
  const ref = parseImageRef(image.toLowerCase());
  if (ref.registry && ref.registry !== 'docker.io' && ref.registry !== 'index.docker.io') return null;
  const name = ref.name.replace(/^library\//, '');
  const tag = ref.tag ?? '';
  if (/windows|nanoserver|servercore|distroless/.test(tag)) return null;
  if (name === 'alpine' || name === 'busybox' || /(^|-)alpine/.test(tag)) return 'ash';
  if (DEBIAN_LIKE.has(name)) return 'bash';
  return null;
}

/**
 * Report every instruction of `keyword` that a later one in the same stage overrides, with a fix
 * that deletes it (only the last CMD / ENTRYPOINT / HEALTHCHECK of a stage takes effect).
 */
export function reportOverridden(model: DockerModel, ctx: RuleContext, keyword: string): void {
  for (const stage of model.stages) {
    const list = stage.instructions.filter((i) => i.keyword === keyword);
    const last = list[list.length - 1];
    for (const instr of list.slice(0, -1)) {
      ctx.report({
        range: instr.keywordRange,
        message: `Only the last ${keyword} of a stage takes effect and line ${last.range.start.line + 1} overrides this one; remove it.`,
        fix: { title: `Remove the overridden ${keyword}`, edits: [deleteInstruction(model, instr)] },
      });
    }
  }
}

export interface ExposeSpec {
  token: ArgToken;
  /** Offsets and text of the container port part (after any `ip:` / `host:` prefix, before `/proto`). */
  port: ArgToken;
  /** Offsets and text of the protocol after `/`, if any. */
  proto: ArgToken | null;
  /** The `ip:host:` prefix, if any. */
  mapping: boolean;
}

/** Parse each argument of an EXPOSE instruction. */
export function exposeSpecs(model: DockerModel, instr: DockerInstruction): ExposeSpec[] {
  if (instr.keyword !== 'EXPOSE') return [];
  return argTokens(model, instr)
    .filter((t) => model.text.slice(t.start, t.end) === t.value)
    .map((token) => {
      const v = token.value;
      const slash = v.lastIndexOf('/');
      const portEnd = slash >= 0 ? slash : v.length;
      const colon = v.lastIndexOf(':', portEnd - 1);
      const portStart = colon >= 0 ? colon + 1 : 0;
      return {
        token,
        port: { value: v.slice(portStart, portEnd), start: token.start + portStart, end: token.start + portEnd },
        proto: slash >= 0 ? { value: v.slice(slash + 1), start: token.start + slash + 1, end: token.end } : null,
        mapping: colon >= 0,
      };
    });
}

/**
 * The shell scripts a RUN executes with the stage's SHELL: the command line itself and, for
 * `RUN <<EOF` heredocs used as the script (no interpreter on the line, no `#!`), their bodies.
 * Heredocs fed to another command (`RUN python3 <<EOF`) are data, not shell, and are skipped.
 */
export function runScripts(model: DockerModel, instr: DockerInstruction): ShellScript[] {
  if (instr.keyword !== 'RUN' || instr.jsonForm || instr.argsStart === null) return [];
  let heredocs: Heredoc[] = [];
  try {
    const ast = instr.ast as unknown as { getHeredocs?(): Heredoc[] };
    heredocs = typeof ast.getHeredocs === 'function' ? ast.getHeredocs() : [];
  } catch {
    // dockerfile-ast throws on some lone-CR line endings; read the RUN as plain shell then.
    heredocs = [];
  }
  if (!heredocs.length) return [model.shell(instr)];
  const firstLineEnd = model.index.lineEnd(model.index.positionAt(instr.argsStart).line);
  const line = parseShell(model.text, instr.argsStart, Math.min(firstLineEnd, instr.argsEnd!), model.escapeChar);
  const out: ShellScript[] = [];
  const onlyMarkers = line.commands.every((c) => c.words.every((w) => w.value.startsWith('<<')));
  if (!onlyMarkers) out.push(line);
  else {
    for (const h of heredocs) {
      const r = h.getContentRange();
      if (!r) continue;
      const start = model.index.offsetAt(r.start);
      const end = model.index.offsetAt(r.end);
      if (model.text.startsWith('#!', start)) continue;
      out.push(parseShell(model.text, start, end, model.escapeChar));
    }
  }
  return out;
}

/** The `AS name` part of a FROM: the `AS` keyword and the name, as written, with offsets. */
export function stageNameTokens(model: DockerModel, stage: Stage): { as: ArgToken; name: ArgToken } | null {
  const from = stage.from.ast as unknown as { getBuildStage(): string | null; getBuildStageRange(): import('../types').Range | null };
  const nameRange = from.getBuildStageRange();
  if (!from.getBuildStage() || !nameRange) return null;
  const nameStart = model.index.offsetAt(nameRange.start);
  const args = argTokens(model, stage.from);
  const k = args.findIndex((a) => a.start === nameStart);
  if (k < 1 || args[k - 1].value.toLowerCase() !== 'as') return null;
  return { as: args[k - 1], name: { value: model.text.slice(nameStart, model.index.offsetAt(nameRange.end)), start: nameStart, end: model.index.offsetAt(nameRange.end) } };
}

// Deterministic mutations of Dockerfiles for robustness tests. Case `i` of a run depends only on
// (seed, i, pool), so any failing case can be rebuilt from its label alone.

/** sfc32 seeded through splitmix32: small, fast, good enough for fuzzing. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : this.u32() % n;
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.u32() / 0x100000000 < p;
  }
}

export const splitLines = (s: string) => s.split('\n');

/** Insert `piece` at a random offset (or at a line start when `atLine`). */
export function insertAt(src: string, piece: string, rnd: Rng, atLine = false): string {
  if (atLine) {
    const lines = splitLines(src);
    lines.splice(rnd.int(lines.length + 1), 0, piece);
    return lines.join('\n');
  }
  const at = rnd.int(src.length + 1);
  return src.slice(0, at) + piece + src.slice(at);
}

/** Fragments that stress the instruction parsers and rules with missing or odd arguments. */
const FRAGMENTS = [
  'FROM', 'FROM ', 'FROM --platform=', 'FROM --platform=$BUILDPLATFORM', 'FROM ${', 'FROM ${X:-${Y:-', 'FROM $', 'FROM a AS', 'FROM a AS b AS c',
  'FROM a:b:c@sha256:', 'FROM scratch', 'FROM @sha256:abc', 'FROM :latest', 'FROM localhost:5000/', 'FROM ${IMAGE}:${TAG}@${DIGEST}',
  'RUN', 'RUN [', 'RUN ["', 'RUN ["a",', 'RUN []', 'RUN ["/bin/sh", "-c"]', 'RUN ["/bin/sh", "-c", "', 'RUN --mount=', 'RUN --mount=type=secret,id=',
  'RUN --mount=type=cache,target=', 'RUN --network=', 'RUN --security=insecure', 'RUN sudo', 'RUN sudo -u', 'RUN curl | sh', 'RUN wget -O- | bash',
  'RUN apt-get install', 'RUN apt-get', 'RUN apt-get update', 'RUN apk add', 'RUN yum install', 'RUN dnf', 'RUN zypper', 'RUN pip install',
  'RUN npm i', 'RUN npm ci --', 'RUN cd', 'RUN export', 'RUN ((((', 'RUN $(( 1 +', 'RUN `echo', 'RUN echo "${a:-${b:-${c', "RUN echo '",
  'RUN a && && b || | ;;', 'RUN if then fi done', 'RUN case x in', 'RUN <<EOF', 'RUN <<-"EOT" cat', 'COPY <<EOF /x', 'RUN chmod 777', 'RUN chmod -R',
  'RUN useradd', 'RUN adduser -D', 'RUN curl -k', 'RUN git clone', 'RUN \\', 'RUN ; ; ;', 'RUN &&', 'RUN |', 'RUN >', 'RUN 2>&1',
  'CMD', 'CMD []', 'CMD [ ]', 'CMD ["', 'CMD [""]', 'CMD ["a" "b"]', 'CMD ["a",]', 'CMD [1, 2]', 'ENTRYPOINT', 'ENTRYPOINT ["sh","-c"]', 'ENTRYPOINT [',
  'SHELL', 'SHELL []', 'SHELL ["', 'SHELL ["powershell", "-Command"]', 'USER', 'USER :', 'USER 0:0', 'USER root', 'USER ${', 'USER 1000:',
  'WORKDIR', 'WORKDIR relative', 'WORKDIR $', 'EXPOSE', 'EXPOSE 99999999999999999999', 'EXPOSE -1/udp', 'EXPOSE 80-', 'EXPOSE 1-65536/tcp',
  'EXPOSE 80/TCP', 'EXPOSE 0.0.0.0:80:80', 'EXPOSE ${PORT', 'EXPOSE 22', 'ENV', 'ENV =', 'ENV a', 'ENV a=', 'ENV "a"="b', 'ENV a b c',
  'ENV PASSWORD=x', 'ENV a=$', 'ARG', 'ARG =', 'ARG ${a}', 'ARG a=', 'ARG SECRET', 'LABEL', 'LABEL =', 'LABEL a', 'LABEL "a', 'MAINTAINER',
  'HEALTHCHECK', 'HEALTHCHECK NONE extra', 'HEALTHCHECK --interval= CMD', 'HEALTHCHECK --interval=abc CMD x', 'HEALTHCHECK CMD', 'HEALTHCHECK CMD [',
  'COPY', 'COPY a', 'COPY --from=', 'COPY --from= a b', 'COPY --from=0 a b', 'COPY --chown=:', 'COPY --chmod=', 'COPY --link', 'COPY ["a"', 'COPY ["a", "b", "c"]',
  'ADD', 'ADD --checksum= http://x /', 'ADD http://', 'ADD git@', 'ADD a.tar.gz', 'ONBUILD', 'ONBUILD ONBUILD RUN x', 'ONBUILD FROM x', 'ONBUILD RUN',
  'STOPSIGNAL', 'STOPSIGNAL SIGFOO', 'VOLUME', 'VOLUME [', 'VOLUME ["', 'BADCMD', 'from a as B', 'run', 'Run x', '\\', ' \\', '#', '# ',
  '# escape=`', '# escape=\\', '# escape=x', '# syntax=docker/dockerfile:1', '# check=skip=all', '# hadolint ignore=', '# hadolint ignore=DL3002,',
  '# hadolint global ignore=DL', '# readiness-lint-disable-next-line', '# readiness-lint-disable-next-line docker/no-sudo', '# readiness-lint-disable-file * --',
  '# readiness-lint-disable-file nonsense -- x', '# trivy:ignore:', '# trivy:ignore:AVD-DS-0002', '# checkov:skip=', '# checkov:skip=CKV_DOCKER_3:',
];

const UNICODE = [
  '\u{1F600}', '\u{1F4A9}\u200D\u{1F525}', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\u0301\u0301\u0301', '\u202E', '\u2066', '\uFEFF', '\u200B', '\u00A0',
  '\u2028', '\u2029', '\u0085', '\u3000', 'ｆｒｏｍ', 'ＲＵＮ', '\u0130', 'ß', 'ǅ', '中文', 'русский', 'العربية', '\u000B', '\u000C', '\u0000', '\uFFFD', '\uFFFF', '\u{10FFFF}',
];

const QUOTES = ['"', "'", '`', '[', ']', '{', '}', '(', ')', '${', '$(', '$((', '\\', '\\\n', '<<', '<<EOF', '#', '=', '--', ',', ';', '&&', '|'];

/** Insert `piece` as lines indented like their neighbour (what an editor's user would type). */
export function insertIndentedLine(src: string, piece: string, rnd: Rng): string {
  const lines = splitLines(src);
  const at = rnd.int(lines.length + 1);
  const indent = /^\s*/.exec(lines[Math.min(at, lines.length - 1)] ?? '')![0];
  lines.splice(at, 0, ...piece.split('\n').map((l) => indent + l));
  return lines.join('\n');
}

export interface MutationCase {
  label: string;
  text: string;
}

export type Mutator = (src: string, rnd: Rng, pool: string[]) => string;

/** Mutations, by name. Each returns a new text from the source, the PRNG and the whole pool. */
export const MUTATORS: Record<string, Mutator> = {
  truncate: (s, r) => s.slice(0, r.int(s.length + 1)),
  truncateInContinuation: (s, r) => {
    const cuts = [...s.matchAll(/\\\r?\n/g)].map((m) => m.index!);
    return cuts.length ? s.slice(0, r.pick(cuts) + 1) : s.slice(0, r.int(s.length + 1));
  },
  flipBytes: (s, r) => {
    const buf = Buffer.from(s, 'utf8');
    const n = r.range(1, 24);
    for (let i = 0; i < n && buf.length; i++) buf[r.int(buf.length)] ^= r.range(1, 255);
    return r.chance(0.5) ? buf.toString('utf8') : buf.toString('latin1');
  },
  shuffleLines: (s, r) => {
    const lines = splitLines(s);
    for (let i = lines.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    return lines.join('\n');
  },
  deleteLines: (s, r) => splitLines(s).filter(() => !r.chance(0.3)).join('\n'),
  duplicateLines: (s, r) => {
    const lines = splitLines(s);
    const a = r.int(lines.length);
    const b = Math.min(lines.length, a + r.range(1, 20));
    const chunk = lines.slice(a, b);
    for (let k = r.range(1, 8); k > 0; k--) lines.splice(r.int(lines.length + 1), 0, ...chunk);
    return lines.join('\n');
  },
  binaryJunk: (s, r) => {
    const withNul = r.chance(0.25);
    let junk = '';
    for (let n = r.range(1, 512); n > 0; n--) {
      const c = r.int(256);
      junk += String.fromCharCode(c === 0 && !withNul ? 1 : c);
    }
    return insertAt(s, junk, r);
  },
  randomUnicode: (s, r) => {
    let out = s;
    for (let n = r.range(1, 20); n > 0; n--) out = insertAt(out, r.pick(UNICODE.filter((u) => u !== '\u0000' || r.chance(0.1))), r);
    return out;
  },
  unbalanced: (s, r) => {
    let out = s;
    for (let n = r.range(1, 12); n > 0; n--) out = insertAt(out, r.pick(QUOTES), r);
    return out;
  },
  continuations: (s, r) => {
    const lines = splitLines(s).map((l) => (r.chance(0.2) ? l + r.pick([' \\', '\\', '\\ ', ' `', '\\\t']) : l));
    if (r.chance(0.3)) lines.splice(r.int(lines.length + 1), 0, '', '\\', '');
    let out = lines.join('\n');
    if (r.chance(0.5)) out += r.pick(['\\', ' \\\n', '\\\n\n\n', '\\\n# comment\n']);
    return out;
  },
  fragments: (s, r) => {
    let out = s;
    for (let n = r.range(1, 10); n > 0; n--) out = insertAt(out, r.pick(FRAGMENTS), r, true);
    return out;
  },
  escapeDirective: (s, r) => r.pick(['# escape=`\n', '# escape=\\\n', '# escape=\n', '# escape=``\n', '#escape=x\n# syntax=y\n', '\uFEFF# escape=`\n']) + s,
  heredocs: (s, r) => {
    let out = s;
    for (let n = r.range(1, 4); n > 0; n--) {
      out = insertAt(out, r.pick(['RUN <<EOF', 'RUN <<EOF\necho hi', 'RUN <<-EOT bash\n\tset -e\n\tEOT', 'COPY <<A <<B /dst\na\nA', 'RUN cat <<"X" > f && <<Y\nX', 'RUN <<EOF <<EOF\nEOF']), r, true);
    }
    return out;
  },
  splice: (s, r, pool) => {
    const other = r.pick(pool);
    return s.slice(0, r.int(s.length + 1)) + other.slice(r.int(other.length + 1));
  },
  lineEndings: (s, r) => {
    const mode = r.int(3);
    if (mode === 0) return s.replace(/\n/g, '\r\n');
    if (mode === 1) return s.replace(/\n/g, '\r');
    return s.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r', '\n\r']));
  },
  whitespace: (s, r) => s.replace(/ /g, () => (r.chance(0.15) ? r.pick(['\t', '\u00A0', '\u3000', '\f', '\v', '  ', '']) : ' ')),
  casing: (s, r) => s.replace(/^(\s*)([A-Za-z]+)/gm, (_m, ws: string, kw: string) => ws + (r.chance(0.5) ? kw.toLowerCase() : r.chance(0.5) ? kw.toUpperCase() : kw[0] + kw.slice(1).toLowerCase())),
  randomDockerfile: (_s, r) => {
    const lines: string[] = [];
    for (let n = r.range(0, 60); n > 0; n--) {
      let line = r.pick(FRAGMENTS);
      for (let k = r.range(0, 6); k > 0; k--) line += ' ' + r.pick([...QUOTES, 'a', '--x=y', '$HOME', '${A:-b}', '/usr/bin', '"q r"', '80/tcp', 'latest', r.pick(UNICODE)]);
      lines.push(line);
    }
    return lines.join(r.pick(['\n', '\r\n']));
  },
};


/**
 * Apply one to three mutations from `mutators` to a pool file chosen by the PRNG for case `i`.
 * The first mutation goes round-robin so that every kind gets its share.
 */
export function mutate(seed: number, i: number, pool: string[], poolNames: string[], mutators: Record<string, Mutator>): MutationCase & { applied: string[] } {
  const names = Object.keys(mutators);
  const rnd = new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const f = rnd.int(pool.length);
  let text = pool[f];
  const applied: string[] = [];
  const count = rnd.chance(0.6) ? 1 : rnd.range(2, 3);
  for (let k = 0; k < count; k++) {
    const name = k === 0 ? names[i % names.length] : rnd.pick(names);
    text = mutators[name](text, rnd, pool);
    applied.push(name);
  }
  return { label: `mutation #${i} (seed ${seed}): ${applied.join('+')} of ${poolNames[f]}`, text, applied };
}

/** Mutated Dockerfile case `i` of a run. */
export function mutationCase(seed: number, i: number, pool: string[], poolNames: string[]): MutationCase {
  const { label, text } = mutate(seed, i, pool, poolNames, MUTATORS);
  return { label, text };
}

/** Hand-made pathological inputs: deep nesting, huge lines, many stages, many continuations. */
export function pathologicalCases(): MutationCase[] {
  const rep = (s: string, n: number) => s.repeat(n);
  return [
    { label: 'empty file', text: '' },
    { label: 'only a newline', text: '\n' },
    { label: 'only NUL bytes', text: '\0'.repeat(1000) },
    { label: 'only a BOM', text: '\uFEFF' },
    { label: 'only comments', text: rep('# comment\n', 5000) },
    { label: 'lone backslash', text: '\\' },
    { label: 'FROM + 50k continuation lines', text: 'FROM a\nRUN echo \\\n' + rep('  x \\\n', 50_000) + '  end\n' },
    { label: 'FROM + 20k empty continuation lines', text: 'FROM a\nRUN echo \\\n' + rep('\n', 20_000) + 'end\n' },
    { label: 'one 512 KB RUN line', text: 'FROM a\nRUN ' + rep('a && ', 100_000) + 'b\n' },
    { label: 'one 256 KB word', text: 'FROM a\nRUN ' + rep('a', 256 * 1024) + '!\n' },
    { label: 'nested ${ x 5000', text: 'FROM a\nRUN echo ' + rep('${a:-', 5000) + rep('}', 5000) + '\n' },
    { label: 'unclosed ${ x 5000', text: 'FROM ' + rep('${', 5000) + '\n' },
    { label: 'nested $( x 3000', text: 'FROM a\nRUN ' + rep('$(', 3000) + rep(')', 3000) + '\n' },
    { label: 'nested quotes x 5000', text: 'FROM a\nRUN echo ' + rep('"\'', 5000) + '\n' },
    { label: 'JSON array of 50k strings', text: 'FROM a\nCMD [' + rep('"x",', 50_000) + '"y"]\n' },
    { label: 'unclosed JSON array', text: 'FROM a\nCMD [' + rep('"x", ', 20_000) + '\n' },
    { label: '3000 stages', text: Array.from({ length: 3000 }, (_, i) => `FROM s${i > 0 ? i - 1 : 'base'} AS s${i}\nRUN echo ${i}`).join('\n') + '\n' },
    { label: '3000 stages copying from each other', text: Array.from({ length: 3000 }, (_, i) => `FROM alpine AS s${i}\nCOPY --from=s${Math.max(0, i - 1)} /a /a`).join('\n') + '\n' },
    { label: '20k ARGs used in FROM', text: Array.from({ length: 20_000 }, (_, i) => `ARG A${i}=\${A${i > 0 ? i - 1 : 0}}`).join('\n') + '\nFROM ${A19999}\n' },
    { label: '10k ENV on one line', text: 'FROM a\nENV ' + Array.from({ length: 10_000 }, (_, i) => `K${i}=v${i}`).join(' ') + '\n' },
    { label: '5000 heredocs', text: 'FROM a\n' + rep('RUN <<EOF\necho hi\nEOF\n', 5000) },
    { label: 'unterminated heredoc to EOF', text: 'FROM a\nRUN <<EOF\n' + rep('echo hi\n', 20_000) },
    { label: '20k commands joined by &&', text: 'FROM a\nRUN ' + Array.from({ length: 20_000 }, (_, i) => `cmd${i} --opt`).join(' && \\\n  ') + '\n' },
    { label: '10k suppressions', text: 'FROM a\n' + rep('# readiness-lint-disable-next-line docker/no-sudo -- why\n# hadolint ignore=DL3004\nRUN sudo x\n', 3000) },
    { label: 'CR-only line endings, 10k lines', text: rep('FROM a\rRUN sudo b\r', 5000) },
    { label: 'escape=` with backtick continuations', text: '# escape=`\nFROM a\nRUN echo `\n' + rep('  x `\n', 5000) + '  y\n' },
    { label: 'all astral characters', text: 'FROM a\nRUN echo ' + rep('\u{1F600}', 100_000) + '\n' },
    { label: 'lone surrogates', text: 'FROM a\nRUN echo ' + rep('\uD800x\uDC00', 10_000) + '\n' },
    { label: 'random bytes 100 KB (no NUL)', text: (() => {
      const r = new Rng(7);
      let s = '';
      for (let i = 0; i < 100_000; i++) s += String.fromCharCode(r.range(1, 255));
      return s;
    })() },
  ];
}

/**
 * A file of about `bytes` bytes built by repeating the body (FROM lines removed) of a real
 * Dockerfile under one FROM: one stage, like a generated file, so the parser's per-stage costs do
 * not dominate.
 */
export function repeatedDockerfile(base: string, bytes: number): string {
  const body = base
    .split('\n')
    .filter((l) => !/^\s*FROM\b/i.test(l))
    .join('\n');
  const parts = ['FROM debian:12'];
  let n = parts[0].length;
  while (n < bytes) {
    parts.push(body);
    n += body.length + 1;
  }
  return parts.join('\n');
}

// Deterministic mutations of Kubernetes manifests (YAML/JSON) for robustness tests, and hand-made
// pathological inputs (deep nesting, alias bombs, thousands of documents, a 20 MB file). Case `i` of
// a run depends only on (seed, i, pool), so any failing case can be rebuilt from its label alone.
import { MUTATORS as TEXT_MUTATORS, Rng, mutate, type MutationCase, type Mutator } from './mutations';


const splitLines = (s: string) => s.split('\n');

/** Insert `piece` as a new line, indented like a random existing line (or not at all). */
function insertLine(src: string, piece: string, rnd: Rng): string {
  const lines = splitLines(src);
  const at = rnd.int(lines.length + 1);
  const like = lines[Math.min(at, lines.length - 1)] ?? '';
  const indent = rnd.chance(0.7) ? /^\s*/.exec(like)![0] : ' '.repeat(rnd.int(12));
  lines.splice(at, 0, ...piece.split('\n').map((l) => indent + l));
  return lines.join('\n');
}

function insertAt(src: string, piece: string, rnd: Rng): string {
  const at = rnd.int(src.length + 1);
  return src.slice(0, at) + piece + src.slice(at);
}

/** Odd but plausible manifest lines: wrong types, missing values, PSS-relevant fields, suppressions. */
const FRAGMENTS = [
  'apiVersion: v1', 'kind: Pod', 'kind: List', 'kind: Deployment', 'kind:', 'apiVersion:', 'apiVersion: 123', 'kind: [Pod]', 'kind: {a: b}', 'kind: ~',
  'metadata:', 'metadata: null', 'metadata: []', 'metadata: {name: [x]}', 'name:', 'name: ""', 'name: 0', 'namespace: {}',
  'spec:', 'spec: null', 'spec: []', 'spec: "x"', 'template:', 'template: 5', 'containers:', 'containers: []', 'containers: {}', 'containers: "x"',
  'containers: [null, 1, "x", [], {}]', 'initContainers: ~', 'ephemeralContainers: [{name: dbg}]', '- name: extra', '- name:', '- {}', '- []', '- ~', '-',
  'image:', 'image: ""', 'image: nginx', 'image: nginx:latest', 'image: "@sha256:"', 'image: [a]', 'image: :', 'imagePullPolicy: 1',
  'securityContext:', 'securityContext: null', 'securityContext: []', 'securityContext: {privileged: true}', 'privileged: yes', 'privileged: "true"', 'privileged: [true]',
  'allowPrivilegeEscalation: 0', 'readOnlyRootFilesystem: {}', 'runAsNonRoot: ~', 'runAsUser: -1', 'runAsUser: 0', 'runAsUser: 0x0', 'runAsUser: 1e400', 'runAsUser: "0"',
  'runAsGroup: .inf', 'procMount: Unmasked', 'procMount: []', 'seccompProfile: {type: Unconfined}', 'seccompProfile: Unconfined', 'seccompProfile: {type: [x]}',
  'appArmorProfile: {type: Unconfined}', 'seLinuxOptions: {type: spc_t, user: root}', 'seLinuxOptions: 3', 'windowsOptions: {hostProcess: true}',
  'capabilities: {add: [ALL, SYS_ADMIN], drop: }', 'capabilities: {drop: ALL}', 'capabilities: {add: [{}]}', 'capabilities: []', 'sysctls: [{name: kernel.msgmax, value: "1"}]', 'sysctls: [1, {name: []}]',
  'hostNetwork: true', 'hostPID: "yes"', 'hostIPC: [true]', 'hostUsers: false', 'hostPort: 99999999999999999999', 'ports: [{hostPort: 80, containerPort: http}]', 'ports: 80',
  'volumes: [{name: v, hostPath: {path: /var/run/docker.sock}}]', 'volumes: [{hostPath: }]', 'volumes: {}', 'hostPath: /', 'automountServiceAccountToken: "false"',
  'resources: {limits: {cpu: []}}', 'resources: {requests: {memory: ~, cpu: -1}}', 'resources: 0', 'limits:', 'requests: "x"',
  'livenessProbe: {httpGet: {host: evil, port: zz}}', 'readinessProbe: ~', 'readinessProbe: {tcpSocket: {port: []}}', 'lifecycle: {preStop: {httpGet: {host: x}}}',
  'env: [{name: PASSWORD, value: hunter2}, {name: PASSWORD}]', 'env: {a: b}', 'env: [{valueFrom: {secretKeyRef: ~}}]', 'envFrom: [~]',
  'replicas: -1', 'replicas: "3"', 'replicas: 1.5', 'selector: {matchLabels: ~}', 'selector: {matchExpressions: [{key: a, operator: In}]}', 'labels: [a]', 'labels: {a: {b: c}}',
  'annotations: {readiness-lint.io/disable: ""}', 'annotations: {readiness-lint.io/disable: "k8s/privileged-container"}', 'annotations: {readiness-lint.io/disable: "nonsense -- why"}',
  'annotations: {polaris.fairwinds.com/runAsPrivileged-exempt: "true"}', 'annotations: {ignore-check.kube-linter.io/privileged-container: x}', 'annotations: {container.apparmor.security.beta.kubernetes.io/c: unconfined}',
  'rules: [{verbs: ["*"], resources: ["*"], apiGroups: ["*"]}]', 'roleRef: {kind: ClusterRole, name: cluster-admin}', 'subjects: ~', 'data: {password: hunter2}', 'data: [x]',
  'tls: []', 'rules: ~', 'policyTypes: [Egress]', 'podSelector: {}', 'minAvailable: 100%', 'maxUnavailable: 0', 'scaleTargetRef: {kind: Deployment, name: ~}',
  '# readiness-lint-disable-next-line k8s/privileged-container -- why', '# readiness-lint-disable-next-line', '# readiness-lint-disable-file * --', '# trivy:ignore:AVD-KSV-0017',
  '<<: *missing', '<<: {privileged: true}', 'key: &anchor value', 'other: *anchor', '? [complex, key]\n: value', '? |\n  block key\n: v', 'true: bool key', '1: int key', '~: null key', '"": empty key',
  'x: !!binary aGVsbG8=', 'x: !!set {a, b}', 'x: !!omap [a: 1]', 'x: !Ref Something', 'x: !!int "nope"', 'x: !!float', '= : value tag', 'x: =',
  'x: |', 'x: >-', 'x: |+\n\n\n', 'x: "unterminated', "x: 'unterminated", 'x: [unterminated', 'x: {unterminated', 'x: ]', 'x: }', 'x: "a\\xZZ"', 'x: "\\u00"',
  '---', '...', '--- !!map', '%YAML 1.2\n---', '%TAG ! tag:example.com,2000:\n---', '%FOO bar', '--- |\n  literal doc',
];

/** YAML punctuation that unbalances quotes, brackets, anchors, block scalars and documents. */
const PUNCT = ['"', "'", '[', ']', '{', '}', ',', ':', ': ', '- ', '? ', '&', '&a ', '*', '*a', '!', '!!', '|', '>', '#', '%', '@', '`', '---', '...', '\\', '\t', '\r'];

const TEMPLATES = [
  '{{ .Values.image }}', '{{- if .Values.enabled }}', '{{- end }}', '{{ include "x" . | nindent 4 }}', '{{', '}}', '{{ }}', '{{- toYaml .Values.resources | nindent 12 }}',
  '{{ .Release.Name }}-svc', '{{/* comment */}}', '{{ range $k, $v := .Values.env }}', '{{ end }}', '{{ "{{" }}',
];

export const K8S_MUTATORS: Record<string, Mutator> = {
  truncate: TEXT_MUTATORS.truncate,
  flipBytes: TEXT_MUTATORS.flipBytes,
  deleteLines: TEXT_MUTATORS.deleteLines,
  duplicateLines: TEXT_MUTATORS.duplicateLines,
  binaryJunk: TEXT_MUTATORS.binaryJunk,
  randomUnicode: TEXT_MUTATORS.randomUnicode,
  splice: TEXT_MUTATORS.splice,
  lineEndings: TEXT_MUTATORS.lineEndings,
  shuffleLines: TEXT_MUTATORS.shuffleLines,
  truncateAtLine: (s, r) => {
    const lines = splitLines(s);
    return lines.slice(0, r.int(lines.length + 1)).join('\n');
  },
  indentShuffle: (s, r) =>
    splitLines(s)
      .map((l) => {
        if (!r.chance(0.2)) return l;
        const ws = /^ */.exec(l)![0].length;
        return ' '.repeat(Math.max(0, ws + r.range(-4, 4))) + l.trimStart();
      })
      .join('\n'),
  tabs: (s, r) =>
    splitLines(s)
      .map((l) => (r.chance(0.15) ? l.replace(/^( +)/, (m) => (r.chance(0.5) ? '\t'.repeat(Math.ceil(m.length / 2)) : m.slice(1) + '\t')) : r.chance(0.05) ? l.replace(': ', ':\t') : l))
      .join('\n'),
  duplicateKeys: (s, r) => {
    const lines = splitLines(s);
    for (let n = r.range(1, 6); n > 0; n--) {
      const keyed = lines.map((l, i) => (/^\s*[A-Za-z][\w.-]*:/.test(l) ? i : -1)).filter((i) => i >= 0);
      if (!keyed.length) break;
      const i = r.pick(keyed);
      const key = /^(\s*[A-Za-z][\w.-]*:)/.exec(lines[i])![1];
      lines.splice(i + 1, 0, key + r.pick([' dup', '', ' {}', ' []', ' ~', ' true', ' 0']));
    }
    return lines.join('\n');
  },
  unbalanced: (s, r) => {
    let out = s;
    for (let n = r.range(1, 12); n > 0; n--) out = insertAt(out, r.pick(PUNCT), r);
    return out;
  },
  templates: (s, r) => {
    let out = s;
    for (let n = r.range(1, 6); n > 0; n--) out = r.chance(0.5) ? insertAt(out, r.pick(TEMPLATES), r) : insertLine(out, r.pick(TEMPLATES), r);
    return out;
  },
  fragments: (s, r) => {
    let out = s;
    for (let n = r.range(1, 10); n > 0; n--) out = insertLine(out, r.pick(FRAGMENTS), r);
    return out;
  },
  replaceValues: (s, r) =>
    s.replace(/^(\s*(?:- )?[A-Za-z][\w.-]*:) (.+)$/gm, (m, k: string) => (r.chance(0.2) ? `${k} ${r.pick(['~', '[]', '{}', '""', '0', '-1', 'true', 'yes', '*a', '&a x', '!!str', '[[[', '{a: [b', 'Unconfined', 'ALL', '"{{ x }}"'])}` : m)),
  anchors: (s, r) => {
    // Anchor some values and alias them elsewhere (both valid and dangling aliases).
    let n = 0;
    let out = s.replace(/^(\s*[A-Za-z][\w.-]*:)(\s*)$/gm, (m, k: string, ws: string) => (r.chance(0.2) ? `${k} &x${n++}${ws}` : m));
    for (let k = r.range(1, 5); k > 0; k--) out = insertLine(out, `${r.pick(['copy', 'containers', 'securityContext', 'spec', '<<'])}: *x${r.int(n + 2)}`, r);
    return out;
  },
  reorderDocuments: (s, r) => {
    const docs = s.split(/^---.*$/m);
    for (let i = docs.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [docs[i], docs[j]] = [docs[j], docs[i]];
    }
    return docs.join(r.pick(['---', '--- ', '---\n', '...\n---']));
  },
  deepen: (s, r) => {
    const depth = r.range(50, 2000);
    const open = r.pick(['[', '{a: ', '- ']);
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : '';
    const piece = open.repeat(depth) + 'x' + (r.chance(0.8) ? close.repeat(depth) : '');
    return insertLine(s, `${r.pick(['securityContext', 'containers', 'spec', 'data', 'x'])}: ${piece}`, r);
  },
  toJson: (s, r) => {
    // A JSON rendering of the same objects (JSON is YAML), optionally broken afterwards.
    const docs = s.split(/^---.*$/m).filter((d) => d.trim());
    const json = docs.map((d) => JSON.stringify(yamlishToJson(d), null, r.chance(0.5) ? 2 : 0)).join('\n---\n');
    return r.chance(0.5) ? json : TEXT_MUTATORS.truncate(json, r, []);
  },
  randomManifest: (_s, r) => {
    const lines = ['apiVersion: v1', `kind: ${r.pick(['Pod', 'Deployment', 'List', 'CronJob', 'Service'])}`];
    for (let n = r.range(0, 60); n > 0; n--) lines.push(' '.repeat(2 * r.int(8)) + r.pick(FRAGMENTS));
    return lines.join(r.pick(['\n', '\r\n']));
  },
};

/**
 * Crude line-based YAML-to-object for the JSON mutator: keeps top-level scalar keys and nests the
 * rest as strings, so the JSON is a valid object with `apiVersion` and `kind` when the source had
 * them. (Parsing with `yaml` here would make the mutation depend on the parser under test.)
 */
function yamlishToJson(doc: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let current: string | null = null;
  for (const line of splitLines(doc)) {
    const top = /^([A-Za-z][\w.-]*):\s*(.*)$/.exec(line);
    if (top) {
      current = top[1];
      out[current] = top[2] === '' ? {} : top[2];
    } else if (current && line.trim()) {
      const nested = /^\s+([A-Za-z][\w.-]*):\s*(.*)$/.exec(line);
      const holder = out[current];
      if (nested && holder && typeof holder === 'object') (holder as Record<string, unknown>)[nested[1]] = nested[2] || {};
    }
  }
  return out;
}


/** Mutated manifest case `i` of a run (JSON when one of the mutations converted it). */
export function k8sMutationCase(seed: number, i: number, pool: string[], poolNames: string[]): MutationCase & { path: string } {
  const { label, text, applied } = mutate(seed, i, pool, poolNames, K8S_MUTATORS);
  return { label, text, path: applied.includes('toJson') ? 'manifest.json' : 'manifest.yaml' };
}

// ---------------------------------------------------------------------------------------------
// Pathological inputs

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
  containers:
  - name: app
    image: nginx:1.27
    securityContext: {privileged: true}
`;

export type BombKind = 'configmap' | 'pod-env' | 'containers' | 'merge-keys' | 'keys';
/** RSS growth allowed while linting one alias bomb (the expanded bomb would need gigabytes). */
export const BOMB_RSS_MB = 64;
/** Time allowed for one lint of an alias bomb. */
export const BOMB_MS = 2000;

/**
 * The "billion laughs" alias bomb: 10 levels of 9 aliases each expand to 9^10 (3.5 billion) leaves
 * if anything resolves them. `where` decides where the bomb sits in the manifest.
 */
export function aliasBomb(where: BombKind): string {
  const levels: string[] = ['  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= 9; i++) levels.push(`  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  const bombMap = levels.join('\n');
  switch (where) {
    case 'configmap':
      return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n${bombMap}\n  last: *a9\n`;
    case 'pod-env':
      return `apiVersion: v1\nkind: Pod\nmetadata: {name: lol}\nx-bomb:\n${bombMap}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    env: *a9\n    args: *a9\n    command: *a8\n`;
    case 'containers': {
      // Containers whose fields alias each other: rules that resolved aliases would walk the bomb.
      const c = ['  c0: &c0 {name: app, image: "nginx:1.27", securityContext: {privileged: true}}'];
      for (let i = 1; i <= 9; i++) c.push(`  c${i}: &c${i} [${Array(9).fill(`*c${i - 1}`).join(',')}]`);
      return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: lol}\nx-bomb:\n${c.join('\n')}\nspec:\n  template:\n    spec:\n      containers: *c9\n      initContainers: *c8\n      volumes: *c9\n`;
    }
    case 'merge-keys': {
      const m = ['  m0: &m0 {privileged: true, runAsUser: 0}'];
      for (let i = 1; i <= 9; i++) m.push(`  m${i}: &m${i} {<<: [${Array(9).fill(`*m${i - 1}`).join(',')}], k${i}: v}`);
      return `apiVersion: v1\nkind: Pod\nmetadata: {name: lol}\nx-bomb:\n${m.join('\n')}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    securityContext: *m9\n    resources: {<<: *m9}\n`;
    }
    case 'keys':
      return `apiVersion: v1\nkind: Pod\nmetadata: {name: lol}\nx-bomb:\n${bombMap}\nspec:\n  ? *a9\n  : value\n  containers:\n  - name: app\n    image: nginx:1.27\n    ? *a9\n    : x\n`;
  }
}

/** A file of `n` documents (small Pods, Services and NetworkPolicies selecting each other). */
export function manyDocuments(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) parts.push(POD(`p${i}`));
    else if (i % 3 === 1) parts.push(`apiVersion: v1\nkind: Service\nmetadata: {name: s${i}}\nspec: {selector: {app: p${i - 1}}, ports: [{port: 80}]}\n`);
    else parts.push(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: n${i}}\nspec: {podSelector: {matchLabels: {app: p${i - 2}}}, policyTypes: [Ingress]}\n`);
  }
  return parts.join('---\n');
}

/** About `bytes` of manifests: the given real files, repeated as documents of one stream. */
export function repeatedManifests(bases: string[], bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const b = bases[i % bases.length].replace(/^---\s*\n/, '');
    parts.push(b);
    n += b.length + 4;
  }
  return parts.join('\n---\n');
}

export function k8sPathologicalCases(): (MutationCase & { path: string })[] {
  const rep = (s: string, n: number) => s.repeat(n);
  const yaml = (label: string, text: string) => ({ label, text, path: 'manifest.yaml' });
  const json = (label: string, text: string) => ({ label, text, path: 'manifest.json' });
  const head = 'apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\n';
  return [
    yaml('empty file', ''),
    yaml('only a document marker', '---\n'),
    yaml('5000 empty documents', rep('---\n', 5000)),
    yaml('only comments', rep('# apiVersion: v1\n# kind: Pod\n', 3000)),
    yaml('only a BOM', '\uFEFF'),
    yaml('BOM then a Pod', '\uFEFF' + POD('bom')),
    yaml('only NUL bytes after apiVersion/kind', 'apiVersion: v1\nkind: Pod\n' + '\0'.repeat(1000)),
    yaml('apiVersion and kind only', 'apiVersion: v1\nkind: Pod\n'),
    yaml('flow sequences nested 10k levels in spec', head + 'spec: ' + rep('[', 10_000) + rep(']', 10_000) + '\n'),
    yaml('flow maps nested 10k levels in securityContext', head + 'spec:\n  containers:\n  - name: a\n    securityContext: ' + rep('{a: ', 10_000) + 'x' + rep('}', 10_000) + '\n'),
    yaml('block sequences nested 10k levels on one line', head + 'spec:\n  containers:\n  ' + rep('- ', 10_000) + 'x\n'),
    yaml('containers nested 10k levels of flow sequences', head + 'spec:\n  containers: ' + rep('[', 10_000) + '{name: a, image: b}' + rep(']', 10_000) + '\n'),
    yaml('unclosed flow nesting 10k levels', head + 'spec: ' + rep('[{', 5_000) + '\n'),
    yaml('block maps nested 1000 levels (one-space indent)', head + 'spec:\n' + Array.from({ length: 1000 }, (_, i) => ' '.repeat(i + 1) + 'a:').join('\n') + ' x\n'),
    json('JSON nested 10k levels', '{"apiVersion": "v1", "kind": "Pod", "spec": ' + rep('{"a": ', 10_000) + '1' + rep('}', 10_000) + '}'),
    json('JSON arrays nested 10k levels', '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": ' + rep('[', 10_000) + rep(']', 10_000) + '}}'),
    yaml('alias bomb in a ConfigMap', aliasBomb('configmap')),
    yaml('alias bomb in container env/args', aliasBomb('pod-env')),
    yaml('alias bomb as containers and volumes', aliasBomb('containers')),
    yaml('merge-key bomb as securityContext', aliasBomb('merge-keys')),
    yaml('alias bomb as mapping keys', aliasBomb('keys')),
    yaml('alias to an anchor defined later', head + 'spec:\n  containers: *later\nx: &later [{name: a}]\n'),
    yaml('self-referencing anchor', head + 'spec: &s\n  containers:\n  - name: a\n    securityContext: *s\n'),
    yaml('20k aliases of one small anchor', head + 'x: &v {privileged: true}\nspec:\n  containers:\n' + rep('  - {name: a, image: b, securityContext: *v}\n', 20_000)),
    yaml('Pod with 20k containers', head + 'spec:\n  containers:\n' + Array.from({ length: 20_000 }, (_, i) => `  - {name: c${i}, image: "nginx:1", ports: [{containerPort: ${i % 65535}, hostPort: 1}]}`).join('\n') + '\n'),
    yaml('List of 10k Pods', 'apiVersion: v1\nkind: List\nitems:\n' + Array.from({ length: 10_000 }, (_, i) => `- {apiVersion: v1, kind: Pod, metadata: {name: p${i}}, spec: {containers: [{name: a, image: b}]}}`).join('\n') + '\n'),
    yaml('List whose items is an alias', 'apiVersion: v1\nkind: List\nx: &i [{apiVersion: v1, kind: Pod, metadata: {name: a}, spec: {containers: [{name: a}]}}]\nitems: *i\n'),
    yaml('Lists nested in Lists', 'apiVersion: v1\nkind: List\nitems:\n' + rep('- apiVersion: v1\n  kind: List\n  items:\n', 1) + '  - ' + POD('in').split('\n').join('\n    ') + '\n'),
    yaml('5000 documents (Pods, Services, NetworkPolicies)', manyDocuments(5000)),
    yaml('one 1 MB scalar', head + 'spec:\n  containers:\n  - name: a\n    image: "' + rep('x', 1024 * 1024) + '"\n'),
    yaml('one 256 KB key', head + rep('k', 256 * 1024) + ': v\n'),
    yaml('10k env vars with the same name', head + 'spec:\n  containers:\n  - name: a\n    image: b:1\n    env:\n' + rep('    - {name: PASSWORD, value: x}\n', 10_000)),
    yaml('10k duplicate keys', head + 'spec:\n' + rep('  hostNetwork: true\n', 10_000)),
    yaml('10k suppression comments', head + 'spec:\n  containers:\n' + rep('  # readiness-lint-disable-next-line k8s/privileged-container -- why\n  - {name: a, image: b, securityContext: {privileged: true}}\n', 3000)),
    yaml('CR-only line endings', rep(POD('cr').replace(/\n/g, '\r') + '---\r', 500)),
    yaml('CRLF line endings', rep(POD('crlf').replace(/\n/g, '\r\n') + '---\r\n', 500)),
    yaml('tabs for indentation', POD('tabs').replace(/^( +)/gm, (m) => '\t'.repeat(m.length / 2))),
    yaml('Helm template with 1000 directives', POD('helm').replace(/nginx:1.27/, rep('{{ .Values.x }}', 1000))),
    yaml('unterminated double quote to EOF', head + 'spec:\n  containers:\n  - name: "a\n' + rep('    x: y\n', 5000)),
    yaml('unterminated block scalar header garbage', head + 'data: |9999999\n  x\n'),
    yaml('many tags', head + 'spec: !!map\n  containers: !!seq\n  - !!map {name: !!str a, image: !custom b}\n' + rep('x: !t{} y\n', 1000)),
    yaml('YAML value tag (=) as in a CRD', 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: x}\nspec:\n  x:\n    =: 1\n    y: =\n'),
    yaml('all astral characters', head + 'spec:\n  containers:\n  - name: "' + rep('\u{1F600}', 50_000) + '"\n'),
    yaml('lone surrogates', head + 'spec:\n  containers:\n  - name: "' + rep('\uD800x\uDC00', 10_000) + '"\n'),
    yaml('random bytes 100 KB after apiVersion/kind', 'apiVersion: v1\nkind: Pod\n' + (() => {
      const r = new Rng(11);
      let s = '';
      for (let i = 0; i < 100_000; i++) s += String.fromCharCode(r.range(1, 255));
      return s;
    })()),
  ];
}

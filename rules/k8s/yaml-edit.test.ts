import assert from 'node:assert/strict';
import { Lexer, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { LineIndex, applyTextEdits } from '../text';
import type { TextEdit } from '../types';
import { getIn } from './language';
import { appendToSeq, removeKey, removeSeqItem, replaceScalar, setPath } from './yaml-edit';

// ---------------------------------------------------------------------------------------------
// Manifests

/** 2-space indentation, sequences indented by 2 under their key, comments everywhere. */
const WEB = `# Web deployment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the name
  labels:
    app: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      # pod-level settings
      hostNetwork: true
      containers:
        - name: web
          image: nginx:latest # pin me
          ports:
            - containerPort: 80
              hostPort: 8080
          resources:
            requests:
              cpu: 100m # enough
          # end of web
        - name: sidecar
          image: "busybox:1.36"
          securityContext:
            privileged: true
            capabilities:
              drop:
                - NET_RAW
      # trailing pod comment
`;

/** 4-space indentation, sequences at their key's column (kubectl style). */
const API = `apiVersion: v1
kind: Pod
metadata:
    name: api
spec:
    containers:
    - name: api
      image: 'registry.local/api:1.0'
      securityContext: {}
    - name: worker
      image: registry.local/worker:1.0
      args:
      - --queue=jobs
      - --verbose
    volumes:
    - name: data
      emptyDir: {}
`;

/** 4-space indentation with sequences indented by 2 under their key. */
const JOB = `apiVersion: batch/v1
kind: CronJob
metadata:
    name: nightly
spec:
    schedule: "0 3 * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    restartPolicy: OnFailure
                    containers:
                      - name: backup
                        image: backup:2.1
                        securityContext:
                            runAsUser: 1000
                        # resources come later
                    # end of pod spec
`;

/** Several documents; the edited one is in the middle. */
const MULTI = `# service first
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
# a comment at column 0 inside the value
          allowPrivilegeEscalation: true
# next: the config map
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
data:
  key: value
`;

/** A few shapes that need care: values on the next line, empty values, block scalars. */
const ODD = `apiVersion: v1
kind: Pod
metadata:
  name: odd
  annotations:
    note: |
      keep: this
      text: as is
spec:
  securityContext:
  containers:
  - name: odd
    image:
      nginx:latest
    command:
    - sh
    - -c
    - >
      echo hi
    securityContext: ~
    resources:
      limits: {}
  - name: only
    ports:
    - containerPort: 80
`;

const JSON_POD = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": { "name": "j" },
  "spec": {
    "hostNetwork": true,
    "containers": [
      { "name": "j", "image": "nginx:latest", "securityContext": { "privileged": true } }
    ]
  }
}
`;

/** Values the tests refuse to touch. */
const UNSAFE = `apiVersion: v1
kind: Pod
metadata:
  name: unsafe
spec:
  containers:
  - name: flow
    securityContext: {runAsUser: 1000}
    resources: &res
      limits:
        cpu: 100m
    ports: [{containerPort: 80}]
  - name: alias
    resources: *res
    securityContext: !!map
      privileged: true
  - name: scalar
    securityContext: none
    env:
    - name: A
      value: "1"
  initContainers:
  - name: init
    securityContext:
      capabilities:
        drop: [NET_RAW]
`;

// ---------------------------------------------------------------------------------------------
// Harness

type Data = any;

interface Case {
  name: string;
  input: string;
  /** Computes the edits from the parsed documents of the input. */
  edit(index: LineIndex, docs: Document[]): TextEdit[] | null;
  /** Exact expected text, or null when no safe edit exists. */
  output: string | null;
  /** Turns the input's data (one entry per document) into the expected data of the output. */
  change?(docs: Data[]): void;
  /** Comments that go away with the removed lines. */
  removedComments?: string[];
  /** Skip the CRLF / no-final-newline variants (for inputs whose shape they would change). */
  lfOnly?: boolean;
}

function parse(text: string): Document[] {
  const docs = parseAllDocuments(text) as Document[];
  assert.ok(Array.isArray(docs), 'parses');
  for (const d of docs) assert.deepEqual(d.errors, [], 'no YAML errors');
  return docs;
}

function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((t) => t.startsWith('#')).map((t) => t.trimEnd());
}

const at = (docs: Document[], docIndex: number, path: (string | number)[]) => getIn(docs[docIndex].contents as Node, path) as Node;
const mapAt = (docs: Document[], docIndex: number, path: (string | number)[]) => at(docs, docIndex, path) as YAMLMap;

const variants: { name: string; apply(text: string): string }[] = [
  { name: 'LF', apply: (t) => t },
  { name: 'CRLF', apply: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'no final newline', apply: (t) => t.replace(/\n$/, '') },
  { name: 'CRLF, no final newline', apply: (t) => t.replace(/\n$/, '').replace(/\n/g, '\r\n') },
];

function run(c: Case): void {
  for (const v of c.lfOnly ? variants.slice(0, 1) : variants) {
    it(`${c.name} (${v.name})`, () => {
      const input = v.apply(c.input);
      const index = new LineIndex(input);
      const docs = parse(input);
      const edits = c.edit(index, docs);
      if (c.output === null) {
        assert.equal(edits, null);
        return;
      }
      assert.ok(edits, 'an edit is offered');
      const output = applyTextEdits(input, edits);
      assert.equal(output, v.apply(c.output));
      if (v.name.startsWith('CRLF')) assert.ok(!/[^\r]\n/.test(output), 'only CRLF line breaks');

      const expected = docs.map((d) => d.toJS());
      c.change?.(expected);
      assert.deepEqual(parse(output).map((d) => d.toJS()), expected);

      const left = comments(output);
      const gone = [...(c.removedComments ?? [])];
      for (const comment of comments(input)) {
        const i = left.indexOf(comment);
        if (i >= 0) left.splice(i, 1);
        else {
          const g = gone.indexOf(comment);
          assert.ok(g >= 0, `comment kept: ${comment}`);
          gone.splice(g, 1);
        }
      }
      assert.deepEqual(gone, [], 'only the expected comments are removed');
    });
  }
}

const POD = ['spec', 'template', 'spec'];
const WEB_C = [...POD, 'containers', 0];
const SIDECAR = [...POD, 'containers', 1];
const pod = (d: Data) => d.spec.template.spec;

// ---------------------------------------------------------------------------------------------
// setPath

describe('yaml-edit setPath', () => {
  const cases: Case[] = [
    {
      name: 'adds securityContext.runAsNonRoot to a container without securityContext, after its trailing comment',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['securityContext', 'runAsNonRoot'], 'true'),
      output: WEB.replace('          # end of web\n', '          # end of web\n          securityContext:\n            runAsNonRoot: true\n'),
      change: (d) => {
        pod(d[0]).containers[0].securityContext = { runAsNonRoot: true };
      },
    },
    {
      name: 'adds readOnlyRootFilesystem into an existing securityContext, after a nested sequence',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, SIDECAR), ['securityContext', 'readOnlyRootFilesystem'], 'true'),
      output: WEB.replace('                - NET_RAW\n', '                - NET_RAW\n            readOnlyRootFilesystem: true\n'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.readOnlyRootFilesystem = true;
      },
    },
    {
      name: 'sets resources.limits.memory where resources has only requests (before a less indented comment)',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['resources', 'limits', 'memory'], '"512Mi"'),
      output: WEB.replace('cpu: 100m # enough\n', 'cpu: 100m # enough\n            limits:\n              memory: "512Mi"\n'),
      change: (d) => {
        pod(d[0]).containers[0].resources.limits = { memory: '512Mi' };
      },
    },
    {
      name: 'adds automountServiceAccountToken to the pod spec',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, POD), ['automountServiceAccountToken'], 'false'),
      output: WEB + '      automountServiceAccountToken: false\n',
      change: (d) => {
        pod(d[0]).automountServiceAccountToken = false;
      },
    },
    {
      name: 'adds capabilities.drop as a block snippet (sequence indented by 2, like the file)',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['securityContext', 'capabilities'], 'drop:\n  - ALL'),
      output: WEB.replace(
        '          # end of web\n',
        '          # end of web\n          securityContext:\n            capabilities:\n              drop:\n                - ALL\n',
      ),
      change: (d) => {
        pod(d[0]).containers[0].securityContext = { capabilities: { drop: ['ALL'] } };
      },
    },
    {
      name: 'replaces privileged: true with false',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, SIDECAR), ['securityContext', 'privileged'], 'false'),
      output: WEB.replace('privileged: true', 'privileged: false'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.privileged = false;
      },
    },
    {
      name: 'replaces an existing block sequence value as a whole, in the same column',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, SIDECAR), ['securityContext', 'capabilities', 'drop'], '- ALL'),
      output: WEB.replace('- NET_RAW', '- ALL'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.capabilities.drop = ['ALL'];
      },
    },
    {
      name: 'replaces an existing block map value as a whole',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['resources', 'requests'], 'cpu: 250m\nmemory: 64Mi'),
      output: WEB.replace('              cpu: 100m # enough\n', '              cpu: 250m\n              memory: 64Mi\n'),
      change: (d) => {
        pod(d[0]).containers[0].resources.requests = { cpu: '250m', memory: '64Mi' };
      },
      removedComments: ['# enough'],
    },
    {
      name: 'replaces a block value with a scalar',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, SIDECAR), ['securityContext', 'capabilities', 'drop'], '[ALL]'),
      output: WEB.replace('              drop:\n                - NET_RAW\n', '              drop: [ALL]\n'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.capabilities.drop = ['ALL'];
      },
    },
    {
      name: 'replaces a scalar with a block value, keeping its comment on the key line',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['image'], 'repository: nginx\ntag: "1.27"'),
      output: WEB.replace('image: nginx:latest # pin me\n', 'image: # pin me\n            repository: nginx\n            tag: "1.27"\n'),
      change: (d) => {
        pod(d[0]).containers[0].image = { repository: 'nginx', tag: '1.27' };
      },
    },
    {
      name: 'setting the value already there changes nothing',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, SIDECAR), ['securityContext', 'privileged'], 'true'),
      output: WEB,
    },
    {
      name: 'adds a key to the document root, after the comments that end the document',
      input: WEB,
      edit: (ix, docs) => setPath(ix, docs[0].contents as YAMLMap, ['status'], '{}'),
      output: WEB + 'status: {}\n',
      change: (d) => {
        d[0].status = {};
      },
    },
    {
      name: 'creates the whole path from the root',
      input: WEB,
      edit: (ix, docs) => setPath(ix, docs[0].contents as YAMLMap, ['metadata', 'annotations', 'readiness-lint.io/disable'], '"k8s/cpu-limits -- batch job"'),
      output: WEB.replace(
        '    app: web\nspec:',
        '    app: web\n  annotations:\n    readiness-lint.io/disable: "k8s/cpu-limits -- batch job"\nspec:',
      ),
      change: (d) => {
        d[0].metadata.annotations = { 'readiness-lint.io/disable': 'k8s/cpu-limits -- batch job' };
      },
    },
    {
      name: 'quotes new keys that would not read back as strings',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['metadata', 'labels']), ['tier: edge', 'true'], 'yes'),
      output: WEB.replace('    app: web\nspec:', '    app: web\n    "tier: edge":\n      "true": yes\nspec:'),
      change: (d) => {
        d[0].metadata.labels['tier: edge'] = { true: 'yes' };
      },
    },
    {
      name: '4 spaces, kubectl-style sequences: fills an empty {} securityContext',
      input: API,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['securityContext', 'runAsNonRoot'], 'true'),
      output: API.replace('      securityContext: {}\n', '      securityContext:\n          runAsNonRoot: true\n'),
      change: (d) => {
        d[0].spec.containers[0].securityContext = { runAsNonRoot: true };
      },
    },
    {
      name: '4 spaces, kubectl-style sequences: capabilities snippet follows the file (dash at the key column)',
      input: API,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 1]), ['securityContext', 'capabilities'], 'drop:\n  - ALL'),
      output: API.replace(
        '      - --verbose\n',
        '      - --verbose\n      securityContext:\n          capabilities:\n              drop:\n              - ALL\n',
      ),
      change: (d) => {
        d[0].spec.containers[1].securityContext = { capabilities: { drop: ['ALL'] } };
      },
    },
    {
      name: '4 spaces: replaces {} as the last path segment by a block map',
      input: API,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['securityContext'], 'runAsNonRoot: true\nrunAsUser: 10001'),
      output: API.replace('      securityContext: {}\n', '      securityContext:\n          runAsNonRoot: true\n          runAsUser: 10001\n'),
      change: (d) => {
        d[0].spec.containers[0].securityContext = { runAsNonRoot: true, runAsUser: 10001 };
      },
    },
    {
      name: '4 spaces: adds automountServiceAccountToken after the last sequence of the pod spec',
      input: API,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec']), ['automountServiceAccountToken'], 'false'),
      output: API + '    automountServiceAccountToken: false\n',
      change: (d) => {
        d[0].spec.automountServiceAccountToken = false;
      },
    },
    {
      name: '4 spaces, sequences indented by 2: CronJob container gets a seccomp profile before the comments',
      input: JOB,
      edit: (ix, docs) =>
        setPath(ix, mapAt(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'securityContext']), ['seccompProfile'], 'type: RuntimeDefault'),
      output: JOB.replace(
        '                            runAsUser: 1000\n',
        '                            runAsUser: 1000\n                            seccompProfile:\n                                type: RuntimeDefault\n',
      ),
      change: (d) => {
        d[0].spec.jobTemplate.spec.template.spec.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' };
      },
    },
    {
      name: '4 spaces, sequences indented by 2: new capabilities list follows the file',
      input: JOB,
      edit: (ix, docs) =>
        setPath(ix, mapAt(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]), ['securityContext', 'capabilities'], 'drop:\n- ALL'),
      output: JOB.replace(
        '                            runAsUser: 1000\n',
        '                            runAsUser: 1000\n                            capabilities:\n                                drop:\n                                  - ALL\n',
      ),
      change: (d) => {
        d[0].spec.jobTemplate.spec.template.spec.containers[0].securityContext.capabilities = { drop: ['ALL'] };
      },
    },
    {
      name: 'a comment indented like the container keys stays with the container; one less indented stays after',
      input: JOB,
      edit: (ix, docs) =>
        setPath(ix, mapAt(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]), ['resources', 'limits', 'memory'], '256Mi'),
      output: JOB.replace(
        '                        # resources come later\n',
        '                        # resources come later\n                        resources:\n                            limits:\n                                memory: 256Mi\n',
      ),
      change: (d) => {
        d[0].spec.jobTemplate.spec.template.spec.containers[0].resources = { limits: { memory: '256Mi' } };
      },
    },
    {
      name: 'multi-document: edits only the Deployment, keeps column-0 comments and the other documents',
      input: MULTI,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 1, ['spec', 'template', 'spec', 'containers', 0]), ['securityContext', 'allowPrivilegeEscalation'], 'false'),
      output: MULTI.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false'),
      change: (d) => {
        d[1].spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation = false;
      },
    },
    {
      name: 'multi-document: new key in a map ending at the document end goes before the next document',
      input: MULTI,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 1, ['spec', 'template', 'spec', 'containers', 0]), ['securityContext', 'runAsNonRoot'], 'true'),
      output: MULTI.replace(
        '          allowPrivilegeEscalation: true\n',
        '          allowPrivilegeEscalation: true\n          runAsNonRoot: true\n',
      ),
      change: (d) => {
        d[1].spec.template.spec.containers[0].securityContext.runAsNonRoot = true;
      },
    },
    {
      name: 'multi-document: a root key of the first document goes before the ---',
      input: MULTI,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['metadata']), ['namespace'], 'prod'),
      output: MULTI.replace('  name: web\nspec:\n  ports:', '  name: web\n  namespace: prod\nspec:\n  ports:'),
      change: (d) => {
        d[0].metadata.namespace = 'prod';
      },
    },
    {
      name: 'multi-document: the last document (ends the file)',
      input: MULTI,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 2, ['data']), ['other'], '"x"'),
      output: MULTI + '  other: "x"\n',
      change: (d) => {
        d[2].data.other = 'x';
      },
    },
    {
      name: 'an empty value (key with nothing after it) becomes a map',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec']), ['securityContext', 'runAsNonRoot'], 'true'),
      output: ODD.replace('spec:\n  securityContext:\n', 'spec:\n  securityContext:\n    runAsNonRoot: true\n'),
      change: (d) => {
        d[0].spec.securityContext = { runAsNonRoot: true };
      },
    },
    {
      name: 'an empty value as the last segment gets a scalar',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec']), ['securityContext'], '{}'),
      output: ODD.replace('spec:\n  securityContext:\n', 'spec:\n  securityContext: {}\n'),
      change: (d) => {
        d[0].spec.securityContext = {};
      },
    },
    {
      name: 'a ~ value becomes a map',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['securityContext', 'privileged'], 'false'),
      output: ODD.replace('    securityContext: ~\n', '    securityContext:\n      privileged: false\n'),
      change: (d) => {
        d[0].spec.containers[0].securityContext = { privileged: false };
      },
    },
    {
      name: 'a value on the line after its key is replaced where it is',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['image'], 'nginx:1.27'),
      output: ODD.replace('      nginx:latest\n', '      nginx:1.27\n'),
      change: (d) => {
        d[0].spec.containers[0].image = 'nginx:1.27';
      },
    },
    {
      name: 'an empty {} in the middle of the path becomes a block map',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0, 'resources']), ['limits', 'cpu'], '500m'),
      output: ODD.replace('      limits: {}\n', '      limits:\n        cpu: 500m\n'),
      change: (d) => {
        d[0].spec.containers[0].resources.limits = { cpu: '500m' };
      },
    },
    {
      name: 'a block-literal annotation is left as is when a key is added after it',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['metadata', 'annotations']), ['owner'], 'team-a'),
      output: ODD.replace('      text: as is\n', '      text: as is\n    owner: team-a\n'),
      change: (d) => {
        d[0].metadata.annotations.owner = 'team-a';
      },
    },
    {
      name: 'a single-key compact item map gets a key under its first key',
      input: ODD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 1, 'ports', 0]), ['protocol'], 'TCP'),
      output: ODD.replace('    - containerPort: 80\n', '    - containerPort: 80\n      protocol: TCP\n'),
      change: (d) => {
        d[0].spec.containers[1].ports[0].protocol = 'TCP';
      },
    },
    {
      name: 'a snippet with a comment is kept as written, shifted',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['securityContext'], '# restricted\nrunAsNonRoot: true'),
      output: WEB.replace('          # end of web\n', '          # end of web\n          securityContext:\n            # restricted\n            runAsNonRoot: true\n'),
      change: (d) => {
        pod(d[0]).containers[0].securityContext = { runAsNonRoot: true };
      },
    },
    // No safe minimal edit:
    { name: 'null: JSON manifest', input: JSON_POD, edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec']), ['automountServiceAccountToken'], 'false'), output: null },
    {
      name: 'null: JSON manifest, nested map',
      input: JSON_POD,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['securityContext', 'privileged'], 'false'),
      output: null,
    },
    {
      name: 'null: non-empty flow map on the path',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['securityContext', 'runAsNonRoot'], 'true'),
      output: null,
    },
    {
      name: 'null: anchored map on the path',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['resources', 'limits', 'memory'], '1Gi'),
      output: null,
    },
    {
      name: 'null: alias on the path',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 1]), ['resources', 'limits', 'memory'], '1Gi'),
      output: null,
    },
    {
      name: 'null: tagged map on the path',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 1]), ['securityContext', 'privileged'], 'false'),
      output: null,
    },
    {
      name: 'null: path through a scalar',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 2]), ['securityContext', 'runAsNonRoot'], 'true'),
      output: null,
    },
    {
      name: 'null: path through a sequence',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec']), ['containers', 'securityContext'], '{}'),
      output: null,
    },
    {
      name: 'null: replacing a value that holds an anchor',
      input: UNSAFE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['spec', 'containers', 0]), ['resources'], 'limits: {}'),
      output: null,
    },
    {
      name: 'null: invalid or multi-line value text',
      input: WEB,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), ['securityContext'], 'a: [b'),
      output: null,
    },
    { name: 'null: empty path', input: WEB, edit: (ix, docs) => setPath(ix, mapAt(docs, 0, WEB_C), [], 'true'), output: null },
  ];
  cases.forEach(run);
});

// ---------------------------------------------------------------------------------------------
// removeKey

describe('yaml-edit removeKey', () => {
  const cases: Case[] = [
    {
      name: 'removes hostNetwork, keeping the comment above it',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, POD), 'hostNetwork'),
      output: WEB.replace('      hostNetwork: true\n', ''),
      change: (d) => {
        delete pod(d[0]).hostNetwork;
      },
    },
    {
      name: 'removes hostPort from a port item',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, [...WEB_C, 'ports', 0]), 'hostPort'),
      output: WEB.replace('              hostPort: 8080\n', ''),
      change: (d) => {
        delete pod(d[0]).containers[0].ports[0].hostPort;
      },
    },
    {
      name: 'removes the first key of a compact item: the next key moves up to the dash',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, [...WEB_C, 'ports', 0]), 'containerPort'),
      output: WEB.replace('            - containerPort: 80\n              hostPort: 8080\n', '            - hostPort: 8080\n'),
      change: (d) => {
        delete pod(d[0]).containers[0].ports[0].containerPort;
      },
    },
    {
      name: 'removes a pair with a block value and its same-line comment',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, WEB_C), 'resources'),
      output: WEB.replace('          resources:\n            requests:\n              cpu: 100m # enough\n', ''),
      change: (d) => {
        delete pod(d[0]).containers[0].resources;
      },
      removedComments: ['# enough'],
    },
    {
      name: 'removes the image with its comment',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, WEB_C), 'image'),
      output: WEB.replace('          image: nginx:latest # pin me\n', ''),
      change: (d) => {
        delete pod(d[0]).containers[0].image;
      },
      removedComments: ['# pin me'],
    },
    {
      name: 'removes the last pair of the file',
      input: WEB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, [...SIDECAR, 'securityContext']), 'capabilities'),
      output: WEB.replace('            capabilities:\n              drop:\n                - NET_RAW\n', ''),
      change: (d) => {
        delete pod(d[0]).containers[1].securityContext.capabilities;
      },
    },
    {
      name: 'removes the last line of a file',
      input: MULTI,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 2, []), 'data'),
      output: MULTI.replace('data:\n  key: value\n', ''),
      change: (d) => {
        delete d[2].data;
      },
    },
    {
      name: 'removes a value on the line after its key',
      input: ODD,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec', 'containers', 0]), 'image'),
      output: ODD.replace('    image:\n      nginx:latest\n', ''),
      change: (d) => {
        delete d[0].spec.containers[0].image;
      },
    },
    {
      name: 'removes a block-literal value entirely',
      input: ODD,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['metadata']), 'annotations'),
      output: ODD.replace('  annotations:\n    note: |\n      keep: this\n      text: as is\n', ''),
      change: (d) => {
        delete d[0].metadata.annotations;
      },
    },
    {
      name: 'removes an empty value',
      input: ODD,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec']), 'securityContext'),
      output: ODD.replace('spec:\n  securityContext:\n', 'spec:\n'),
      change: (d) => {
        delete d[0].spec.securityContext;
      },
    },
    {
      name: 'multi-document: removes in the middle document, keeping the column-0 comments',
      input: MULTI,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 1, ['spec', 'template', 'spec', 'containers', 0]), 'image'),
      output: MULTI.replace('        image: nginx:1.27\n', ''),
      change: (d) => {
        delete d[1].spec.template.spec.containers[0].image;
      },
    },
    {
      name: 'the only pair: removes the parent pair when asked',
      input: MULTI,
      edit: (ix, docs) => {
        const c = mapAt(docs, 1, ['spec', 'template', 'spec', 'containers', 0]);
        return removeKey(ix, getIn(c, ['securityContext']) as YAMLMap, 'allowPrivilegeEscalation', { removeEmptyParent: { parent: c, key: 'securityContext' } });
      },
      output: MULTI.replace('        securityContext:\n# a comment at column 0 inside the value\n          allowPrivilegeEscalation: true\n', ''),
      change: (d) => {
        delete d[1].spec.template.spec.containers[0].securityContext;
      },
      removedComments: ['# a comment at column 0 inside the value'],
    },
    {
      name: 'the only pair of the 4-space JOB security context, with its parent',
      input: JOB,
      edit: (ix, docs) => {
        const c = mapAt(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0]);
        return removeKey(ix, getIn(c, ['securityContext']) as YAMLMap, 'runAsUser', { removeEmptyParent: { parent: c, key: 'securityContext' } });
      },
      output: JOB.replace('                        securityContext:\n                            runAsUser: 1000\n', ''),
      change: (d) => {
        delete d[0].spec.jobTemplate.spec.template.spec.containers[0].securityContext;
      },
    },
    {
      name: 'null: the only pair without removeEmptyParent',
      input: JOB,
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers', 0, 'securityContext']), 'runAsUser'),
      output: null,
    },
    {
      name: 'null: removeEmptyParent that is not the parent',
      input: WEB,
      edit: (ix, docs) =>
        removeKey(ix, mapAt(docs, 0, [...WEB_C, 'resources', 'requests']), 'cpu', { removeEmptyParent: { parent: mapAt(docs, 0, SIDECAR), key: 'securityContext' } }),
      output: null,
    },
    { name: 'null: missing key', input: WEB, edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, POD), 'hostPID'), output: null },
    { name: 'null: JSON manifest', input: JSON_POD, edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec']), 'hostNetwork'), output: null },
    { name: 'null: flow map', input: UNSAFE, edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec', 'containers', 0, 'ports', 0]), 'containerPort'), output: null },
    { name: 'null: value holds an anchor', input: UNSAFE, edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['spec', 'containers', 0]), 'resources'), output: null },
  ];
  cases.forEach(run);
});

// ---------------------------------------------------------------------------------------------
// replaceScalar

describe('yaml-edit replaceScalar', () => {
  const cases: Case[] = [
    {
      name: 'replaces the image tag, keeping the comment',
      input: WEB,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...WEB_C, 'image']), 'nginx:1.27.3'),
      output: WEB.replace('image: nginx:latest # pin me', 'image: nginx:1.27.3 # pin me'),
      change: (d) => {
        pod(d[0]).containers[0].image = 'nginx:1.27.3';
      },
    },
    {
      name: 'keeps double quotes',
      input: WEB,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...SIDECAR, 'image']), 'busybox:1.37'),
      output: WEB.replace('"busybox:1.36"', '"busybox:1.37"'),
      change: (d) => {
        pod(d[0]).containers[1].image = 'busybox:1.37';
      },
    },
    {
      name: 'keeps single quotes',
      input: API,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'containers', 0, 'image']), "registry.local/api:1.1 'stable'"),
      output: API.replace("'registry.local/api:1.0'", "'registry.local/api:1.1 ''stable'''"),
      change: (d) => {
        d[0].spec.containers[0].image = "registry.local/api:1.1 'stable'";
      },
    },
    {
      name: 'an already quoted text is used as is',
      input: WEB,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...WEB_C, 'image']), "'nginx:1.27'"),
      output: WEB.replace('image: nginx:latest', "image: 'nginx:1.27'"),
      change: (d) => {
        pod(d[0]).containers[0].image = 'nginx:1.27';
      },
    },
    {
      name: 'privileged: true becomes false',
      input: WEB,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...SIDECAR, 'securityContext', 'privileged']), 'false'),
      output: WEB.replace('privileged: true', 'privileged: false'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.privileged = false;
      },
    },
    {
      name: 'a scalar on the line after its key',
      input: ODD,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'containers', 0, 'image']), 'nginx:1.27'),
      output: ODD.replace('      nginx:latest\n', '      nginx:1.27\n'),
      change: (d) => {
        d[0].spec.containers[0].image = 'nginx:1.27';
      },
    },
    {
      name: 'a sequence item',
      input: API,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'containers', 1, 'args', 1]), '--quiet'),
      output: API.replace('--verbose', '--quiet'),
      change: (d) => {
        d[0].spec.containers[1].args[1] = '--quiet';
      },
    },
    {
      name: 'multi-document: the right document',
      input: MULTI,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 2, ['data', 'key']), 'other'),
      output: MULTI.replace('  key: value', '  key: other'),
      change: (d) => {
        d[2].data.key = 'other';
      },
    },
    {
      name: 'JSON: a string stays a JSON string',
      input: JSON_POD,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'containers', 0, 'image']), 'nginx:1.27'),
      output: JSON_POD.replace('"nginx:latest"', '"nginx:1.27"'),
      change: (d) => {
        d[0].spec.containers[0].image = 'nginx:1.27';
      },
    },
    {
      name: 'JSON: true becomes false',
      input: JSON_POD,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'containers', 0, 'securityContext', 'privileged']), 'false'),
      output: JSON_POD.replace('"privileged": true', '"privileged": false'),
      change: (d) => {
        d[0].spec.containers[0].securityContext.privileged = false;
      },
    },
    {
      name: 'JSON: a plain value that is not JSON is written as a JSON string',
      input: JSON_POD,
      edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'hostNetwork']), 'not-json'),
      output: JSON_POD.replace('"hostNetwork": true', '"hostNetwork": "not-json"'),
      change: (d) => {
        d[0].spec.hostNetwork = 'not-json';
      },
    },
    { name: 'null: JSON with a single-quoted text', input: JSON_POD, edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['spec', 'hostNetwork']), "'x'"), output: null },
    { name: 'null: not a scalar', input: WEB, edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...WEB_C, 'resources']), 'x'), output: null },
    { name: 'null: block scalar', input: ODD, edit: (ix, docs) => replaceScalar(ix, at(docs, 0, ['metadata', 'annotations', 'note']), 'x'), output: null },
    { name: 'null: text that is not one scalar', input: WEB, edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...WEB_C, 'image']), 'a: b'), output: null },
    { name: 'null: multi-line text', input: WEB, edit: (ix, docs) => replaceScalar(ix, at(docs, 0, [...WEB_C, 'image']), 'a\nb'), output: null },
  ];
  cases.forEach(run);

  it('an unchanged value gives no edit', () => {
    const index = new LineIndex(WEB);
    const docs = parse(WEB);
    assert.deepEqual(replaceScalar(index, at(docs, 0, [...WEB_C, 'image']), 'nginx:latest'), []);
  });
});

// ---------------------------------------------------------------------------------------------
// appendToSeq

describe('yaml-edit appendToSeq', () => {
  const cases: Case[] = [
    {
      name: 'appends ALL to capabilities.drop',
      input: WEB,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, [...SIDECAR, 'securityContext', 'capabilities', 'drop']), 'ALL'),
      output: WEB.replace('                - NET_RAW\n', '                - NET_RAW\n                - ALL\n'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.capabilities.drop.push('ALL');
      },
    },
    {
      name: 'an item written as "- ALL" is itself a list (the item text is the item, not a list of items)',
      input: WEB,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, [...SIDECAR, 'securityContext', 'capabilities', 'drop']), '- ALL'),
      output: WEB.replace('                - NET_RAW\n', '                - NET_RAW\n                - - ALL\n'),
      change: (d) => {
        pod(d[0]).containers[1].securityContext.capabilities.drop.push(['ALL']);
      },
    },
    {
      name: 'appends a container (block map) after the last container and its comments',
      input: WEB,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, [...POD, 'containers']), 'name: log\nimage: fluent-bit:3\nports:\n- containerPort: 2020'),
      output: WEB.replace(
        '                - NET_RAW\n',
        '                - NET_RAW\n        - name: log\n          image: fluent-bit:3\n          ports:\n            - containerPort: 2020\n',
      ),
      change: (d) => {
        pod(d[0]).containers.push({ name: 'log', image: 'fluent-bit:3', ports: [{ containerPort: 2020 }] });
      },
    },
    {
      name: 'kubectl-style: appends at the key column',
      input: API,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'containers']), 'name: log\nargs:\n  - -v'),
      output: API.replace('      - --verbose\n', '      - --verbose\n    - name: log\n      args:\n      - -v\n'),
      change: (d) => {
        d[0].spec.containers.push({ name: 'log', args: ['-v'] });
      },
    },
    {
      name: 'kubectl-style: appends to the last sequence of the file',
      input: API,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'volumes']), 'name: tmp\nemptyDir: {}'),
      output: API + '    - name: tmp\n      emptyDir: {}\n',
      change: (d) => {
        d[0].spec.volumes.push({ name: 'tmp', emptyDir: {} });
      },
    },
    {
      name: 'keeps a comment indented like the items with the sequence',
      input: JOB,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers']), 'name: b\nimage: b:1'),
      output: JOB.replace(
        '                        # resources come later\n',
        '                        # resources come later\n                      - name: b\n                        image: b:1\n',
      ),
      change: (d) => {
        d[0].spec.jobTemplate.spec.template.spec.containers.push({ name: 'b', image: 'b:1' });
      },
    },
    {
      name: 'appends to a sequence holding a folded block scalar',
      input: ODD,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'containers', 0, 'command']), '"echo bye"'),
      output: ODD.replace('      echo hi\n', '      echo hi\n    - "echo bye"\n'),
      change: (d) => {
        d[0].spec.containers[0].command.push('echo bye');
      },
    },
    {
      name: 'multi-document: before the next document',
      input: MULTI,
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'ports']), 'port: 443'),
      output: MULTI.replace('  - port: 80\n', '  - port: 80\n  - port: 443\n'),
      change: (d) => {
        d[0].spec.ports.push({ port: 443 });
      },
    },
    { name: 'null: flow sequence', input: UNSAFE, edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'initContainers', 0, 'securityContext', 'capabilities', 'drop']), 'ALL'), output: null },
    { name: 'null: JSON manifest', input: JSON_POD, edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['spec', 'containers']), 'name: x'), output: null },
    { name: 'null: not a sequence', input: WEB, edit: (ix, docs) => appendToSeq(ix, at(docs, 0, POD), 'x'), output: null },
    { name: 'null: invalid item', input: WEB, edit: (ix, docs) => appendToSeq(ix, at(docs, 0, [...POD, 'containers']), 'name: [x'), output: null },
  ];
  cases.forEach(run);
});

// ---------------------------------------------------------------------------------------------
// removeSeqItem

describe('yaml-edit removeSeqItem', () => {
  const cases: Case[] = [
    {
      name: 'removes the first container (a multi-line map) with its comments',
      input: WEB,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, [...POD, 'containers']), 0),
      output: WEB.replace(/ {8}- name: web\n[\s\S]*?(?= {8}- name: sidecar)/, '          # end of web\n'),
      change: (d) => {
        pod(d[0]).containers.shift();
      },
      removedComments: ['# pin me', '# enough'],
    },
    {
      name: 'removes the last container',
      input: WEB,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, [...POD, 'containers']), 1),
      output: WEB.replace(/ {8}- name: sidecar\n[\s\S]*?(?= {6}# trailing)/, ''),
      change: (d) => {
        pod(d[0]).containers.pop();
      },
    },
    {
      name: 'kubectl-style: removes an argument',
      input: API,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers', 1, 'args']), 1),
      output: API.replace('      - --verbose\n', ''),
      change: (d) => {
        d[0].spec.containers[1].args.pop();
      },
    },
    {
      name: 'kubectl-style: removes the first container',
      input: API,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers']), 0),
      output: API.replace("    - name: api\n      image: 'registry.local/api:1.0'\n      securityContext: {}\n", ''),
      change: (d) => {
        d[0].spec.containers.shift();
      },
    },
    {
      name: 'removes a folded block scalar item',
      input: ODD,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers', 0, 'command']), 2),
      output: ODD.replace('    - >\n      echo hi\n', ''),
      change: (d) => {
        d[0].spec.containers[0].command.pop();
      },
    },
    {
      name: 'removes the last item of the file',
      input: API + '    - name: cache # scratch\n      emptyDir: {}\n',
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'volumes']), 1),
      output: API,
      change: (d) => {
        d[0].spec.volumes.pop();
      },
      removedComments: ['# scratch'],
    },
    { name: 'null: the only item', input: WEB, edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, [...WEB_C, 'ports']), 0), output: null },
    { name: 'null: out of range', input: API, edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers']), 5), output: null },
    { name: 'null: JSON manifest', input: JSON_POD, edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers']), 0), output: null },
    { name: 'null: flow sequence', input: UNSAFE, edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers', 0, 'ports']), 0), output: null },
    { name: 'null: item holding an anchor', input: UNSAFE, edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['spec', 'containers']), 0), output: null },
  ];
  cases.forEach(run);

  it('removes the last line of a file without a final newline', () => {
    const text = 'args:\n- a\n- b';
    const docs = parse(text);
    const out = applyTextEdits(text, removeSeqItem(new LineIndex(text), at(docs, 0, ['args']), 1)!);
    assert.equal(out, 'args:\n- a');
  });
});

// ---------------------------------------------------------------------------------------------
// Less common shapes

const DASH_ALONE = `---
containers:
-
  name: a
  image: x
# about b
- name: b # second
  args:
  - x
`;

describe('yaml-edit less common shapes', () => {
  const cases: Case[] = [
    {
      name: 'an item whose dash is alone on its line: new key, before a column-0 comment',
      input: DASH_ALONE,
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['containers', 0]), ['securityContext', 'privileged'], 'false'),
      output: DASH_ALONE.replace('  image: x\n', '  image: x\n  securityContext:\n    privileged: false\n'),
      change: (d) => {
        d[0].containers[0].securityContext = { privileged: false };
      },
    },
    {
      name: 'an item whose dash is alone on its line: removed with the dash',
      input: DASH_ALONE,
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['containers']), 0),
      output: DASH_ALONE.replace('-\n  name: a\n  image: x\n', ''),
      change: (d) => {
        d[0].containers.shift();
      },
    },
    {
      name: 'root key after a leading --- marker',
      input: DASH_ALONE,
      edit: (ix, docs) => setPath(ix, docs[0].contents as YAMLMap, ['kind'], 'List'),
      output: DASH_ALONE + 'kind: List\n',
      change: (d) => {
        d[0].kind = 'List';
      },
    },
    {
      name: 'null: removing a first key when a comment line separates it from the next key',
      input: 'items:\n- name: a\n  # the image\n  image: x\n',
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['items', 0]), 'name'),
      output: null,
    },
    {
      name: 'removing the first key of a compact item whose value is a block map',
      input: 'items:\n- a:\n    x: 1\n  b: 2 # kept\n',
      edit: (ix, docs) => removeKey(ix, mapAt(docs, 0, ['items', 0]), 'a'),
      output: 'items:\n- b: 2 # kept\n',
      change: (d) => {
        delete d[0].items[0].a;
      },
    },
    {
      name: 'an empty value followed by a comment, with a space before the colon',
      input: 'spec :   # to do\n  hostPID: true\nsecurityContext : # none yet\nkind: Pod\n',
      edit: (ix, docs) => setPath(ix, docs[0].contents as YAMLMap, ['securityContext', 'runAsNonRoot'], 'true'),
      output: 'spec :   # to do\n  hostPID: true\nsecurityContext : # none yet\n  runAsNonRoot: true\nkind: Pod\n',
      change: (d) => {
        d[0].securityContext = { runAsNonRoot: true };
      },
    },
    {
      name: 'a flow {} with a comment after it',
      input: 'securityContext: {} # none yet\nkind: Pod\n',
      edit: (ix, docs) => setPath(ix, docs[0].contents as YAMLMap, ['securityContext', 'runAsNonRoot'], 'true'),
      output: 'securityContext: # none yet\n  runAsNonRoot: true\nkind: Pod\n',
      change: (d) => {
        d[0].securityContext = { runAsNonRoot: true };
      },
    },
    {
      name: 'a map with a merge key gets a key (the anchored base is untouched)',
      input: 'base: &b\n  x: 1\nm:\n  <<: *b\n  y: 2\n',
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['m']), ['z'], '3'),
      output: 'base: &b\n  x: 1\nm:\n  <<: *b\n  y: 2\n  z: 3\n',
      change: (d) => {
        d[0].m.z = 3;
      },
    },
    {
      name: 'null: a key of an anchored map',
      input: 'base: &b\n  x: 1\nm:\n  <<: *b\n',
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['base']), ['z'], '3'),
      output: null,
    },
    {
      name: 'items written with a wide gap after the dash keep it',
      input: 'a:\n  -   name: x\n      image: y\n',
      edit: (ix, docs) => appendToSeq(ix, at(docs, 0, ['a']), 'name: z\nimage: w'),
      output: 'a:\n  -   name: x\n      image: y\n  -   name: z\n      image: w\n',
      change: (d) => {
        d[0].a.push({ name: 'z', image: 'w' });
      },
    },
    {
      name: 'a kept (|+) block scalar keeps its trailing blank lines',
      input: 'a:\n  note: |+\n    text\n\n\nb: 1\n',
      edit: (ix, docs) => setPath(ix, mapAt(docs, 0, ['a']), ['c'], '1'),
      output: 'a:\n  note: |+\n    text\n\n\n  c: 1\nb: 1\n',
      change: (d) => {
        d[0].a.c = 1;
      },
    },
    {
      name: 'a block document after a JSON document can be edited',
      input: '{"kind": "A"}\n---\nkind: B\n',
      edit: (ix, docs) => setPath(ix, docs[1].contents as YAMLMap, ['apiVersion'], 'v1'),
      output: '{"kind": "A"}\n---\nkind: B\napiVersion: v1\n',
      change: (d) => {
        d[1].apiVersion = 'v1';
      },
    },
    {
      name: 'null: a JSON document after a block document',
      input: 'kind: B\n---\n{"kind": "A", "spec": {}}\n',
      edit: (ix, docs) => setPath(ix, docs[1].contents as YAMLMap, ['spec', 'x'], '1'),
      output: null,
    },
    {
      name: 'null: an item of a sequence nested in a sequence item',
      input: 'a:\n- - x\n  - y\n- - z\n',
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['a', 0]), 0),
      output: null,
    },
    {
      name: 'a second item of a sequence nested in a sequence item',
      input: 'a:\n- - x\n  - y\n- - z\n',
      edit: (ix, docs) => removeSeqItem(ix, at(docs, 0, ['a', 0]), 1),
      output: 'a:\n- - x\n- - z\n',
      change: (d) => {
        d[0].a[0].pop();
      },
    },
  ];
  cases.forEach(run);
});

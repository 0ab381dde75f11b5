import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { resolveConfig } from '../../server/src/engine/config';

const pod = (annotations: string, templateAnnotations = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${annotations ? `  annotations:\n${annotations}\n` : ''}spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
${templateAnnotations ? `      annotations:\n${templateAnnotations}\n` : ''}    spec:
      hostNetwork: true
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`;
const ids = (text: string, noInline = false) => lintText({ path: 'd.yaml', text, config: resolveConfig({}, { noInlineSuppressions: noInline }) })!.findings.map((f) => f.ruleId);

describe('Kubernetes annotation suppressions', () => {
  it('readiness-lint.io/disable silences the listed rules on that object, with a reason', () => {
    const r = ids(pod('    readiness-lint.io/disable: "k8s/host-namespaces, k8s/privileged-container -- CNI agent needs the host network"'));
    assert.ok(!r.includes('k8s/host-namespaces') && !r.includes('k8s/privileged-container'), r.join(', '));
    assert.ok(!r.includes('readiness-lint/disable-without-reason'));
  });
  it('reports our annotation without a reason, and unknown rule ids', () => {
    const r = ids(pod('    readiness-lint.io/disable: "k8s/host-namespaces, k8s/nope"'));
    assert.ok(r.includes('readiness-lint/disable-without-reason') && r.includes('readiness-lint/unknown-rule-in-disable'), r.join(', '));
  });
  it("honours kube-linter, Polaris, kube-score and Checkov annotations through aliases", () => {
    assert.ok(!ids(pod('    ignore-check.kube-linter.io/host-network: "needs host network"')).includes('k8s/host-namespaces'));
    assert.ok(!ids(pod('    polaris.fairwinds.com/runAsPrivileged-exempt: "true"')).includes('k8s/privileged-container'));
    const exempt = ids(pod('    polaris.fairwinds.com/exempt: "true"'));
    assert.ok(!exempt.includes('k8s/privileged-container') && !exempt.includes('k8s/host-namespaces'));
    assert.ok(!ids(pod('    kube-score/ignore: "container-security-context-privileged"')).includes('k8s/privileged-container'));
    assert.ok(!ids(pod('    checkov.io/skip1: "CKV_K8S_16=privileged on purpose"')).includes('k8s/privileged-container'));
  });
  it('annotations on the pod template count too', () => {
    assert.ok(!ids(pod('', '        readiness-lint.io/disable: "k8s/host-namespaces -- agent"')).includes('k8s/host-namespaces'));
  });
  it('only covers its own object, and --no-inline-suppressions ignores it', () => {
    const other = pod('').replace('name: web', 'name: other');
    const r = ids(pod('    readiness-lint.io/disable: "k8s/host-namespaces -- agent"') + '---\n' + other);
    assert.equal(r.filter((x) => x === 'k8s/host-namespaces').length, 1);
    assert.ok(ids(pod('    readiness-lint.io/disable: "k8s/host-namespaces -- agent"'), true).includes('k8s/host-namespaces'));
  });
});

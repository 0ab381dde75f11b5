import { defineRule } from '../types';
import { getIn } from './language';
import type { K8sModel } from './language';
import { fixOf, isTrue, objectLabel, podRange, podTargets, rangeOf, valueOf, writtenText, yamlEdit } from './security-context-util';

const FIELDS: { key: string; what: string }[] = [
  { key: 'hostNetwork', what: "the node's network namespace" },
  { key: 'hostPID', what: "the node's process namespace" },
  { key: 'hostIPC', what: "the node's IPC namespace" },
];

export default defineRule<K8sModel>({
  id: 'k8s/host-namespaces',
  title: 'Pods do not share host namespaces',
  level: 'block',
  controls: ['k8s.host-isolation'],
  aliases: {
    kubeLinter: ['host-network', 'host-pid', 'host-ipc'],
    polaris: ['hostNetworkSet', 'hostPIDSet', 'hostIPCSet'],
    checkov: ['CKV_K8S_19', 'CKV_K8S_17', 'CKV_K8S_18'],
    trivy: ['AVD-KSV-0009', 'AVD-KSV-0010', 'AVD-KSV-0008'],
    pss: ['hostNamespaces'],
  },
  fixable: false,
  hasSuggestions: true,
  docs: {
    rationale:
      '`hostNetwork`, `hostPID` and `hostIPC` put the pod in the node\'s namespaces: it can see and signal every process on the node, sniff node traffic, bind node ports and reach services listening on localhost. The PSS baseline forbids them.',
    howToFix: 'Remove `hostNetwork: true`, `hostPID: true` and `hostIPC: true` from the pod spec; expose ports through a Service instead of the node network.',
    whenNotToUse: 'Node-level agents (CNI, kube-proxy replacements, node exporters, debuggers) in a namespace labelled for the privileged PSS level.',
    examples: { bad: 'spec:\n  hostNetwork: true', good: 'spec:\n  containers: [...]' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      let shared = false;
      for (const { key, what } of FIELDS) {
        const node = getIn(pod.node, [key]);
        if (!isTrue(valueOf(node))) continue;
        shared = true;
        // Always the author's explicit choice: offered, never applied unattended.
        const change = fixOf(`Remove ${key}`, yamlEdit.removeKey(model.index, pod.node, key));
        ctx.report({
          range: rangeOf(model, node, podRange(model, target)),
          message: `${objectLabel(obj)} turns ${key} on explicitly (${writtenText(model, node!)}) and shares ${what}.`,
          suggestions: change ? [change] : undefined,
        });
      }
      if (!shared) ctx.pass({ range: podRange(model, target), message: `${objectLabel(obj)} does not share host namespaces` });
    }
  },
});

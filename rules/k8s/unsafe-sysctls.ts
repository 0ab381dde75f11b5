import { defineRule } from '../types';
import { getIn, stringAt } from './language';
import type { K8sModel } from './language';
import { mapAt, objectLabel, podRange, podTargets, rangeOf, seqAt } from './security-context-util';

/** Namespaced sysctls the PSS baseline allows (kubelet "safe" set). */
export const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
]);

export default defineRule<K8sModel>({
  id: 'k8s/unsafe-sysctls',
  title: 'Pods set only safe sysctls',
  level: 'warn',
  controls: ['k8s.host-isolation'],
  aliases: { kubeLinter: ['unsafe-sysctls'], trivy: ['AVD-KSV-0026'], pss: ['sysctls'] },
  docs: {
    rationale:
      'Sysctls outside the safe, namespaced set can change kernel behaviour for the whole node or other pods, and the kubelet rejects them unless explicitly allowed. The PSS baseline allows only the safe set.',
    howToFix: `Remove the entry from \`securityContext.sysctls\`, or tune the node instead. Safe sysctls: ${[...SAFE_SYSCTLS].join(', ')}.`,
    whenNotToUse: 'Clusters whose kubelets enable the sysctl with `--allowed-unsafe-sysctls` for dedicated nodes, with the workload in a privileged namespace.',
    examples: { bad: 'sysctls:\n  - name: kernel.msgmax\n    value: "65536"', good: 'sysctls:\n  - name: net.ipv4.tcp_syncookies\n    value: "1"' },
  },
  check(model, ctx) {
    for (const target of podTargets(model)) {
      const { obj, pod } = target;
      const sysctls = seqAt(pod.node, ['securityContext', 'sysctls']);
      if (!sysctls) continue;
      let bad = false;
      for (let i = 0; i < sysctls.items.length; i++) {
        const name = stringAt(mapAt(sysctls, [i]), ['name']);
        if (name === null || name === '') continue;
        if (SAFE_SYSCTLS.has(name.replace(/\//g, '.'))) continue;
        bad = true;
        ctx.report({
          range: rangeOf(model, getIn(sysctls, [i, 'name']), podRange(model, target)),
          message: `${objectLabel(obj)} sets the unsafe sysctl "${name}".`,
        });
      }
      if (!bad) ctx.pass({ range: rangeOf(model, getIn(pod.node, ['securityContext', 'sysctls']), podRange(model, target)), message: `${objectLabel(obj)} sets only safe sysctls` });
    }
  },
});

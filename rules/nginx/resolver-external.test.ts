import assert from 'node:assert/strict';
import { lintText } from '../../server/src/engine/runner';
import { ruleTester } from '../../test/ruleTester';
import rule from './resolver-external';

ruleTester(rule, {
  valid: [
    { name: 'gixy resolver_external_fp', code: 'resolver 127.0.0.1;\n' },
    { name: 'gixy resolver_local_fp', code: 'resolver 10.0.0.1;\n' },
    { name: 'gixy resolver_local_ipv6_fp', code: 'resolver 127.0.0.1 ::1;\n' },
    { name: 'gixy resolver_local_ipv6_with_port_fp', code: 'resolver [::1]:53;\n' },
    { name: 'Docker, systemd-resolved, VPC, with options', code: 'http {\n    resolver 127.0.0.11 127.0.0.53:53 169.254.169.253 172.20.0.10 192.168.1.1 valid=30s ipv6=off;\n}\n' },
    { name: 'cluster DNS names and bare hosts', code: 'resolver kube-dns.kube-system.svc.cluster.local dns ns1.corp [fd00::53] fe80::1;\n' },
    { name: 'template placeholders are unknown', code: 'resolver ${NAMESERVERS} valid=10s;\n' },
  ],
  invalid: [
    { name: 'gixy resolver_external', code: 'resolver 1.1.1.1;\n', errors: [{ line: 1, column: 1, endColumn: 9, message: '"resolver" queries public DNS server 1.1.1.1: spoofed replies can poison nginx\'s cache and redirect proxied traffic. Use a local or private resolver (127.0.0.1, 127.0.0.53, the cluster or VPC DNS).' }] },
    {
      name: 'only the public ones are named; IPv6 and hostnames',
      code: 'server {\n    resolver 127.0.0.1 8.8.8.8:53 [2001:4860:4860::8888]:53 dns.google\n        valid=300s;\n}\n',
      errors: [{ line: 2, column: 5, message: /public DNS servers 8\.8\.8\.8:53, \[2001:4860:4860::8888\]:53, dns\.google:/ }],
    },
    { name: 'CRLF, public IPv6', code: 'http {\r\n  resolver 2606:4700:4700::1111;\r\n}\r\n', errors: [{ line: 2, column: 3 }] },
  ],
});

describe('nginx/resolver-external evidence', () => {
  it('passes with specific evidence', () => {
    const r = lintText({ path: 'nginx.conf', text: 'resolver 127.0.0.53 valid=30s;\n', onlyRules: [rule] })!;
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.passes.map((p) => `${p.range.start.line + 1} ${p.message}`), ['1 resolver 127.0.0.53 is local']);
  });
});

import { ruleTester } from '../../test/ruleTester';
import rule from './unsafe-sysctls';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_syncookies\n        value: "1"\n      - name: net/ipv4/ip_local_port_range\n        value: "1024 65535"\n  containers:\n    - name: web\n',
    { name: 'sysctls is not a list', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  securityContext:\n    sysctls: 3\n  containers:\n    - name: web\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  template:\n    spec:\n      securityContext:\n        sysctls:\n          - name: kernel.shm_rmid_forced\n            value: "0"\n          - name: kernel.msgmax\n            value: "65536"\n          - {name: net.core.somaxconn, value: "1024"}\n      containers:\n        - name: db\n',
      errors: [
        { line: 12, column: 19, message: 'Deployment "db" sets the unsafe sysctl "kernel.msgmax".' },
        { line: 14, column: 20, message: 'Deployment "db" sets the unsafe sysctl "net.core.somaxconn".' },
      ],
    },
  ],
});

import { ruleTester } from '../../test/ruleTester';
import rule from './windows-host-process';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n  securityContext:\n    windowsOptions:\n      runAsUserName: ContainerUser\n  containers:\n    - name: web\n      securityContext:\n        windowsOptions:\n          hostProcess: false\n',
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      securityContext:\n        windowsOptions:\n          hostProcess: true\n      containers:\n        - name: agent\n          securityContext:\n            windowsOptions: {hostProcess: true}\n',
      errors: [
        { line: 11, column: 24, message: 'DaemonSet "agent" (pod securityContext) runs as a Windows HostProcess container, with node administrator access.' },
        { line: 15, column: 43, message: 'Container "agent" runs as a Windows HostProcess container, with node administrator access.' },
      ],
    },
  ],
});

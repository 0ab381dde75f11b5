import { ruleTester } from '../../test/ruleTester';
import rule from './secrets-in-configmap';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  message: This is a test\n  db_user: postgres\n',
    { name: 'placeholders and empty values (Trivy KSV-0109 good examples)', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  config: REDIS_PASSWORD=\n  env: REDIS_PASSWORD=${REDIS_PASSWORD}\n  password: ""\n  app.properties: |\n    db.password=<set-me>\n' },
    { name: 'Secrets and pods are not ConfigMaps', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  password: abc\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: empty\n' },
  ],
  invalid: [
    {
      name: 'keys (Polaris) and values (Trivy)',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  db_username: postgres\n  db_password: abc123\n  AZURE_BATCH_KEY: xxxxx\n  config: REDIS_PASSWORD=abcd1234\n  app.properties: |\n    url=jdbc:x\n    api.token: 0123abc\n',
      errors: [
        { line: 7, column: 3, message: 'ConfigMap "app" stores "db_password", which looks like a credential; move it to a Secret.' },
        { line: 8, column: 3, message: /"AZURE_BATCH_KEY"/ },
        { line: 9, column: 17, message: 'ConfigMap "app" sets a credential inside "config" (PASSWORD=...); move it to a Secret and reference it.' },
        { line: 12, column: 9, message: /inside "app.properties" \(token=/ },
      ],
    },
    {
      name: 'private key in a block scalar, multi-document and List',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers: []\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: keys\n  data:\n    ssh_access: |\n      -----BEGIN OPENSSH PRIVATE KEY-----\n      xxxx\n',
      errors: [{ line: 15, column: 7, endColumn: 42, message: 'ConfigMap "keys" holds a private key in "ssh_access"; move it to a Secret.' }],
    },
  ],
});

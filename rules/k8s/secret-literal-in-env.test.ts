import { ruleTester } from '../../test/ruleTester';
import rule from './secret-literal-in-env';

ruleTester(rule, {
  valid: [
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: web\n    env:\n    - name: DB_PASSWORD\n      valueFrom:\n        secretKeyRef: {name: db, key: password}\n    - name: LOG_LEVEL\n      value: info\n',
    { name: 'empty values and dependent variables', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - {name: API_TOKEN, value: ""}\n    - {name: CLIENT_SECRET, value: "$(RAW_SECRET)"}\n    - {name: X, value: null}\n    - name\n' },
    {
      name: 'names of, paths to and placeholders for secrets are references, not secrets',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    env:\n    - {name: ALLOYDB_SECRET_NAME, value: ALLOYDB_SECRET_NAME_VAL}\n    - {name: DB_PASSWORD_FILE, value: /run/secrets/db}\n    - {name: TOKEN_TTL_SECONDS, value: "3600"}\n    - {name: PASSWORD_MIN_LENGTH, value: "8"}\n    - {name: vaultTokenPath, value: auth/token}\n    - {name: ETCD_INITIAL_CLUSTER_TOKEN, value: INSERT_ETCD_INITIAL_CLUSTER_TOKEN}\n    - {name: API_TOKEN, value: "${API_TOKEN}"}\n    - {name: DB_SECRET, value: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"}\n    - {name: GCP_SECRET, value: projects/p/secrets/db/versions/latest}\n    - {name: SESSION_SECRET, value: "<session secret>"}\n    - {name: AUTH_TOKEN_ENABLED, value: "true"}\n',
    },
    { name: 'not a workload', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  PASSWORD: x\n' },
  ],
  invalid: [
    {
      name: 'Deployment with a literal password: suggestion to use secretKeyRef',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: DB_PASSWORD\n          value: hunter2\n',
      errors: [{ line: 12, column: 18, message: 'Container "web" sets secret-looking env var "DB_PASSWORD" to a literal value; read it from a Secret (valueFrom.secretKeyRef).' }],
      suggestions: [
        {
          title: /Read DB_PASSWORD from Secret "web-secrets"/,
          output: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: web-secrets  # review: Secret that holds the value (create it outside this manifest)\n              key: db-password  # review: key in that Secret\n',
        },
      ],
    },
    {
      name: 'Polaris and kube-linter name patterns, PEM value, init container, List',
      code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: c}\n  spec:\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            initContainers:\n            - name: init\n              env:\n              - {name: AWS_SECRET_ACCESS_KEY, value: abc}\n              - {name: azure_storage_key, value: abc}\n            containers:\n            - name: job\n              env:\n              - name: TLS_KEY\n                value: "-----BEGIN RSA PRIVATE KEY-----\\nMIIE"\n              - name: GITHUB_Token\n                value: ghp_x\n',
      errors: [
        { line: 15, column: 54, message: /^Init container "init" sets secret-looking env var "AWS_SECRET_ACCESS_KEY"/ },
        { line: 16, column: 50, message: /"azure_storage_key"/ },
        { line: 21, column: 24, message: /private key in env var "TLS_KEY"/ },
        { line: 23, column: 24, message: /"GITHUB_Token"/ },
      ],
    },
    {
      name: 'a literal stays a literal, even when it reads like a word',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: db\n    env:\n    - {name: MYSQL_PASSWORD, value: mysql}\n    - {name: MINIO_SECRET_KEY, value: minio123}\n    - {name: ADMIN_PASSWORD, value: changeme}\n',
      errors: [{ line: 7, column: 37, message: /"MYSQL_PASSWORD"/ }, { line: 8, column: 39, message: /"MINIO_SECRET_KEY"/ }, { line: 9, column: 37, message: /"ADMIN_PASSWORD"/ }],
    },
    {
      name: 'multi-document',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    env:\n    - name: bearer\n      value: "x" # comment\n',
      errors: [{ line: 13, column: 14 }],
      suggestions: [{ title: /app-secrets/, output: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    env:\n    - name: bearer\n      valueFrom:\n        secretKeyRef:\n          name: app-secrets  # review: Secret that holds the value (create it outside this manifest)\n          key: bearer  # review: key in that Secret # comment\n' }],
    },
  ],
});

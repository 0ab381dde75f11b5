import assert from 'node:assert/strict';
import { isPlaceholderOrReference, isSecretReferenceName, nameWords } from './secrets';

describe('rules/secrets: a secret or a reference to one', () => {
  it('splits names written in any case style into the same words', () => {
    for (const n of ['ALLOYDB_SECRET_NAME', 'alloydb-secret-name', 'alloydbSecretName', 'AlloydbSecretName']) assert.deepEqual(nameWords(n), ['alloydb', 'secret', 'name']);
  });

  it('names that name, locate or describe a secret are references', () => {
    for (const n of ['ALLOYDB_SECRET_NAME', 'DB_PASSWORD_FILE', 'jwtSecretRef', 'API_TOKEN_ID', 'AWS_ACCESS_KEY_ID', 'TOKEN_TTL', 'PASSWORD_MIN_LENGTH', 'secret.path', 'AUTH_TOKEN_ENABLED', 'DB_SECRET_ARN', 'VAULT_TOKEN_URL']) {
      assert.equal(isSecretReferenceName(n), true, n);
    }
    for (const n of ['DB_PASSWORD', 'API_TOKEN', 'SESSION_SECRET', 'secretKey', 'NAME', 'PASSWORD', 'GITHUB_TOKEN', 'MINIO_SECRET_KEY']) assert.equal(isSecretReferenceName(n), false, n);
  });

  it('placeholders and references are not literals', () => {
    const refs: [string, string?][] = [
      ['ALLOYDB_SECRET_NAME_VAL', 'ALLOYDB_SECRET_NAME'],
      ['INSERT_ETCD_DISCOVERY_TOKEN', 'ETCD_DISCOVERY_TOKEN'],
      ['DB_PASSWORD', 'DB_PASSWORD'],
      ['${DB_PASSWORD}'],
      ['$(DB_PASSWORD)'],
      ['{{ .Values.password }}'],
      ['<your token here>'],
      ['%API_KEY%'],
      ['#{Octopus.Password}'],
      ['__TOKEN__'],
      ['arn:aws:secretsmanager:eu-west-1:123456789012:secret:db'],
      ['projects/my-project/secrets/db/versions/1'],
      ['vault://secret/data/db#password'],
      ['/run/secrets/db_password'],
      ['./secrets/token.txt'],
      ['REPLACE_ME'],
      ['your-api-key'],
      [''],
      ['  '],
      ['"true"'],
      ['false'],
    ];
    for (const [v, n] of refs) assert.equal(isPlaceholderOrReference(v, n), true, `${v} (${n ?? ''})`);
    for (const [v, n] of [['hunter2', 'DB_PASSWORD'], ['mysql', 'MYSQL_PASSWORD'], ['minio123'], ['changeme'], ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'], ['S3CR3T_VALUE_1'], ['keyboard cat'], ['$ecret']]) {
      assert.equal(isPlaceholderOrReference(v, n), false, `${v} (${n ?? ''})`);
    }
  });
});

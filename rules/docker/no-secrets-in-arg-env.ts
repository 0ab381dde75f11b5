import { defineRule } from '../types';
import { deleteInstruction } from './language';
import { insertEdit } from '../text';
import type { TextEdit } from '../types';
import type { DockerInstruction, DockerModel } from './language';
import { argEnvKeys, type KeyRef } from './args-users-edits';
import { isSecretReferenceName } from '../secrets';

// BuildKit's SecretsUsedInArgOrEnv tokens (a whole `_`-separated word of the name) and its allow-list.
const SECRET_TOKEN = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
// `public`, `file` and `version` are BuildKit's; `gpg` and `pgp` name public key fingerprints
// (`ENV GPG_KEY=...` in the official language images), a deliberate difference from BuildKit.
const ALLOWED_TOKEN = /(?:_|^)(?:public|file|version|gpg|pgp)(?:_|$)/i;
// Secrets written without separators (`DBPASSWORD`, `ACCESSTOKEN`), as hadolint's name heuristic finds them.
const SECRET_SUBSTRING = /password|passwd|apikey|secretkey|accesskey|privatekey|clientsecret|authtoken|accesstoken|apitoken/;

export function looksLikeSecret(name: string): boolean {
  if (ALLOWED_TOKEN.test(name) || isSecretReferenceName(name)) return false;
  return SECRET_TOKEN.test(name) || SECRET_SUBSTRING.test(name.toLowerCase().replace(/[-_.]/g, ''));
}

/**
 * Quick fix: drop the ARG/ENV and hand the value to the RUNs that use it through a secret mount.
 * Offered only for a single-key instruction in a stage whose later RUNs reference the name.
 */
function secretMountSuggestion(model: DockerModel, instr: DockerInstruction, key: KeyRef, keyCount: number): { title: string; edits: TextEdit[] } | undefined {
  if (keyCount !== 1 || !instr.stage) return undefined;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key.name)) return undefined;
  const ref = new RegExp(`\\$\\{?${key.name}\\b`);
  const id = key.name.toLowerCase().replace(/_/g, '-');
  const edits: TextEdit[] = [];
  for (const i of instr.stage.instructions) {
    if (i.start <= instr.start || i.keyword !== 'RUN' || i.argsStart === null) continue;
    if (!ref.test(model.text.slice(i.argsStart, i.argsEnd!))) continue;
    edits.push(insertEdit(model.index, model.index.offsetAt(i.keywordRange.end), ` --mount=type=secret,id=${id},env=${key.name}`));
  }
  if (!edits.length) return undefined;
  return {
    title: `Pass ${key.name} with a BuildKit secret mount (docker build --secret id=${id},env=${key.name})`,
    edits: [deleteInstruction(model, instr), ...edits],
  };
}

export default defineRule<DockerModel>({
  id: 'docker/no-secrets-in-arg-env',
  title: 'No secrets in ARG or ENV',
  level: 'warn',
  controls: ['container.build-secrets'],
  aliases: { hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'], trivy: ['AVD-DS-0031'] },
  hasSuggestions: true,
  docs: {
    rationale:
      'ARG and ENV values are stored in the image: ENV in its configuration for every container and `docker inspect`, ARG in the build history (`docker history`) of every layer that uses it. A password, token or key passed this way leaks to anyone who can pull the image or read the build cache.',
    howToFix:
      'Pass build-time secrets with a secret mount, which is never stored in the image: `RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm ci` and `docker build --secret id=npm-token,env=NPM_TOKEN .`. Provide run-time secrets from the orchestrator (Kubernetes Secrets, Docker secrets) instead of baking them in.',
    whenNotToUse:
      'Names that only look like secrets (a public key fingerprint, a path to a mounted secret file such as `*_FILE`, a feature flag called `AUTH_ENABLED`): suppress the line with a reason.',
    examples: {
      bad: 'FROM node:22-slim\nARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci',
      good: 'FROM node:22-slim\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc',
    },
  },
  check(model, ctx) {
    for (const instr of model.instructions) {
      if (instr.keyword !== 'ARG' && instr.keyword !== 'ENV') continue;
      const keys = argEnvKeys(model, instr);
      for (const key of keys) {
        if (!looksLikeSecret(key.name)) continue;
        const suggestion = secretMountSuggestion(model, instr, key, keys.length);
        ctx.report({
          range: model.index.range(key.start, key.end),
          message: `Do not use ARG or ENV instructions for sensitive data (${instr.keyword} "${key.name}"): pass it with a secret mount (RUN --mount=type=secret) instead.`,
          suggestions: suggestion ? [suggestion] : undefined,
        });
      }
    }
  },
});

// Telling a secret from a reference to one, for every domain's secret rules. A name such as
// DB_PASSWORD holds a credential; DB_PASSWORD_FILE, ALLOYDB_SECRET_NAME or TOKEN_TTL name, point at
// or describe one. A value such as hunter2 is a literal; ${DB_PASSWORD}, INSERT_DB_PASSWORD,
// /run/secrets/db or an ARN is a placeholder or a reference that the real secret replaces.
// Each domain keeps its own list of secret-looking words (they follow each peer's semantics); these
// two checks only take away what is certainly not a secret.

/** Last words of a name that make it a reference to a secret or a setting about one. */
const REFERENCE_WORDS = new Set([
  'name', 'names', 'ref', 'reference', 'id', 'ids', 'file', 'files', 'path', 'dir', 'arn', 'url', 'uri',
  'endpoint', 'host', 'port', 'ttl', 'expiry', 'expires', 'expiration', 'lifetime', 'duration', 'timeout',
  'seconds', 'minutes', 'hours', 'days', 'length', 'len', 'min', 'max', 'count', 'enabled', 'disabled',
  'enable', 'required', 'type', 'kind', 'version', 'header', 'field', 'param', 'algorithm', 'alg', 'mount',
  'location', 'provider', 'store', 'policy', 'rotation', 'mode', 'format', 'prefix', 'suffix', 'key_id',
]);

/** The words of an identifier: `ALLOYDB_SECRET_NAME`, `alloydb-secret-name` and `alloydbSecretName` give the same. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * A name that names, locates or describes a secret rather than holding one: its last word is a
 * reference word (`*_NAME`, `*_REF`, `*_ID`, `*_FILE`, `*_PATH`, `*_ARN`, `*_URL`, `*_TTL`, `*_ENABLED`, ...).
 */
export function isSecretReferenceName(name: string): boolean {
  const words = nameWords(name);
  if (words.length < 2) return false;
  const last = words[words.length - 1];
  return REFERENCE_WORDS.has(last) || REFERENCE_WORDS.has(`${words[words.length - 2]}_${last}`);
}

/** Template and substitution syntax: `${X}`, `$(X)`, `{{ x }}`, `<x>`, `%X%`, `#{X}`, `__X__`, `@X@`. */
const TEMPLATE = /^(?:\$\{[^}]*\}|\$\([^)]*\)|\{\{.*\}\}|<[^<>]+>|%[A-Za-z_][A-Za-z0-9_]*%|#\{[^}]*\}|__[A-Za-z0-9_]+__|@[A-Za-z_][A-Za-z0-9_]*@)$/;
/** Words that mark a value as a placeholder someone replaces: INSERT_X, REPLACE_ME, YOUR_TOKEN, ... */
const PLACEHOLDER_WORD = /^(?:insert|replace|your|change|changeme|todo|tbd|fixme|placeholder|example|dummy|redacted|xxx+)(?:[_-]|$)|[_-](?:val|value|here|placeholder)$/i;
/** Where a secret lives, not what it is: ARNs, secret-manager and vault URIs, file paths. */
const REFERENCE_VALUE = /^(?:arn:aws[\w-]*:|projects\/[^/]+\/secrets\/|(?:vault|ref\+\w+|sm|gcpsm|awssm|azkv|secretsmanager|op|file):\/\/|vault:|\/(?:run|var|etc|mnt|secrets?|vault|home|opt|usr|tmp|app|data)\/|\.{0,2}\/[\w.-]+\/)/i;

/**
 * A value that is certainly not a literal secret: empty, a boolean, a template or substitution, a
 * placeholder (an all-caps identifier naming the variable, `INSERT_...`, `..._VAL`), or a reference
 * to where the secret is kept (an ARN, a secret-manager URI, a file path). `name` is the variable
 * or key the value belongs to, when there is one.
 */
export function isPlaceholderOrReference(value: string, name?: string): boolean {
  const v = value.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  if (!v) return true;
  if (/^(?:true|false|yes|no|on|off|null|none|~)$/i.test(v)) return true;
  if (TEMPLATE.test(v) || REFERENCE_VALUE.test(v)) return true;
  // An identifier in capitals: a placeholder such as ALLOYDB_SECRET_NAME_VAL or INSERT_DB_PASSWORD.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) {
    if (PLACEHOLDER_WORD.test(v)) return true;
    if (name && v.toLowerCase().includes(nameWords(name).join('_'))) return true;
  }
  return PLACEHOLDER_WORD.test(v) && /^[A-Za-z_-]+$/.test(v) && /[_-]/.test(v);
}

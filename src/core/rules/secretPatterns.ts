// Heuristics for LG014: does an environment variable hold a secret written into the template?
// Name-based detection needs a literal value; value-based detection (key formats that are secrets
// whatever the name) looks at the known parts of any value.

const SECRET_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey',
  'credential', 'credentials', 'privatekey', 'secretkey', 'accesskey', 'clientsecret', 'authkey',
]);

/** Adjacent word pairs that mean a secret even though each word alone does not (`KEY` alone is too common). */
const SECRET_PAIRS: readonly [string, string][] = [
  ['api', 'key'], ['private', 'key'], ['access', 'key'], ['signing', 'key'], ['encryption', 'key'],
  ['master', 'key'], ['auth', 'key'], ['session', 'key'], ['app', 'key'], ['license', 'key'],
];

/**
 * A last word that makes the variable a pointer to a secret or a setting about one, not the secret:
 * SECRET_ARN, SECRET_NAME, TOKEN_TABLE, PASSWORD_PARAMETER, TOKEN_TTL, ACCESS_KEY_ID.
 */
const POINTER_WORDS: ReadonlySet<string> = new Set([
  'arn', 'arns', 'name', 'names', 'id', 'ids', 'table', 'param', 'parameter', 'parameters', 'path', 'prefix',
  'url', 'uri', 'endpoint', 'header', 'ttl', 'expiry', 'expiration', 'expires', 'length', 'size', 'region',
  'bucket', 'queue', 'topic', 'field', 'location', 'type', 'version', 'enabled', 'timeout', 'duration',
  'seconds', 'minutes', 'hours', 'days', 'count', 'limit', 'policy', 'rotation', 'stage', 'mode', 'store',
  'vault', 'source', 'provider', 'file', 'env', 'var', 'ref', 'user', 'username', 'host', 'port', 'issuer',
  'audience', 'scope', 'algorithm', 'format',
]);

/** `DB_PASSWORD` → [db, password]; `dbPassword` → [db, password]; `APIKey` → [api, key]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** True when the variable name says it holds a secret (and not a pointer to one). */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || POINTER_WORDS.has(words[words.length - 1])) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  return words.some((w, i) => i + 1 < words.length && SECRET_PAIRS.some(([a, b]) => w === a && words[i + 1] === b));
}

/**
 * True for literal values that are not secrets even under a secret-looking name: dynamic references
 * (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`), ARNs, SSM parameter paths, booleans,
 * numbers (`MAX_TOKENS: 4096`) and placeholders (`<token>`, `changeme`, `xxx`).
 */
export function isNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/\{\{resolve:/i.test(v)) return true;
  if (/^arn:/i.test(v)) return true;
  if (/^\/[\w.-]+(\/[\w.-]+)+$/.test(v)) return true;
  if (/^(true|false|yes|no|on|off|none|null|undefined|n\/a|-|tbd|todo|placeholder)$/i.test(v)) return true;
  if (/^-?\d+(\.\d+)?$/.test(v)) return true;
  return /^(<[^>]*>|\$\{[^}]*\}|x{3,}|\*{3,}|\.{3,})$/i.test(v);
}

const VALUE_PATTERNS: readonly { re: RegExp; what: string }[] = [
  { re: /(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/, what: 'an AWS access key ID' },
  { re: /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/, what: 'a private key' },
  { re: /\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/, what: 'a GitHub token' },
  { re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
  { re: /\b[sr]k_live_[A-Za-z0-9]{16,}/, what: 'a Stripe live key' },
  { re: /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i, what: 'a URL with an embedded password' },
];

/**
 * What kind of credential the value looks like, whatever the variable is called. Each known fragment
 * (between unresolved parts) is tested on its own, so `${User}:${Pass}@host` is not a match.
 */
export function credentialInValue(value: string, hole: string): string | undefined {
  const fragments = value.split(hole);
  return VALUE_PATTERNS.find((p) => fragments.some((f) => p.re.test(f)))?.what;
}

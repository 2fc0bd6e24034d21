/**
 * The text of an introducer API key: `lrk_<keyId>_<secret>`.
 *
 * - `lrk_` tells a LeadRail key apart from any other credential (secret
 *   scanners can look for it, and support can tell what was pasted);
 * - `keyId` is 32 lower-case hex characters, public: it is how a key is looked
 *   up (so verifying costs one indexed read, not a scan of every hash);
 * - `secret` is 32 random bytes in base64url (43 characters), shown once at
 *   issue and stored nowhere, only its SHA-256.
 *
 * Pure text handling: minting and hashing are the service's (they need randomness).
 */
export const API_KEY_PREFIX = 'lrk_';

const KEY_ID = /^[0-9a-f]{32}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const API_KEY = /^lrk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Characters of the key id shown in lists: enough to tell an introducer's few keys apart, nothing secret. */
const SHOWN_KEY_ID_CHARACTERS = 8;

/** The parts of an API key. */
export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

/** Whether `value` is a key id (32 lower-case hex characters). */
export function isApiKeyId(value: unknown): value is string {
  return typeof value === 'string' && KEY_ID.test(value);
}

/** Whether `value` is a SHA-256 digest in lower-case hex, as secrets are stored. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** The key text handed to the introducer, once. */
export function formatApiKey(parts: ApiKeyParts): string {
  if (!KEY_ID.test(parts.keyId) || !SECRET.test(parts.secret)) {
    throw new Error('an API key is made of a 32-hex key id and a 43-character base64url secret');
  }
  return `${API_KEY_PREFIX}${parts.keyId}_${parts.secret}`;
}

/** The parts of a presented key, or undefined when it is not shaped like one (nothing is looked up then). */
export function parseApiKey(text: string): ApiKeyParts | undefined {
  const match = API_KEY.exec(text);
  return match ? { keyId: match[1]!, secret: match[2]! } : undefined;
}

/**
 * What lists show of a key, `lrk_ab12cd34…`: taken from the public key id
 * only, so no event or list ever holds a character of the secret.
 */
export function displayPrefixOf(keyId: string): string {
  return `${API_KEY_PREFIX}${keyId.slice(0, SHOWN_KEY_ID_CHARACTERS)}…`;
}

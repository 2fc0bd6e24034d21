/**
 * Masking for the attempt log: request and response headers, and URLs, with
 * credentials hidden. A masked value keeps its first 4 characters when it is
 * long enough (12 or more) for that to give nothing useful away (`abcd…`), and
 * is `***` otherwise; an Authorization-style value keeps its scheme
 * (`Bearer eyJh…`).
 */

/** Always secret, whatever the value: credentials and session cookies. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
/** A name containing one of these (case and `-`/`_`/`.` ignored) is taken for a secret. */
const SECRET_PARTS = [
  'token',
  'secret',
  'key',
  'password',
  'passwd',
  'credential',
  'session',
  'auth',
];
/** Headers that merely describe authentication (challenges), not credentials. */
const NOT_SECRET = new Set(['www-authenticate', 'proxy-authenticate', 'authentication-info']);
/** Short query parameter names that carry credentials. */
const SECRET_PARAMETERS = new Set(['sig', 'pass', 'pw', 'pwd', 'pin']);
const SCHEMES = new Set(['authorization', 'proxy-authorization']);
const SHOWN = 4;
const SHOWN_FROM_LENGTH = 12;

/** Whether a header or query parameter called `name` is taken to hold a secret. */
export function isSecretName(name: string, secretNames: readonly string[] = []): boolean {
  const lower = name.trim().toLowerCase();
  if (secretNames.some((secret) => secret.trim().toLowerCase() === lower)) {
    return true;
  }
  if (NOT_SECRET.has(lower)) {
    return false;
  }
  const bare = lower.replace(/[-_.]/g, '');
  return (
    SECRET_HEADERS.has(lower) ||
    SECRET_PARAMETERS.has(bare) ||
    SECRET_PARTS.some((part) => bare.includes(part))
  );
}

/** `value` masked: its first 4 characters and `…` when it has 12 or more, `***` otherwise. */
export function maskValue(value: string): string {
  if (value === '') {
    return '';
  }
  const chars = Array.from(value);
  return chars.length >= SHOWN_FROM_LENGTH ? `${chars.slice(0, SHOWN).join('')}…` : '***';
}

/**
 * The headers with secret values masked (Authorization, Proxy-Authorization,
 * Cookie, Set-Cookie, X-Api-Key, any name with token/secret/key/password/
 * credential/session/auth in it, and every name in `secretNames`, case
 * ignored). Names and the other values are kept as they are.
 */
export function maskHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  secretNames: readonly string[] = [],
): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) {
      continue;
    }
    const text = typeof value === 'string' ? value : value.join(', ');
    masked[name] = isSecretName(name, secretNames) ? maskHeaderValue(name, text) : text;
  }
  return masked;
}

function maskHeaderValue(name: string, value: string): string {
  const scheme = /^([A-Za-z][\w!#$%&'*+.^`|~-]*) +(\S.*)$/s.exec(value.trim());
  if (SCHEMES.has(name.trim().toLowerCase()) && scheme) {
    return `${scheme[1]} ${maskValue(scheme[2] ?? '')}`;
  }
  return maskValue(value);
}

/**
 * `url` with credentials masked, for the attempt log: the value of each query
 * parameter whose name is taken for a secret (`apikey`, `api_key`, `token`,
 * `access_token`, `password`, `sig`… and every name in `secretNames`) and any
 * `user:password@`. Everything else is kept byte for byte (no re-encoding).
 * A secret inside the path cannot be recognised: it is kept.
 */
export function maskUrl(url: string, secretNames: readonly string[] = []): string {
  const fragmentAt = url.indexOf('#');
  const beforeFragment = fragmentAt === -1 ? url : url.slice(0, fragmentAt);
  const fragment = fragmentAt === -1 ? '' : url.slice(fragmentAt);
  const queryAt = beforeFragment.indexOf('?');
  const base = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? undefined : beforeFragment.slice(queryAt + 1);
  const maskedQuery =
    query === undefined
      ? ''
      : `?${query
          .split('&')
          .map((pair) => maskParameter(pair, secretNames))
          .join('&')}`;
  return `${maskUserInfo(base)}${maskedQuery}${fragment}`;
}

function maskParameter(pair: string, secretNames: readonly string[]): string {
  const equals = pair.indexOf('=');
  if (equals === -1) {
    return pair;
  }
  const name = decoded(pair.slice(0, equals));
  if (!isSecretName(name, secretNames)) {
    return pair;
  }
  const value = decoded(pair.slice(equals + 1));
  const masked = maskValue(value);
  // The kept characters are encoded again, so the masked URL stays one line of URL text.
  const shown = masked.endsWith('…') ? `${encodeURIComponent(masked.slice(0, -1))}…` : masked;
  return `${pair.slice(0, equals)}=${shown}`;
}

function maskUserInfo(base: string): string {
  return base.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)@/i, (_match, scheme: string) => {
    return `${scheme}***@`;
  });
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The JWS algorithms portal session tokens may be signed with: asymmetric only, so verifiers hold no secret. */
export type PortalSigningAlgorithm = 'EdDSA' | 'ES256';

/** A portal session key as configured: its PEM, its key id (`kid`) and the algorithm its type implies. */
export interface PortalKeyConfig {
  pem: string;
  kid: string;
  algorithm: PortalSigningAlgorithm;
}

/**
 * Reads a PEM key (a PKCS#8 private key, or with `kind: 'public'` an SPKI
 * public key) and names its algorithm: Ed25519 keys sign EdDSA, P-256 keys
 * ES256. Returns a problem (never echoing the key) when it is neither.
 * Literal `\n` sequences count as line breaks: secret stores often keep PEMs on one line.
 */
export function readPortalKey(
  text: string,
  kind: 'private' | 'public',
  kid?: string,
): { key: PortalKeyConfig } | { problem: string } {
  const pem = text.replace(/\\n/g, '\n').trim();
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch {
    return {
      problem: `is not a readable ${kind === 'private' ? 'PKCS#8 private' : 'SPKI public'} key in PEM form`,
    };
  }
  const algorithm = algorithmOf(key);
  if (!algorithm) {
    return { problem: 'must be an Ed25519 or a P-256 (prime256v1) key' };
  }
  const publicKey = kind === 'private' ? createPublicKey(key) : key;
  return { key: { pem, algorithm, kid: kid ?? jwkThumbprint(publicKey) } };
}

function algorithmOf(key: KeyObject): PortalSigningAlgorithm | undefined {
  if (key.asymmetricKeyType === 'ed25519') {
    return 'EdDSA';
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return 'ES256';
  }
  return undefined;
}

/**
 * The RFC 7638 thumbprint of a public key: a stable default key id, so a key
 * configured without PORTAL_SIGNING_KEY_ID still gets the same `kid` on every instance.
 */
function jwkThumbprint(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  // The required members only, in lexicographic order, without whitespace (RFC 7638, 3.2).
  const members =
    jwk.kty === 'OKP'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x }
      : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

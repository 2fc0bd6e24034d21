import {
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  jwtVerify,
} from 'jose';
import {
  PORTAL_TOKEN_ALGORITHMS,
  PORTAL_TOKEN_AUDIENCE,
  PORTAL_TOKEN_ISSUER,
  type PortalSession,
} from './portal-token-claims';
import { PortalTokenRejected } from './portal-token-rejected';

/** The time now; the service's Clock port fits. */
export interface VerifierClock {
  now(): Date;
}

/** Injection token of the service's {@link PortalTokenVerifier}. */
export const PORTAL_TOKEN_VERIFIER = Symbol('PORTAL_TOKEN_VERIFIER');

// jose's codes for a key set that cannot be had (timeout, malformed or non-200 answer):
// the verifier's trouble, not the caller's, so never a 401 that would sign partners out.
const KEY_SET_UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC']);

/**
 * Checks a portal session token: signature against the partners service's
 * public keys (picked by `kid`), issuer, audience, algorithm and expiry.
 * Throws {@link PortalTokenRejected} for a token the caller must replace;
 * anything else (the key set cannot be fetched) is thrown as it is.
 */
export class PortalTokenVerifier {
  private constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly clock: VerifierClock,
  ) {}

  /**
   * For services other than partners: the keys come from PORTAL_JWKS_URL,
   * cached, and fetched again when a token names a `kid` not seen yet (a rotation).
   */
  static remote(jwksUrl: string, clock: VerifierClock): PortalTokenVerifier {
    return new PortalTokenVerifier(createRemoteJWKSet(new URL(jwksUrl)), clock);
  }

  /** For the partners service itself, which holds the public keys it publishes. */
  static local(keySet: JSONWebKeySet, clock: VerifierClock): PortalTokenVerifier {
    return new PortalTokenVerifier(createLocalJWKSet(keySet), clock);
  }

  async verify(token: string): Promise<PortalSession> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: PORTAL_TOKEN_ISSUER,
        audience: PORTAL_TOKEN_AUDIENCE,
        algorithms: [...PORTAL_TOKEN_ALGORITHMS],
        requiredClaims: ['sub', 'jti', 'iat', 'exp'],
        currentDate: this.clock.now(),
      });
      if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string') {
        throw new PortalTokenRejected('invalid', INVALID);
      }
      return {
        partnerId: payload.sub,
        sessionId: payload.jti,
        expiresAt: new Date(payload.exp! * 1000),
      };
    } catch (error) {
      throw rejection(error);
    }
  }
}

const INVALID = 'the bearer token is not a valid portal session token; sign in again';

function rejection(error: unknown): unknown {
  if (error instanceof PortalTokenRejected) {
    return error;
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_J') || KEY_SET_UNAVAILABLE.has(code)) {
    return error;
  }
  return code === 'ERR_JWT_EXPIRED'
    ? new PortalTokenRejected('expired', 'the portal session has expired; sign in again')
    : new PortalTokenRejected('invalid', INVALID);
}

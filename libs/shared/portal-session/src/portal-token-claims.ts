/** `iss` of every portal session token: only the partners service signs them. */
export const PORTAL_TOKEN_ISSUER = 'leadrail.partners';

/** `aud` of every portal session token: the partner portal's APIs, in any service. */
export const PORTAL_TOKEN_AUDIENCE = 'leadrail.portal';

/** The only algorithms accepted: asymmetric, so a verifier never holds a signing secret. */
export const PORTAL_TOKEN_ALGORITHMS = ['EdDSA', 'ES256'] as const;

/** A verified portal session token. */
export interface PortalSession {
  /** `sub`: the partner signed in. */
  partnerId: string;
  /** `jti`: what a sign-out revokes. */
  sessionId: string;
  /** `exp`. */
  expiresAt: Date;
}

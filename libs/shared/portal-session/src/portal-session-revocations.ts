/**
 * Sessions signed out before they expire. Only the partners service, which
 * records sign-outs, provides it; other services accept a signed-out token
 * until it expires (hence the short lifetime; docs/operations.md).
 */
export interface PortalSessionRevocations {
  isRevoked(sessionId: string): Promise<boolean>;
}

/** Injection token of the optional {@link PortalSessionRevocations}. */
export const PORTAL_SESSION_REVOCATIONS = Symbol('PORTAL_SESSION_REVOCATIONS');

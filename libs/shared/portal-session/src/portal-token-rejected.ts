/** Why a bearer token opens no portal session; the message is for the caller and names no secret. */
export type PortalTokenProblem = 'missing' | 'expired' | 'invalid' | 'revoked';

/** A token the caller must replace by signing in again (401). */
export class PortalTokenRejected extends Error {
  constructor(
    readonly problem: PortalTokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PortalTokenRejected';
  }
}

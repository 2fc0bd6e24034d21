import { Inject, Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { CLOCK, type Clock, SERVICE_CONFIG, type ServiceConfig } from '@leadrail/nest-kit';
import { PortalCredentials } from '../portal-credentials';
import { hashPortalPassword } from '../portal-password';
import { type IssuedSession, PortalSessionIssuer } from '../session/portal-session-issuer';
import { type BackoffPolicy, retryAfterSeconds } from './sign-in-backoff';
import { type CountedSubject, SignInFailures } from './sign-in-failures';

/** How a sign-in ends. `refused` says nothing of whether the email exists. */
export type SignInOutcome =
  | { outcome: 'signed-in'; session: IssuedSession }
  | { outcome: 'refused' }
  | { outcome: 'locked'; retryAfterSeconds: number };

/** Verified against when the email is unknown, so both failures take an argon2 verification's time. */
const DECOY = hashPortalPassword('decoy password that matches nothing');

/**
 * A partner signs in to its portal with its email and password. Attempts are
 * counted per email and per client address before the password is checked;
 * once either is over its limit the answer is `locked` (429) for a while
 * that doubles with every further failure, whether the email exists or not,
 * and without checking the password, so guessing gains nothing.
 */
@Injectable()
export class PortalSignIn {
  private readonly perEmail: BackoffPolicy;
  private readonly perAddress: BackoffPolicy | undefined;

  constructor(
    @Inject(PortalCredentials) private readonly credentials: PortalCredentials,
    @Inject(SignInFailures) private readonly failures: SignInFailures,
    @Inject(PortalSessionIssuer) private readonly issuer: PortalSessionIssuer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    const { lockout } = config.portalSession;
    const policy = (failures: number): BackoffPolicy => ({
      failures,
      windowMs: lockout.windowSeconds * 1000,
      baseLockMs: lockout.baseLockSeconds * 1000,
    });
    this.perEmail = policy(lockout.failuresPerEmail);
    this.perAddress =
      lockout.failuresPerAddress > 0 ? policy(lockout.failuresPerAddress) : undefined;
  }

  async signIn(
    email: string,
    password: string,
    address: string | undefined,
  ): Promise<SignInOutcome> {
    const byEmail: CountedSubject = {
      subject: `email:${email.toLowerCase()}`,
      policy: this.perEmail,
    };
    const byAddress: CountedSubject[] =
      this.perAddress && address
        ? [{ subject: `address:${address}`, policy: this.perAddress }]
        : [];
    const now = this.clock.now();
    const locked = await this.failures.admit([byEmail, ...byAddress], now);
    if (locked) {
      return { outcome: 'locked', retryAfterSeconds: retryAfterSeconds(locked, now) };
    }
    const login = await this.credentials.findByEmail(email);
    // Verified even when the email is unknown or has no password yet: both failures take the same time.
    const matches = await verify(login?.passwordHash ?? (await DECOY), password);
    if (!matches || !login?.passwordHash) {
      return { outcome: 'refused' };
    }
    await this.failures.succeeded(byEmail, byAddress);
    return { outcome: 'signed-in', session: await this.issuer.issue(login.partnerId) };
  }
}

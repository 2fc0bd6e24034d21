import { Inject, Injectable } from '@nestjs/common';
import type { IdGenerator } from '@leadrail/event-store';
import { CLOCK, type Clock, IDS, SERVICE_CONFIG, type ServiceConfig } from '@leadrail/nest-kit';
import { PORTAL_TOKEN_AUDIENCE, PORTAL_TOKEN_ISSUER } from '@leadrail/portal-session';
import { SignJWT } from 'jose';
import { PortalSigningKeys } from './portal-signing-keys';

/** A new portal session, as the partner receives it. */
export interface IssuedSession {
  token: string;
  tokenType: 'Bearer';
  expiresAt: string;
  partnerId: string;
}

/**
 * Signs portal session tokens. They name the partner and the session, never
 * its access level: every portal endpoint reads the current level, so an
 * operator's change applies to sessions already open.
 */
@Injectable()
export class PortalSessionIssuer {
  private readonly ttlSeconds: number;

  constructor(
    @Inject(PortalSigningKeys) private readonly keys: PortalSigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDS) private readonly ids: IdGenerator,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.ttlSeconds = config.portalSession.ttlSeconds;
  }

  async issue(partnerId: string): Promise<IssuedSession> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const { key, kid, algorithm } = this.keys.signing;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: algorithm, kid, typ: 'JWT' })
      .setIssuer(PORTAL_TOKEN_ISSUER)
      .setAudience(PORTAL_TOKEN_AUDIENCE)
      .setSubject(partnerId)
      .setJti(this.ids.next())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(key);
    return {
      token,
      tokenType: 'Bearer',
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      partnerId,
    };
  }
}

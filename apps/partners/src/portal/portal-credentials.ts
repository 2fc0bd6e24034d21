import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hashPortalPassword } from './portal-password';
import { DataSource, type EntityManager } from 'typeorm';

/** What the operator gets back: nothing secret, except an invitation token, shown once. */
export type CreatedCredentials =
  { method: 'password' } | { method: 'invitation'; invitationToken: string };

/** A portal login as stored: the partner, and its password hash once one is chosen. */
export interface StoredLogin {
  partnerId: string;
  passwordHash: string | null;
}

/**
 * The `portal_credentials` table, and the only code that touches it: a
 * password as an argon2id hash (OWASP's parameters: 19 MiB, 2 iterations), an
 * invitation as the SHA-256 of a random token (high entropy, so a fast hash is
 * enough). Kept outside the event log: secrets never become events.
 */
@Injectable()
export class PortalCredentials {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The login of an email address (emails are stored in lower case), if any. */
  async findByEmail(email: string): Promise<StoredLogin | undefined> {
    const rows = await this.dataSource.query<
      { partner_id: string; password_hash: string | null }[]
    >('SELECT partner_id, password_hash FROM portal_credentials WHERE email = lower($1)', [email]);
    const row = rows[0];
    return row && { partnerId: row.partner_id, passwordHash: row.password_hash };
  }

  /**
   * Redeems an invitation: with the right token, the password is set and the
   * token spent, in one transaction (two redemptions cannot both win).
   * Returns whether the token was valid.
   */
  async acceptInvitation(email: string, token: string, password: string): Promise<boolean> {
    const presented = createHash('sha256').update(token).digest();
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<
        { partner_id: string; invitation_token_sha256: string | null }[]
      >(
        'SELECT partner_id, invitation_token_sha256 FROM portal_credentials WHERE email = lower($1) FOR UPDATE',
        [email],
      );
      const stored = rows[0]?.invitation_token_sha256;
      if (!stored || !timingSafeEqual(Buffer.from(stored, 'hex'), presented)) {
        return false;
      }
      await manager.query(
        'UPDATE portal_credentials SET password_hash = $2, invitation_token_sha256 = NULL WHERE partner_id = $1',
        [rows[0]!.partner_id, await hashPortalPassword(password)],
      );
      return true;
    });
  }

  async create(
    manager: EntityManager,
    partnerId: string,
    email: string,
    password?: string,
  ): Promise<CreatedCredentials> {
    if (password !== undefined) {
      const passwordHash = await hashPortalPassword(password);
      await this.insert(manager, partnerId, email, { passwordHash });
      return { method: 'password' };
    }
    const invitationToken = randomBytes(32).toString('base64url');
    await this.insert(manager, partnerId, email, {
      invitationSha256: createHash('sha256').update(invitationToken).digest('hex'),
    });
    return { method: 'invitation', invitationToken };
  }

  private async insert(
    manager: EntityManager,
    partnerId: string,
    email: string,
    secret: { passwordHash?: string; invitationSha256?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO portal_credentials (partner_id, email, password_hash, invitation_token_sha256)
       VALUES ($1, lower($2), $3, $4)`,
      [partnerId, email, secret.passwordHash ?? null, secret.invitationSha256 ?? null],
    );
  }
}

import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hashPortalPassword } from './portal-password';
import type { EntityManager } from 'typeorm';

/** What the operator gets back: nothing secret, except an invitation token, shown once. */
export type CreatedCredentials =
  { method: 'password' } | { method: 'invitation'; invitationToken: string };

/**
 * Stores a partner's portal credentials: a password as an argon2id hash
 * (OWASP's parameters: 19 MiB, 2 iterations), an invitation as the SHA-256 of
 * a random token (high entropy, so a fast hash is enough).
 */
@Injectable()
export class PortalCredentials {
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

import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@leadrail/nest-kit';
import type { PortalSession, PortalSessionRevocations } from '@leadrail/portal-session';
import { DataSource } from 'typeorm';

/**
 * The `portal_session_revocations` table (signed-out sessions), and the only
 * code that touches it. A row is needed only until its token would have
 * expired anyway, so each sign-out also clears the rows past that point.
 */
@Injectable()
export class RevokedPortalSessions implements PortalSessionRevocations {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async revoke(session: PortalSession): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO portal_session_revocations (session_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (session_id) DO NOTHING`,
      [session.sessionId, session.expiresAt],
    );
    await this.dataSource.query('DELETE FROM portal_session_revocations WHERE expires_at < $1', [
      this.clock.now(),
    ]);
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM portal_session_revocations WHERE session_id = $1',
      [sessionId],
    );
    return rows.length > 0;
  }
}

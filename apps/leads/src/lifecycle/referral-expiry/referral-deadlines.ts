import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A referral waiting for its partner's answer, as `referral_deadlines` holds it. */
export interface ReferralDeadline {
  leadId: string;
  partnerId: string;
  referredAt: string;
  expiresAt: string;
  /** Failed expiry attempts so far (a lead the timer could not expire). */
  attempts: number;
}

interface DeadlineRow {
  lead_id: string;
  partner_id: string;
  referred_at: Date;
  expires_at: Date;
  attempts: number;
}

function deadlineOf(row: DeadlineRow): ReferralDeadline {
  return {
    leadId: row.lead_id,
    partnerId: row.partner_id,
    referredAt: row.referred_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    attempts: row.attempts,
  };
}

/**
 * What became of one due referral: settled (expired now, or answered before:
 * nothing is pending any more) or to be tried again at `retryAt`.
 */
export type DeadlineHandled = { retryAt: Date } | 'settled';

/** Reads of `referral_deadlines` (kept by ReferralDeadlinesProjection), and the poller's claims on it. */
@Injectable()
export class ReferralDeadlines {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Hands up to `limit` referrals due at `now` to `handle`, one by one, inside
   * one transaction that holds their rows: another instance polling at the
   * same moment skips them (`SKIP LOCKED`) instead of expiring them twice.
   * A settled referral's row goes at once (the projection would remove it
   * too, but may lag, and the row would be due again next tick); one `handle`
   * could not expire is put back until `retryAt`. Returns how many were handed over.
   */
  async claimDue(
    now: Date,
    limit: number,
    handle: (deadline: ReferralDeadline) => Promise<DeadlineHandled>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<DeadlineRow[]>(
        `SELECT lead_id, partner_id, referred_at, expires_at, attempts FROM referral_deadlines
         WHERE COALESCE(retry_at, expires_at) <= $1
         ORDER BY COALESCE(retry_at, expires_at)
         LIMIT $2
         FOR UPDATE SKIP LOCKED`,
        [now, limit],
      );
      for (const row of rows) {
        const handled = await handle(deadlineOf(row));
        if (handled === 'settled') {
          await this.remove(manager, row);
        } else {
          await this.putBack(manager, row, handled.retryAt);
        }
      }
      return rows.length;
    });
  }

  /** The referrals waiting for this partner's answer at `now`, the soonest to run out first. */
  async pendingFor(partnerId: string, now: Date, limit: number): Promise<ReferralDeadline[]> {
    const rows = await this.dataSource.query<DeadlineRow[]>(
      `SELECT lead_id, partner_id, referred_at, expires_at, attempts FROM referral_deadlines
       WHERE partner_id = $1 AND expires_at > $2
       ORDER BY expires_at, lead_id
       LIMIT $3`,
      [partnerId, now, limit],
    );
    return rows.map(deadlineOf);
  }

  // Partner too: a new referral of the lead (another partner) is another row's business.
  private async remove(manager: EntityManager, row: DeadlineRow): Promise<void> {
    await manager.query('DELETE FROM referral_deadlines WHERE lead_id = $1 AND partner_id = $2', [
      row.lead_id,
      row.partner_id,
    ]);
  }

  // Only the retry columns: the rest is the projection's, from the log.
  private async putBack(manager: EntityManager, row: DeadlineRow, retryAt: Date): Promise<void> {
    await manager.query(
      `UPDATE referral_deadlines SET retry_at = $3, attempts = attempts + 1
       WHERE lead_id = $1 AND partner_id = $2`,
      [row.lead_id, row.partner_id, retryAt],
    );
  }
}

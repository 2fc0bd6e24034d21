import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A referral email whose next attempt is due. */
export interface DueReferralEmail {
  referralId: string;
  leadId: string;
  partnerId: string;
  referredAt: Date;
  expiresAt: Date;
  correlationId: string;
  attempt: number;
  dueAt: Date;
  /** Since when it waits for the lead or the partner to reach delivery; null when it never had to. */
  waitingSince: Date | null;
}

/** How a referral email ended: sent, refused for good, nowhere to send, too late, answered first. */
export type SettledReferralEmail = 'sent' | 'failed' | 'skipped' | 'expired' | 'answered';

interface DueRow {
  referral_id: string;
  lead_id: string;
  partner_id: string;
  referred_at: Date;
  expires_at: Date;
  correlation_id: string;
  attempt: number;
  due_at: Date;
  waiting_since: Date | null;
}

/** The referral emails (`delivery_referral_emails`) and the poller's claims on those due. */
@Injectable()
export class ReferralEmails {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Hands up to `limit` emails due at `now` to `handle`, each in its own
   * transaction holding its row (`FOR UPDATE SKIP LOCKED`): instances and
   * workers never attempt the same email at once. Returns how many.
   */
  async claimDue(
    now: Date,
    limit: number,
    handle: (due: DueReferralEmail, manager: EntityManager) => Promise<void>,
  ): Promise<number> {
    let handled = 0;
    for (; handled < limit; handled++) {
      const claimed = await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query<DueRow[]>(
          `SELECT referral_id, lead_id, partner_id, referred_at, expires_at, correlation_id, attempt,
                  due_at, waiting_since FROM delivery_referral_emails
            WHERE state = 'pending' AND due_at <= $1 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [now],
        );
        if (row === undefined) {
          return false;
        }
        await handle(
          {
            referralId: row.referral_id,
            leadId: row.lead_id,
            partnerId: row.partner_id,
            referredAt: row.referred_at,
            expiresAt: row.expires_at,
            correlationId: row.correlation_id,
            attempt: row.attempt,
            dueAt: row.due_at,
            waitingSince: row.waiting_since,
          },
          manager,
        );
        return true;
      });
      if (!claimed) {
        break;
      }
    }
    return handled;
  }

  /** Ends it: nothing more is attempted. */
  async settle(
    manager: EntityManager,
    due: DueReferralEmail,
    state: SettledReferralEmail,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE delivery_referral_emails SET state = $2, due_at = NULL, updated_at = $3
        WHERE referral_id = $1`,
      [due.referralId, state, now],
    );
  }

  /** The next attempt, due at `at`, after one that ran into trouble. */
  async retry(manager: EntityManager, due: DueReferralEmail, at: Date, now: Date): Promise<void> {
    await manager.query(
      `UPDATE delivery_referral_emails
          SET attempt = $2, due_at = $3, waiting_since = NULL, updated_at = $4
        WHERE referral_id = $1`,
      [due.referralId, due.attempt + 1, at, now],
    );
  }

  /** Puts it off without an attempt (the lead or the partner has not reached delivery yet). */
  async postpone(manager: EntityManager, due: DueReferralEmail, now: Date, until: Date) {
    await manager.query(
      `UPDATE delivery_referral_emails
          SET due_at = $2, waiting_since = COALESCE(waiting_since, $3), updated_at = $3
        WHERE referral_id = $1`,
      [due.referralId, until, now],
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referrals waiting for a partner's answer and when each runs out: kept
 * from the log by ReferralDeadlinesProjection (LeadReferred adds a row, the
 * answer or the expiry removes it). The expiry poller reads the due ones and
 * may push `retry_at` back after a failed attempt; the portal lists a
 * partner's pending referrals from it.
 */
export class CreateReferralDeadlines1764000000700 implements MigrationInterface {
  name = 'CreateReferralDeadlines1764000000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE referral_deadlines (
      lead_id     uuid        PRIMARY KEY,
      partner_id  text        NOT NULL,
      referred_at timestamptz NOT NULL,
      expires_at  timestamptz NOT NULL,
      retry_at    timestamptz,
      attempts    integer     NOT NULL DEFAULT 0
    )`);
    // The poller's question: which are due (the earliest first), retries included.
    await runner.query(
      'CREATE INDEX referral_deadlines_due ON referral_deadlines ((COALESCE(retry_at, expires_at)))',
    );
    await runner.query(
      'CREATE INDEX referral_deadlines_by_partner ON referral_deadlines (partner_id, expires_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE referral_deadlines');
  }
}

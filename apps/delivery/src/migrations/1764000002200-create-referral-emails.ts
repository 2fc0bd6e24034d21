import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral emails (docs/delivery-service.md, "The referral email"): one
 * row per offer of a lead to a partner that must accept first, written in
 * the `LeadReferred` inbox transaction and kept after it is settled, so a
 * redelivered `LeadReferred` finds it and sends nothing more. While pending,
 * `due_at` says when its next attempt is due (claimed with SKIP LOCKED, like
 * `delivery_schedule`). Its attempts go to the attempt log
 * (`delivery_attempts`, channel `referral-email`). No personal data: ids and
 * times only.
 */
export class CreateReferralEmails1764000002200 implements MigrationInterface {
  name = 'CreateReferralEmails1764000002200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE delivery_referral_emails (
      referral_id    text        PRIMARY KEY,
      lead_id        text        NOT NULL,
      partner_id     text        NOT NULL,
      referred_at    timestamptz NOT NULL,
      expires_at     timestamptz NOT NULL,
      correlation_id text        NOT NULL,
      -- pending, then sent, failed (refused or out of attempts), skipped (nowhere to send),
      -- expired (the offer ran out first) or answered (the partner answered first).
      state          text        NOT NULL DEFAULT 'pending',
      -- The number of the next attempt (from 1), and when it is due while pending.
      attempt        integer     NOT NULL DEFAULT 1,
      due_at         timestamptz,
      -- Since when it waits for the lead or the partner to reach delivery (null: it does not wait).
      waiting_since  timestamptz,
      updated_at     timestamptz NOT NULL
    )`);
    await runner.query(
      `CREATE INDEX delivery_referral_emails_due ON delivery_referral_emails (due_at)
        WHERE state = 'pending'`,
    );
    await runner.query(
      'CREATE INDEX delivery_referral_emails_by_lead ON delivery_referral_emails (lead_id, partner_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE delivery_referral_emails');
  }
}

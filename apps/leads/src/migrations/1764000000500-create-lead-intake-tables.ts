import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lead intake keeps outside the event log: each lead's personal-data key
 * (deleted on erasure, the row kept as the record of it), the partners as the
 * partners service announced them, and introducers' Idempotency-Key answers.
 * The first intake tables (received_leads, introducer_daily_intake) stay as
 * they were: nothing writes them any more (leads are their streams, the search
 * read model replaces them), and what they hold could not be rebuilt, so
 * dropping them is an operator's decision (docs/operations.md), not a migration's.
 */
export class CreateLeadIntakeTables1764000000500 implements MigrationInterface {
  name = 'CreateLeadIntakeTables1764000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE lead_personal_data_keys (
      lead_id    uuid        PRIMARY KEY,
      key        bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      erased_at  timestamptz,
      erased_by  text,
      CHECK ((key IS NULL) = (erased_at IS NOT NULL))
    )`);
    await runner.query(`CREATE TABLE partner_view (
      partner_id                  text    PRIMARY KEY,
      is_introducer               boolean NOT NULL,
      is_partner                  boolean NOT NULL,
      active                      boolean NOT NULL,
      portal_level                text    NOT NULL,
      require_referral_acceptance boolean NOT NULL,
      may_update_lead_status      boolean NOT NULL
    )`);
    await runner.query(`CREATE TABLE intake_idempotency (
      introducer_id   uuid        NOT NULL,
      idempotency_key text        NOT NULL,
      request_hash    text        NOT NULL,
      status_code     integer,
      answer          jsonb,
      created_at      timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (introducer_id, idempotency_key)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_idempotency');
    await runner.query('DROP TABLE partner_view');
    await runner.query('DROP TABLE lead_personal_data_keys');
  }
}

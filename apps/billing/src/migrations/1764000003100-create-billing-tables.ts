import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing's tables. Views kept from other services' events (partners' terms,
 * the leads it sells and what they reached) through the inbox, and read
 * models projected from billing's own log (the ledger and the accounts),
 * which any rebuild gives again.
 */
export class CreateBillingTables1764000003100 implements MigrationInterface {
  name = 'CreateBillingTables1764000003100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE billing_partners (
      partner_id     text        PRIMARY KEY,
      record         jsonb       NOT NULL,
      updated_at     timestamptz NOT NULL
    )`);
    // One row per lead sold to a partner: what it pays (LeadRouted) and the points it reached.
    await runner.query(`CREATE TABLE billing_sales (
      lead_id          text        NOT NULL,
      partner_id       text        NOT NULL,
      lead_value       bigint,
      currency         text,
      billing_point    text,
      points_reached   text[]      NOT NULL DEFAULT '{}',
      correlation_id   text,
      updated_at       timestamptz NOT NULL,
      PRIMARY KEY (lead_id, partner_id)
    )`);
    await runner.query(
      'CREATE INDEX billing_sales_unpriced ON billing_sales (partner_id) WHERE billing_point IS NULL',
    );
    // Which introducer each lead came from (reversals and margins need it), and whether what it
    // is owed waits for the introducer's own events.
    await runner.query(`CREATE TABLE billing_leads (
      lead_id          text        PRIMARY KEY,
      introducer_id    text        NOT NULL,
      lead_type        text        NOT NULL,
      recorded_at      timestamptz NOT NULL,
      payable_pending  boolean     NOT NULL DEFAULT false,
      correlation_id   text
    )`);
    await runner.query(
      'CREATE INDEX billing_leads_pending ON billing_leads (introducer_id) WHERE payable_pending',
    );
    await runner.query(`CREATE TABLE billing_ledger (
      event_id       text        PRIMARY KEY,
      book           text        NOT NULL CHECK (book IN ('account', 'payable')),
      partner_id     text        NOT NULL,
      entry_version  integer     NOT NULL,
      type           text        NOT NULL,
      kind           text,
      lead_id        text,
      amount         bigint      NOT NULL,
      currency       text        NOT NULL,
      balance_after  bigint      NOT NULL,
      reference      text,
      reason         text,
      actor_type     text,
      actor_id       text,
      recorded_at    timestamptz NOT NULL,
      UNIQUE (book, partner_id, entry_version)
    )`);
    await runner.query(
      'CREATE INDEX billing_ledger_recorded ON billing_ledger (book, recorded_at)',
    );
    await runner.query('CREATE INDEX billing_ledger_lead ON billing_ledger (lead_id)');
    await runner.query(`CREATE TABLE billing_accounts (
      partner_id      text        PRIMARY KEY,
      currency        text        NOT NULL,
      balance         bigint      NOT NULL,
      account_version integer     NOT NULL,
      funds_low       boolean     NOT NULL DEFAULT false,
      updated_at      timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'billing_accounts',
      'billing_ledger',
      'billing_leads',
      'billing_sales',
      'billing_partners',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}

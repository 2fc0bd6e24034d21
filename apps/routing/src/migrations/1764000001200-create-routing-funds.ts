import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's view of partners' accounts, kept by BillingAccountsHandler from
 * `leadrail.billing.v1`: the balance at the highest account version seen.
 */
export class CreateRoutingFunds1764000001200 implements MigrationInterface {
  name = 'CreateRoutingFunds1764000001200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE routing_funds (
      partner_id       text        PRIMARY KEY,
      balance_amount   bigint      NOT NULL,
      currency         text        NOT NULL,
      account_version  integer     NOT NULL CHECK (account_version >= 1),
      last_event_id    text        NOT NULL,
      updated_at       timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_funds');
  }
}

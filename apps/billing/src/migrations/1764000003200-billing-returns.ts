import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A return accepted before the sale was complete (the return consumed before
 * `LeadRouted`, or before the introducer was known) must stop the late
 * charge and the late payable: the return is kept on the sale and the lead.
 */
export class BillingReturns1764000003200 implements MigrationInterface {
  name = 'BillingReturns1764000003200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE billing_sales ADD COLUMN returned boolean NOT NULL DEFAULT false',
    );
    await runner.query(
      'ALTER TABLE billing_leads ADD COLUMN returned boolean NOT NULL DEFAULT false',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE billing_leads DROP COLUMN returned');
    await runner.query('ALTER TABLE billing_sales DROP COLUMN returned');
  }
}

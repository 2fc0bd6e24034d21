import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead search (LeadSearchProjection): one row per lead with the columns
 * operators and partners filter on, the searchable personal fields opened
 * with the lead's key (NULL once erased), and each lead's trail of events.
 * Also the partner's lead value in `partner_view`, for the portal's reports.
 */
export class CreateLeadSearch1764000000600 implements MigrationInterface {
  name = 'CreateLeadSearch1764000000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE lead_search (
      lead_id             uuid        PRIMARY KEY,
      introducer_id       uuid,
      lead_type           text,
      external_reference  text,
      stage               text        NOT NULL,
      status              text,
      partner_id          uuid,
      referred_partner_id uuid,
      recorded_at         timestamptz NOT NULL,
      received_at         timestamptz,
      allocated_at        timestamptz,
      delivered_at        timestamptz,
      country             text,
      city                text,
      postcode_district   text,
      duplicate_of        uuid,
      rejection_code      text,
      erased_at           timestamptz,
      first_name          text,
      last_name           text,
      email               text,
      phone               text,
      postcode            text,
      search_text         text        NOT NULL DEFAULT '',
      personal            jsonb,
      state               jsonb       NOT NULL,
      revision            bigint      NOT NULL
    )`);
    // Keyset pagination runs newest first on (recorded_at, lead_id), for everyone and per partner.
    await runner.query(
      'CREATE INDEX lead_search_recent ON lead_search (recorded_at DESC, lead_id DESC)',
    );
    await runner.query(
      `CREATE INDEX lead_search_by_partner ON lead_search (partner_id, recorded_at DESC, lead_id DESC)
       WHERE partner_id IS NOT NULL`,
    );
    await runner.query(
      'CREATE INDEX lead_search_by_introducer ON lead_search (introducer_id, recorded_at DESC, lead_id DESC)',
    );
    await runner.query(
      `CREATE INDEX lead_search_by_referral ON lead_search (referred_partner_id)
       WHERE referred_partner_id IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX lead_search_deliveries ON lead_search (partner_id, delivered_at)
       WHERE delivered_at IS NOT NULL`,
    );
    await this.textIndex(runner);
    await runner.query(`CREATE TABLE lead_search_history (
      lead_id     uuid        NOT NULL,
      revision    bigint      NOT NULL,
      type        text        NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor_type  text,
      actor_id    text,
      partner_id  uuid,
      status      text,
      PRIMARY KEY (lead_id, revision)
    )`);
    await runner.query(
      'ALTER TABLE partner_view ADD COLUMN lead_value_amount bigint, ADD COLUMN lead_value_currency text',
    );
  }

  /**
   * Text search is `search_text LIKE '%…%'` over lower-cased text. A trigram
   * GIN index (pg_trgm, shipped with PostgreSQL and trusted since 13, so a
   * database owner may create it) serves such patterns; where the extension
   * cannot be created the search still works, by a scan, and a notice says so.
   * The exception block is a subtransaction: a refusal does not abort the migration.
   */
  private async textIndex(runner: QueryRunner): Promise<void> {
    await runner.query(`DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%): lead text search scans without an index', SQLERRM;
      END $$`);
    const rows = (await runner.query(
      `SELECT n.nspname AS schema FROM pg_extension e
       JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    )) as { schema: string }[];
    const schema = rows[0]?.schema;
    if (schema !== undefined) {
      const opclass = `"${schema.replace(/"/g, '""')}".gin_trgm_ops`;
      await runner.query(
        `CREATE INDEX lead_search_text ON lead_search USING gin (search_text ${opclass})`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE partner_view DROP COLUMN lead_value_currency, DROP COLUMN lead_value_amount',
    );
    await runner.query('DROP TABLE lead_search_history');
    await runner.query('DROP TABLE lead_search');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's view of partners, kept by RoutingPartnersHandler from
 * `leadrail.partners.v1`: one JSON record per partner (RoutingPartnerRecord)
 * and the lead types it buys, indexed, for "who buys this type".
 */
export class CreateRoutingPartners1764000001100 implements MigrationInterface {
  name = 'CreateRoutingPartners1764000001100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE routing_partners (
      partner_id  text        PRIMARY KEY,
      record      jsonb       NOT NULL,
      lead_types  text[]      NOT NULL DEFAULT '{}',
      updated_at  timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX routing_partners_by_lead_type ON routing_partners USING gin (lead_types)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_partners');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing's view of lead types, kept by RoutingLeadTypesHandler from the
 * lead-type catalogue on `leadrail.leads.v1`: how each type is routed. A type
 * without a row is routed by the default strategy (exclusive round-robin),
 * which is what every type defined before routing methods existed has.
 */
export class CreateRoutingLeadTypes1764000001150 implements MigrationInterface {
  name = 'CreateRoutingLeadTypes1764000001150';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE routing_lead_types (
      lead_type      text        PRIMARY KEY,
      routing_method text        NOT NULL,
      active         boolean     NOT NULL,
      last_event_id  text        NOT NULL,
      updated_at     timestamptz NOT NULL
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_lead_types');
  }
}

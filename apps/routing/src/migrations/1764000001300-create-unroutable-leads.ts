import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The leads routing may still place (UnroutableLeadsProjection, from the
 * routing streams): one row per lead whose latest decision found nobody,
 * until it is routed or abandoned. `check_after` says when the retry poller
 * looks at it next; a change that may help (partner settings, money in)
 * brings it forward.
 */
export class CreateUnroutableLeads1764000001300 implements MigrationInterface {
  name = 'CreateUnroutableLeads1764000001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE routing_unroutable_leads (
      lead_id           text        PRIMARY KEY,
      lead_type         text        NOT NULL,
      unroutable_since  timestamptz NOT NULL,
      last_decision_id  text        NOT NULL,
      correlation_id    text        NOT NULL,
      check_after       timestamptz NOT NULL,
      checks            integer     NOT NULL DEFAULT 0
    )`);
    await runner.query(
      'CREATE INDEX routing_unroutable_leads_due ON routing_unroutable_leads (check_after)',
    );
    await runner.query(
      'CREATE INDEX routing_unroutable_leads_by_type ON routing_unroutable_leads (lead_type)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE routing_unroutable_leads');
  }
}

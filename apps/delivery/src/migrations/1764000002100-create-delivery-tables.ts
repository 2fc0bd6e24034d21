import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery service's tables: its views of partners and leads (from
 * Kafka), the schedule of attempts due (claimed with SKIP LOCKED, so an
 * attempt due while the service was down happens once after it restarts),
 * and the attempt log (requests and responses as sent and received).
 */
export class CreateDeliveryTables1764000002100 implements MigrationInterface {
  name = 'CreateDeliveryTables1764000002100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE delivery_partners (
      partner_id  text        PRIMARY KEY,
      record      jsonb       NOT NULL,
      updated_at  timestamptz NOT NULL
    )`);
    await runner.query(`CREATE TABLE delivery_leads (
      lead_id     text        PRIMARY KEY,
      record      jsonb       NOT NULL,
      erased_at   timestamptz
    )`);
    await runner.query(`CREATE TABLE delivery_lead_values (
      lead_id     text        NOT NULL,
      partner_id  text        NOT NULL,
      amount      bigint      NOT NULL,
      currency    text        NOT NULL,
      PRIMARY KEY (lead_id, partner_id)
    )`);
    await runner.query(`CREATE TABLE delivery_schedule (
      delivery_id text        NOT NULL,
      channel     text        NOT NULL,
      lead_id     text        NOT NULL,
      partner_id  text        NOT NULL,
      attempt     integer     NOT NULL,
      due_at      timestamptz NOT NULL,
      -- The trigger's correlation id: the attempts' events carry the lead's flow on.
      correlation_id text     NOT NULL,
      -- Since when the attempt waits for the lead or its value (null: it does not wait).
      waiting_since timestamptz,
      PRIMARY KEY (delivery_id, channel)
    )`);
    await runner.query('CREATE INDEX delivery_schedule_due ON delivery_schedule (due_at)');
    await runner.query(`CREATE TABLE delivery_attempts (
      id           bigserial   PRIMARY KEY,
      delivery_id  text        NOT NULL,
      lead_id      text        NOT NULL,
      partner_id   text        NOT NULL,
      round        integer     NOT NULL,
      channel      text        NOT NULL,
      attempt      integer     NOT NULL,
      started_at   timestamptz NOT NULL,
      duration_ms  integer     NOT NULL,
      outcome      text        NOT NULL,
      matched      text,
      http_status  integer,
      reason       text,
      request      jsonb       NOT NULL,
      response     jsonb,
      UNIQUE (delivery_id, round, channel, attempt)
    )`);
    await runner.query(
      'CREATE INDEX delivery_attempts_by_lead ON delivery_attempts (lead_id, started_at)',
    );
    await runner.query(
      'CREATE INDEX delivery_attempts_by_partner ON delivery_attempts (partner_id, started_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE delivery_attempts, delivery_schedule, delivery_lead_values, delivery_leads, delivery_partners',
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications' tables: its views of partners and leads (kept from their
 * events through the inbox), the schedule of sends due, and the log of
 * notifications projected from its own events (reports read it).
 */
export class CreateNotificationTables1764000004100 implements MigrationInterface {
  name = 'CreateNotificationTables1764000004100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE notification_partners (
      partner_id  text        PRIMARY KEY,
      record      jsonb       NOT NULL,
      phone       text,
      updated_at  timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX notification_partners_phone ON notification_partners (phone)');
    await runner.query(`CREATE TABLE notification_leads (
      lead_id    text PRIMARY KEY,
      lead_type  text NOT NULL,
      area       text
    )`);
    // A send due: claimed with a lease (due_at moved on) so one worker sends at a time; started_at
    // says an earlier attempt may have reached the provider, which is then asked before sending again.
    await runner.query(`CREATE TABLE notification_schedule (
      notification_id  text        PRIMARY KEY,
      channel          text        NOT NULL,
      partner_id       text        NOT NULL,
      due_at           timestamptz NOT NULL,
      started_at       timestamptz,
      correlation_id   text        NOT NULL
    )`);
    await runner.query('CREATE INDEX notification_schedule_due ON notification_schedule (due_at)');
    await runner.query(`CREATE TABLE notification_log (
      notification_id  text        PRIMARY KEY,
      partner_id       text        NOT NULL,
      channel          text        NOT NULL,
      purpose          text        NOT NULL,
      cause_event_id   text        NOT NULL,
      outcome          text        NOT NULL,
      recipient        text,
      provider_id      text,
      provider_status  text,
      cost_amount      bigint,
      cost_currency    text,
      reason           text,
      attempts         integer     NOT NULL DEFAULT 0,
      updated_at       timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX notification_log_partner ON notification_log (partner_id, updated_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'notification_log',
      'notification_schedule',
      'notification_leads',
      'notification_partners',
    ]) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}

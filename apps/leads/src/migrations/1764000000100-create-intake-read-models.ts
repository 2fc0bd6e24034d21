import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read models of lead intake: every lead received, and each introducer's daily volume. */
export class CreateIntakeReadModels1764000000100 implements MigrationInterface {
  name = 'CreateIntakeReadModels1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE received_leads (
      lead_id            uuid        PRIMARY KEY,
      introducer_id      uuid        NOT NULL,
      lead_type          text        NOT NULL,
      external_reference text,
      received_at        timestamptz NOT NULL,
      event_id           uuid        NOT NULL,
      source             text        NOT NULL
    )`);
    await runner.query(`CREATE TABLE introducer_daily_intake (
      introducer_id uuid    NOT NULL,
      day           date    NOT NULL,
      leads         integer NOT NULL,
      PRIMARY KEY (introducer_id, day)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE introducer_daily_intake');
    await runner.query('DROP TABLE received_leads');
  }
}

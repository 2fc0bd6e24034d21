import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The partner directory (state as the domain folds it) and each partner's history. */
export class CreatePartnerReadModels1764000000200 implements MigrationInterface {
  name = 'CreatePartnerReadModels1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE partner_directory (
      partner_id  uuid        PRIMARY KEY,
      name        text        NOT NULL,
      status      text        NOT NULL,
      introducer  boolean     NOT NULL,
      partner     boolean     NOT NULL,
      paused      boolean     NOT NULL,
      currency    text        NOT NULL,
      revision    bigint      NOT NULL,
      state       jsonb       NOT NULL,
      updated_at  timestamptz NOT NULL
    )`);
    await runner.query('CREATE INDEX partner_directory_name ON partner_directory (lower(name))');
    await runner.query(`CREATE TABLE partner_history (
      partner_id  uuid        NOT NULL,
      revision    bigint      NOT NULL,
      event_id    uuid        NOT NULL,
      type        text        NOT NULL,
      data        jsonb       NOT NULL,
      actor       jsonb       NOT NULL,
      reason      text,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (partner_id, revision)
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partner_history');
    await runner.query('DROP TABLE partner_directory');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introducer API keys as intake authenticates them: looked up by key id, the
 * secret only as its SHA-256 (hex). Kept by IntroducerApiKeysProjection, and
 * written through by the operator endpoints so a key works the moment it is issued.
 */
export class CreateIntroducerApiKeys1764000000400 implements MigrationInterface {
  name = 'CreateIntroducerApiKeys1764000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE introducer_api_keys (
      key_id         text        PRIMARY KEY,
      introducer_id  uuid        NOT NULL,
      secret_hash    text        NOT NULL,
      display_prefix text        NOT NULL,
      label          text        NOT NULL,
      issued_at      timestamptz NOT NULL,
      revoked_at     timestamptz
    )`);
    await runner.query(
      'CREATE INDEX introducer_api_keys_by_introducer ON introducer_api_keys (introducer_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE introducer_api_keys');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portal credentials live here and only here: never in events (the log is
 * replicated and replayed), never in logs or responses.
 */
export class CreatePortalCredentials1764000000300 implements MigrationInterface {
  name = 'CreatePortalCredentials1764000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE portal_credentials (
      partner_id               uuid        PRIMARY KEY,
      email                    text        NOT NULL UNIQUE,
      password_hash            text,
      invitation_token_sha256  text,
      created_at               timestamptz NOT NULL DEFAULT now(),
      CHECK ((password_hash IS NULL) <> (invitation_token_sha256 IS NULL))
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portal_credentials');
  }
}

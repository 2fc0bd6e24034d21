import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What portal sessions need to be shared by every partners instance: signed-out
 * sessions until their tokens expire, and failed sign-ins per email and per
 * client address (the lockout). Neither is an event: both are short-lived
 * security state, not partner history.
 */
export class CreatePortalSessions1764000000350 implements MigrationInterface {
  name = 'CreatePortalSessions1764000000350';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE portal_session_revocations (
      session_id  uuid        PRIMARY KEY,
      expires_at  timestamptz NOT NULL
    )`);
    await runner.query(
      'CREATE INDEX portal_session_revocations_expiry ON portal_session_revocations (expires_at)',
    );
    await runner.query(`CREATE TABLE portal_sign_in_failures (
      subject          text        PRIMARY KEY,
      failures         integer     NOT NULL,
      last_failure_at  timestamptz,
      locked_until     timestamptz
    )`);
    await runner.query(
      'CREATE INDEX portal_sign_in_failures_last ON portal_sign_in_failures (last_failure_at)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portal_sign_in_failures');
    await runner.query('DROP TABLE portal_session_revocations');
  }
}

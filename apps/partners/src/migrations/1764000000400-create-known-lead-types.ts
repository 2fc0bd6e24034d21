import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lead types the leads service announced (`known_lead_types`), and what
 * partners buy in the directory's folded state: partners folded before these
 * settings existed get the values their stream implies (nothing bought,
 * priority 50), as a rebuild of the directory would give them.
 */
export class CreateKnownLeadTypes1764000000400 implements MigrationInterface {
  name = 'CreateKnownLeadTypes1764000000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE known_lead_types (
      slug       text        PRIMARY KEY,
      name       text        NOT NULL,
      active     boolean     NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
    await runner.query(`UPDATE partner_directory
      SET state = jsonb_set(
        jsonb_set(state, '{settings,leadTypesBought}', '[]'::jsonb),
        '{settings,selectionPriority}', '50'::jsonb)
      WHERE NOT (state->'settings' ? 'leadTypesBought')`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE partner_directory
      SET state = jsonb_set(state, '{settings}',
        (state->'settings') - 'leadTypesBought' - 'selectionPriority')`);
    await runner.query('DROP TABLE known_lead_types');
  }
}

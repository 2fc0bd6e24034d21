import type { DataSource, EntityManager } from 'typeorm';

/** Start of the log: positions are never negative. */
export const BEGINNING = -1n;

/**
 * Checkpoints live in the read model's own schema, so the read model and the
 * position it reflects change in one transaction.
 */
export class CheckpointStore {
  private readonly table: string;

  constructor(schema: string) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`"${schema}" is not a lower-case SQL identifier`);
    }
    this.table = `"${schema}".projection_checkpoints`;
  }

  /** Idempotent, and safe when several runners start at once (CREATE TABLE IF NOT EXISTS alone races). */
  async ensureTable(dataSource: DataSource): Promise<void> {
    await dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      await manager.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        name       text        PRIMARY KEY,
        position   bigint      NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    });
  }

  async read(manager: EntityManager, name: string): Promise<bigint> {
    const rows = await manager.query<{ position: string }[]>(
      `SELECT position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return rows[0] ? BigInt(rows[0].position) : BEGINNING;
  }

  /**
   * Locks the checkpoint row for the rest of the transaction and returns its
   * position: a second runner of the same projection waits here, then sees
   * that the checkpoint moved and must not apply its batch.
   */
  async lock(manager: EntityManager, name: string): Promise<bigint> {
    await manager.query(
      `INSERT INTO ${this.table} (name, position) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
      [name, BEGINNING.toString()],
    );
    const rows = await manager.query<{ position: string }[]>(
      `SELECT position FROM ${this.table} WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return BigInt(rows[0]!.position);
  }

  async write(manager: EntityManager, name: string, position: bigint): Promise<void> {
    await manager.query(
      `UPDATE ${this.table} SET position = $2, updated_at = now() WHERE name = $1`,
      [name, position.toString()],
    );
  }
}

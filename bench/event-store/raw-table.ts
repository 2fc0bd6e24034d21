import type { NewEvent } from '@leadrail/event-store';
import { Pool } from 'pg';

const COLUMNS = 'position, transaction_id, event_id, stream_name, revision, type, data, metadata';

/**
 * The raw baseline: plain INSERTs into a table of the events table's shape
 * (its columns, defaults and indexes), through the same client library with
 * the same pool size, each one its own transaction as an append is. Values
 * come from the client (positions and revisions from a counter); each
 * statement is prepared once per connection, as the store's are. What the
 * store does beyond this (reading the stream's revision, checking ids and the
 * expected revision, its function call, validation in Node) is its cost.
 */
export class RawTable {
  private readonly pool: Pool;
  private next = 1;

  private constructor(url: string, poolSize: number) {
    this.pool = new Pool({ connectionString: url, max: poolSize });
    this.pool.on('error', () => undefined);
  }

  /** Creates `raw_events` like `source` (a table name), empty. */
  static async create(url: string, source: string, poolSize: number): Promise<RawTable> {
    const table = new RawTable(url, poolSize);
    await table.pool.query(
      `DROP TABLE IF EXISTS raw_events; CREATE TABLE raw_events (LIKE ${source} INCLUDING ALL)`,
    );
    return table;
  }

  /** One single-row INSERT; returns 1. */
  async insertOne(stream: string, event: NewEvent): Promise<number> {
    const n = this.next++;
    await this.pool.query({
      name: 'raw-insert-1',
      text: `INSERT INTO raw_events (${COLUMNS}) VALUES ($1, pg_current_xact_id(), $2, $3, $4, $5, $6, $7)`,
      values: [
        n,
        event.id,
        stream,
        n,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      ],
    });
    return 1;
  }

  /** One multi-row INSERT … VALUES of all `events`; returns how many. */
  async insertBatch(stream: string, events: readonly NewEvent[]): Promise<number> {
    const rows: string[] = [];
    const values: unknown[] = [];
    for (const event of events) {
      const n = this.next++;
      const p = values.length;
      rows.push(
        `($${p + 1}, pg_current_xact_id(), $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`,
      );
      values.push(
        n,
        event.id,
        stream,
        n,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
      );
    }
    await this.pool.query({
      name: `raw-insert-${events.length}`,
      text: `INSERT INTO raw_events (${COLUMNS}) VALUES ${rows.join(', ')}`,
      values,
    });
    return events.length;
  }

  /** Reads the whole table in position order, `pageSize` rows per SELECT; returns the rows read. */
  async readAll(pageSize: number): Promise<number> {
    let after = '0';
    let read = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ position: string }>({
        name: 'raw-read-page',
        text: `SELECT position, event_id, stream_name, revision, type, data, metadata, recorded_at
                 FROM raw_events WHERE position > $1 ORDER BY position LIMIT $2`,
        values: [after, pageSize],
      });
      if (rows.length === 0) {
        return read;
      }
      read += rows.length;
      after = rows.at(-1)!.position;
    }
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>('SELECT count(*) FROM raw_events');
    return Number(rows[0]!.count);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

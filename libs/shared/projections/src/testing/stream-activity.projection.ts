import type { RecordedEvent } from '@leadrail/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import type { Projection } from '../projection';

/** 2^61 - 1: keeps the running checksum inside a bigint. */
const MODULUS = 2305843009213693951n;

/**
 * A test read model that notices any lost, repeated or reordered event: per
 * stream, a count and an order-sensitive checksum of the revisions applied.
 */
export class StreamActivityProjection implements Projection {
  readonly name = 'stream-activity';

  constructor(
    private readonly schema: string,
    readonly filter?: Projection['filter'],
  ) {}

  async createTables(dataSource: DataSource): Promise<void> {
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
    await dataSource.query(`CREATE TABLE IF NOT EXISTS "${this.schema}".stream_activity (
      stream_name   text    PRIMARY KEY,
      events        integer NOT NULL,
      last_revision bigint  NOT NULL,
      last_type     text    NOT NULL,
      checksum      numeric NOT NULL
    )`);
  }

  async apply(event: RecordedEvent, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO "${this.schema}".stream_activity AS a (stream_name, events, last_revision, last_type, checksum)
       VALUES ($1, 1, $2::bigint, $3, $2::numeric)
       ON CONFLICT (stream_name) DO UPDATE SET
         events = a.events + 1,
         last_revision = EXCLUDED.last_revision,
         last_type = EXCLUDED.last_type,
         checksum = mod(a.checksum * 1000003 + EXCLUDED.last_revision, $4::numeric)`,
      [event.streamName, event.revision.toString(), event.type, MODULUS.toString()],
    );
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query(`TRUNCATE "${this.schema}".stream_activity`);
  }

  async rows(dataSource: DataSource): Promise<unknown[]> {
    return dataSource.query(`SELECT * FROM "${this.schema}".stream_activity ORDER BY stream_name`);
  }
}

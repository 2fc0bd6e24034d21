import {
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeOptions,
  assertAppendable,
} from '@leadrail/event-store';
import { Pool, type PoolConfig } from 'pg';
import { AppendNotifications } from './append-notifications';
import { toAppendError } from './append-errors';
import { readGlobalLogPage } from './global-log-page';
import { PostgresSubscription } from './postgres-subscription';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './row-mapping';
import { eventStoreSchemaSql, notifyChannel, quoteIdentifier } from './schema.sql';

/** Positions are never negative: reading after this starts at the beginning. */
const BEGINNING = -1n;
/** Rows scanned per query of the global log. */
const SCAN_PAGE = 2_000;

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Schema of the log's tables; default `event_store`. */
  schema?: string;
  pool?: Omit<PoolConfig, 'connectionString'>;
}

/** The event log in PostgreSQL (see schema.sql.ts for how positions never skip). */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly table: string;
  private readonly notifications: AppendNotifications;
  private closing?: Promise<void>;

  private constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'event_store';
    this.table = `${quoteIdentifier(this.schema)}.events`;
    this.pool = new Pool({ max: 10, ...options.pool, connectionString: options.connectionString });
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener the pool's 'error' event would crash the process.
    this.pool.on('error', () => undefined);
    this.notifications = new AppendNotifications(
      { connectionString: options.connectionString },
      notifyChannel(this.schema),
    );
  }

  /** Connects and creates or updates the schema (safe to run from many processes at once). */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    await store.migrate();
    return store;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    // Before anything is sent: JSON that jsonb would refuse or change is refused as the port says.
    assertAppendable(streamName, events);
    const expected = options.expectedRevision ?? 'any';
    try {
      const { rows } = await this.pool.query<{ next_revision: string; last_position: string }>(
        `SELECT next_revision, last_position FROM ${quoteIdentifier(this.schema)}.append_to_stream($1, $2, $3, $4, $5, $6)`,
        [
          streamName,
          expected.toString(),
          events.map((event) => event.id),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ],
      );
      const row = rows[0]!;
      return {
        nextExpectedRevision: BigInt(row.next_revision),
        position: BigInt(row.last_position),
      };
    } catch (error) {
      throw toAppendError(
        error,
        streamName,
        expected,
        events.map((event) => event.id),
      );
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table}
        WHERE stream_name = $1 AND revision ${backwards ? '<=' : '>='} $2
        ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
      [streamName, from.toString(), options.maxCount ?? null],
    );
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamName: string): Promise<bigint | undefined> {
    const { rows } = await this.pool.query<{ revision: string }>(
      `SELECT revision FROM ${quoteIdentifier(this.schema)}.streams WHERE stream_name = $1 AND revision >= 0`,
      [streamName],
    );
    return rows[0] ? BigInt(rows[0].revision) : undefined;
  }

  /**
   * Only events of transactions below the oldest one still running are read:
   * nothing can later commit behind the last position returned.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after = options.after ?? BEGINNING;
    while (events.length < wanted) {
      const page = await readGlobalLogPage(this.pool, this.table, after, SCAN_PAGE, options.filter);
      events.push(...page.events.slice(0, wanted - events.length));
      if (page.scannedTo === undefined || page.scanned < SCAN_PAGE) {
        break;
      }
      after = page.scannedTo;
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    return new PostgresSubscription(
      (after) => readGlobalLogPage(this.pool, this.table, after, SCAN_PAGE, options.filter),
      this.notifications,
      options.after ?? BEGINNING,
    );
  }

  /** Idempotent: every call waits for the same shutdown. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.notifications.close();
      await this.pool.end();
    })();
    return this.closing;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Concurrent start-ups must not race on DDL.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `leadrail-event-store:${this.schema}`,
      ]);
      await client.query(eventStoreSchemaSql(this.schema));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

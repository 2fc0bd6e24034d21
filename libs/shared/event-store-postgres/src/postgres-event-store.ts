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
import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, type PoolConfig } from 'pg';
import { AppendNotifications } from './append-notifications';
import { AppendNotifier } from './append-notifier';
import {
  MAX_APPEND_ATTEMPTS,
  isAppendRetryable,
  retriesExhausted,
  toAppendError,
} from './append-errors';
import { readGlobalLogPage } from './global-log-page';
import { PostgresSubscription } from './postgres-subscription';
import { prepared } from './prepared';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './row-mapping';
import { appendFastSql, eventStoreSchemaSql, notifyChannel, quoteIdentifier } from './schema.sql';

/** Positions are never negative: reading after this starts at the beginning. */
const BEGINNING = -1n;
/** Rows scanned per query of the global log. */
const SCAN_PAGE = 2_000;
const UNIQUE_VIOLATION = '23505';

interface AppendRow {
  next_revision: string;
  last_position: string;
}

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
  private readonly notifier: AppendNotifier;
  private readonly appendOneSql: string;
  private readonly appendManySql: string;
  private readonly appendEventsSql: string;
  private closing?: Promise<void>;

  private constructor(options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'event_store';
    const schema = quoteIdentifier(this.schema);
    this.table = `${schema}.events`;
    this.appendOneSql = appendFastSql(this.schema, 'one');
    this.appendManySql = appendFastSql(this.schema, 'many');
    this.appendEventsSql = `SELECT next_revision, last_position FROM ${schema}.append_events($1, $2, $3)`;
    this.pool = new Pool({ max: 10, ...options.pool, connectionString: options.connectionString });
    // An idle connection dropped by the server (restart, failover) is replaced on next use;
    // without a listener the pool's 'error' event would crash the process.
    this.pool.on('error', () => undefined);
    // This store's subscriptions are woken by its appends directly, other processes' by NOTIFY.
    const instance = randomUUID();
    this.notifications = new AppendNotifications(
      { connectionString: options.connectionString },
      notifyChannel(this.schema),
      instance,
    );
    this.notifier = new AppendNotifier(
      { connectionString: options.connectionString },
      notifyChannel(this.schema),
      instance,
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
    for (let attempt = 1; ; attempt++) {
      try {
        const row = await this.appendOnce(streamName, expected.toString(), events);
        this.notifications.wake();
        this.notifier.appended();
        return {
          nextExpectedRevision: BigInt(row.next_revision),
          position: BigInt(row.last_position),
        };
      } catch (error) {
        // Another writer of the stream got in between (an 'any' append lost the race for
        // its revision), or a deadlock on event ids: a new transaction sees the winner.
        if (isAppendRetryable(error)) {
          if (attempt < MAX_APPEND_ATTEMPTS) {
            continue;
          }
          throw retriesExhausted(error, streamName, expected, attempt);
        }
        throw toAppendError(
          error,
          streamName,
          expected,
          events.map((event) => event.id),
        );
      }
    }
  }

  /**
   * One plain INSERT (one round trip, one transaction) when nothing stands in
   * the way; otherwise append_events, in a new transaction, decides (a repeat
   * is answered, a conflict raised, a stream that only moved appended to).
   */
  private async appendOnce(
    streamName: string,
    expected: string,
    events: readonly NewEvent[],
  ): Promise<AppendRow> {
    try {
      if (events.length === 1) {
        const event = events[0]!;
        const { rows } = await this.pool.query<AppendRow>(
          prepared(this.appendOneSql, [
            streamName,
            expected,
            event.id,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          ]),
        );
        if (rows.length === 1) {
          return rows[0]!;
        }
      } else {
        const { rows } = await this.pool.query<AppendRow & { written: string }>(
          prepared(this.appendManySql, [streamName, expected, eventsJson(events)]),
        );
        if (Number(rows[0]!.written) === events.length) {
          return rows[0]!;
        }
      }
    } catch (error) {
      if (!(error instanceof DatabaseError && error.code === UNIQUE_VIOLATION)) {
        throw error;
      }
    }
    const { rows } = await this.pool.query<AppendRow>(
      prepared(this.appendEventsSql, [streamName, expected, eventsJson(events)]),
    );
    return rows[0]!;
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    const { rows } = await this.pool.query<EventRow>(
      prepared(
        `SELECT ${EVENT_COLUMNS} FROM ${this.table}
          WHERE stream_name = $1 AND revision ${backwards ? '<=' : '>='} $2
          ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [streamName, from.toString(), options.maxCount ?? null],
      ),
    );
    return rows.map(toRecordedEvent);
  }

  async streamRevision(streamName: string): Promise<bigint | undefined> {
    const { rows } = await this.pool.query<{ revision: string | null }>(
      prepared(`SELECT max(revision) AS revision FROM ${this.table} WHERE stream_name = $1`, [
        streamName,
      ]),
    );
    const revision = rows[0]?.revision;
    return revision === null || revision === undefined ? undefined : BigInt(revision);
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
      await this.notifier.close();
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

/** An append's events as append_events and the fast path take them: one JSON array. */
function eventsJson(events: readonly NewEvent[]): string {
  return JSON.stringify(
    events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
  );
}

import { randomUUID } from 'node:crypto';
import { IdempotencyConflictError } from '@leadrail/event-store';
import { someEvents } from '@leadrail/event-store/testing';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

/**
 * What the contract suite does not see of the PostgreSQL adapter's appends:
 * the slow paths behind the one-statement fast path (a stream that moved, a
 * deadlock on ids, several appends in one transaction), and the upgrade from
 * the schema that locked a row per stream.
 */
describe('PostgresEventStore appends', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let admin: Client;

  beforeAll(async () => {
    database = await createTestDatabase('event-store-append-paths');
    store = await PostgresEventStore.open({ connectionString: database.url });
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await store?.close();
    await database?.drop();
  });

  it("'any' appends racing for one stream: each recorded once, revisions without gaps, positions in revision order", async () => {
    const stream = `race-${randomUUID().slice(0, 8)}`;
    const written = await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        const ids: string[] = [];
        for (let i = 0; i < 15; i++) {
          const events = someEvents(1 + (i % 3), `Writer${writer}`);
          await store.appendToStream(stream, events, { expectedRevision: 'any' });
          ids.push(...events.map((event) => event.id));
        }
        return ids;
      }),
    );
    const read = await store.readStream(stream);
    expect(read.map((event) => event.id).sort()).toEqual(written.flat().sort());
    expect(read.map((event) => event.revision)).toEqual(read.map((_, index) => BigInt(index)));
    // A subscriber of the global log meets the stream's events in revision order.
    const positions = read.map((event) => event.position);
    expect(positions.every((position, i) => i === 0 || positions[i - 1]! < position)).toBe(true);
    expect(
      (await store.readAll({ filter: { streamNamePrefixes: [stream] } })).map((e) => e.id),
    ).toEqual(read.map((event) => event.id));
  }, 60_000);

  it('batches naming the same ids in opposite orders: one is recorded, the other refused', async () => {
    for (let round = 0; round < 10; round++) {
      const prefix = `cross-${randomUUID().slice(0, 8)}`;
      const events = someEvents(50);
      const outcomes = await Promise.allSettled([
        store.appendToStream(`${prefix}-a`, events),
        store.appendToStream(`${prefix}-b`, [...events].reverse()),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(IdempotencyConflictError);
      const recorded = [
        ...(await store.readStream(`${prefix}-a`)),
        ...(await store.readStream(`${prefix}-b`)),
      ];
      expect(recorded).toHaveLength(50);
    }
  }, 60_000);

  it('appends in one transaction (through SQL) take consecutive positions, and a repeat there answers the first', async () => {
    const prefix = `tx-${randomUUID().slice(0, 8)}`;
    const first = someEvents(2);
    const append = async (stream: string, events: unknown[], expected = 'any') => {
      const { rows } = await admin.query<{ next_revision: string; last_position: string }>(
        'SELECT * FROM event_store.append_events($1, $2, $3)',
        [stream, expected, JSON.stringify(events)],
      );
      return rows[0]!;
    };
    await admin.query('BEGIN');
    try {
      const a = await append(`${prefix}-a`, first, 'no_stream');
      const b = await append(`${prefix}-b`, someEvents(3));
      const c = await append(`${prefix}-a`, someEvents(1), '1');
      const again = await append(`${prefix}-a`, first, 'no_stream');
      await admin.query('COMMIT');
      expect(again).toEqual(a);
      expect([a, b, c].map((row) => BigInt(row.last_position) & 0xfffffn)).toEqual([1n, 4n, 5n]);
      expect(c.next_revision).toBe('2');
    } catch (error) {
      await admin.query('ROLLBACK');
      throw error;
    }
    const read = await store.readAll({ filter: { streamNamePrefixes: [`${prefix}-`] } });
    expect(read.map((event) => event.position & 0xfffffn)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
  });

  it('opens over the previous schema (a locked row per stream): drops it, and appends go on at the right revisions', async () => {
    const old = await createTestDatabase('event-store-upgrade');
    const client = new Client({ connectionString: old.url });
    await client.connect();
    try {
      const first = await PostgresEventStore.open({ connectionString: old.url });
      await first.appendToStream('partner-1', someEvents(2));
      await first.close();
      // What the previous version left beside the log.
      await client.query(`
        CREATE TABLE event_store.streams (stream_name text PRIMARY KEY, revision bigint NOT NULL);
        INSERT INTO event_store.streams VALUES ('partner-1', 1);
        CREATE FUNCTION event_store.append_to_stream(text, text, uuid[], text[], jsonb[], jsonb[])
          RETURNS TABLE (next_revision bigint, last_position bigint) LANGUAGE sql AS 'SELECT 0::bigint, 0::bigint';
      `);

      const upgraded = await PostgresEventStore.open({ connectionString: old.url });
      try {
        const { rows } = await client.query<{ streams: string | null; fn: string | null }>(
          `SELECT to_regclass('event_store.streams')::text AS streams,
                  to_regprocedure('event_store.append_to_stream(text, text, uuid[], text[], jsonb[], jsonb[])')::text AS fn`,
        );
        expect(rows[0]).toEqual({ streams: null, fn: null });
        expect(await upgraded.streamRevision('partner-1')).toBe(1n);
        const result = await upgraded.appendToStream('partner-1', someEvents(1), {
          expectedRevision: 1n,
        });
        expect(result.nextExpectedRevision).toBe(2n);
      } finally {
        await upgraded.close();
      }
    } finally {
      await client.end();
      await old.drop();
    }
  });
});

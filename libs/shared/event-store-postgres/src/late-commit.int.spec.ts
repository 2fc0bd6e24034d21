import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@leadrail/event-store';
import { collect, someEvents } from '@leadrail/event-store/testing';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { Client } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The sequence-gap problem: a transaction that took its place in the log
 * earlier but commits later must still reach every subscriber, even one that
 * has already been given events that committed before it.
 */
describe('PostgresEventStore with late-committing transactions', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const openClients: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('event-store-late-commit');
    store = await PostgresEventStore.open({ connectionString: database.url });
  });

  afterAll(async () => {
    await Promise.all(openClients.map((client) => client.end().catch(() => undefined)));
    await store?.close();
    await database?.drop();
  });

  /** A writer whose transaction stays open until the test commits it. */
  async function openTransaction(): Promise<Client> {
    const client = new Client({ connectionString: database.url });
    openClients.push(client);
    await client.connect();
    await client.query('BEGIN');
    // Taking the transaction id now fixes this writer's place in the log before the others'.
    await client.query('SELECT pg_current_xact_id()');
    return client;
  }

  async function appendInside(client: Client, stream: string, events: NewEvent[]): Promise<void> {
    await client.query('SELECT * FROM event_store.append_events($1, $2, $3)', [
      stream,
      'any',
      JSON.stringify(events),
    ]);
  }

  it('holds back events committed after an open transaction began, then delivers all of them in order', async () => {
    const prefix = `late${randomUUID().slice(0, 8)}`;
    const filter = { streamNamePrefixes: [`${prefix}-`] };
    const subscription = store.subscribeToAll({ filter });
    try {
      const early = await openTransaction();
      await store.appendToStream(`${prefix}-b`, someEvents(2));
      await store.appendToStream(`${prefix}-c`, someEvents(1));

      // Committed, yet invisible to readers of the log: the open transaction may still commit before them.
      expect(await store.readAll({ filter })).toEqual([]);
      expect(await store.readStream(`${prefix}-b`)).toHaveLength(2);

      await appendInside(early, `${prefix}-a`, someEvents(1));
      await early.query('COMMIT');

      const delivered = await collect(subscription, 4);
      expect(delivered.map((event) => event.streamName.slice(prefix.length + 1))).toEqual([
        'a',
        'b',
        'b',
        'c',
      ]);
      expect(await store.readAll({ filter })).toEqual(delivered);
    } finally {
      await subscription.unsubscribe();
    }
  });

  it('with 8 transactions held open and committed in shuffled order, delivers every event exactly once, in position order', async () => {
    const prefix = `shuffle${randomUUID().slice(0, 8)}`;
    const filter = { streamNamePrefixes: [`${prefix}-`] };
    const subscription = store.subscribeToAll({ filter });
    try {
      const writers: Client[] = [];
      for (let index = 0; index < 8; index++) {
        writers.push(await openTransaction());
      }
      const written: string[] = [];
      for (const [index, writer] of writers.entries()) {
        const events = someEvents(3, `Writer${index}`);
        written.push(...events.map((event) => event.id));
        await appendInside(writer, `${prefix}-${index}`, events);
      }
      // Interleave committed appends from outside, while the subscriber is reading.
      const outside = someEvents(2, 'Outside');
      written.push(...outside.map((event) => event.id));
      const order = [5, 2, 7, 0, 3, 6, 1, 4];
      for (const [step, index] of order.entries()) {
        await writers[index]!.query('COMMIT');
        if (step === 3) {
          await store.appendToStream(`${prefix}-outside`, outside);
        }
      }

      const delivered = await collect(subscription, written.length);
      expect(delivered.map((event) => event.id).sort()).toEqual([...written].sort());
      const positions = delivered.map((event) => event.position);
      expect(positions.every((position, i) => i === 0 || positions[i - 1]! < position)).toBe(true);
      // Writers that began first come first, whatever order they committed in.
      expect(delivered.slice(0, 24).map((event) => event.type)).toEqual(
        Array.from({ length: 8 }, (_, index) => Array<string>(3).fill(`Writer${index}`)).flat(),
      );
    } finally {
      await subscription.unsubscribe();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import { type Aggregate, eventTypeGuard } from './aggregate';
import { commandHandler } from './command-handler';
import { derivedEventId } from './ids';
import type { EventStore } from './event-store';
import {
  ConcurrencyRetriesExhaustedError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
} from './errors';
import { fixedMetadata } from './testing/event-fixtures';

/** A capped counter: the shape of a daily lead limit. */
type Command = { type: 'Reserve'; data: { capacity: number } };
type Event = { type: 'Reserved'; data: { seat: number } };
type State = { taken: number };

class CapacityReachedError extends Error {}

const seats: Aggregate<Command, Event, State> = {
  streamName: (id) => `seats-${id}`,
  isEvent: eventTypeGuard<Event>(['Reserved']),
  initialState: () => ({ taken: 0 }),
  decide: (command, state) => {
    if (state.taken >= command.data.capacity) {
      throw new CapacityReachedError(`all ${command.data.capacity} seats are taken`);
    }
    return [{ type: 'Reserved', data: { seat: state.taken + 1 } }];
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'Reserved':
        return { taken: event.data.seat };
    }
  },
};

describe(commandHandler.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase('handle-command');
    store = await PostgresEventStore.open({ connectionString: database.url });
  });

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const reserve = (
    id: string,
    capacity: number,
    extra: { expectedRevision?: bigint | 'no_stream'; maxAttempts?: number } = {},
  ) =>
    commandHandler(store, seats, { maxAttempts: extra.maxAttempts }).handle(
      id,
      { type: 'Reserve', data: { capacity } },
      { metadata: fixedMetadata, expectedRevision: extra.expectedRevision },
    );

  it('folds the stream, decides and appends, returning the new state and revision', async () => {
    const id = randomUUID();
    await reserve(id, 3);
    const second = await reserve(id, 3);
    expect(second.state).toEqual({ taken: 2 });
    expect(second.revision).toBe(1n);
    expect(second.events[0]).toMatchObject({
      type: 'Reserved',
      data: { seat: 2 },
      metadata: fixedMetadata,
    });
  });

  it('never exceeds the cap when 20 commands race for 10 seats', async () => {
    const id = randomUUID();
    const stream = seats.streamName(id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserve(id, 10, { maxAttempts: 50 })),
    );
    const rejected = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
    expect(rejected.every((outcome) => outcome.reason instanceof CapacityReachedError)).toBe(true);
    const recorded = await store.readStream(stream);
    expect(recorded.map((event) => (event.data as { seat: number }).seat)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('refuses without retrying when the caller saw an older revision (If-Match)', async () => {
    const id = randomUUID();
    await reserve(id, 5);
    await reserve(id, 5);
    await expect(reserve(id, 5, { expectedRevision: 0n })).rejects.toMatchObject({
      expected: 0n,
      actual: 1n,
    });
    await expect(reserve(id, 5, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect((await reserve(id, 5, { expectedRevision: 1n })).revision).toBe(2n);
  });

  it('gives up after the allowed attempts when another writer keeps winning the race', async () => {
    const id = randomUUID();
    const stream = seats.streamName(id);
    // Every time the command has read the stream, another writer appends to it first.
    const contested: EventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: async (name: string) => {
        const history = await store.readStream(name);
        await store.appendToStream(name, [
          {
            id: randomUUID(),
            type: 'Reserved',
            data: { seat: history.length + 1 },
            metadata: fixedMetadata,
          },
        ]);
        return history;
      },
    });
    const waits: number[] = [];
    const attempt = commandHandler(contested, seats, {
      maxAttempts: 3,
      random: () => 1,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    }).handle(id, { type: 'Reserve', data: { capacity: 100 } }, { metadata: fixedMetadata });
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    await expect(attempt).rejects.toMatchObject({ attempts: 3, streamName: stream });
    expect(await store.readStream(stream)).toHaveLength(3);
    // Backing off between attempts: 10 ms, then 20 ms (at the top of their jitter here).
    expect(waits).toEqual([10, 20]);
  });

  it('appends nothing new when a redelivered cause derives the same event ids', async () => {
    const id = randomUUID();
    const handler = commandHandler(store, seats);
    const cause = randomUUID();
    const fromCause = {
      metadata: fixedMetadata,
      eventId: (index: number) => derivedEventId(cause, index),
    };
    const first = await handler.handle(id, { type: 'Reserve', data: { capacity: 5 } }, fromCause);
    // The same cause again, after a crash before its offset was committed.
    const again = await handler.handle(id, { type: 'Reserve', data: { capacity: 5 } }, fromCause);

    expect(first.revision).toBe(0n);
    expect(again).toMatchObject({ events: [], revision: 0n, state: { taken: 1 } });
    expect(await store.readStream(seats.streamName(id))).toHaveLength(1);
  });

  it('refuses to load a stream holding an event type its aggregate does not know', async () => {
    const id = randomUUID();
    await store.appendToStream(seats.streamName(id), [
      { id: randomUUID(), type: 'SeatsRenamed', data: {}, metadata: fixedMetadata },
    ]);

    await expect(commandHandler(store, seats).load(id)).rejects.toBeInstanceOf(
      UnknownEventTypeError,
    );
  });
});

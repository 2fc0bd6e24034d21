import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@leadrail/event-store-postgres';
import { type TestDatabase, createTestDatabase } from '@leadrail/testing';
import type { Decider } from './decider';
import type { EventStore } from './event-store';
import { ConcurrencyRetriesExhaustedError, WrongExpectedRevisionError } from './errors';
import { handleCommand } from './handle-command';
import { fixedMetadata } from './testing/event-fixtures';

/** A capped counter: the shape of a daily lead limit. */
type Command = { type: 'Reserve'; data: { capacity: number } };
type Event = { type: 'Reserved'; data: { seat: number } };
type State = { taken: number };

class CapacityReachedError extends Error {}

const seats: Decider<Command, Event, State> = {
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

describe(handleCommand.name, () => {
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
    stream: string,
    capacity: number,
    extra: { expectedRevision?: bigint | 'no_stream'; maxAttempts?: number } = {},
  ) =>
    handleCommand(
      store,
      stream,
      seats,
      { type: 'Reserve', data: { capacity } },
      { metadata: fixedMetadata, ...extra },
    );

  it('folds the stream, decides and appends, returning the new state and revision', async () => {
    const stream = `seats-${randomUUID()}`;
    await reserve(stream, 3);
    const second = await reserve(stream, 3);
    expect(second.state).toEqual({ taken: 2 });
    expect(second.revision).toBe(1n);
    expect(second.events[0]).toMatchObject({
      type: 'Reserved',
      data: { seat: 2 },
      metadata: fixedMetadata,
    });
  });

  it('never exceeds the cap when 20 commands race for 10 seats', async () => {
    const stream = `seats-${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => reserve(stream, 10, { maxAttempts: 50 })),
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
    const stream = `seats-${randomUUID()}`;
    await reserve(stream, 5);
    await reserve(stream, 5);
    await expect(reserve(stream, 5, { expectedRevision: 0n })).rejects.toMatchObject({
      expected: 0n,
      actual: 1n,
    });
    await expect(reserve(stream, 5, { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect((await reserve(stream, 5, { expectedRevision: 1n })).revision).toBe(2n);
  });

  it('gives up after the allowed attempts when another writer keeps winning the race', async () => {
    const stream = `seats-${randomUUID()}`;
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
    const attempt = handleCommand(
      contested,
      stream,
      seats,
      { type: 'Reserve', data: { capacity: 100 } },
      { metadata: fixedMetadata, maxAttempts: 3 },
    );
    await expect(attempt).rejects.toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    await expect(attempt).rejects.toMatchObject({ attempts: 3, streamName: stream });
    expect(await store.readStream(stream)).toHaveLength(3);
  });
});

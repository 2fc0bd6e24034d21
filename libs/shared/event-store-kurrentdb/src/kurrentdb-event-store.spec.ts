import { IdempotencyConflictError } from '@leadrail/event-store';
import {
  collect,
  describeEventStoreContract,
  someEvents,
  uniquePrefix,
} from '@leadrail/event-store/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { FakeKurrentDbClient } from './testing/fake-kurrentdb-client';

// The adapter's own logic (mapping, paging, filters, idempotency, subscriptions)
// against a stand-in for the client; kurrentdb-event-store.int.spec.ts runs the
// same contract against a real server.
describeEventStoreContract('KurrentDB adapter over a fake client', {
  create: () => Promise.resolve(new KurrentDbEventStore(new FakeKurrentDbClient())),
  destroy: (store) => store.close(),
});

describe('KurrentDbEventStore over a fake client', () => {
  let client: FakeKurrentDbClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    client = new FakeKurrentDbClient();
    store = new KurrentDbEventStore(client, { idempotencyWindow: 5 });
  });

  afterEach(() => store.close());

  it('pages readAll past many filtered-out events, counting only matching ones', async () => {
    const prefix = uniquePrefix('Paging');
    for (let i = 0; i < 12; i++) {
      await store.appendToStream(`${prefix}-${i % 3}`, [
        ...someEvents(99, 'Noise'),
        ...someEvents(1, 'Signal', i),
      ]);
    }
    const signals = await store.readAll({
      maxCount: 10,
      filter: { streamNamePrefixes: [`${prefix}-`], eventTypes: ['Signal'] },
    });
    expect(signals.map((event) => (event.data as { n: number }).n)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    // Full pages while the server filters on stream names only: the 10th signal is the 1,000th
    // event, and each page after the first starts with the last event of the one before.
    expect(client.calls.readAll.map((options) => options.maxCount)).toEqual([500, 500, 500]);
    const rest = await store.readAll({
      after: signals[9]!.position,
      filter: { eventTypes: ['Signal'] },
    });
    expect(rest.map((event) => (event.data as { n: number }).n)).toEqual([10, 11]);
  });

  it('never returns system events, and asks the server to drop them when unfiltered', async () => {
    await store.appendToStream(`${uniquePrefix('System')}-1`, someEvents(3));
    const all = await store.readAll();
    expect(all).toHaveLength(3);
    expect(client.calls.readAll[0]!.filter).toMatchObject({
      filterOn: 'eventType',
      regex: '^[^$].*',
    });
  });

  it('filters subscriptions on the server by stream prefix, else by exact event types', () => {
    void store.subscribeToAll({ filter: { streamNamePrefixes: ['lead-'], eventTypes: ['A'] } });
    void store.subscribeToAll({ filter: { eventTypes: ['Lead.Received', 'B'] } });
    expect(client.calls.subscribeToAll.map((options) => options.filter)).toMatchObject([
      { filterOn: 'streamName', prefixes: ['lead-'] },
      { filterOn: 'eventType', regex: '^(?:Lead\\.Received|B)$' },
    ]);
  });

  it('passes a subscription failure to its reader', async () => {
    const subscription = store.subscribeToAll();
    const reading = subscription[Symbol.asyncIterator]().next();
    client.failSubscriptions(new Error('connection lost'));
    await expect(reading).rejects.toThrow('connection lost');
  });

  it('ends a pending read on unsubscribe, and close() ends every subscription', async () => {
    const subscription = store.subscribeToAll();
    const reading = subscription[Symbol.asyncIterator]().next();
    await subscription.unsubscribe();
    await expect(reading).resolves.toEqual({ done: true, value: undefined });
    store.subscribeToAll();
    expect(client.openSubscriptions).toBe(1);
    await store.close();
    expect(client.openSubscriptions).toBe(0);
  });

  it('refuses a batch that repeats an id within itself', async () => {
    const [event] = someEvents(1);
    await expect(
      store.appendToStream(`${uniquePrefix('Twice')}-1`, [event!, event!]),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
  });

  it('recognises repeats within the idempotency window only', async () => {
    const stream = `${uniquePrefix('Window')}-1`;
    const events = someEvents(2);
    const first = await store.appendToStream(stream, events);
    await store.appendToStream(stream, someEvents(3));
    expect(await store.appendToStream(stream, events)).toEqual(first);
    await store.appendToStream(stream, someEvents(1));
    // Half out of the 5 latest events: refused rather than half written again.
    await expect(store.appendToStream(stream, events)).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
    await store.appendToStream(stream, someEvents(1));
    // Wholly out of them: written again (the trade-off in idempotency.ts).
    await store.appendToStream(stream, events);
    expect(await store.readStream(stream)).toHaveLength(9);
  });

  it('delivers a resumed subscription only events after the checkpoint', async () => {
    const prefix = uniquePrefix('Resume');
    await store.appendToStream(`${prefix}-1`, someEvents(3));
    const [, second] = await store.readStream(`${prefix}-1`);
    const subscription = store.subscribeToAll({
      after: second!.position,
      filter: { streamNamePrefixes: [`${prefix}-`] },
    });
    const delivered = await collect(subscription, 1);
    expect(delivered.map((event) => event.revision)).toEqual([2n]);
    await subscription.unsubscribe();
  });
});

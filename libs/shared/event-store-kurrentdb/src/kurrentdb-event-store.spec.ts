import {
  ANY,
  AccessDeniedError,
  type AllStreamResolvedEvent,
  CancelledError,
  DeadlineExceededError,
  type EventData,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  ConcurrencyRetriesExhaustedError,
  type EventStore,
  EventStoreUnavailableError,
  IdempotencyConflictError,
  InvalidAppendError,
  type NewEvent,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import {
  collect,
  describeEventStoreContract,
  someEvents,
  uniquePrefix,
} from '@leadrail/event-store/testing';
import { CLAIM_EVENT_TYPE, claimStreamOf } from './event-id-claims';
import { toEventData } from './event-mapping';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
import { FakeKurrentDbClient } from './testing/fake-kurrentdb-client';

const fast: KurrentDbEventStoreOptions = {
  retryDelay: { initialMs: 1, maxMs: 5 },
  subscriptionResume: { initialDelayMs: 1, maxDelayMs: 5 },
};

// The adapter's own logic (mapping, paging, filters, idempotency, retries,
// subscriptions) against an in-memory stand-in for the client and server;
// kurrentdb-event-store.int.spec.ts runs the same contract against a real server.
const fakes = new Map<EventStore, FakeKurrentDbClient>();
describeEventStoreContract('KurrentDB adapter over a fake client', {
  create: () => {
    const client = new FakeKurrentDbClient();
    const store = new KurrentDbEventStore(client, fast);
    fakes.set(store, client);
    return Promise.resolve(store);
  },
  destroy: async (store) => {
    await store.close();
    fakes.delete(store);
  },
  disrupt: (store) => {
    fakes.get(store)!.dropSubscriptions();
    return Promise.resolve();
  },
});

// What the adapter guards against, as the fake reproduces the server's source (IndexWriter.CheckCommit).
describe('the fake client, as the server behaves', () => {
  const client = new FakeKurrentDbClient({ recentIds: 3 });
  const data = (events: NewEvent[]): EventData[] => events.map(toEventData);
  const ids = (stream: string): string[] => client.stored(stream).map((event) => event.id);

  it('with `any`, writes a repeat again once its ids left the recent-ids cache', async () => {
    const stream = `${uniquePrefix('ServerAny')}-1`;
    const events = someEvents(2);
    await client.appendToStream(stream, data(events), { streamState: ANY });
    expect(await client.appendToStream(stream, data(events), { streamState: ANY })).toMatchObject({
      nextExpectedRevision: 1n,
    });
    await client.appendToStream(stream, data(someEvents(3)), { streamState: ANY });
    await client.appendToStream(stream, data(events), { streamState: ANY });
    expect(ids(stream)).toHaveLength(7);
  });

  it('with `any`, writes a batch whose first id is new whole, and refuses one whose tail is', async () => {
    const stream = `${uniquePrefix('ServerPartial')}-1`;
    const [known] = someEvents(1);
    await client.appendToStream(stream, data([known!]), { streamState: ANY });
    await client.appendToStream(stream, data([...someEvents(1), known!]), { streamState: ANY });
    expect(ids(stream).filter((id) => id === known!.id)).toHaveLength(2);
    await expect(
      client.appendToStream(stream, data([known!, ...someEvents(1)]), { streamState: ANY }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
  });

  it('at an exact revision, answers a repeat without a position and refuses anything else', async () => {
    const stream = `${uniquePrefix('ServerExact')}-1`;
    const events = someEvents(2);
    await client.appendToStream(stream, data(events), { streamState: 'no_stream' });
    await client.appendToStream(stream, data(someEvents(1)), { streamState: 1n });
    expect(await client.appendToStream(stream, data(events), { streamState: 'no_stream' })).toEqual(
      { success: true, nextExpectedRevision: 1n, position: undefined },
    );
    await expect(
      client.appendToStream(stream, data(events), { streamState: 0n }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    // Ids recorded in another stream are not looked at.
    await client.appendToStream(`${stream}-other`, data(events), { streamState: 'no_stream' });
    expect(ids(`${stream}-other`)).toEqual(events.map((event) => event.id));
  });

  it('subscribes after the position given, and reads $all from it', async () => {
    const stream = `${uniquePrefix('ServerPositions')}-1`;
    await client.appendToStream(stream, data(someEvents(2)), { streamState: ANY });
    const [first] = await client.readStream(stream, { maxCount: 1 });
    const from = first!.event!.position!;
    const read = await client.readAll({ fromPosition: from, maxCount: 1 });
    expect(read[0]!.event!.id).toBe(first!.event!.id);
    const subscription = client.subscribeToAll({ fromPosition: from });
    const next = (await subscription[Symbol.asyncIterator]().next())
      .value as AllStreamResolvedEvent;
    expect(next.event!.position.commit > from.commit).toBe(true);
    await subscription.unsubscribe();
  });
});

describe('KurrentDbEventStore over a fake client', () => {
  let client: FakeKurrentDbClient;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    client = new FakeKurrentDbClient();
    store = new KurrentDbEventStore(client, { ...fast, idempotencyWindow: 5 });
  });

  afterEach(() => store.close());

  describe('reading', () => {
    it('pages readAll past many filtered-out events, counting only matching ones', async () => {
      const prefix = uniquePrefix('Paging');
      for (let i = 0; i < 12; i++) {
        await store.appendToStream(`${prefix}-${i % 3}`, [
          ...someEvents(99, 'Noise'),
          ...someEvents(1, 'Signal', i),
        ]);
      }
      client.calls.readAll.length = 0;
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

    it('never returns system events or event id claims, and asks the server to drop them', async () => {
      await store.appendToStream(`${uniquePrefix('System')}-1`, someEvents(3));
      client.calls.readAll.length = 0;
      const all = await store.readAll();
      expect(all).toHaveLength(3);
      expect(client.calls.readAll[0]!.filter).toMatchObject({
        filterOn: 'eventType',
        regex: '^[^$].*',
      });
    });

    it('retries a read while the server is unavailable, then says so', async () => {
      const stream = `${uniquePrefix('ReadRetry')}-1`;
      await store.appendToStream(stream, someEvents(2));
      client.failNext('readStream', { error: new UnavailableError(undefined, 'down') }, stream);
      client.failNext('readStream', { error: new CancelledError() }, stream);
      expect(await store.readStream(stream)).toHaveLength(2);
      for (let i = 0; i < 8; i++) {
        client.failNext('readStream', { error: new DeadlineExceededError() }, stream);
      }
      const failing = store.readStream(stream);
      await expect(failing).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(failing).rejects.toMatchObject({ attempts: 8 });
    });

    it('refuses to read a deleted stream, and does not retry what cannot succeed', async () => {
      const stream = `${uniquePrefix('Deleted')}-1`;
      await store.appendToStream(stream, someEvents(1));
      client.tombstone(stream);
      await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.streamRevision(stream)).rejects.toMatchObject({ streamName: stream });
      client.failNext('readAll', { error: new AccessDeniedError() });
      await expect(store.readAll()).rejects.toBeInstanceOf(AccessDeniedError);
    });
  });

  describe('appending', () => {
    it('never sends `any` or `stream_exists`: always the revision it read', async () => {
      const stream = `${uniquePrefix('Exact')}-1`;
      await store.appendToStream(stream, someEvents(1), { expectedRevision: 'any' });
      await store.appendToStream(stream, someEvents(1), { expectedRevision: 'stream_exists' });
      await store.appendToStream(stream, someEvents(1));
      const states = client.calls.append
        .filter((call) => call.streamName === stream)
        .map((call) => call.options.streamState);
      expect(states).toEqual(['no_stream', 0n, 1n]);
      expect(new Set(client.calls.append.map((call) => call.options.requiresLeader))).toEqual(
        new Set([true]),
      );
    });

    it('refuses data the client cannot serialise before calling it, so the append settles', async () => {
      const stream = `${uniquePrefix('BigInt')}-1`;
      const [event] = someEvents(1);
      await expect(
        store.appendToStream(stream, [{ ...event!, data: { amount: 10n } }]),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(client.calls.append).toEqual([]);
      // What the adapter guards against: the client's append never settles.
      void client.appendToStream(stream, [
        {
          id: event!.id,
          type: 'x',
          data: { amount: 10n } as never,
          metadata: undefined,
          contentType: 'application/json',
        },
      ]);
      expect(client.unsettledAppends).toBe(1);
    });

    it('claims each event id for its stream, invisibly to readers', async () => {
      const stream = `${uniquePrefix('Claims')}-1`;
      const events = someEvents(2);
      await store.appendToStream(stream, events);
      for (const event of events) {
        expect(client.stored(claimStreamOf(event.id))).toEqual([
          expect.objectContaining({
            type: CLAIM_EVENT_TYPE,
            data: { eventId: event.id, streamName: stream },
          }),
        ]);
      }
      const subscription = store.subscribeToAll();
      try {
        expect((await collect(subscription, 2)).map((event) => event.streamName)).toEqual([
          stream,
          stream,
        ]);
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('without claims, ids recorded in another stream go unnoticed (the trade-off)', async () => {
      const unclaimed = new KurrentDbEventStore(client, { ...fast, claimEventIds: false });
      const prefix = uniquePrefix('NoClaims');
      const events = someEvents(1);
      await unclaimed.appendToStream(`${prefix}-a`, events);
      await unclaimed.appendToStream(`${prefix}-b`, events);
      expect(await unclaimed.readStream(`${prefix}-b`)).toHaveLength(1);
      expect(client.stored(claimStreamOf(events[0]!.id))).toEqual([]);
    });

    it('an id stays claimed by the stream whose append failed', async () => {
      const prefix = uniquePrefix('Orphan');
      await store.appendToStream(`${prefix}-a`, someEvents(1));
      const events = someEvents(1);
      await expect(
        store.appendToStream(`${prefix}-a`, events, { expectedRevision: 'no_stream' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.appendToStream(`${prefix}-b`, events)).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
      // Its own stream may still record it.
      await store.appendToStream(`${prefix}-a`, events, { expectedRevision: 0n });
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
      // Wholly out of them: written again (the limit documented in idempotency.ts).
      await store.appendToStream(stream, events);
      expect(await store.readStream(stream)).toHaveLength(9);
    });

    it('an append whose answer was lost is not written twice when retried', async () => {
      const stream = `${uniquePrefix('Lost')}-1`;
      await store.appendToStream(stream, someEvents(1));
      const events = someEvents(2);
      // Written, then the deadline: the adapter reads again and finds it.
      client.failNext('append', { error: new DeadlineExceededError(), afterWriting: true }, stream);
      const result = await store.appendToStream(stream, events, { expectedRevision: 0n });
      expect(result.nextExpectedRevision).toBe(2n);
      expect((await store.readStream(stream)).map((event) => event.id).slice(1)).toEqual(
        events.map((event) => event.id),
      );
    });

    it('gives up on a call that never answers, and finds out what happened', async () => {
      const patient = new KurrentDbEventStore(client, { ...fast, callTimeoutMs: 50 });
      const stream = `${uniquePrefix('Hang')}-1`;
      client.failNext('append', { hang: true }, stream);
      const result = await patient.appendToStream(stream, someEvents(1));
      expect(result.nextExpectedRevision).toBe(0n);
      expect(client.calls.append.filter((call) => call.streamName === stream)).toHaveLength(2);
    });

    it('retries an unavailable server, then reports it with the last error', async () => {
      const stream = `${uniquePrefix('Down')}-1`;
      client.failNext('append', { error: new UnavailableError(undefined, 'down') }, stream);
      expect((await store.appendToStream(stream, someEvents(1))).nextExpectedRevision).toBe(0n);
      for (let i = 0; i < 8; i++) {
        client.failNext('append', { error: new UnknownError(undefined, 'reset') }, stream);
      }
      const failing = store.appendToStream(stream, someEvents(1));
      await expect(failing).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(failing).rejects.toMatchObject({ attempts: 8, cause: { message: 'reset' } });
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('maps a deleted stream and an append too large to the port', async () => {
      const small = new KurrentDbEventStore(new FakeKurrentDbClient({ maxAppendSize: 200 }), fast);
      const prefix = uniquePrefix('Limits');
      const big = someEvents(1).map((event) => ({ ...event, data: { text: 'x'.repeat(500) } }));
      await expect(small.appendToStream(`${prefix}-1`, big)).rejects.toBeInstanceOf(
        AppendTooLargeError,
      );
      await expect(small.appendToStream(`${prefix}-1`, big)).rejects.toMatchObject({
        maxAppendSize: 200,
      });
      await small.close();
      await store.appendToStream(`${prefix}-2`, someEvents(1));
      client.tombstone(`${prefix}-2`);
      await expect(store.appendToStream(`${prefix}-2`, someEvents(1))).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
    });

    it('maps the per-event size limit, which the client reports as an unknown error', async () => {
      const stream = `${uniquePrefix('EventLimit')}-1`;
      client.failNext(
        'append',
        {
          error: new UnknownError(undefined, 'Could not recognize MaximumAppendEventSizeExceeded'),
        },
        stream,
      );
      await expect(store.appendToStream(stream, someEvents(1))).rejects.toBeInstanceOf(
        AppendTooLargeError,
      );
    });

    it('with `any`, keeps racing for the stream, then says it kept losing', async () => {
      const stream = `${uniquePrefix('AnyRace')}-1`;
      const writers = await Promise.all(
        Array.from({ length: 6 }, () =>
          store.appendToStream(stream, someEvents(1), { expectedRevision: 'any' }),
        ),
      );
      expect(writers.map((result) => result.nextExpectedRevision).sort()).toEqual([
        0n,
        1n,
        2n,
        3n,
        4n,
        5n,
      ]);
      const stubborn = new KurrentDbEventStore(client, { ...fast, maxAttempts: 2 });
      for (let i = 0; i < 2; i++) {
        client.failNext(
          'append',
          {
            error: new WrongExpectedVersionError(undefined, {
              streamName: stream,
              expected: 5n,
              current: 6n,
            }),
          },
          stream,
        );
      }
      await expect(
        stubborn.appendToStream(stream, someEvents(1), { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(ConcurrencyRetriesExhaustedError);
    });
  });

  describe('subscriptions', () => {
    it('filter on the server by stream prefix, else by exact event types', async () => {
      const a = store.subscribeToAll({
        filter: { streamNamePrefixes: ['lead-'], eventTypes: ['A'] },
      });
      const b = store.subscribeToAll({ filter: { eventTypes: ['Lead.Received', 'B'] } });
      // A subscription connects when first read.
      expect(client.calls.subscribeToAll).toEqual([]);
      void a[Symbol.asyncIterator]().next();
      void b[Symbol.asyncIterator]().next();
      expect(client.calls.subscribeToAll.map((options) => options.filter)).toMatchObject([
        { filterOn: 'streamName', prefixes: ['lead-'] },
        { filterOn: 'eventType', regex: '^(?:Lead\\.Received|B)$' },
      ]);
      await a.unsubscribe();
      await b.unsubscribe();
    });

    it('resume after a drop from the last event delivered, exclusive', async () => {
      const prefix = uniquePrefix('Resume');
      const events = someEvents(4);
      await store.appendToStream(`${prefix}-1`, events);
      const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [`${prefix}-`] } });
      try {
        const first = await collect(subscription, 2);
        client.dropSubscriptions();
        const rest = await collect(subscription, 2);
        expect([...first, ...rest].map((event) => event.id)).toEqual(events.map((e) => e.id));
        const resumedFrom = client.calls.subscribeToAll.at(-1)!.fromPosition;
        expect(resumedFrom).toEqual({ commit: first[1]!.position, prepare: first[1]!.position });
        // A server that simply ends the call is a drop too.
        client.dropSubscriptions(null);
        const later = someEvents(1);
        await store.appendToStream(`${prefix}-2`, later);
        expect((await collect(subscription, 1))[0]!.id).toBe(later[0]!.id);
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('back off while the server refuses, and resume once it answers', async () => {
      const prefix = uniquePrefix('Refused');
      await store.appendToStream(`${prefix}-1`, someEvents(2));
      client.refuseSubscriptions(
        new UnavailableError(undefined, 'down'),
        new UnavailableError(undefined, 'down'),
        new DeadlineExceededError(),
      );
      const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [`${prefix}-`] } });
      try {
        expect(await collect(subscription, 2)).toHaveLength(2);
        expect(client.calls.subscribeToAll).toHaveLength(4);
      } finally {
        await subscription.unsubscribe();
      }
    });

    it('give up after too many failures in a row, telling the reader why', async () => {
      const impatient = new KurrentDbEventStore(client, {
        ...fast,
        subscriptionResume: { ...fast.subscriptionResume, maxFailures: 3 },
      });
      client.refuseSubscriptions(...Array.from({ length: 3 }, () => new UnavailableError()));
      const subscription = impatient.subscribeToAll();
      await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      expect(client.calls.subscribeToAll).toHaveLength(3);
      expect(client.openSubscriptions).toBe(0);
    });

    it('pass at once a failure no new attempt can cure', async () => {
      client.refuseSubscriptions(new AccessDeniedError());
      const subscription = store.subscribeToAll();
      await expect(subscription[Symbol.asyncIterator]().next()).rejects.toBeInstanceOf(
        AccessDeniedError,
      );
      expect(client.calls.subscribeToAll).toHaveLength(1);
    });

    it('stop on unsubscribe, even while waiting to resume', async () => {
      const waiting = new KurrentDbEventStore(client, {
        subscriptionResume: { initialDelayMs: 60_000, maxDelayMs: 60_000 },
      });
      const subscription = waiting.subscribeToAll();
      const reading = subscription[Symbol.asyncIterator]().next();
      client.dropSubscriptions();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await subscription.unsubscribe();
      await expect(reading).resolves.toEqual({ done: true, value: undefined });
      expect(client.calls.subscribeToAll).toHaveLength(1);
      expect(client.openSubscriptions).toBe(0);
    });

    it('end a pending read on unsubscribe, and close() ends every subscription', async () => {
      const subscription = store.subscribeToAll();
      const reading = subscription[Symbol.asyncIterator]().next();
      await subscription.unsubscribe();
      await expect(reading).resolves.toEqual({ done: true, value: undefined });
      void store.subscribeToAll()[Symbol.asyncIterator]().next();
      expect(client.openSubscriptions).toBe(1);
      await store.close();
      expect(client.openSubscriptions).toBe(0);
      expect(client.closed).toBe(true);
    });
  });

  it('close() closes the client once, and the store refuses use afterwards', async () => {
    const close = jest.spyOn(client, 'close');
    await Promise.all([store.close(), store.close()]);
    await store.close();
    expect(close).toHaveBeenCalledTimes(1);
    expect(() => store.subscribeToAll()).toThrow('closed');
    await expect(store.appendToStream('s-1', someEvents(1))).rejects.toThrow('closed');
  });
});

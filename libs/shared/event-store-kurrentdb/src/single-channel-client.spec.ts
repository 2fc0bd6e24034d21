import { KurrentDBClient, UnknownError } from '@kurrent/kurrentdb-client';
import {
  AppendTooLargeError,
  type EventStore,
  InvalidAppendError,
  type RecordedEvent,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '@leadrail/event-store';
import {
  collect,
  describeEventStoreContract,
  someEvents,
  uniquePrefix,
} from '@leadrail/event-store/testing';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
import { SingleChannelClient } from './single-channel-client';
import { FakeKurrentDbClient } from './testing/fake-kurrentdb-client';
import {
  GrpcStatus as status,
  type KurrentDbStandIn,
  startKurrentDbStandIn,
} from './testing/kurrentdb-stand-in';

// The official client, unmodified, on a real gRPC connection to a stand-in
// server (testing/kurrentdb-stand-in.ts): what only a wire shows.
const fast: KurrentDbEventStoreOptions = {
  retryDelay: { initialMs: 5, maxMs: 50 },
  subscriptionResume: { initialDelayMs: 10, maxDelayMs: 100 },
};

const standIns = new Map<EventStore, KurrentDbStandIn>();
describeEventStoreContract('KurrentDB adapter over the official client and a gRPC stand-in', {
  create: async () => {
    const standIn = await startKurrentDbStandIn();
    const store = await KurrentDbEventStore.connect(standIn.connectionString, fast);
    standIns.set(store, standIn);
    return store;
  },
  destroy: async (store) => {
    await store.close();
    await standIns.get(store)?.stop();
    standIns.delete(store);
  },
  // A network failure: every TCP connection between client and server is destroyed.
  disrupt: (store) => {
    standIns.get(store)!.cutConnections();
    return Promise.resolve();
  },
});

describe('KurrentDbEventStore over the official client and a gRPC stand-in', () => {
  let standIn: KurrentDbStandIn;
  let store: KurrentDbEventStore;

  beforeEach(async () => {
    standIn = await startKurrentDbStandIn();
    store = await KurrentDbEventStore.connect(standIn.connectionString, fast);
  });

  afterEach(async () => {
    await store.close();
    await standIn.stop();
  });

  it('reads, appends and subscribes over one connection, which close() closes', async () => {
    const stream = `${uniquePrefix('OneChannel')}-1`;
    const events = someEvents(3);
    const result = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    const read = await store.readStream(stream);
    expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(read[2]!.position).toBe(result.position);
    expect(await store.readStream(stream, { direction: 'backwards', maxCount: 1 })).toEqual([
      read[2],
    ]);
    expect(await store.streamRevision(stream)).toBe(2n);
    expect(await store.streamRevision(`${stream}-absent`)).toBeUndefined();
    expect(await store.readAll({ filter: { streamNamePrefixes: [stream] } })).toEqual(read);
    const subscription = store.subscribeToAll({ filter: { eventTypes: ['SomethingHappened'] } });
    expect(await collect(subscription, 3)).toEqual(read);
    expect(standIn.calls.get('/event_store.client.streams.Streams/BatchAppend')).toBe(1);
    expect(standIn.connections).toEqual({ accepted: 1, open: 1 });

    await Promise.all([store.close(), store.close()]);
    await eventually(() => expect(standIn.connections.open).toBe(0));
    expect(standIn.connections.accepted).toBe(1);
    await store.close();
  });

  it('(the official client alone reads through a second connection, which dispose() leaves open)', async () => {
    const client = KurrentDBClient.connectionString(standIn.connectionString);
    const stream = `${uniquePrefix('TwoChannels')}-1`;
    await client.appendToStream(stream, {
      id: someEvents(1)[0]!.id,
      type: 'Something',
      contentType: 'application/json',
      data: {},
      metadata: undefined,
    });
    for await (const event of client.readStream(stream)) {
      void event;
    }
    expect(standIn.connections.accepted).toBe(2);
    await client.dispose();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(standIn.connections.open).toBeGreaterThan(0);
  });

  it('fails at once, saying why, on a client without the members it relies on', () => {
    expect(() => new SingleChannelClient({} as KurrentDBClient)).toThrow('no longer has execute()');
  });

  it('refuses data the client cannot serialise before it reaches the client, so the append settles', async () => {
    const [event] = someEvents(1);
    await expect(
      store.appendToStream(`${uniquePrefix('BigInt')}-1`, [{ ...event!, data: { n: 1n } }]),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    expect(standIn.connections.accepted).toBe(0);
  });

  it('maps the server’s refusals to the port’s errors', async () => {
    const prefix = uniquePrefix('Refusals');
    await store.appendToStream(`${prefix}-1`, someEvents(2));
    await expect(
      store.appendToStream(`${prefix}-1`, someEvents(1), { expectedRevision: 0n }),
    ).rejects.toEqual(new WrongExpectedRevisionError(`${prefix}-1`, 0n, 1n));

    standIn.model.tombstone(`${prefix}-1`);
    await expect(store.readStream(`${prefix}-1`)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(store.appendToStream(`${prefix}-1`, someEvents(1))).rejects.toMatchObject({
      streamName: `${prefix}-1`,
    });

    const small = await startKurrentDbStandIn(new FakeKurrentDbClient({ maxAppendSize: 300 }));
    const limited = await KurrentDbEventStore.connect(small.connectionString, fast);
    try {
      const big = someEvents(1).map((event) => ({ ...event, data: { text: 'x'.repeat(400) } }));
      const attempt = limited.appendToStream(`${prefix}-2`, big);
      await expect(attempt).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(attempt).rejects.toMatchObject({ maxAppendSize: 300 });
    } finally {
      await limited.close();
      await small.stop();
    }
  });

  it('retries reads the server timed out or could not serve', async () => {
    const stream = `${uniquePrefix('SlowRead')}-1`;
    await store.appendToStream(stream, someEvents(1));
    standIn.interfere('read', { code: status.DEADLINE_EXCEEDED, details: 'deadline' }, stream);
    standIn.interfere('read', { code: status.UNAVAILABLE, details: 'not ready' }, stream);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('an append the server never answers is given up, checked and made once', async () => {
    const patient = await KurrentDbEventStore.connect(standIn.connectionString, {
      ...fast,
      callTimeoutMs: 300,
    });
    try {
      const stream = `${uniquePrefix('Silence')}-1`;
      standIn.interfere('append', 'silence', stream);
      const result = await patient.appendToStream(stream, someEvents(2));
      expect(result.nextExpectedRevision).toBe(1n);
      expect(await patient.readStream(stream)).toHaveLength(2);
    } finally {
      await patient.close();
    }
  });

  it('an append recorded but answered with an error is found, not written again', async () => {
    const stream = `${uniquePrefix('LostAnswer')}-1`;
    standIn.model.failNext('append', { error: new UnknownError(), afterWriting: true }, stream);
    const events = someEvents(2);
    const result = await store.appendToStream(stream, events);
    const read = await store.readStream(stream);
    expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(result).toEqual({ nextExpectedRevision: 1n, position: read[1]!.position });
  });

  it('maps and retries the statuses a batch append can answer with', async () => {
    const stream = `${uniquePrefix('Statuses')}-1`;
    standIn.interfere('append', { status: 'Timeout' }, stream);
    standIn.interfere('append', { status: 'Server Is Busy' }, stream);
    expect((await store.appendToStream(stream, someEvents(1))).nextExpectedRevision).toBe(0n);
    standIn.interfere('append', { status: 'MaximumAppendEventSizeExceeded' }, stream);
    await expect(store.appendToStream(stream, someEvents(1))).rejects.toBeInstanceOf(
      AppendTooLargeError,
    );
    standIn.interfere('append', { status: 'BadRequest' }, stream);
    await expect(store.appendToStream(stream, someEvents(1))).rejects.toThrow(
      'Could not recognize BadRequest',
    );
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('a subscription outlives the server failing it and the connection being cut', async () => {
    const prefix = uniquePrefix('Outlive');
    const filter = { streamNamePrefixes: [`${prefix}-`] };
    const written = someEvents(2);
    await store.appendToStream(`${prefix}-1`, written);
    const subscription = store.subscribeToAll({ filter });
    const delivered: RecordedEvent[] = [];
    try {
      delivered.push(...(await collect(subscription, 2)));

      standIn.failSubscriptions(status.UNAVAILABLE);
      const more = someEvents(2);
      written.push(...more);
      await store.appendToStream(`${prefix}-2`, more);
      delivered.push(...(await collect(subscription, 2)));
      // Resumed after the last event delivered, not from the start.
      const resumed = standIn.model.calls.subscribeToAll.at(-1)!.fromPosition;
      expect(resumed).toEqual({ commit: delivered[1]!.position, prepare: delivered[1]!.position });

      standIn.cutConnections();
      const last = someEvents(1);
      written.push(...last);
      // The append retries while the client reconnects.
      await store.appendToStream(`${prefix}-1`, last);
      delivered.push(...(await collect(subscription, 1)));
      expect(delivered.map((event) => event.id)).toEqual(written.map((event) => event.id));
      // The client replaced the broken connection; nothing is left behind.
      expect(standIn.connections.accepted).toBeGreaterThan(1);
      await eventually(() => expect(standIn.connections.open).toBe(1));
    } finally {
      await subscription.unsubscribe();
    }
  });
});

async function eventually(check: () => void, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

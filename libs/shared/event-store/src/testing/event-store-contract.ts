import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../errors';
import type { EventStore } from '../event-store';
import { collect } from './collect';
import { describeAppendValidationContract } from './contract-append-validation';
import type { ContractContext } from './contract-context';
import { describeFailureContract } from './contract-failures';
import { describeIdempotencyContract } from './contract-idempotency';
import { fixedMetadata, someEvents, uniquePrefix } from './event-fixtures';

/** How the contract suite gets an adapter; `unavailable` skips every test, saying why. */
export interface EventStoreContractSetup {
  unavailable?: string;
  /** May be called more than once: each store is destroyed once. */
  create(): Promise<EventStore>;
  destroy(store: EventStore): Promise<void>;
  /**
   * Breaks every connection the store has to its log (as a server restart or
   * a network failure would), for the test that subscriptions survive it.
   * Absent: that test is skipped, saying why.
   */
  disrupt?(store: EventStore): Promise<void>;
}

/**
 * The behaviour every EventStore adapter must have, run against each adapter
 * available. Tests share one log, so each works in streams of its own prefix.
 */
export function describeEventStoreContract(adapter: string, setup: EventStoreContractSetup): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    const test = (
      name: string,
      body: () => Promise<void>,
      timeoutMs?: number,
      unavailable = setup.unavailable,
    ): void => {
      if (unavailable) {
        // The reason is part of the name, so the run's summary of skipped tests says why.
        it.skip(`${name} [skipped: ${unavailable}]`, body, timeoutMs);
      } else {
        it(name, body, timeoutMs);
      }
    };

    beforeAll(async () => {
      if (!setup.unavailable) {
        store = await setup.create();
      }
    });

    afterAll(async () => {
      if (store) {
        await setup.destroy(store);
      }
    });

    const context: ContractContext = { setup, test, store: () => store };

    describe('appending and reading a stream', () => {
      test('records events with revisions from 0, their ids, types, data and metadata', async () => {
        const stream = `${uniquePrefix('Read')}-1`;
        const events = someEvents(3);
        const result = await store.appendToStream(stream, events, {
          expectedRevision: 'no_stream',
        });
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await store.readStream(stream);
        expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
        expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
        expect(read[0]).toMatchObject({
          streamName: stream,
          type: 'SomethingHappened',
          data: { n: 0 },
        });
        expect(read[0]!.metadata).toMatchObject(fixedMetadata);
        expect(read[0]!.recordedAt).toBeInstanceOf(Date);
        expect(read[2]!.position).toBe(result.position);
        expect(read[0]!.position < read[1]!.position && read[1]!.position < read[2]!.position).toBe(
          true,
        );
      });

      test('reads backwards, from a revision, and at most maxCount events', async () => {
        const stream = `${uniquePrefix('Page')}-1`;
        await store.appendToStream(stream, someEvents(5));
        const backwards = await store.readStream(stream, { direction: 'backwards', maxCount: 2 });
        expect(backwards.map((event) => event.revision)).toEqual([4n, 3n]);
        const fromTwo = await store.readStream(stream, { fromRevision: 2n, maxCount: 2 });
        expect(fromTwo.map((event) => event.revision)).toEqual([2n, 3n]);
        const backFromOne = await store.readStream(stream, {
          direction: 'backwards',
          fromRevision: 1n,
        });
        expect(backFromOne.map((event) => event.revision)).toEqual([1n, 0n]);
      });

      test('reads an absent stream as empty, with no revision', async () => {
        const stream = `${uniquePrefix('Absent')}-1`;
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.streamRevision(stream)).toBeUndefined();
      });
    });

    describe('expected revisions', () => {
      test('no_stream: refuses a stream that exists, naming its revision', async () => {
        const stream = `${uniquePrefix('NoStream')}-1`;
        await store.appendToStream(stream, someEvents(2), { expectedRevision: 'no_stream' });
        const attempt = store.appendToStream(stream, someEvents(1), {
          expectedRevision: 'no_stream',
        });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({
          streamName: stream,
          expected: 'no_stream',
          actual: 1n,
        });
      });

      test('an exact revision: appends at it, refuses any other', async () => {
        const stream = `${uniquePrefix('Exact')}-1`;
        await store.appendToStream(stream, someEvents(2));
        await expect(
          store.appendToStream(stream, someEvents(1), { expectedRevision: 0n }),
        ).rejects.toMatchObject({
          expected: 0n,
          actual: 1n,
        });
        const result = await store.appendToStream(stream, someEvents(1), { expectedRevision: 1n });
        expect(result.nextExpectedRevision).toBe(2n);
        expect(await store.streamRevision(stream)).toBe(2n);
      });

      test('stream_exists: refuses an absent stream, appends to an existing one', async () => {
        const stream = `${uniquePrefix('Exists')}-1`;
        await expect(
          store.appendToStream(stream, someEvents(1), { expectedRevision: 'stream_exists' }),
        ).rejects.toMatchObject({ expected: 'stream_exists', actual: undefined });
        await store.appendToStream(stream, someEvents(1));
        const result = await store.appendToStream(stream, someEvents(1), {
          expectedRevision: 'stream_exists',
        });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      test('any: appends whatever the stream holds', async () => {
        const stream = `${uniquePrefix('Any')}-1`;
        await store.appendToStream(stream, someEvents(1), { expectedRevision: 'any' });
        const result = await store.appendToStream(stream, someEvents(2), {
          expectedRevision: 'any',
        });
        expect(result.nextExpectedRevision).toBe(2n);
      });
    });

    describeIdempotencyContract(context);
    describeAppendValidationContract(context);

    describe('concurrency', () => {
      test('8 writers racing for one revision: exactly one wins, the others see the winner', async () => {
        const stream = `${uniquePrefix('Race')}-1`;
        await store.appendToStream(stream, someEvents(1));
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () =>
            store.appendToStream(stream, someEvents(1), { expectedRevision: 0n }),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(losers).toHaveLength(7);
        for (const loser of losers) {
          expect(loser.reason).toMatchObject({ actual: 1n });
          expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      test('8 writers appending with retries: every event recorded once, revisions without gaps', async () => {
        const stream = `${uniquePrefix('Writers')}-1`;
        const perWriter = 10;
        const writer = async (w: number): Promise<string[]> => {
          const written: string[] = [];
          for (let i = 0; i < perWriter; i++) {
            const [event] = someEvents(1, `Writer${w}`, i);
            for (;;) {
              const revision = await store.streamRevision(stream);
              try {
                await store.appendToStream(stream, [event!], {
                  expectedRevision: revision ?? 'no_stream',
                });
                written.push(event!.id);
                break;
              } catch (error) {
                if (!(error instanceof WrongExpectedRevisionError)) {
                  throw error;
                }
              }
            }
          }
          return written;
        };
        const written = (await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)))).flat();
        const read = await store.readStream(stream);
        expect(read).toHaveLength(8 * perWriter);
        expect(read.map((event) => event.revision)).toEqual(read.map((_, index) => BigInt(index)));
        expect(new Set(read.map((event) => event.id))).toEqual(new Set(written));
        for (let w = 0; w < 8; w++) {
          const mine = read
            .filter((event) => event.type === `Writer${w}`)
            .map((event) => (event.data as { n: number }).n);
          expect(mine).toEqual(Array.from({ length: perWriter }, (_, i) => i));
        }
      }, 60_000);
    });

    describe('the global log', () => {
      test('reads in global order after a position, filtered by stream prefix and event type', async () => {
        const prefix = uniquePrefix('All');
        await store.appendToStream(`${prefix}-a`, someEvents(2, 'Alpha'));
        await store.appendToStream(`${prefix}-b`, someEvents(2, 'Beta'));
        await store.appendToStream(`${prefix}-a`, someEvents(1, 'Beta'));
        const mine = await store.readAll({ filter: { streamNamePrefixes: [`${prefix}-`] } });
        expect(
          mine.map((event) => `${event.streamName.slice(prefix.length)}:${event.type}`),
        ).toEqual(['-a:Alpha', '-a:Alpha', '-b:Beta', '-b:Beta', '-a:Beta']);
        const positions = mine.map((event) => event.position);
        expect([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(positions);
        const afterSecond = await store.readAll({
          after: positions[1],
          filter: { streamNamePrefixes: [`${prefix}-`] },
        });
        expect(afterSecond.map((event) => event.position)).toEqual(positions.slice(2));
        const page = await store.readAll({
          maxCount: 2,
          filter: { streamNamePrefixes: [`${prefix}-`] },
        });
        expect(page.map((event) => event.position)).toEqual(positions.slice(0, 2));
        const betaOfB = await store.readAll({
          filter: { streamNamePrefixes: [`${prefix}-b`], eventTypes: ['Beta'] },
        });
        expect(betaOfB).toHaveLength(2);
      });
    });

    describe('catch-up subscriptions', () => {
      test('deliver historic events, then live ones, in order', async () => {
        const prefix = uniquePrefix('Sub');
        const history = someEvents(3);
        await store.appendToStream(`${prefix}-1`, history);
        const subscription = store.subscribeToAll({
          filter: { streamNamePrefixes: [`${prefix}-`] },
        });
        try {
          const historic = await collect(subscription, 3);
          expect(historic.map((event) => event.id)).toEqual(history.map((event) => event.id));
          const live = someEvents(2, 'Live');
          await store.appendToStream(`${prefix}-2`, live);
          const delivered = await collect(subscription, 2);
          expect(delivered.map((event) => event.id)).toEqual(live.map((event) => event.id));
        } finally {
          await subscription.unsubscribe();
        }
      });

      test('resume after a checkpoint without repeating or skipping events', async () => {
        const prefix = uniquePrefix('Resume');
        await store.appendToStream(`${prefix}-1`, someEvents(4));
        const first = store.subscribeToAll({ filter: { streamNamePrefixes: [`${prefix}-`] } });
        const seen = await collect(first, 2);
        await first.unsubscribe();
        const resumed = store.subscribeToAll({
          after: seen[1]!.position,
          filter: { streamNamePrefixes: [`${prefix}-`] },
        });
        try {
          const rest = await collect(resumed, 2);
          expect(rest.map((event) => event.revision)).toEqual([2n, 3n]);
        } finally {
          await resumed.unsubscribe();
        }
      });

      test('deliver only the event types asked for', async () => {
        const prefix = uniquePrefix('Types');
        await store.appendToStream(`${prefix}-1`, [
          ...someEvents(2, 'Wanted'),
          ...someEvents(2, 'Unwanted'),
        ]);
        const marker = {
          id: randomUUID(),
          type: 'Wanted',
          data: { n: 99 },
          metadata: fixedMetadata,
        };
        await store.appendToStream(`${prefix}-1`, [marker]);
        const subscription = store.subscribeToAll({
          filter: { streamNamePrefixes: [`${prefix}-`], eventTypes: ['Wanted'] },
        });
        try {
          const delivered = await collect(subscription, 3);
          expect(delivered.map((event) => event.type)).toEqual(['Wanted', 'Wanted', 'Wanted']);
          expect(delivered[2]!.id).toBe(marker.id);
        } finally {
          await subscription.unsubscribe();
        }
      });
    });

    describeFailureContract(context);
  });
}

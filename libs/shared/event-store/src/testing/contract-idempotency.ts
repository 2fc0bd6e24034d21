import { IdempotencyConflictError } from '../errors';
import type { EventStore } from '../event-store';
import { type ContractContext, describeResult } from './contract-context';
import { someEvents, uniquePrefix } from './event-fixtures';

/**
 * What event ids promise (EventStore.appendToStream): a repeat of a recorded
 * append answers its first result, whatever happened since; any other reuse
 * of a recorded id, in this stream or another, is refused; racing writers of
 * one append record it once.
 */
export function describeIdempotencyContract({ test, store: current }: ContractContext): void {
  describe('idempotency by event id', () => {
    let store: EventStore;
    beforeEach(() => {
      store = current();
    });

    test('appending the same events again returns the first result and records nothing new', async () => {
      const stream = `${uniquePrefix('Idem')}-1`;
      const events = someEvents(3);
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      const again = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      const anyAgain = await store.appendToStream(stream, events, { expectedRevision: 'any' });
      expect(anyAgain).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    test('a retried append after later writes is still recognised', async () => {
      const stream = `${uniquePrefix('IdemLater')}-1`;
      const events = someEvents(2);
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      await store.appendToStream(stream, someEvents(1), { expectedRevision: 1n });
      expect(await store.appendToStream(stream, events, { expectedRevision: 'no_stream' })).toEqual(
        first,
      );
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    test('refuses an append that repeats only some recorded events', async () => {
      const stream = `${uniquePrefix('IdemPart')}-1`;
      const events = someEvents(2);
      await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [events[1]!, ...someEvents(1)], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      await expect(
        store.appendToStream(stream, [...someEvents(1), events[0]!], { expectedRevision: 1n }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    test('refuses the recorded events in another order, or one of them twice', async () => {
      const stream = `${uniquePrefix('IdemOrder')}-1`;
      const events = someEvents(2);
      await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(stream, [events[1]!, events[0]!], { expectedRevision: 'any' }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      const [fresh] = someEvents(1);
      await expect(
        store.appendToStream(stream, [fresh!, fresh!], { expectedRevision: 1n }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect((await store.readStream(stream)).map((event) => event.id)).toEqual(
        events.map((event) => event.id),
      );
    });

    test('answers a repeat whatever its expected revision says now', async () => {
      const stream = `${uniquePrefix('IdemExpected')}-1`;
      const events = someEvents(2);
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      await store.appendToStream(stream, someEvents(2), { expectedRevision: 1n });
      for (const expectedRevision of [0n, 1n, 7n, 'stream_exists', 'any'] as const) {
        expect(await store.appendToStream(stream, events, { expectedRevision })).toEqual(first);
      }
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    test('refuses ids already recorded in another stream, writing nothing', async () => {
      const prefix = uniquePrefix('IdemElsewhere');
      const events = someEvents(2);
      await store.appendToStream(`${prefix}-a`, events, { expectedRevision: 'no_stream' });
      for (const expectedRevision of ['no_stream', 'any'] as const) {
        await expect(
          store.appendToStream(`${prefix}-b`, events, { expectedRevision }),
        ).rejects.toBeInstanceOf(IdempotencyConflictError);
      }
      await store.appendToStream(`${prefix}-b`, someEvents(1), { expectedRevision: 'no_stream' });
      await expect(
        store.appendToStream(`${prefix}-b`, [...someEvents(1), events[1]!], {
          expectedRevision: 0n,
        }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect(await store.readStream(`${prefix}-a`)).toHaveLength(2);
      expect(await store.readStream(`${prefix}-b`)).toHaveLength(1);
    });

    test('the same append racing itself is recorded once, every caller told the same', async () => {
      const stream = `${uniquePrefix('IdemRace')}-1`;
      const events = someEvents(3);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          store.appendToStream(stream, events, {
            expectedRevision: index % 2 === 0 ? 'no_stream' : 'any',
          }),
        ),
      );
      expect(new Set(results.map(describeResult)).size).toBe(1);
      const read = await store.readStream(stream);
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
      expect(results[0]).toEqual({ nextExpectedRevision: 2n, position: read[2]!.position });
    });

    test('one new id raced into two streams is recorded in one of them only', async () => {
      const prefix = uniquePrefix('IdemSplit');
      const events = someEvents(2);
      const outcomes = await Promise.allSettled([
        store.appendToStream(`${prefix}-a`, events, { expectedRevision: 'no_stream' }),
        store.appendToStream(`${prefix}-b`, events, { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(IdempotencyConflictError);
      const recorded = [
        ...(await store.readStream(`${prefix}-a`)),
        ...(await store.readStream(`${prefix}-b`)),
      ];
      expect(recorded.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });
  });
}

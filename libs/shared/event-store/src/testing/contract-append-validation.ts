import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from '../errors';
import type { EventStore } from '../event-store';
import type { NewEvent } from '../recorded-event';
import { type ContractContext, settlesWithin } from './contract-context';
import { fixedMetadata, someEvents, uniquePrefix } from './event-fixtures';

/**
 * Appends every adapter refuses before sending anything (assertAppendable),
 * settling at once and writing nothing; and JSON that every adapter records
 * as it reads back.
 */
export function describeAppendValidationContract({ test, store: current }: ContractContext): void {
  describe('what an append may carry', () => {
    let store: EventStore;
    beforeEach(() => {
      store = current();
    });

    const eventWith = (data: unknown, metadata: unknown = fixedMetadata): NewEvent =>
      ({ id: randomUUID(), type: 'Odd', data, metadata }) as NewEvent;
    const circular: Record<string, unknown> = { n: 1 };
    circular.self = circular;
    const refusals: [string, () => NewEvent[], string | undefined][] = [
      ['a BigInt', () => [eventWith({ amount: 10n })], 'data.amount'],
      ['a function', () => [eventWith({ f: () => 1 })], 'data.f'],
      ['undefined in an array', () => [eventWith({ list: [1, undefined] })], 'data.list[1]'],
      // eslint-disable-next-line no-sparse-arrays
      ['a hole in an array', () => [eventWith({ list: [1, , 3] })], 'data.list[1]'],
      ['a circular reference', () => [eventWith(circular)], 'data.self'],
      ['NaN', () => [eventWith({ n: Number.NaN })], 'data.n'],
      ['Infinity', () => [eventWith([Number.POSITIVE_INFINITY])], 'data[0]'],
      ['a Date', () => [eventWith({ at: new Date() })], 'data.at'],
      ['a Map', () => [eventWith(new Map([['a', 1]]))], 'data'],
      ['a class instance', () => [eventWith({ money: new (class Money {})() })], 'data.money'],
      [
        'JSON nested deeper than 256 levels',
        () => [eventWith(Array.from({ length: 300 }).reduce<unknown>((inner) => [inner], 1))],
        `data${'[0]'.repeat(256)}`,
      ],
      ['NUL in a string', () => [eventWith({ text: 'a\u0000b' })], 'data.text'],
      ['NUL in a key', () => [eventWith({ 'a\u0000b': 1 })], 'data["a\\u0000b"]'],
      ['a lone surrogate', () => [eventWith({ text: 'a\ud800b' })], 'data.text'],
      ['undefined as data', () => [eventWith(undefined)], 'data'],
      ['metadata that is not an object', () => [eventWith({}, ['actor'])], 'metadata'],
      ['a BigInt in metadata', () => [eventWith({}, { ...fixedMetadata, n: 1n })], 'metadata.n'],
      ['an id that is not a UUID', () => [{ ...someEvents(1)[0]!, id: 'order-1' }], 'id'],
      ['no events at all', () => [], undefined],
      [
        'a valid event followed by an invalid one',
        () => [...someEvents(1), eventWith({ amount: 1n })],
        'data.amount',
      ],
    ];
    for (const [what, events, path] of refusals) {
      test(`refuses ${what} at once, writing nothing`, async () => {
        const stream = `${uniquePrefix('Invalid')}-1`;
        const attempt = settlesWithin(store.appendToStream(stream, events()), 5_000);
        await expect(attempt).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(attempt).rejects.toMatchObject({ streamName: stream, path });
        expect(await store.readStream(stream)).toEqual([]);
      });
    }

    test('records JSON as it reads back: nested values, null, Unicode, no undefined properties', async () => {
      const stream = `${uniquePrefix('Json')}-1`;
      const data = {
        nested: { list: [1, 'two', null, true, { deep: [[-0.5]] }] },
        text: 'Zoë 🚀 \u2028 "quoted" \\ back',
        absent: undefined,
        empty: {},
      };
      const events = [
        eventWith(data),
        eventWith(null),
        eventWith('just a string', { ...fixedMetadata, reason: undefined }),
      ];
      await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      const read = await store.readStream(stream);
      expect(read[0]!.data).toStrictEqual(JSON.parse(JSON.stringify(data)));
      expect(read[0]!.data).not.toHaveProperty('absent');
      expect(read[1]!.data).toBeNull();
      expect(read[2]!.data).toBe('just a string');
      expect(read[2]!.metadata).not.toHaveProperty('reason');
    });
  });
}

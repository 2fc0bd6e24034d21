import type { EventSubscription } from '../event-store';
import type { RecordedEvent } from '../recorded-event';
import { collect } from './collect';
import { type ContractContext, appendWithRetries, settlesWithin } from './contract-context';
import { someEvents, uniquePrefix } from './event-fixtures';

/** Lost connections and shutting down: nothing lost, repeated or left hanging. */
export function describeFailureContract({ setup, test, store: current }: ContractContext): void {
  describe('failures and closing', () => {
    test(
      'a subscription survives a dropped connection without losing or repeating an event',
      async () => {
        const prefix = uniquePrefix('Drop');
        const filter = { streamNamePrefixes: [`${prefix}-`] };
        const before = someEvents(3);
        await current().appendToStream(`${prefix}-1`, before);
        const delivered: RecordedEvent[] = [];
        let subscription: EventSubscription = current().subscribeToAll({ filter });
        // Reads on; when the adapter ends the subscription with an error instead of resuming,
        // subscribes again after the last event delivered, as a projection does.
        const readUpTo = async (count: number): Promise<void> => {
          for (let attempt = 0; delivered.length < count; attempt++) {
            try {
              delivered.push(...(await collect(subscription, count - delivered.length)));
            } catch (error) {
              if (attempt >= 5) {
                throw error;
              }
              await subscription.unsubscribe().catch(() => undefined);
              subscription = current().subscribeToAll({
                filter,
                after: delivered.at(-1)?.position,
              });
            }
          }
        };
        try {
          await readUpTo(2);
          await setup.disrupt!(current());
          const after = someEvents(3);
          await appendWithRetries(current(), `${prefix}-2`, after);
          await readUpTo(6);
          await setup.disrupt!(current());
          await readUpTo(6);
          const last = someEvents(1);
          await appendWithRetries(current(), `${prefix}-1`, last);
          await readUpTo(7);
          expect(delivered.map((event) => event.id)).toEqual(
            [...before, ...after, ...last].map((event) => event.id),
          );
        } finally {
          await subscription.unsubscribe();
        }
      },
      60_000,
      setup.unavailable ??
        (setup.disrupt ? undefined : 'this run cannot break the adapter’s connections'),
    );

    test('close() ends open subscriptions, may be repeated, and refuses later use', async () => {
      const own = await setup.create();
      try {
        const stream = `${uniquePrefix('Close')}-1`;
        await own.appendToStream(stream, someEvents(1));
        const subscription = own.subscribeToAll({ filter: { streamNamePrefixes: [stream] } });
        expect(await collect(subscription, 1)).toHaveLength(1);
        const pending = subscription[Symbol.asyncIterator]().next();
        await settlesWithin(Promise.all([own.close(), own.close()]), 10_000);
        await settlesWithin(own.close(), 10_000);
        // Ended, or failed because its connection is gone: either way it does not hang.
        await settlesWithin(
          pending.then(
            () => undefined,
            () => undefined,
          ),
          10_000,
        );
        await expect(
          settlesWithin(own.appendToStream(stream, someEvents(1)), 10_000),
        ).rejects.toThrow();
      } finally {
        await setup.destroy(own);
      }
    }, 60_000);
  });
}

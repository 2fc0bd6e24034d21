import type { EventSubscription } from '../event-store';
import type { RecordedEvent } from '../recorded-event';

/**
 * Reads from a subscription until `count` events arrived (or fails after
 * timeoutMs), leaving the subscription open for the next read.
 */
export async function collect(
  subscription: EventSubscription,
  count: number,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  if (count === 0) {
    return received;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `subscription delivered ${received.length} of ${count} events in ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    );
  });
  const iterator = subscription[Symbol.asyncIterator]();
  const reading = (async () => {
    while (received.length < count) {
      const next = await iterator.next();
      if (next.done) {
        break;
      }
      received.push(next.value);
    }
    return received;
  })();
  try {
    return await Promise.race([reading, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

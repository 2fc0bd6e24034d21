import { setImmediate } from 'node:timers/promises';

const IDLE = Symbol('idle');

/**
 * Groups what an async iterator has ready into batches without waiting for
 * more: a batch ends when the next item is not available at once (the source
 * went to I/O), or at `maxSize`. Catch-up then commits a page per transaction,
 * while live events are applied as soon as they arrive.
 */
export class Batcher<T> {
  private pending?: Promise<IteratorResult<T>>;

  constructor(
    private readonly iterator: AsyncIterator<T>,
    private readonly maxSize: number,
  ) {}

  /** The next batch, waiting for its first item; undefined once the source ends. */
  async next(): Promise<T[] | undefined> {
    const first = await this.take();
    if (first.done) {
      return undefined;
    }
    const batch = [first.value];
    while (batch.length < this.maxSize) {
      const next = this.iterator.next();
      const ready = await Promise.race([next, setImmediate(IDLE)]);
      if (ready === IDLE || ready.done) {
        this.pending = next;
        // A batcher abandoned after a failure must not leave an unhandled rejection behind;
        // a later next() still receives it.
        next.catch(() => undefined);
        break;
      }
      batch.push(ready.value);
    }
    return batch;
  }

  private take(): Promise<IteratorResult<T>> {
    const pending = this.pending ?? this.iterator.next();
    this.pending = undefined;
    return pending;
  }
}

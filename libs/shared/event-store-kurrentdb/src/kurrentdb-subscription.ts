import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import {
  type EventFilter,
  type EventSubscription,
  EventStoreUnavailableError,
  type RecordedEvent,
} from '@leadrail/event-store';
import { backoffDelay } from './client-calls';
import { SubscriptionEndedError, isRetryable } from './client-errors';
import { matchesFilter } from './event-filter';
import { isSystemEvent, toRecordedEvent } from './event-mapping';

/** How a dropped subscription is resumed. */
export interface ResumeOptions {
  /** Failed connections in a row before the reader is given the error; default 8. */
  maxFailures: number;
  /** First pause after a drop; doubles per failure, jittered; default 100 ms. */
  initialDelayMs: number;
  /** Longest pause; default 5 s. */
  maxDelayMs: number;
  /** A connection that lasted this long was healthy: its drop counts as the first failure again. Default 10 s. */
  healthyAfterMs: number;
  /** For tests: the source of jitter. */
  random: () => number;
}

export const DEFAULT_RESUME: ResumeOptions = {
  maxFailures: 8,
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  healthyAfterMs: 10_000,
  random: Math.random,
};

/**
 * A catch-up subscription to `$all` (the server sends history, then live
 * events), seen through one iterator so a consumer can stop reading and
 * resume later where it stopped.
 *
 * When the server or the connection fails mid-subscription (unavailable,
 * deadline, leader change, or the call simply ends), it subscribes again
 * after the last position it delivered, after a pause that doubles per failure
 * in a row. Only when `maxFailures` connections in a row fail, or a failure
 * no new attempt can cure (access denied), does the reader get the error;
 * `unsubscribe()` stops it at any point, pauses included.
 */
export class KurrentDbSubscription implements EventSubscription {
  private closed = false;
  /** The last position delivered (or the checkpoint resumed from): nothing at or before it again. */
  private checkpoint: bigint | undefined;
  private source?: AllStreamSubscription;
  private readonly released = new WeakSet<AllStreamSubscription>();
  private wake?: () => void;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    /** Subscribes after a position (exclusive; undefined: from the start). */
    private readonly open: (after: bigint | undefined) => AllStreamSubscription,
    after: bigint | undefined,
    private readonly filter: EventFilter | undefined,
    private readonly resume: ResumeOptions = DEFAULT_RESUME,
    private readonly onClosed: () => void = () => undefined,
  ) {
    this.checkpoint = after;
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async unsubscribe(): Promise<void> {
    await this.close();
    await this.iterator.return(undefined);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let failures = 0;
    try {
      while (!this.closed) {
        const openedAt = Date.now();
        let failure: unknown;
        const source = this.connect();
        try {
          for await (const resolved of source as AsyncIterable<AllStreamResolvedEvent>) {
            failures = 0;
            const event = this.accept(resolved);
            if (event) {
              this.checkpoint = event.position;
              yield event;
            }
          }
          failure = new SubscriptionEndedError();
        } catch (error) {
          failure = error;
        } finally {
          void this.release(source);
        }
        if (this.closed) {
          return;
        }
        if (!isRetryable(failure)) {
          throw failure;
        }
        failures = Date.now() - openedAt >= this.resume.healthyAfterMs ? 1 : failures + 1;
        if (failures >= this.resume.maxFailures) {
          throw new EventStoreUnavailableError('subscription to $all', failures, {
            cause: failure,
          });
        }
        await this.pause(failures);
      }
    } finally {
      await this.close();
    }
  }

  private connect(): AllStreamSubscription {
    const source = this.open(this.checkpoint);
    // The client reports gRPC failures with a bare 'error' event: unheard, it
    // would crash the process; and only a stream destroyed with the error
    // passes it to a reader.
    source.on('error', (error: Error) => {
      if (!source.destroyed) {
        source.destroy(error);
      }
    });
    this.source = source;
    return source;
  }

  private accept(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
    if (isSystemEvent(resolved)) {
      return undefined;
    }
    const event = toRecordedEvent(resolved);
    if (this.checkpoint !== undefined && event.position <= this.checkpoint) {
      return undefined;
    }
    // The server filtered on one property only (see serverFilter).
    return matchesFilter(event, this.filter) ? event : undefined;
  }

  /** Waits before the next attempt; unsubscribe() ends the wait at once. */
  private pause(failures: number): Promise<void> {
    const delay = backoffDelay(
      failures,
      { initialMs: this.resume.initialDelayMs, maxMs: this.resume.maxDelayMs },
      this.resume.random,
    );
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.wake = done;
    });
  }

  /** Ends one connection: destroyed first, so a pending read ends even if cancelling the call is slow. */
  private async release(source: AllStreamSubscription): Promise<void> {
    if (this.released.has(source)) {
      return;
    }
    this.released.add(source);
    if (!source.destroyed) {
      source.destroy();
    }
    await source.unsubscribe().catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.onClosed();
    this.wake?.();
    if (this.source) {
      await this.release(this.source);
    }
  }
}

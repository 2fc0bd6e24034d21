import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { EventFilter, EventSubscription, RecordedEvent } from '@leadrail/event-store';
import { matchesFilter } from './event-filter';
import { isSystemEvent, toRecordedEvent } from './event-mapping';

/**
 * A catch-up subscription to `$all` (the server sends history, then live
 * events), seen through one iterator so a consumer can stop reading and
 * resume later where it stopped.
 */
export class KurrentDbSubscription implements EventSubscription {
  private closed = false;
  /** The last position delivered (or the checkpoint resumed from): nothing at or before it again. */
  private checkpoint: bigint | undefined;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly source: AllStreamSubscription,
    after: bigint | undefined,
    private readonly filter: EventFilter | undefined,
    private readonly onClosed: () => void = () => undefined,
  ) {
    this.checkpoint = after;
    // The client reports gRPC failures with a bare 'error' event: unheard, it
    // would crash the process; and only a stream destroyed with the error
    // passes it to a reader, even one that starts reading later.
    source.on('error', (error: Error) => {
      if (!source.destroyed) {
        source.destroy(error);
      }
    });
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
    try {
      for await (const resolved of this.source) {
        const event = this.accept(resolved);
        if (event) {
          this.checkpoint = event.position;
          yield event;
        }
      }
    } catch (error) {
      // Closing destroys the source, which fails a pending read with a premature close.
      if (!this.closed) {
        throw error;
      }
    } finally {
      await this.close();
    }
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

  private async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.onClosed();
    // Destroy first, so a pending read ends even if cancelling the call is slow.
    this.source.destroy();
    await this.source.unsubscribe().catch(() => undefined);
  }
}
